/// Writes a story body as NITF 3.6 inside `contentSet/inlineXML` (`application/nitf+xml`).
///
/// `body.head` repeats the headline (`hedline/hl1`), the subheadline (`hl2`), the bylines
/// (`byline` with `person` and `byttl`), the dateline and the summary (`abstract`), so that the
/// NITF stands on its own; `body.end/tagline` holds the sign-off. The body maps onto NITF's
/// blocks: `p`, `hl2` for headings, `bq/block` for quotes, `ul`/`ol`, `pre`, `hr`, `table` and
/// `media` (with `media-reference`, `media-caption` and `media-producer`) for figures.
///
/// NITF has fewer inline and list kinds than the AST, so newsconv keeps the rest in `class`
/// attributes, which its reader understands: `<em class="bold">` (strong),
/// `<em class="strikethrough">`, `<em class="code">`, `<hl2 class="level-3">` (a heading that is
/// not level 2), `<ol class="start-4">`, `<li class="checked">`/`<li class="unchecked">` (task
/// items) and `<pre class="language-swift">`. Inline images and raw HTML inlines cannot be
/// carried (warnings); a raw HTML block is converted to NITF blocks where it maps onto them.
struct NITFBodyWriter {
    let context: WriteContext

    /// Appends `<inlineXML …><nitf …>…</nitf></inlineXML>` for `story`.
    func write(_ story: Story, into out: inout XMLBuilder, depth: Int) {
        let m = story.metadata
        out.newline(depth)
        out.open("inlineXML", [("contenttype", NewsMLVocabulary.nitfContentType)])
        out.newline(depth + 1)
        out.open("nitf", [("xmlns", NewsMLVocabulary.nitfNamespace)])
        out.newline(depth + 2)
        out.open("body")
        let head = depth + 3
        let hasHead = m.headline != nil || !m.bylines.isEmpty || m.dateline != nil || m.summary != nil
        if hasHead {
            out.newline(head)
            out.open("body.head")
            if let headline = m.headline {
                out.newline(head + 1)
                out.open("hedline")
                out.open("hl1")
                out.text(headline)
                out.close("hl1")
                if let subheadline = m.subheadline {
                    out.open("hl2")
                    out.text(subheadline)
                    out.close("hl2")
                }
                out.close("hedline")
            }
            for byline in m.bylines {
                out.newline(head + 1)
                out.raw("<byline>By <person>")
                out.text(byline.name)
                out.raw("</person>")
                if let role = byline.role {
                    out.raw(", <byttl>")
                    out.text(role)
                    out.raw("</byttl>")
                }
                out.close("byline")
            }
            if let dateline = m.dateline {
                out.newline(head + 1)
                writeDateline(dateline, into: &out)
            }
            if let summary = m.summary {
                out.newline(head + 1)
                out.raw("<abstract><p>")
                appendLines(summary, into: &out)
                out.raw("</p></abstract>")
            }
            out.newline(head)
            out.close("body.head")
        }
        out.newline(head)
        out.raw("<body.content>\n")
        var blocks = BlockWriter(context: context)
        blocks.write(story.body, into: &out.bytes)
        if out.bytes.last != 10 { out.bytes.append(10) }
        for _ in 0..<head { out.raw("  ") }
        out.close("body.content")
        if let signoff = m.signoff {
            out.newline(head)
            out.raw("<body.end><tagline>")
            out.text(signoff)
            out.raw("</tagline></body.end>")
        }
        out.newline(depth + 2)
        out.close("body")
        out.newline(depth + 1)
        out.close("nitf")
        out.newline(depth)
        out.close("inlineXML")
    }

    /// `<dateline><location>ROTTERDAM</location>, <story.date>Nov 24</story.date> (Reuters)</dateline>`.
    private func writeDateline(_ dateline: Dateline, into out: inout XMLBuilder) {
        out.open("dateline")
        dateline.forEachPart { part, before, value, after in
            out.text(before)
            switch part {
            case .place: out.raw("<location>"); out.text(value); out.raw("</location>")
            case .date: out.raw("<story.date>"); out.text(value); out.raw("</story.date>")
            case .agency: out.text(value)
            }
            out.text(after)
        }
        out.close("dateline")
    }

