/// A run of text inside a block, with its formatting.
public indirect enum Inline: Sendable, Equatable, Hashable {
    /// Plain text, already unescaped.
    case text(String)
    /// Emphasis (usually italics).
    case emphasis([Inline])
    /// Strong emphasis (usually bold).
    case strong([Inline])
    /// Struck-through text.
    case strikethrough([Inline])
    /// Inline code.
    case code(String)
    /// A hyperlink.
    case link(Link)
    /// An inline image.
    case image(InlineImage)
    /// A line break in the source that renders as a space.
    case softBreak
    /// A forced line break.
    case hardBreak
    /// Inline HTML passed through unchanged, for formats that can carry it.
    case rawHTML(String)
}

/// A hyperlink.
public struct Link: Sendable, Equatable, Hashable, Codable {
    /// The target address.
    public var destination: String
    /// Title (tooltip), if any.
    public var title: String?
    /// The link text.
    public var content: [Inline]

    /// Creates a link.
    public init(destination: String, title: String? = nil, content: [Inline]) {
        self.destination = destination
        self.title = title
        self.content = content
    }
}

/// An image inside a line of text.
public struct InlineImage: Sendable, Equatable, Hashable, Codable {
    /// Address of the image.
    public var source: String
    /// Title (tooltip), if any.
    public var title: String?
    /// The description, as inline content (rendered as `alt` text in HTML).
    public var alt: [Inline]

    /// Creates an inline image.
    public init(source: String, title: String? = nil, alt: [Inline]) {
        self.source = source
        self.title = title
        self.alt = alt
    }
}
