/// Renders story body blocks as HTML exactly as the CommonMark reference renderer (cmark-gfm)
/// does, so `newsconv -f markdown -t html --fragment` matches the CommonMark spec. The HTML and
/// EPUB writers use it for story bodies; its output is also well-formed XHTML as long as the
/// body holds no raw HTML (void elements are written `<br />`).
public struct HTMLBodyRenderer: Sendable {
    /// Creates a renderer.
    public init() {}

    /// The HTML of `blocks`.
    public func render(_ blocks: [Block]) -> String {
        var out: [UInt8] = []
        render(blocks, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the HTML of `blocks` to `out`.
    public func render(_ blocks: [Block], into out: inout [UInt8]) {
        for block in blocks { render(block, tight: false, into: &out) }
    }

    /// The HTML of `inlines`.
    public func render(inlines: [Inline]) -> String {
        var out: [UInt8] = []
        render(inlines, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func newline(_ out: inout [UInt8]) {
        if let last = out.last, last != 10 { out.append(10) }
    }

    private func append(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private func render(_ block: Block, tight: Bool, into out: inout [UInt8]) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                render(inlines, into: &out)
            } else {
                newline(&out)
                append("<p>", &out)
                render(inlines, into: &out)
                append("</p>\n", &out)
            }
        case .heading(let level, let inlines):
            let l = UInt8(ascii: "0") + UInt8(min(max(level, 1), 6))
            newline(&out)
            out += [60, 104, l, 62]  // <hN>
            render(inlines, into: &out)
            out += [60, 47, 104, l, 62, 10]  // </hN>\n
        case .blockQuote(let blocks):
            newline(&out)
            append("<blockquote>\n", &out)
            for b in blocks { render(b, tight: false, into: &out) }
            newline(&out)
            append("</blockquote>\n", &out)
        case .list(let list):
            newline(&out)
            switch list.kind {
            case .bullet: append("<ul>\n", &out)
            case .ordered(let start, _):
                if start == 1 { append("<ol>\n", &out) } else { out += Array("<ol start=\"\(start)\">\n".utf8) }
            }
            for item in list.items {
                newline(&out)
                append("<li>", &out)
                if let checked = item.checked {
                    append(checked ? "<input checked=\"\" disabled=\"\" type=\"checkbox\" />" : "<input disabled=\"\" type=\"checkbox\" />", &out)
                    if !item.blocks.isEmpty { out.append(32) }
                }
                for b in item.blocks { render(b, tight: list.isTight, into: &out) }
                append("</li>\n", &out)
            }
            switch list.kind {
            case .bullet: append("</ul>\n", &out)
            case .ordered: append("</ol>\n", &out)
            }
        case .codeBlock(let info, let text):
            newline(&out)
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            if language.isEmpty {
                append("<pre><code>", &out)
            } else {
                append("<pre><code class=\"language-", &out)
                Escaping.appendHTML(language, to: &out)
                append("\">", &out)
            }
            Escaping.appendHTML(text, to: &out)
            append("</code></pre>\n", &out)
        case .thematicBreak:
            newline(&out)
            append("<hr />\n", &out)
        case .rawHTML(let html):
            newline(&out)
            out += Array(html.utf8)
            newline(&out)
        case .table(let table):
            renderTable(table, into: &out)
        case .figure(let figure):
            newline(&out)
            append("<figure>\n", &out)
            if let image = figure.image {
                append("<img src=\"", &out)
                Escaping.appendHref(image.source, to: &out)
                append("\" alt=\"", &out)
                Escaping.appendHTML(image.alt, to: &out)
                if let title = image.title {
                    append("\" title=\"", &out)
                    Escaping.appendHTML(title, to: &out)
                }
                append("\" />\n", &out)
            }
            if !figure.caption.isEmpty || figure.credit != nil {
                append("<figcaption>", &out)
                render(figure.caption, into: &out)
                if let credit = figure.credit {
                    if !figure.caption.isEmpty { out.append(32) }
                    append("<span class=\"credit\">", &out)
                    Escaping.appendHTML(credit, to: &out)
                    append("</span>", &out)
                }
                append("</figcaption>\n", &out)
            }
            append("</figure>\n", &out)
        }
    }

    private func renderTable(_ table: Table, into out: inout [UInt8]) {
        newline(&out)
        append("<table>\n", &out)
        if !table.caption.isEmpty {
            append("<caption>", &out)
            render(table.caption, into: &out)
            append("</caption>\n", &out)
        }
        func cell(_ tag: StaticString, _ index: Int, _ content: [Inline]) {
            append("<", &out)
            append(tag, &out)
            switch index < table.alignments.count ? table.alignments[index] : .none {
            case .none: break
            case .left: append(" align=\"left\"", &out)
            case .center: append(" align=\"center\"", &out)
            case .right: append(" align=\"right\"", &out)
            }
            append(">", &out)
            render(content, into: &out)
            append("</", &out)
            append(tag, &out)
            append(">\n", &out)
        }
        append("<thead>\n<tr>\n", &out)
        for (i, c) in table.header.enumerated() { cell("th", i, c) }
        append("</tr>\n</thead>\n", &out)
        if !table.rows.isEmpty {
            append("<tbody>\n", &out)
            let columns = max(table.header.count, table.alignments.count)
            for row in table.rows {
                append("<tr>\n", &out)
                for i in 0..<max(columns, row.count) { cell("td", i, i < row.count ? row[i] : []) }
                append("</tr>\n", &out)
            }
            append("</tbody>\n", &out)
        }
        append("</table>\n", &out)
    }

    /// Appends the HTML of `inlines` to `out`.
    public func render(_ inlines: [Inline], into out: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let s): Escaping.appendHTML(s, to: &out)
            case .emphasis(let c):
                append("<em>", &out); render(c, into: &out); append("</em>", &out)
            case .strong(let c):
                append("<strong>", &out); render(c, into: &out); append("</strong>", &out)
            case .strikethrough(let c):
                append("<del>", &out); render(c, into: &out); append("</del>", &out)
            case .code(let s):
                append("<code>", &out); Escaping.appendHTML(s, to: &out); append("</code>", &out)
            case .link(let link):
                append("<a href=\"", &out)
                Escaping.appendHref(link.destination, to: &out)
                if let title = link.title {
                    append("\" title=\"", &out)
                    Escaping.appendHTML(title, to: &out)
                }
                append("\">", &out)
                render(link.content, into: &out)
                append("</a>", &out)
            case .image(let image):
                append("<img src=\"", &out)
                Escaping.appendHref(image.source, to: &out)
                append("\" alt=\"", &out)
                Escaping.appendHTML(image.alt.plainText, to: &out)
                if let title = image.title {
                    append("\" title=\"", &out)
                    Escaping.appendHTML(title, to: &out)
                }
                append("\" />", &out)
            case .softBreak: out.append(10)
            case .hardBreak: append("<br />\n", &out)
            case .rawHTML(let html): out += Array(html.utf8)
            }
        }
    }
}