    private func appendLines(_ text: String, into out: inout XMLBuilder) {
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { out.raw("<br/>") }
            out.text(String(line))
        }
    }
}

extension NITFBodyWriter {
    /// Writes body blocks as NITF block content.
    struct BlockWriter {
        let context: WriteContext
        /// True while writing blocks converted from raw HTML, whose own raw HTML is not
        /// converted again.
        var insideConvertedHTML = false

        init(context: WriteContext) {
            self.context = context
        }

        mutating func write(_ blocks: [Block], into out: inout [UInt8]) {
            for block in blocks { write(block, into: &out) }
        }

        private func raw(_ s: StaticString, _ out: inout [UInt8]) {
            out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
        }

        private func attribute(_ name: StaticString, _ value: String, _ out: inout [UInt8]) {
            out.append(32)
            raw(name, &out)
            raw("=\"", &out)
            Escaping.appendXMLAttribute(value, to: &out)
            out.append(UInt8(ascii: "\""))
        }

        mutating func write(_ block: Block, into out: inout [UInt8]) {
            switch block {
            case .paragraph(let inlines):
                raw("<p>", &out)
                write(inlines, into: &out)
                raw("</p>\n", &out)
            case .heading(let level, let inlines):
                raw("<hl2", &out)
                if level != 2 { attribute("class", "level-\(level)", &out) }
                raw(">", &out)
                write(inlines, into: &out)
                raw("</hl2>\n", &out)
            case .blockQuote(let blocks):
                raw("<bq><block>\n", &out)
                write(blocks, into: &out)
                raw("</block></bq>\n", &out)
            case .list(let list):
                writeList(list, into: &out)
            case .codeBlock(let info, let text):
                raw("<pre", &out)
                let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
                if !language.isEmpty { attribute("class", "language-" + language, &out) }
                raw(">", &out)
                Escaping.appendXML(text, to: &out)
                raw("</pre>\n", &out)
            case .thematicBreak:
                raw("<hr/>\n", &out)
            case .table(let table):
                writeTable(table, into: &out)
            case .figure(let figure):
                writeFigure(figure, into: &out)
            case .rawHTML(let html):
                writeRawHTML(html, into: &out)
            }
        }

        private mutating func writeList(_ list: ListBlock, into out: inout [UInt8]) {
            guard !list.items.isEmpty else { return }
            let tag: StaticString
            switch list.kind {
            case .bullet:
                tag = "ul"
                raw("<ul>\n", &out)
            case .ordered(let start, _):
                tag = "ol"
                raw("<ol", &out)
                if start != 1 { attribute("class", "start-\(start)", &out) }
                raw(">\n", &out)
            }
            for item in list.items {
                raw("<li", &out)
                if let checked = item.checked { attribute("class", checked ? "checked" : "unchecked", &out) }
                raw(">", &out)
                if list.isTight {
                    // A tight item's paragraphs are its bare text, as in HTML.
                    for (index, block) in item.blocks.enumerated() {
                        if case .paragraph(let inlines) = block {
                            write(inlines, into: &out)
                            if index + 1 < item.blocks.count { out.append(10) }
                        } else {
                            write(block, into: &out)
                        }
                    }
                } else {
                    if !item.blocks.isEmpty { out.append(10) }
                    write(item.blocks, into: &out)
                }
                raw("</li>\n", &out)
            }
            raw("</", &out)
            raw(tag, &out)
            raw(">\n", &out)
        }

