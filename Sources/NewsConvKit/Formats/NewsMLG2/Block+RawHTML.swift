extension Block {
    /// True when this block or anything inside it is raw HTML.
    var containsRawHTML: Bool {
        switch self {
        case .rawHTML: return true
        case .paragraph(let inlines), .heading(_, let inlines): return inlines.containsRawHTML
        case .blockQuote(let blocks): return blocks.contains(where: \.containsRawHTML)
        case .list(let list): return list.items.contains { $0.blocks.contains(where: \.containsRawHTML) }
        case .codeBlock, .thematicBreak: return false
        case .table(let table):
            return table.caption.containsRawHTML || table.header.contains(where: \.containsRawHTML)
                || table.rows.contains { $0.contains(where: \.containsRawHTML) }
        case .figure(let figure): return figure.caption.containsRawHTML
        }
    }
}

extension Array where Element == Inline {
    /// True when any of these inlines, or anything inside them, is raw HTML.
    var containsRawHTML: Bool {
        contains { inline in
            switch inline {
            case .rawHTML: return true
            case .emphasis(let c), .strong(let c), .strikethrough(let c): return c.containsRawHTML
            case .link(let link): return link.content.containsRawHTML
            case .image(let image): return image.alt.containsRawHTML
            case .text, .code, .softBreak, .hardBreak: return false
            }
        }
    }
}
