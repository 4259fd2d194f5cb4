/// Builds Markdown text for blocks and inlines in one growing buffer.
///
/// Container blocks push a line prefix (`> ` for a block quote, the marker then spaces for a
/// list item), so every line, including those inside code blocks, carries the markers that
/// keep it in its container. Blocks are separated by a blank line, or inside the items of a
/// tight list by a plain line break where CommonMark allows it.
struct MarkdownPrinter {
    /// A container's line prefix: `first` on its first line (a list marker), `rest` after.
    struct Prefix {
        var first: [UInt8]
        var rest: [UInt8]
        var usedFirst = false
    }

    var out: [UInt8] = []
    var prefixes: [Prefix] = []
    /// Where the current line's content starts in `out`, after the prefixes.
    var lineStart = 0
    /// The end of the last emphasis delimiter run written, and its character, so that the
    /// next run does not merge with it.
    var lastDelimiterEnd = -1
    var lastDelimiterChar: UInt8 = 0
    /// True while writing the content of emphasis or strong emphasis.
    var parentIsEmphasis = false
    /// Write the next link as a bare GFM autolink (see ``writeDelimited``).
    var writeNextLinkBare = false
    /// How emphasis delimiters are chosen for the current inlines (see ``writeInlines``).
    var emphasisStyle = 0
    /// Columns the next list's items must indent their content at least.
    var listMinimumPadding = 0
    /// Warnings about content Markdown cannot carry.
    var warnings: [String] = []

    mutating func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    mutating func append(_ s: StaticString) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    mutating func append(_ s: String) {
        out.append(contentsOf: s.utf8)
    }

    // MARK: Lines

    /// Writes the prefixes of a new line.
    mutating func startLine() {
        for k in prefixes.indices {
            if prefixes[k].usedFirst {
                out.append(contentsOf: prefixes[k].rest)
            } else {
                out.append(contentsOf: prefixes[k].first)
                prefixes[k].usedFirst = true
            }
        }
        lineStart = out.count
    }

    /// Ends the current line.
    mutating func endLine() {
        out.append(10)
    }

    /// A line with only the containers' markers (block quote `>`), no trailing spaces.
    mutating func blankLine() {
        let start = out.count
        startLine()
        while out.count > start, out.last == 32 { out.removeLast() }
        out.append(10)
    }

    /// Writes `text` (lines separated by `\n`) as lines, each with the prefixes.
    mutating func writeLines<S: Collection>(_ text: S) where S.Element == UInt8 {
        var line: [UInt8] = []
        for b in text {
            if b == 10 {
                writeLine(line)
                line.removeAll(keepingCapacity: true)
            } else {
                line.append(b)
            }
        }
        if !line.isEmpty { writeLine(line) }
    }

    private mutating func writeLine(_ line: [UInt8]) {
        if line.isEmpty {
            blankLine()
        } else {
            startLine()
            out.append(contentsOf: line)
            endLine()
        }
    }

    // MARK: Blocks

    /// Writes `blocks`; `tight` separates them without blank lines where possible (the items
    /// of a tight list).
    mutating func writeBlocks(_ blocks: [Block], tight: Bool, firstMarker: UInt8? = nil) {
        for (i, block) in blocks.enumerated() {
            let previous: Block? = i > 0 ? blocks[i - 1] : nil
            // An HTML block keeps its indent; a list before it must indent its items further, or
            // the HTML would join the last item.
            listMinimumPadding = 0
            if i + 1 < blocks.count, case .list = block, case .rawHTML(let html) = blocks[i + 1] {
                listMinimumPadding = html.utf8.prefix { $0 == 32 }.count + 1
            }
            if let previous, !endsWithUnterminatedHTML(previous), !tight || needsBlankLine(between: previous, and: block) { blankLine() }
            if case .list(var list) = block, let previous, case .list(let before) = previous, sameMarkers(before.kind, list.kind) {
                // Two lists in a row need different markers, or they would merge.
                list.kind = alternate(list.kind)
                writeBlock(.list(list), previous: previous, firstMarker: nil)
                continue
            }
            writeBlock(block, previous: previous, firstMarker: i == 0 ? firstMarker : nil)
        }
    }

    private func sameMarkers(_ a: ListKind, _ b: ListKind) -> Bool {
        switch (a, b) {
        case (.bullet(let x), .bullet(let y)): return bulletMarker(x) == bulletMarker(y)
        case (.ordered(_, let x), .ordered(_, let y)): return orderedDelimiter(x) == orderedDelimiter(y)
        default: return false
        }
    }