        private mutating func writeTable(_ table: Table, into out: inout [UInt8]) {
            raw("<table>\n", &out)
            if !table.caption.isEmpty {
                raw("<caption>", &out)
                write(table.caption, into: &out)
                raw("</caption>\n", &out)
            }
            let columns = max(table.header.count, table.alignments.count)
            func cells(_ tag: StaticString, _ row: [[Inline]], _ out: inout [UInt8]) {
                raw("<tr>", &out)
                for i in 0..<max(1, max(columns, row.count)) {
                    raw("<", &out)
                    raw(tag, &out)
                    switch i < table.alignments.count ? table.alignments[i] : .none {
                    case .none: break
                    case .left: attribute("align", "left", &out)
                    case .center: attribute("align", "center", &out)
                    case .right: attribute("align", "right", &out)
                    }
                    raw(">", &out)
                    if i < row.count { write(row[i], into: &out) }
                    raw("</", &out)
                    raw(tag, &out)
                    raw(">", &out)
                }
                raw("</tr>\n", &out)
            }
            if !table.header.isEmpty {
                raw("<thead>\n", &out)
                cells("th", table.header, &out)
                raw("</thead>\n", &out)
            }
            if !table.rows.isEmpty {
                raw("<tbody>\n", &out)
                for row in table.rows { cells("td", row, &out) }
                raw("</tbody>\n", &out)
            }
            raw("</table>\n", &out)
        }

        private mutating func writeFigure(_ figure: Figure, into out: inout [UInt8]) {
            raw("<media media-type=\"image\">", &out)
            raw("<media-reference", &out)
            if let image = figure.image {
                attribute("source", image.source, &out)
                if let type = NewsMLVocabulary.imageMediaType(forPath: image.source) { attribute("mime-type", type, &out) }
                if !image.alt.isEmpty { attribute("alternate-text", image.alt, &out) }
                if let title = image.title { attribute("name", title, &out) }
            }
            raw("/>", &out)
            if !figure.caption.isEmpty {
                raw("<media-caption>", &out)
                write(figure.caption, into: &out)
                raw("</media-caption>", &out)
            }
            if let credit = figure.credit {
                raw("<media-producer>", &out)
                Escaping.appendXML(credit, to: &out)
                raw("</media-producer>", &out)
            }
            raw("</media>\n", &out)
        }

        /// Raw HTML: read into blocks with the body reader and written as NITF; what does not
        /// map onto NITF (and raw HTML inside converted HTML) is kept as text.
        private mutating func writeRawHTML(_ html: String, into out: inout [UInt8]) {
            let root = (try? XMLDocument.parseHTML(Array(html.utf8), encoding: "UTF-8"))?.root
            if !insideConvertedHTML, let root {
                var reader = NewsMLBodyReader(unknownElements: .unwrap)
                let blocks = reader.blocks(fromChildrenOf: root)
                context.warn("raw HTML converted to NITF blocks (its markup is not kept)")
                insideConvertedHTML = true
                write(blocks, into: &out)
                insideConvertedHTML = false
                return
            }
            let text = (root?.textContent ?? "").trimmingWhitespace
            context.warn("raw HTML cannot be carried in NITF; kept as text")
            guard !text.isEmpty else { return }
            raw("<p>", &out)
            Escaping.appendXML(text, to: &out)
            raw("</p>\n", &out)
        }

        mutating func write(_ inlines: [Inline], into out: inout [UInt8]) {
            for inline in inlines {
                switch inline {
                case .text(let s):
                    Escaping.appendXML(s, to: &out)
                case .emphasis(let c):
                    raw("<em>", &out); write(c, into: &out); raw("</em>", &out)
                case .strong(let c):
                    raw("<em class=\"bold\">", &out); write(c, into: &out); raw("</em>", &out)
                case .strikethrough(let c):
                    raw("<em class=\"strikethrough\">", &out); write(c, into: &out); raw("</em>", &out)
                case .code(let s):
                    raw("<em class=\"code\">", &out); Escaping.appendXML(s, to: &out); raw("</em>", &out)
                case .link(let link):
                    raw("<a", &out)
                    attribute("href", link.destination, &out)
                    if let title = link.title { attribute("title", title, &out) }
                    raw(">", &out)
                    write(link.content, into: &out)
                    raw("</a>", &out)
                case .image(let image):
                    context.warn("NITF has no inline images; \"\(image.source)\" is kept as its description")
                    write(image.alt, into: &out)
                case .softBreak:
                    out.append(10)
                case .hardBreak:
                    raw("<br/>\n", &out)
                case .rawHTML(let html):
                    context.warn("NITF cannot carry raw HTML; dropped inline \(html.prefix(40))")
                }
            }
        }
    }
}
