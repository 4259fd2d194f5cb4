/// A block of a story's body.
///
/// Writers `switch` over every case with no `default:`, so a new case is a compile error
/// everywhere it must be handled.
public indirect enum Block: Sendable, Equatable, Hashable {
    /// A paragraph of text.
    case paragraph([Inline])
    /// A heading (level 1–6) inside the body, such as an AFP subhead `- Point of no return -`.
    case heading(level: Int, content: [Inline])
    /// A quoted passage.
    case blockQuote([Block])
    /// A bulleted or numbered list.
    case list(ListBlock)
    /// Preformatted text; `info` is the Markdown info string (`swift`, or empty).
    case codeBlock(info: String, text: String)
    /// A horizontal rule or section separator (`___` in wire copy).
    case thematicBreak
    /// A table.
    case table(Table)
    /// An image with caption and credit, or a photo caption on its own (`image` nil).
    case figure(Figure)
    /// HTML passed through unchanged, for formats that can carry it.
    case rawHTML(String)
}

/// A bulleted or numbered list.
public struct ListBlock: Sendable, Equatable, Hashable, Codable {
    /// Bulleted or numbered, with the marker used.
    public var kind: ListKind
    /// A tight list has no blank lines between its items (paragraphs render without `<p>`).
    public var isTight: Bool
    /// The items.
    public var items: [ListItem]

    /// Creates a list.
    public init(kind: ListKind, isTight: Bool = true, items: [ListItem]) {
        self.kind = kind
        self.isTight = isTight
        self.items = items
    }
}

/// How list items are marked.
public enum ListKind: Sendable, Equatable, Hashable, Codable {
    /// Bullets; `marker` is `-`, `*` or `+` as written in Markdown.
    case bullet(marker: Character)
    /// Numbers from `start`; `delimiter` is `.` or `)` as written in Markdown.
    case ordered(start: Int, delimiter: Character)

    private enum CodingKeys: String, CodingKey { case type, marker, start, delimiter }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "bullet":
            let m = try c.decodeIfPresent(String.self, forKey: .marker) ?? "-"
            self = .bullet(marker: m.first ?? "-")
        case "ordered":
            let d = try c.decodeIfPresent(String.self, forKey: .delimiter) ?? "."
            self = .ordered(start: try c.decodeIfPresent(Int.self, forKey: .start) ?? 1, delimiter: d.first ?? ".")
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown list type \"\(other)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .bullet(let marker):
            try c.encode("bullet", forKey: .type)
            try c.encode(String(marker), forKey: .marker)
        case .ordered(let start, let delimiter):
            try c.encode("ordered", forKey: .type)
            try c.encode(start, forKey: .start)
            try c.encode(String(delimiter), forKey: .delimiter)
        }
    }
}

/// One item of a list.
public struct ListItem: Sendable, Equatable, Hashable, Codable {
    /// For a task list item (`- [x] done`), whether it is checked; nil for an ordinary item.
    public var checked: Bool?
    /// The item's content.
    public var blocks: [Block]

    /// Creates a list item.
    public init(checked: Bool? = nil, blocks: [Block]) {
        self.checked = checked
        self.blocks = blocks
    }
}

/// A table with a header row.
public struct Table: Sendable, Equatable, Hashable, Codable {
    /// Column alignments; its count is the number of columns.
    public var alignments: [TableAlignment]
    /// Header cells.
    public var header: [[Inline]]
    /// Body rows of cells. Rows may be shorter than the header.
    public var rows: [[[Inline]]]
    /// A caption, if the source had one.
    public var caption: [Inline]

    /// Creates a table.
    public init(alignments: [TableAlignment], header: [[Inline]], rows: [[[Inline]]], caption: [Inline] = []) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.caption = caption
    }

    private enum CodingKeys: String, CodingKey { case alignments, header, rows, caption }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        alignments = try c.decode([TableAlignment].self, forKey: .alignments)
        header = try c.decode([[Inline]].self, forKey: .header)
        rows = try c.decodeIfPresent([[[Inline]]].self, forKey: .rows) ?? []
        caption = try c.decodeIfPresent([Inline].self, forKey: .caption) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(alignments, forKey: .alignments)
        try c.encode(header, forKey: .header)
        try c.encode(rows, forKey: .rows)
        if !caption.isEmpty { try c.encode(caption, forKey: .caption) }
    }
}

/// Horizontal alignment of a table column.
public enum TableAlignment: String, Sendable, Equatable, Hashable, Codable {
    /// No alignment given.
    case none
    /// Left-aligned.
    case left
    /// Centred.
    case center
    /// Right-aligned.
    case right
}

/// An image with its caption and credit, or a photo caption without an image.
public struct Figure: Sendable, Equatable, Hashable, Codable {
    /// The image; nil for a caption whose image is not part of the story (wire photo captions).
    public var image: ImageReference?
    /// The caption.
    public var caption: [Inline]
    /// Photographer or agency credit (`Photo by Jean Martin / AFP`).
    public var credit: String?

    /// Creates a figure.
    public init(image: ImageReference? = nil, caption: [Inline] = [], credit: String? = nil) {
        self.image = image
        self.caption = caption
        self.credit = credit
    }

    private enum CodingKeys: String, CodingKey { case image, caption, credit }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        image = try c.decodeIfPresent(ImageReference.self, forKey: .image)
        caption = try c.decodeIfPresent([Inline].self, forKey: .caption) ?? []
        credit = try c.decodeIfPresent(String.self, forKey: .credit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(image, forKey: .image)
        if !caption.isEmpty { try c.encode(caption, forKey: .caption) }
        try c.encodeIfPresent(credit, forKey: .credit)
    }
}

/// Where an image is and how to describe it.
public struct ImageReference: Sendable, Equatable, Hashable, Codable {
    /// Address of the image: a URL, a path relative to the story, or a `data:` URL.
    public var source: String
    /// Text alternative.
    public var alt: String
    /// Title (tooltip), if any.
    public var title: String?

    /// Creates an image reference.
    public init(source: String, alt: String = "", title: String? = nil) {
        self.source = source
        self.alt = alt
        self.title = title
    }
}
