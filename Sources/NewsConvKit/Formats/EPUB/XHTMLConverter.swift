/// Turns the elements of an XHTML content document into story blocks: paragraphs, headings,
/// lists, quotes, code, tables, figures, and their inline formatting. Sectioning elements
/// (`section`, `div`, …) are looked through; scripts, styles and forms are skipped.
///
/// Whitespace is collapsed as a browser does; a line break in the source becomes a soft break,
/// so text that ``HTMLBodyRenderer`` wrote reads back as it was.
final class XHTMLConverter {
    /// Maps an image `src` (as written) to the source the AST keeps, or nil to use the alt text.
    private let image: (String) -> String?
    private var pending: Pending = .none
    private var atLineStart = true

    private enum Pending { case none, space, newline }

    init(image: @escaping (String) -> String?) {
        self.image = image
    }

    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "form", "input", "button",
        "select", "textarea", "iframe", "object", "embed", "svg", "math", "audio", "video", "canvas", "nav",
    ]
    static let containers: Set<String> = [
        "body", "div", "section", "article", "main", "header", "footer", "aside", "address", "details", "summary",
        "hgroup", "dl", "dt", "dd", "center", "fieldset", "figure", "html",
    ]
    static let blockElements: Set<String> = containers.union([
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "pre", "hr", "table", "figure", "li",
    ]).union(skipped)

    // MARK: Blocks

    /// The blocks of the children of `element`.
    func blocks(_ element: XMLNode, depth: Int = 0) -> [Block] {
        blocks(of: element.children, depth: depth)
    }

    /// The blocks of `nodes`; inline content between blocks becomes paragraphs.
    func blocks(of nodes: [XMLNode], depth: Int = 0) -> [Block] {
        var out: [Block] = []
        var run: [XMLNode] = []
        func flush() {
            guard !run.isEmpty else { return }
            let content = inlines(run)
            if !content.isEmpty { out.append(.paragraph(content)) }
            run.removeAll()
        }
        for node in nodes {
            switch node.kind {
            case .text:
                run.append(node)
            case .comment, .other:
                continue
            case .element:
                let name = node.name.lowercased()
                if Self.blockElements.contains(name) {
                    flush()
                    out += block(node, name: name, depth: depth)
                } else {
                    run.append(node)
                }
            }
        }
        flush()
        return out
    }

    private func block(_ node: XMLNode, name: String, depth: Int) -> [Block] {
        guard depth < 100, !Self.skipped.contains(name) else { return [] }
        switch name {
        case "p":
            let content = inlines(node.children)
            return content.isEmpty ? [] : [.paragraph(content)]
        case "h1", "h2", "h3", "h4", "h5", "h6":
            return [.heading(level: Int(String(name.dropFirst())) ?? 1, content: inlines(node.children))]
        case "blockquote":
            return [.blockQuote(blocks(node, depth: depth + 1))]
        case "ul", "ol":
            return [.list(list(node, ordered: name == "ol", depth: depth))]
        case "li":
            return blocks(node, depth: depth + 1)
        case "pre":
            let code = node.elements.count == 1 && node.elements[0].name == "code"
                && !node.children.contains { $0.kind == .text && !$0.text.allSatisfy(\.isWhitespace) }
                ? node.elements[0] : nil
            let info = (code?.attribute("class") ?? "").split(separator: " ")
                .first { $0.hasPrefix("language-") }.map { String($0.dropFirst("language-".count)) } ?? ""
            var text = (code ?? node).textContent
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            return [.codeBlock(info: info, text: text)]
        case "hr":
            return [.thematicBreak]
        case "table":
            return [.table(table(node))]
        case "figure":
            return figure(node, depth: depth)
        default:
            return blocks(node, depth: depth + 1)
        }
    }

    private func list(_ node: XMLNode, ordered: Bool, depth: Int) -> ListBlock {
        var items: [ListItem] = []
        var tight = true
        for li in node.elements where li.name == "li" {
            var children = li.children
            var checked: Bool?
            if let first = children.firstIndex(where: { $0.kind == .element || !$0.text.allSatisfy(\.isWhitespace) }),
               children[first].name == "input", children[first].attribute("type") == "checkbox" {
                checked = children[first].attribute("checked") != nil
                children.remove(at: first)
            }
            if li.elements.contains(where: { $0.name == "p" }) { tight = false }
            items.append(ListItem(checked: checked, blocks: blocks(of: children, depth: depth + 1)))
        }
        let start = node.attribute("start").flatMap { Int($0.trimmingWhitespace) } ?? 1
        return ListBlock(kind: ordered ? .ordered(start: start, delimiter: ".") : .bullet(marker: "-"), isTight: tight, items: items)
    }

    private func table(_ node: XMLNode) -> Table {
        var rows: [XMLNode] = []
        var caption: [Inline] = []
        for child in node.elements {
            switch child.name {
            case "caption": caption = inlines(child.children)
            case "thead", "tbody", "tfoot": rows += child.elements(named: "tr")
            case "tr": rows.append(child)
            default: break
            }
        }
        func cells(_ row: XMLNode) -> [XMLNode] { row.elements.filter { $0.name == "td" || $0.name == "th" } }
        var headerRow: XMLNode?
        if let first = rows.first, first.parent?.name == "thead" || cells(first).allSatisfy({ $0.name == "th" }) {
            headerRow = first
            rows.removeFirst()
        }
        let header = headerRow.map { cells($0).map { inlines($0.children) } } ?? []
        let body = rows.map { cells($0).map { inlines($0.children) } }
        let alignmentCells = headerRow.map(cells) ?? rows.first.map(cells) ?? []
        var alignments = alignmentCells.map(Self.alignment)
        let columns = max(header.count, body.map(\.count).max() ?? 0)
        while alignments.count < columns { alignments.append(.none) }
        return Table(alignments: alignments, header: header, rows: body, caption: caption)
    }

    private static func alignment(_ cell: XMLNode) -> TableAlignment {
        var value = cell.attribute("align")?.lowercased()
        for declaration in (cell.attribute("style") ?? "").lowercased().split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            if parts.count == 2, String(parts[0]).trimmingWhitespace == "text-align" {
                value = String(parts[1]).trimmingWhitespace
            }
        }
        switch value {
        case "left": return .left
        case "center": return .center
        case "right": return .right
        default: return .none
        }
    }

    private func figure(_ node: XMLNode, depth: Int) -> [Block] {
        let images = node.elements(named: "img")
        let captionElement = node.element(named: "figcaption")
        let others = node.elements.filter { $0.name != "img" && $0.name != "figcaption" }
        guard images.count <= 1, others.isEmpty else { return blocks(node, depth: depth + 1) }
        var figure = Figure()
        if let img = images.first, let src = img.attribute("src") {
            let alt = img.attribute("alt") ?? ""
            if let source = image(src) {
                figure.image = ImageReference(source: source, alt: alt, title: img.attribute("title"))
            } else if !alt.isEmpty {
                figure.caption = [.text(alt)]
            }
        }
        if let captionElement {
            let parts = captionElement.children
            figure.credit = parts.last { $0.name == "span" && $0.attribute("class") == "credit" }?.textContent
            let captionNodes = parts.filter { !($0.name == "span" && $0.attribute("class") == "credit") }
            let caption = inlines(captionNodes)
            if !caption.isEmpty { figure.caption = caption }
        }
        if figure.image == nil && figure.caption.isEmpty && figure.credit == nil { return [] }
        return [.figure(figure)]
    }

    // MARK: Inlines

    /// The inlines of `nodes` as the content of one block: whitespace collapsed and trimmed.
    func inlines(_ nodes: [XMLNode]) -> [Inline] {
        pending = .none
        atLineStart = true
        var out: [Inline] = []
        for node in nodes { append(node, to: &out, depth: 0) }
        pending = .none
        return out
    }

    private func append(_ node: XMLNode, to out: inout [Inline], depth: Int) {
        switch node.kind {
        case .text:
            appendText(node.text, to: &out)
        case .comment, .other:
            return
        case .element:
            let name = node.name.lowercased()
            guard depth < 100, !Self.skipped.contains(name) else { return }
            switch name {
            case "br":
                pending = .none
                out.append(.hardBreak)
                atLineStart = true
            case "em", "i", "cite", "dfn", "var":
                wrap(node, depth: depth, into: &out, Inline.emphasis)
            case "strong", "b":
                wrap(node, depth: depth, into: &out, Inline.strong)
            case "del", "s", "strike":
                wrap(node, depth: depth, into: &out, Inline.strikethrough)
            case "code", "kbd", "samp", "tt":
                flush(&out)
                out.append(.code(node.textContent))
            case "img":
                let alt = node.attribute("alt") ?? ""
                guard let src = node.attribute("src"), let source = image(src) else {
                    if !alt.isEmpty { appendText(alt, to: &out) }
                    return
                }
                flush(&out)
                out.append(.image(InlineImage(source: source, title: node.attribute("title"), alt: alt.isEmpty ? [] : [.text(alt)])))
            case "a":
                guard let href = node.attribute("href") else {
                    for child in node.children { append(child, to: &out, depth: depth + 1) }
                    return
                }
                let title = node.attribute("title")
                wrap(node, depth: depth, into: &out) { .link(Link(destination: href, title: title, content: $0)) }
            default:
                for child in node.children { append(child, to: &out, depth: depth + 1) }
            }
        }
    }

    private func wrap(_ node: XMLNode, depth: Int, into out: inout [Inline], _ make: ([Inline]) -> Inline) {
        flush(&out)
        var inner: [Inline] = []
        for child in node.children { append(child, to: &inner, depth: depth + 1) }
        if !inner.isEmpty { out.append(make(inner)) }
    }

    /// Emits the whitespace seen since the last content, as one space or a soft break.
    private func flush(_ out: inout [Inline]) {
        switch pending {
        case .none: break
        case .space: appendPiece(" ", to: &out)
        case .newline: out.append(.softBreak)
        }
        pending = .none
        atLineStart = false
    }

    private func appendText(_ text: String, to out: inout [Inline]) {
        var utf8 = Array(text.utf8)[...]
        while !utf8.isEmpty {
            let spaceEnd = utf8.firstIndex { !Self.isSpace($0) } ?? utf8.endIndex
            if spaceEnd > utf8.startIndex {
                if !atLineStart {
                    let newline = utf8[..<spaceEnd].contains(10)
                    if newline { pending = .newline } else if pending == .none { pending = .space }
                }
                utf8 = utf8[spaceEnd...]
                continue
            }
            let wordEnd = utf8.firstIndex(where: Self.isSpace) ?? utf8.endIndex
            flush(&out)
            appendPiece(String(decoding: utf8[..<wordEnd], as: UTF8.self), to: &out)
            utf8 = utf8[wordEnd...]
        }
    }

    private func appendPiece(_ piece: String, to out: inout [Inline]) {
        if case .text(let previous)? = out.last {
            out[out.count - 1] = .text(previous + piece)
        } else {
            out.append(.text(piece))
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 32 || byte == 10 || byte == 9 || byte == 13 || byte == 12
    }
}
