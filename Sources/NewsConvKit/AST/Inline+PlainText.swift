extension Array where Element == Inline {
    /// The text of these inlines with all formatting removed; breaks become spaces (soft) or
    /// newlines (hard), images contribute their alt text, raw HTML is left out.
    public var plainText: String {
        var out = ""
        appendPlainText(to: &out)
        return out
    }

    func appendPlainText(to out: inout String) {
        for inline in self { inline.appendPlainText(to: &out) }
    }
}

extension Inline {
    func appendPlainText(to out: inout String) {
        switch self {
        case .text(let s), .code(let s): out += s
        case .emphasis(let c), .strong(let c), .strikethrough(let c): c.appendPlainText(to: &out)
        case .link(let link): link.content.appendPlainText(to: &out)
        case .image(let image): image.alt.appendPlainText(to: &out)
        case .softBreak: out += " "
        case .hardBreak: out += "\n"
        case .rawHTML: break
        }
    }
}

extension Block {
    /// The text of this block with all formatting removed, paragraphs separated by blank lines.
    public var plainText: String {
        var parts: [String] = []
        collectPlainText(into: &parts)
        return parts.joined(separator: "\n\n")
    }

    func collectPlainText(into parts: inout [String]) {
        switch self {
        case .paragraph(let c), .heading(_, let c): parts.append(c.plainText)
        case .blockQuote(let blocks): for b in blocks { b.collectPlainText(into: &parts) }
        case .list(let list):
            for item in list.items { for b in item.blocks { b.collectPlainText(into: &parts) } }
        case .codeBlock(_, let text): parts.append(text)
        case .thematicBreak, .rawHTML: break
        case .table(let table):
            for row in [table.header] + table.rows { parts.append(row.map(\.plainText).joined(separator: "\t")) }
        case .figure(let figure):
            let caption = figure.caption.plainText
            if !caption.isEmpty { parts.append(caption) }
        }
    }
}

extension Story {
    /// The body as plain text, paragraphs separated by blank lines.
    public var plainText: String {
        var parts: [String] = []
        for block in body { block.collectPlainText(into: &parts) }
        return parts.joined(separator: "\n\n")
    }
}
