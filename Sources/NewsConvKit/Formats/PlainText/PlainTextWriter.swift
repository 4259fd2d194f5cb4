/// Writes a story as plain-text wire copy: headline, byline, dateline-led first paragraph,
/// paragraphs wrapped at ``WriteOptions/columns``, then the trailers (closing credits,
/// copyright line, sign-off). ``PlainTextReader`` reads the result back to the same story.
///
/// Plain text cannot carry formatting, links, images, tables or most metadata; what is lost is
/// reported as a warning.
public struct PlainTextWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}

    public func write(_ document: Document, context: WriteContext) throws -> [UInt8] {
        var out = Output(columns: max(context.options.columns, 10))
        var lost = Set<String>()
        for (n, story) in document.stories.enumerated() {
            if n > 0 { out.line(""); out.line(String(repeating: "=", count: min(out.columns, 72))); out.line("") }
            write(story, to: &out, lost: &lost)
        }
        if !lost.isEmpty {
            context.warn("plain text cannot carry \(lost.sorted().joined(separator: ", ")); written as plain text or left out")
        }
        return out.bytes
    }

    struct Output {
        let columns: Int
        var bytes: [UInt8] = []

        mutating func line(_ text: String) {
            bytes.append(contentsOf: text.utf8)
            bytes.append(10)
        }

        mutating func blank() {
            if !bytes.isEmpty && !bytes.ends(with: [10, 10]) { bytes.append(10) }
        }

        /// Appends `text` wrapped at the column width, each line prefixed with `prefix`.
        /// Works on UTF-8 bytes; a word's width counts its characters' first bytes.
        mutating func wrapped(_ text: String, prefix: String = "") {
            let prefixWidth = prefix.count
            var lineLength = 0
            var atLineStart = true
            var text = text
            text.withUTF8 { utf8 in
                var i = 0
                let n = utf8.count
                while i < n {
                    while i < n, utf8[i] == 32 || utf8[i] == 10 { i += 1 }
                    guard i < n else { break }
                    let start = i
                    var width = 0
                    while i < n, utf8[i] != 32, utf8[i] != 10 {
                        if utf8[i] & 0xC0 != 0x80 { width += 1 }
                        i += 1
                    }
                    if !atLineStart && lineLength + 1 + width > columns {
                        bytes.append(10)
                        atLineStart = true
                    }
                    if atLineStart {
                        bytes.append(contentsOf: prefix.utf8)
                        lineLength = prefixWidth
                        atLineStart = false
                    } else {
                        bytes.append(32)
                        lineLength += 1
                    }
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                    lineLength += width
                }
            }
            bytes.append(10)
        }
    }

    private func write(_ story: Story, to out: inout Output, lost: inout Set<String>) {
        let m = story.metadata
        // A slugline is written when the reader will take it for one again (`BC-US--Storm,1st Ld`).
        if let slug = m.slugline, !slug.isEmpty {
            if WireText.isSlugline(slug) { out.line(slug); out.blank() } else { lost.insert("the slugline \"\(slug)\"") }
        }
        if let headline = m.headline, !headline.isEmpty {
            let prefix = m.extra["headline-prefix"].map { $0 + "-" } ?? ""
            out.wrapped(prefix + headline)
            out.blank()
        }
        if let deck = m.subheadline, !deck.isEmpty { out.wrapped(deck); out.blank() }
        for byline in m.bylines {
            out.line("By " + byline.name + (byline.role.map { ", " + $0 } ?? ""))
        }
        if !m.bylines.isEmpty { out.blank() }

        var blocks = story.body[...]
        if let dateline = m.dateline, !dateline.text.isEmpty {
            if case .paragraph(let inlines)? = blocks.first {
                out.wrapped(dateline.text + " - " + text(inlines, &lost))
                blocks = blocks.dropFirst()
            } else {
                out.line(dateline.text + " -")
            }
            out.blank()
        }
        for block in blocks { write(block, to: &out, lost: &lost, quote: false) }

        if !m.contributors.isEmpty {
            let credits = m.contributors.map { $0.role.isEmpty ? $0.name : "\($0.role) by \($0.name)" }
            out.wrapped("(" + credits.joined(separator: "; ") + ")")
            out.blank()
        }
        if let notice = m.copyrightNotice { out.wrapped(notice); out.blank() }
        else if let holder = m.copyrightHolder { out.wrapped("Copyright \(holder)"); out.blank() }
        if let signoff = m.signoff { for line in signoff.split(separator: "\n") { out.line(String(line)) } }

        let unprintable: [(String, Bool)] = [
            ("summary", m.summary != nil), ("keywords", !m.keywords.isEmpty), ("subjects", !m.subjects.isEmpty),
            ("dates", m.published != nil || m.created != nil || m.modified != nil || m.embargo != nil),
            ("hero image", m.heroImage != nil), ("editor's note", m.editorsNote != nil),
        ]
        for (name, present) in unprintable where present { lost.insert(name) }
        while out.bytes.ends(with: [10, 10]) { out.bytes.removeLast() }
    }

    private func write(_ block: Block, to out: inout Output, lost: inout Set<String>, quote: Bool) {
        let prefix = quote ? "> " : ""
        switch block {
        case .paragraph(let inlines):
            out.wrapped(text(inlines, &lost), prefix: prefix)
        case .heading(_, let inlines):
            out.line(prefix + "- " + text(inlines, &lost) + " -")
        case .blockQuote(let blocks):
            for b in blocks { write(b, to: &out, lost: &lost, quote: true) }
            return
        case .list(let list):
            for (n, item) in list.items.enumerated() {
                let marker: String
                switch list.kind {
                case .bullet: marker = "- "
                case .ordered(let start, _): marker = "\(start + n). "
                }
                let itemText = item.blocks.map { $0.plainText }.joined(separator: " ")
                out.wrapped(marker + itemText.replacingNewlines, prefix: prefix)
                if item.blocks.count > 1 || item.checked != nil { lost.insert("nested list content") }
            }
        case .codeBlock(_, let code):
            lost.insert("code blocks")
            for line in code.split(separator: "\n", omittingEmptySubsequences: false).dropLast(code.hasSuffix("\n") ? 1 : 0) {
                out.line(prefix + String(line))
            }
        case .thematicBreak:
            out.line("___")
        case .table(let table):
            lost.insert("tables")
            for row in [table.header] + table.rows {
                out.wrapped(row.map { text($0, &lost) }.joined(separator: " | "), prefix: prefix)
            }
        case .figure(let figure):
            if figure.image != nil { lost.insert("images") }
            var caption = "Photo caption: " + text(figure.caption, &lost)
            if let credit = figure.credit { caption += " (" + credit + ")" }
            out.wrapped(caption, prefix: prefix)
        case .rawHTML(let html):
            lost.insert("raw HTML")
            let stripped = HTMLText.strip(html)
            if !stripped.isEmpty { out.wrapped(stripped, prefix: prefix) } else { return }
        }
        out.blank()
    }

    /// Inline content as plain text; links keep their address in angle brackets.
    private func text(_ inlines: [Inline], _ lost: inout Set<String>) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .emphasis(let c), .strong(let c), .strikethrough(let c): out += text(c, &lost)
            case .link(let link):
                let label = text(link.content, &lost)
                out += label == link.destination || link.destination.hasPrefix("mailto:") ? label : "\(label) <\(link.destination)>"
                lost.insert("links")
            case .image(let image):
                out += image.alt.plainText
                lost.insert("images")
            case .softBreak, .hardBreak: out += " "
            case .rawHTML(let html): out += HTMLText.strip(html)
            }
        }
        return out.replacingNewlines
    }
}

extension String {
    var replacingNewlines: String {
        contains("\n") ? split(separator: "\n").joined(separator: " ") : self
    }
}

extension Array where Element == UInt8 {
    func ends(with suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}

/// Removes tags from a snippet of HTML, for text output.
enum HTMLText {
    static func strip(_ html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
