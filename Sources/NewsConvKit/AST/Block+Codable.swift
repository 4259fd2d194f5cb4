// JSON shape of a block: an object whose "type" names the case, e.g.
// {"type": "heading", "level": 2, "content": [...]}. Documented in README.md ("The JSON format").
extension Block: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, content, level, blocks, kind, tight, items, info, text, table, figure, html
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "paragraph": self = .paragraph(try c.decode([Inline].self, forKey: .content))
        case "heading":
            let level = try c.decode(Int.self, forKey: .level)
            guard (1...6).contains(level) else {
                throw DecodingError.dataCorruptedError(forKey: .level, in: c, debugDescription: "heading level \(level) is not 1-6")
            }
            self = .heading(level: level, content: try c.decode([Inline].self, forKey: .content))
        case "blockQuote": self = .blockQuote(try c.decode([Block].self, forKey: .blocks))
        case "list":
            self = .list(ListBlock(
                kind: try c.decode(ListKind.self, forKey: .kind),
                isTight: try c.decodeIfPresent(Bool.self, forKey: .tight) ?? true,
                items: try c.decode([ListItem].self, forKey: .items)))
        case "codeBlock":
            self = .codeBlock(info: try c.decodeIfPresent(String.self, forKey: .info) ?? "",
                              text: try c.decode(String.self, forKey: .text))
        case "thematicBreak": self = .thematicBreak
        case "table": self = .table(try c.decode(Table.self, forKey: .table))
        case "figure": self = .figure(try c.decode(Figure.self, forKey: .figure))
        case "rawHTML": self = .rawHTML(try c.decode(String.self, forKey: .html))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown block type \"\(other)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .paragraph(let content):
            try c.encode("paragraph", forKey: .type)
            try c.encode(content, forKey: .content)
        case .heading(let level, let content):
            try c.encode("heading", forKey: .type)
            try c.encode(level, forKey: .level)
            try c.encode(content, forKey: .content)
        case .blockQuote(let blocks):
            try c.encode("blockQuote", forKey: .type)
            try c.encode(blocks, forKey: .blocks)
        case .list(let list):
            try c.encode("list", forKey: .type)
            try c.encode(list.kind, forKey: .kind)
            try c.encode(list.isTight, forKey: .tight)
            try c.encode(list.items, forKey: .items)
        case .codeBlock(let info, let text):
            try c.encode("codeBlock", forKey: .type)
            if !info.isEmpty { try c.encode(info, forKey: .info) }
            try c.encode(text, forKey: .text)
        case .thematicBreak:
            try c.encode("thematicBreak", forKey: .type)
        case .table(let table):
            try c.encode("table", forKey: .type)
            try c.encode(table, forKey: .table)
        case .figure(let figure):
            try c.encode("figure", forKey: .type)
            try c.encode(figure, forKey: .figure)
        case .rawHTML(let html):
            try c.encode("rawHTML", forKey: .type)
            try c.encode(html, forKey: .html)
        }
    }
}