    private func alternate(_ kind: ListKind) -> ListKind {
        switch kind {
        case .bullet(let m): return .bullet(marker: bulletMarker(m) == UInt8(ascii: "-") ? "*" : "-")
        case .ordered(let start, let d): return .ordered(start: start, delimiter: orderedDelimiter(d) == UInt8(ascii: ".") ? ")" : ".")
        }
    }

    private func bulletMarker(_ c: Character) -> UInt8 {
        c == "*" || c == "+" ? UInt8(ascii: c == "*" ? "*" : "+") : UInt8(ascii: "-")
    }

    private func orderedDelimiter(_ c: Character) -> UInt8 {
        c == ")" ? UInt8(ascii: ")") : UInt8(ascii: ".")
    }

    /// True when `next` cannot follow `previous` on the very next line without changing
    /// meaning (a lazy continuation, a merged paragraph, a row added to a table, …).
    func needsBlankLine(between previous: Block, and next: Block) -> Bool {
        switch previous {
        case .figure:
            return true
        case .blockQuote:
            if case .blockQuote = next { return true }
            return endsWithOpenParagraph(previous) && !interruptsParagraph(next, directly: false)
        case .table:
            // Any line that does not start a block would become a row.
            return !interruptsParagraph(next, directly: false)
        case .rawHTML(let html):
            // Only HTML blocks that ended at their own end condition (types 1–5) may be
            // followed directly; the others run to a blank line.
            let type = htmlBlockType(html)
            guard (1...5).contains(type), html.hasSuffix("\n") else { return true }
            let lastLine = Array(html.utf8.dropLast().split(separator: 10, omittingEmptySubsequences: false).last ?? [])
            return !lastLine.withUnsafeBufferPointer { MarkdownHTMLSyntax.blockEnds(type: type, $0, 0, $0.count) }
        case .list:
            // A paragraph at the end of the list is still open: what follows must interrupt it.
            return endsWithOpenParagraph(previous) && !interruptsParagraph(next, directly: false)
        case .paragraph:
            return !interruptsParagraph(next, directly: true)
        case .heading, .codeBlock, .thematicBreak:
            return false
        }
    }

    /// True when `block` ends with an HTML block of type 1–5 that ran to the end of its
    /// container instead of its end condition. It would take in a blank line written after
    /// it (list items go on across blank lines), so none is written: the next block closes it.
    func endsWithUnterminatedHTML(_ block: Block) -> Bool {
        var current = block
        while true {
            switch current {
            case .rawHTML(let html):
                let type = htmlBlockType(html)
                guard (1...5).contains(type) else { return false }
                let lines = html.utf8.split(separator: 10)
                guard let last = lines.last else { return false }
                return !Array(last).withUnsafeBufferPointer { MarkdownHTMLSyntax.blockEnds(type: type, $0, 0, $0.count) }
            case .blockQuote(let blocks):
                guard let last = blocks.last else { return false }
                current = last
            case .list(let list):
                guard let last = list.items.last?.blocks.last else { return false }
                current = last
            case .paragraph, .heading, .codeBlock, .thematicBreak, .table, .figure:
                return false
            }
        }
    }

    /// True when `block` ends with a paragraph that a following line could continue lazily.
    private func endsWithOpenParagraph(_ block: Block) -> Bool {
        var current = block
        while true {
            switch current {
            case .paragraph: return true
            case .blockQuote(let blocks):
                guard let last = blocks.last else { return false }
                current = last
            case .list(let list):
                guard let last = list.items.last?.blocks.last else { return false }
                current = last
            case .heading, .codeBlock, .thematicBreak, .table, .figure, .rawHTML:
                return false
            }
        }
    }

    /// True when `next` can start on the line after a paragraph (`directly`), or after a
    /// paragraph nested deeper in a list, without joining it.
    private func interruptsParagraph(_ next: Block, directly: Bool) -> Bool {
        switch next {
        case .paragraph, .figure, .table: return false
        case .heading(let level, let content): return !(level <= 2 && needsSetext(content))
        case .rawHTML(let html):
            // Type 7 cannot interrupt a paragraph, nor follow one that a line could continue.
            return (1...6).contains(htmlBlockType(html))
        case .list(let list):
            guard directly else { return true }
            guard let first = list.items.first, !first.blocks.isEmpty || first.checked != nil else { return false }
            if case .ordered(let start, _) = list.kind, start != 1 { return false }
            return true
        case .blockQuote, .codeBlock, .thematicBreak: return true
        }
    }

