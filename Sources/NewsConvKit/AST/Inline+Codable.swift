// JSON shape of an inline: an object whose "type" names the case, e.g.
// {"type": "text", "text": "Hello"} or {"type": "link", "destination": "...", "content": [...]}.
extension Inline: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, text, content, destination, title, source, alt, html
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .type) {
        case "text": self = .text(try c.decode(String.self, forKey: .text))
        case "emphasis": self = .emphasis(try c.decode([Inline].self, forKey: .content))
        case "strong": self = .strong(try c.decode([Inline].self, forKey: .content))
        case "strikethrough": self = .strikethrough(try c.decode([Inline].self, forKey: .content))
        case "code": self = .code(try c.decode(String.self, forKey: .text))
        case "link":
            self = .link(Link(destination: try c.decode(String.self, forKey: .destination),
                              title: try c.decodeIfPresent(String.self, forKey: .title),
                              content: try c.decode([Inline].self, forKey: .content)))
        case "image":
            self = .image(InlineImage(source: try c.decode(String.self, forKey: .source),
                                      title: try c.decodeIfPresent(String.self, forKey: .title),
                                      alt: try c.decodeIfPresent([Inline].self, forKey: .alt) ?? []))
        case "softBreak": self = .softBreak
        case "hardBreak": self = .hardBreak
        case "rawHTML": self = .rawHTML(try c.decode(String.self, forKey: .html))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .type, in: c, debugDescription: "unknown inline type \"\(other)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text):
            try c.encode("text", forKey: .type)
            try c.encode(text, forKey: .text)
        case .emphasis(let content):
            try c.encode("emphasis", forKey: .type)
            try c.encode(content, forKey: .content)
        case .strong(let content):
            try c.encode("strong", forKey: .type)
            try c.encode(content, forKey: .content)
        case .strikethrough(let content):
            try c.encode("strikethrough", forKey: .type)
            try c.encode(content, forKey: .content)
        case .code(let text):
            try c.encode("code", forKey: .type)
            try c.encode(text, forKey: .text)
        case .link(let link):
            try c.encode("link", forKey: .type)
            try c.encode(link.destination, forKey: .destination)
            try c.encodeIfPresent(link.title, forKey: .title)
            try c.encode(link.content, forKey: .content)
        case .image(let image):
            try c.encode("image", forKey: .type)
            try c.encode(image.source, forKey: .source)
            try c.encodeIfPresent(image.title, forKey: .title)
            try c.encode(image.alt, forKey: .alt)
        case .softBreak:
            try c.encode("softBreak", forKey: .type)
        case .hardBreak:
            try c.encode("hardBreak", forKey: .type)
        case .rawHTML(let html):
            try c.encode("rawHTML", forKey: .type)
            try c.encode(html, forKey: .html)
        }
    }
}
