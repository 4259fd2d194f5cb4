/// Writing inline content: text escaped for its context, emphasis with delimiters chosen so
/// that neighbouring runs do not merge, code spans, links, images, breaks and raw HTML.
extension MarkdownPrinter {
    /// Writes `inlines` on the current line; soft breaks start new lines (spaces in a table
    /// cell, where a line cannot break).
    mutating func writeInlines(_ inlines: [Inline], inTableCell: Bool = false) {
        writeInlines(inlines, depth: 0, parentDelimiter: 0, inTableCell: inTableCell)
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b | 32 >= 97 && b | 32 <= 122)
    }

    private mutating func newLineInParagraph() {
        endLine()
        startLine()
    }

    private mutating func writeInlines(_ inlines: [Inline], depth: Int, parentDelimiter: UInt8, inTableCell: Bool) {
        for (i, inline) in inlines.enumerated() {
            let isLast = i == inlines.count - 1
            switch inline {
            case .text(let text):
                var endsLine = isLast && depth == 0
                if !isLast {
                    switch inlines[i + 1] {
                    case .softBreak, .hardBreak: endsLine = true
                    default: break
                    }
                }
                Escaping.appendMarkdownText(text, lineStart: lineStart, endsLine: endsLine || inTableCell && isLast, to: &out)
                // `!` right before a link would make it an image.
                if !isLast, case .link = inlines[i + 1], out.last == UInt8(ascii: "!") {
                    out.insert(92, at: out.count - 1)
                }
            case .softBreak:
                if inTableCell {
                    warn("line breaks in table cells are written as spaces")
                    out.append(32)
                } else if !(isLast && depth == 0) {
                    newLineInParagraph()
                }
            case .hardBreak:
                if inTableCell {
                    warn("line breaks in table cells are written as spaces")
                    out.append(32)
                } else if isLast && depth == 0 {
                    warn("a line break at the end of a paragraph cannot be written in Markdown and was left out")
                } else {
                    out.append(92)
                    newLineInParagraph()
                }
            case .code(let code):
                if code.isEmpty {
                    warn("empty inline code cannot be written in Markdown and was left out")
                } else {
                    Escaping.appendMarkdownCode(code, to: &out)
                }
            case .rawHTML(let html):
                for b in html.utf8 {
                    if b == 10 {
                        if inTableCell { out.append(32) } else { newLineInParagraph() }
                    } else {
                        out.append(b)
                    }
                }
            case .emphasis(let content):
                writeDelimited(content, count: 1, depth: depth, closesParent: isLast ? parentDelimiter : 0,
                               mergesWithParent: false, inTableCell: inTableCell)
            case .strong(let content):
                // `***x***` is emphasis around strong emphasis, `****x****` strong around strong:
                // a lone strong child shares its parent's run.
                writeDelimited(content, count: 2, depth: depth, closesParent: isLast ? parentDelimiter : 0,
                               mergesWithParent: inlines.count == 1 && parentIsEmphasis, inTableCell: inTableCell)
            case .strikethrough(let content):
                let saved = parentIsEmphasis
                parentIsEmphasis = false
                defer { parentIsEmphasis = saved }
                append("~~")
                writeInlines(content, depth: depth + 1, parentDelimiter: UInt8(ascii: "~"), inTableCell: inTableCell)
                append("~~")
            case .link(let link):
                let saved = parentIsEmphasis
                parentIsEmphasis = false
                defer { parentIsEmphasis = saved }
                append("[")
                writeInlines(link.content, depth: depth + 1, parentDelimiter: 0, inTableCell: inTableCell)
                append("](")
                Escaping.appendMarkdownDestination(link.destination, to: &out)
                if let title = link.title {
                    out.append(32)
                    Escaping.appendMarkdownTitle(title, to: &out)
                }
                append(")")
            case .image(let image):
                let saved = parentIsEmphasis
                parentIsEmphasis = false
                defer { parentIsEmphasis = saved }
                append("![")
                writeInlines(image.alt, depth: depth + 1, parentDelimiter: 0, inTableCell: inTableCell)
                append("](")
                Escaping.appendMarkdownDestination(image.source, to: &out)
                if let title = image.title {
                    out.append(32)
                    Escaping.appendMarkdownTitle(title, to: &out)
                }
                append(")")
            }
        }
    }

    /// Emphasis (`count` 1) or strong emphasis (2). `*` by default; `_` where a `*` run would
    /// touch another `*` run (nested at the start or end of `*` emphasis, or right after one),
    /// unless the `_` would sit inside a word, or the run may merge with its parent's.
    private mutating func writeDelimited(_ content: [Inline], count: Int, depth: Int, closesParent: UInt8,
                                         mergesWithParent: Bool, inTableCell: Bool) {
        let star = UInt8(ascii: "*")
        var char = star
        let touchesBefore = lastDelimiterEnd == out.count && lastDelimiterChar == star
        if mergesWithParent && touchesBefore {
            char = star
        } else if touchesBefore || closesParent == star {
            if !(out.last.map(Self.isAlphanumeric) ?? false) { char = UInt8(ascii: "_") }
        }
        let previousParentIsEmphasis = parentIsEmphasis
        parentIsEmphasis = true
        defer { parentIsEmphasis = previousParentIsEmphasis }
        out.append(contentsOf: repeatElement(char, count: count))
        lastDelimiterEnd = out.count
        lastDelimiterChar = char
        writeInlines(content, depth: depth + 1, parentDelimiter: char, inTableCell: inTableCell)
        out.append(contentsOf: repeatElement(char, count: count))
        lastDelimiterEnd = out.count
        lastDelimiterChar = char
    }
}