    /// The HTML block type (1–7) the first line of `html` starts, or 0.
    func htmlBlockType(_ html: String) -> UInt8 {
        var bytes = Array(html.utf8.prefix { $0 != 10 })
        var i = 0
        while i < bytes.count && i < 3 && bytes[i] == 32 { i += 1 }
        guard i < bytes.count, bytes[i] == UInt8(ascii: "<") else { return 0 }
        bytes.append(10)
        return bytes.withUnsafeBufferPointer { MarkdownHTMLSyntax.blockStart($0, i, $0.count - 1, allowType7: true) }
    }

    /// Headings with line breaks (at any depth) need the setext form.
    func needsSetext(_ content: [Inline]) -> Bool {
        content.contains { inline in
            switch inline {
            case .softBreak, .hardBreak: return true
            case .emphasis(let c), .strong(let c), .strikethrough(let c): return needsSetext(c)
            case .link(let link): return needsSetext(link.content)
            case .image(let image): return needsSetext(image.alt)
            case .text, .code, .rawHTML: return false
            }
        }
    }

    /// `inlines` with line breaks (at any depth) as spaces.
    func flattened(_ inlines: [Inline]) -> [Inline] {
        inlines.map { inline in
            switch inline {
            case .softBreak, .hardBreak: return .text(" ")
            case .emphasis(let c): return .emphasis(flattened(c))
            case .strong(let c): return .strong(flattened(c))
            case .strikethrough(let c): return .strikethrough(flattened(c))
            case .link(var link): link.content = flattened(link.content); return .link(link)
            case .image(var image): image.alt = flattened(image.alt); return .image(image)
            case .text, .code, .rawHTML: return inline
            }
        }
    }

    mutating func writeBlock(_ block: Block, previous: Block?, firstMarker: UInt8?) {
        switch block {
        case .paragraph(let inlines):
            startLine()
            writeInlines(inlines)
            endLine()
        case .heading(let level, let content):
            writeHeading(level: level, content: content)
        case .blockQuote(let blocks):
            prefixes.append(Prefix(first: Array("> ".utf8), rest: Array("> ".utf8)))
            if blocks.isEmpty { blankLine() } else { writeBlocks(blocks, tight: false) }
            prefixes.removeLast()
        case .list(let list):
            writeList(list)
        case .codeBlock(let info, let text):
            writeCode(info: info, text: text)
        case .thematicBreak:
            // `---` could be read as a setext underline or, after a `-` list marker, as part
            // of a rule of the marker's own line; `___` is never either.
            var underscores = firstMarker == UInt8(ascii: "-") || firstMarker == UInt8(ascii: "*")
            if let previous, case .paragraph = previous { underscores = true }
            startLine()
            append(underscores ? "___" : "---")
            endLine()
        case .table(let table):
            writeTable(table)
        case .figure(let figure):
            writeFigure(figure)
        case .rawHTML(let html):
            writeLines(html.utf8)
        }
    }

    private mutating func writeHeading(level: Int, content: [Inline]) {
        let level = min(max(level, 1), 6)
        if needsSetext(content) {
            if level <= 2 {
                startLine()
                writeInlines(content)
                endLine()
                startLine()
                append(level == 1 ? "===" : "---")
                endLine()
                return
            }
            warn("line breaks in level \(level) headings are written as spaces (Markdown headings of that level are one line)")
        }
        let flat = flattened(content)
        startLine()
        out.append(contentsOf: repeatElement(UInt8(ascii: "#"), count: level))
        if !flat.isEmpty {
            out.append(32)
            lineStart = out.count
            writeInlines(flat)
            // A closing sequence keeps a final `#` of the text.
            if out.last == UInt8(ascii: "#") { append(" #") }
        }
        endLine()
    }

