/// Turning the block tree into the shared AST, parsing each leaf's inline content. Block
/// quotes and lists nested deeper than the limit are kept as the HTML the reference renderer
/// would give (rendered without recursion), so hostile input cannot make an AST deep enough to
/// exhaust the stack of whoever walks it.
extension MarkdownBlockParser {
    /// Nesting limits of the AST (as markdown-it's `maxNesting`).
    static let maxBlockNesting = 100
    static let maxInlineNesting = 100

    /// The body blocks, and whether some nesting had to be kept as HTML.
    func blocks() -> (blocks: [Block], truncated: Bool) {
        var inline = MarkdownInlineParser(references: references, extensions: extensions)
        var truncated = false
        let result = content.withUnsafeBufferPointer { c in
            children(of: 0, depth: 0, c, &inline, &truncated)
        }
        return (result, truncated || inline.nestingTruncated)
    }

    private func children(of parent: Int32, depth: Int, _ c: Bytes, _ inline: inout MarkdownInlineParser,
                          _ truncated: inout Bool) -> [Block] {
        var out: [Block] = []
        var child = nodes[Int(parent)].firstChild
        while child >= 0 {
            out.append(block(child, depth: depth, c, &inline, &truncated))
            child = nodes[Int(child)].next
        }
        return out
    }

    private func block(_ index: Int32, depth: Int, _ c: Bytes, _ inline: inout MarkdownInlineParser,
                       _ truncated: inout Bool) -> Block {
        let node = nodes[Int(index)]
        switch node.kind {
        case .blockQuote, .list:
            if depth >= Self.maxBlockNesting {
                truncated = true
                return .rawHTML(renderHTML(index, c, &inline))
            }
            if node.kind == .blockQuote { return .blockQuote(children(of: index, depth: depth + 1, c, &inline, &truncated)) }
            var items: [ListItem] = []
            var item = node.firstChild
            while item >= 0 {
                let itemNode = nodes[Int(item)]
                items.append(ListItem(checked: itemNode.checked < 0 ? nil : itemNode.checked == 1,
                                      blocks: children(of: item, depth: depth + 1, c, &inline, &truncated)))
                item = itemNode.next
            }
            return .list(ListBlock(kind: listKind(node.list), isTight: node.list.tight, items: items))
        case .item, .document, .paragraph, .heading, .thematicBreak, .codeBlock, .htmlBlock, .table:
            // Items are handled with their list, and the document is never a child.
            return leaf(index, c, &inline)
        }
    }

    private func listKind(_ data: MarkdownBlockNode.ListData) -> ListKind {
        data.ordered ? .ordered(start: data.start, delimiter: Character(Unicode.Scalar(data.marker)))
            : .bullet(marker: Character(Unicode.Scalar(data.marker)))
    }

    /// Inline content of `c[start..<end]`, trailing whitespace removed.
    private func inlines(_ start: Int, _ end: Int, _ c: Bytes, _ inline: inout MarkdownInlineParser) -> [Inline] {
        var e = end
        while e > start && MarkdownCharacters.isSpace(c[e - 1]) { e -= 1 }
        guard e > start else { return [] }
        inline.parse(Bytes(rebasing: c[start..<e]))
        return inline.inlines(maxDepth: Self.maxInlineNesting)
    }

    /// A table cell: escaped pipes unescaped before inline parsing (as cmark-gfm).
    private func cell(_ range: Range<Int>, _ c: Bytes, _ inline: inout MarkdownInlineParser) -> [Inline] {
        guard !range.isEmpty else { return [] }
        var hasEscapedPipe = false
        for i in range.lowerBound..<(range.upperBound - 1) where c[i] == UInt8(ascii: "\\") && c[i + 1] == UInt8(ascii: "|") {
            hasEscapedPipe = true
            break
        }
        guard hasEscapedPipe else { return inlines(range.lowerBound, range.upperBound, c, &inline) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            if c[i] == UInt8(ascii: "\\") && i + 1 < range.upperBound && c[i + 1] == UInt8(ascii: "|") { i += 1 }
            bytes.append(c[i])
            i += 1
        }
        return bytes.withUnsafeBufferPointer { inlines(0, $0.count, $0, &inline) }
    }

    private func text(_ c: Bytes, _ start: Int, _ end: Int) -> String {
        String(decoding: Bytes(rebasing: c[start..<end]), as: UTF8.self)
    }

    private func leaf(_ index: Int32, _ c: Bytes, _ inline: inout MarkdownInlineParser) -> Block {
        let node = nodes[Int(index)]
        switch node.kind {
        case .paragraph:
            return .paragraph(inlines(node.contentStart, node.contentEnd, c, &inline))
        case .heading:
            return .heading(level: Int(node.level), content: inlines(node.contentStart, node.contentEnd, c, &inline))
        case .thematicBreak:
            return .thematicBreak
        case .codeBlock:
            var info = ""
            if node.fenced {
                var s = node.infoStart, e = node.infoEnd
                while s < e && MarkdownCharacters.isSpace(c[s]) { s += 1 }
                while e > s && MarkdownCharacters.isSpace(c[e - 1]) { e -= 1 }
                info = MarkdownLinkSyntax.unescaped(c, s, e)
            }
            return .codeBlock(info: info, text: text(c, node.contentStart, node.contentEnd))
        case .htmlBlock:
            return .rawHTML(text(c, node.contentStart, node.contentEnd))
        case .table:
            let cells = tables[Int(node.table)]
            return .table(Table(alignments: cells.alignments,
                                header: cells.header.map { cell($0, c, &inline) },
                                rows: cells.rows.map { row in row.map { cell($0, c, &inline) } }))
        case .document, .blockQuote, .list, .item:
            return .paragraph([])
        }
    }

    /// Renders the subtree at `root` as HTML without recursion (for nesting past the limit).
    private func renderHTML(_ root: Int32, _ c: Bytes, _ inline: inout MarkdownInlineParser) -> String {
        let renderer = HTMLBodyRenderer()
        var out: [UInt8] = []
        var stack: [(node: Int32, entering: Bool)] = [(root, true)]
        while let (index, entering) = stack.popLast() {
            let node = nodes[Int(index)]
            switch node.kind {
            case .blockQuote:
                if entering { renderer.openBlockQuote(&out) } else { renderer.closeBlockQuote(&out) }
            case .list:
                if entering { renderer.openList(listKind(node.list), &out) } else { renderer.closeList(listKind(node.list), &out) }
            case .item:
                if entering { renderer.openItem(checked: node.checked < 0 ? nil : node.checked == 1, &out) } else { renderer.closeItem(&out) }
            case .document:
                break
            default:
                // A leaf; paragraphs directly in the items of a tight list lose their <p>.
                let parent = node.parent
                let tight = parent >= 0 && nodes[Int(parent)].kind == .item && nodes[Int(nodes[Int(parent)].parent)].list.tight
                renderer.render(leaf(index, c, &inline), tight: tight, into: &out)
                continue
            }
            if entering {
                stack.append((index, false))
                var child = node.lastChild
                while child >= 0 {
                    stack.append((child, true))
                    child = nodes[Int(child)].prev
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
