/// Renders story body blocks as HTML exactly as the CommonMark reference renderer (cmark-gfm)
/// does, so `newsconv -f markdown -t html --fragment` matches the CommonMark spec. The HTML and
/// EPUB writers use it for story bodies; its output is also well-formed XHTML as long as the
/// body holds no raw HTML (void elements are written `<br />`).
public struct HTMLBodyRenderer: Sendable {
    /// Table cell alignment as `style="text-align: …"` (HTML5 and EPUB 3, which have no `align`)
    /// instead of CommonMark's `align="…"`.
    public var alignsWithStyle: Bool
    /// XML 1.0 output: characters XML cannot carry left out, and tabs and line breaks in attribute
    /// values written as character references (which XML would otherwise read as spaces).
    public var writesXML: Bool

    /// Creates a renderer; `alignsWithStyle` for HTML5 pages and EPUB, `writesXML` for XML
    /// documents (NewsML-G2 bodies).
    public init(alignsWithStyle: Bool = false, writesXML: Bool = false) {
        self.alignsWithStyle = alignsWithStyle
        self.writesXML = writesXML
    }

    /// Text content, escaped.
    private func text(_ text: String, _ out: inout [UInt8]) {
        if writesXML { Escaping.appendXML(text, to: &out) } else { Escaping.appendHTML(text, to: &out) }
    }

    /// An attribute value, escaped.
    private func attribute(_ value: String, _ out: inout [UInt8]) {
        if writesXML { Escaping.appendXMLAttribute(value, to: &out) } else { Escaping.appendHTML(value, to: &out) }
    }

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

    /// Starts a new line unless the output is at the start of one.
    func newline(_ out: inout [UInt8]) {
        if let last = out.last, last != 10 { out.append(10) }
    }

    func append(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    /// Renders one block; paragraphs directly inside the items of a tight list (`tight`) lose
    /// their `<p>`.
    func render(_ block: Block, tight: Bool, into out: inout [UInt8]) {
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
            openBlockQuote(&out)
            for b in blocks { render(b, tight: false, into: &out) }
            closeBlockQuote(&out)
        case .list(let list):
            openList(list.kind, &out)
            for item in list.items {
                openItem(checked: item.checked, &out)
                for b in item.blocks { render(b, tight: list.isTight, into: &out) }
                closeItem(&out)
            }
            closeList(list.kind, &out)
        case .codeBlock(let info, let text):
            newline(&out)
            // The language is the info string's first word.
            let wordEnd = info.utf8.firstIndex(where: { $0 == 32 || ($0 >= 9 && $0 <= 13) }) ?? info.endIndex
            let language = info[..<wordEnd]
            if language.isEmpty {
                append("<pre><code>", &out)
            } else {
                append("<pre><code class=\"language-", &out)
                attribute(String(language), &out)
                append("\">", &out)
            }
            self.text(text, &out)
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
                attribute(image.alt, &out)
                if let title = image.title {
                    append("\" title=\"", &out)
                    attribute(title, &out)
                }
                append("\" />\n", &out)
            }
            if !figure.caption.isEmpty || figure.credit != nil {
                append("<figcaption>", &out)
                render(figure.caption, into: &out)
                if let credit = figure.credit {
                    if !figure.caption.isEmpty { out.append(32) }
                    append("<span class=\"credit\">", &out)
                    text(credit, &out)
                    append("</span>", &out)
                }
                append("</figcaption>\n", &out)
            }
            append("</figure>\n", &out)
        }
    }

    // MARK: Container tags (shared with renderers that walk other trees)

    func openBlockQuote(_ out: inout [UInt8]) {
        newline(&out)
        append("<blockquote>\n", &out)
    }

    func closeBlockQuote(_ out: inout [UInt8]) {
        newline(&out)
        append("</blockquote>\n", &out)
    }

    func openList(_ kind: ListKind, _ out: inout [UInt8]) {
        newline(&out)
        switch kind {
        case .bullet: append("<ul>\n", &out)
        case .ordered(let start, _):
            if start == 1 { append("<ol>\n", &out) } else { out += Array("<ol start=\"\(start)\">\n".utf8) }
        }
    }

    func closeList(_ kind: ListKind, _ out: inout [UInt8]) {
        switch kind {
        case .bullet: append("</ul>\n", &out)
        case .ordered: append("</ol>\n", &out)
        }
    }

    /// `<li>`, with a disabled checkbox for a task list item (as cmark-gfm, in XHTML form).
    func openItem(checked: Bool?, _ out: inout [UInt8]) {
        newline(&out)
        append("<li>", &out)
        if let checked {
            append(checked ? "<input checked=\"\" disabled=\"\" type=\"checkbox\" /> " : "<input disabled=\"\" type=\"checkbox\" /> ", &out)
        }
    }

    func closeItem(_ out: inout [UInt8]) {
        append("</li>\n", &out)
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
            let alignment = index < table.alignments.count ? table.alignments[index] : .none
            if alignment != .none { append(alignsWithStyle ? " style=\"text-align: " : " align=\"", &out) }
            switch alignment {
            case .none: break
            case .left: append("left\"", &out)
            case .center: append("center\"", &out)
            case .right: append("right\"", &out)
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

    // MARK: Inlines

    /// Appends the HTML of `inlines` to `out`.
    public func render(_ inlines: [Inline], into out: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let s): text(s, &out)
            case .emphasis(let c):
                append("<em>", &out); render(c, into: &out); append("</em>", &out)
            case .strong(let c):
                append("<strong>", &out); render(c, into: &out); append("</strong>", &out)
            case .strikethrough(let c):
                append("<del>", &out); render(c, into: &out); append("</del>", &out)
            case .code(let s):
                append("<code>", &out); text(s, &out); append("</code>", &out)
            case .link(let link):
                openLink(destination: link.destination, title: link.title, &out)
                render(link.content, into: &out)
                append("</a>", &out)
            case .image(let image):
                openImage(source: image.source, &out)
                renderAlt(image.alt, into: &out)
                closeImage(title: image.title, &out)
            case .softBreak: out.append(10)
            case .hardBreak: append("<br />\n", &out)
            case .rawHTML(let html): out += Array(html.utf8)
            }
        }
    }

    func openLink(destination: String, title: String?, _ out: inout [UInt8]) {
        append("<a href=\"", &out)
        Escaping.appendHref(destination, to: &out)
        if let title {
            append("\" title=\"", &out)
            attribute(title, &out)
        }
        append("\">", &out)
    }

    /// `<img src="…" alt="`; the alt text and ``closeImage(title:_:)`` follow.
    func openImage(source: String, _ out: inout [UInt8]) {
        append("<img src=\"", &out)
        Escaping.appendHref(source, to: &out)
        append("\" alt=\"", &out)
    }

    func closeImage(title: String?, _ out: inout [UInt8]) {
        if let title {
            append("\" title=\"", &out)
            attribute(title, &out)
        }
        append("\" />", &out)
    }

    /// Image description as cmark writes it into `alt`: the text of the inlines (code and raw
    /// HTML included), escaped, with line breaks as spaces.
    func renderAlt(_ inlines: [Inline], into out: inout [UInt8]) {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s), .rawHTML(let s): attribute(s, &out)
            case .emphasis(let c), .strong(let c), .strikethrough(let c): renderAlt(c, into: &out)
            case .link(let link): renderAlt(link.content, into: &out)
            case .image(let image): renderAlt(image.alt, into: &out)
            case .softBreak, .hardBreak: out.append(32)
            }
        }
    }
}