    private mutating func writeList(_ list: ListBlock) {
        var number: Int
        let marker: [UInt8]
        switch list.kind {
        case .bullet(let m):
            number = 0
            marker = [bulletMarker(m)]
        case .ordered(let start, let d):
            number = max(0, start)
            if start > 999_999_999 || start < 0 { warn("list numbers above 999999999 are not Markdown; numbering was changed") }
            number = min(number, 999_999_999)
            marker = [orderedDelimiter(d)]
        }
        let ordered = { if case .ordered = list.kind { return true }; return false }()
        let minimumPadding = listMinimumPadding
        listMinimumPadding = 0
        for (i, item) in list.items.enumerated() {
            if i > 0 && !list.isTight && !endsWithUnterminatedHTML(.list(ListBlock(kind: list.kind, items: [list.items[i - 1]]))) { blankLine() }
            var first = ordered ? Array(String(number).utf8) + marker : marker
            first.append(32)
            while first.count < minimumPadding && first.count < marker.count + 4 + (ordered ? String(number).utf8.count : 0) { first.append(32) }
            let width = first.count
            if let checked = item.checked {
                first += Array((checked ? "[x] " : "[ ] ").utf8)
                if item.blocks.isEmpty { warn("an empty task list item cannot be written in Markdown; it becomes \"[ ]\" text") }
                if let firstBlock = item.blocks.first, case .paragraph = firstBlock {} else if !item.blocks.isEmpty {
                    warn("a task list item must start with a paragraph in Markdown; its checkbox may be lost")
                }
            }
            prefixes.append(Prefix(first: first, rest: Array(repeating: 32, count: width)))
            if item.blocks.isEmpty {
                blankLine()
            } else {
                if case .rawHTML(let html)? = item.blocks.first, html.utf8.first == 32 {
                    // Indented HTML would widen the item: start it on the next line.
                    blankLine()
                }
                writeBlocks(item.blocks, tight: list.isTight, firstMarker: ordered ? nil : marker[0])
            }
            prefixes.removeLast()
            if ordered && number < 999_999_999 { number += 1 }
        }
    }

    private mutating func writeCode(info: String, text: String) {
        let bytes = Array(text.utf8)
        let fenceChar: UInt8 = info.utf8.contains(UInt8(ascii: "`")) ? UInt8(ascii: "~") : UInt8(ascii: "`")
        var longest = 0, run = 0
        for b in bytes {
            if b == fenceChar { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = [UInt8](repeating: fenceChar, count: max(3, longest + 1))
        startLine()
        out.append(contentsOf: fence)
        Escaping.appendMarkdownInfoString(info, fence: fenceChar, to: &out)
        endLine()
        writeLines(bytes)
        startLine()
        out.append(contentsOf: fence)
        endLine()
    }

    private mutating func writeTable(_ table: Table) {
        let columns = max(table.alignments.count, table.header.count)
        guard columns > 0 else {
            warn("a table without columns cannot be written in Markdown and was left out")
            return
        }
        func row(_ cells: [[Inline]]) {
            startLine()
            append("|")
            for k in 0..<columns {
                out.append(32)
                let cellStart = out.count
                lineStart = cellStart
                writeInlines(k < cells.count ? cells[k] : [], inTableCell: true)
                Escaping.escapeMarkdownTablePipes(in: &out, from: cellStart)
                append(" |")
            }
            endLine()
        }
        row(table.header)
        startLine()
        append("|")
        for k in 0..<columns {
            switch k < table.alignments.count ? table.alignments[k] : .none {
            case .none: append(" --- |")
            case .left: append(" :-- |")
            case .center: append(" :-: |")
            case .right: append(" --: |")
            }
        }
        endLine()
        for r in table.rows {
            if r.count > columns { warn("table cells beyond the header's columns were left out") }
            row(r)
        }
        if !table.caption.isEmpty {
            warn("Markdown tables have no caption; the caption is written as a paragraph after the table")
            blankLine()
            startLine()
            writeInlines(table.caption)
            endLine()
        }
    }

    private mutating func writeFigure(_ figure: Figure) {
        var wrote = false
        if let image = figure.image {
            startLine()
            writeInlines([.image(InlineImage(source: image.source, title: image.title, alt: image.alt.isEmpty ? [] : [.text(image.alt)]))])
            endLine()
            wrote = true
        }
        var caption = figure.caption
        if let credit = figure.credit, !credit.isEmpty {
            if !caption.isEmpty { caption.append(.text(" ")) }
            caption.append(.emphasis([.text(credit)]))
        }
        if !caption.isEmpty {
            if wrote { blankLine() }
            startLine()
            writeInlines(caption)
            endLine()
        }
    }
}
