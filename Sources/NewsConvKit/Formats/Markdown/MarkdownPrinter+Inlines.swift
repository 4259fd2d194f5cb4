/// Writing inline content: text escaped for its context, emphasis with delimiters chosen so
/// that neighbouring runs do not merge, code spans, links, images, breaks and raw HTML.
extension MarkdownPrinter {
    /// Writes `inlines` on the current line; soft breaks start new lines (spaces in a table
    /// cell, where a line cannot break).
    ///
    /// Which delimiter pairs with which is decided by CommonMark's emphasis rules, so for text
    /// with emphasis the writer checks its choice by reading the text back, and tries other
    /// delimiter styles when it does not give the same inlines.
    mutating func writeInlines(_ inlines: [Inline], inTableCell: Bool = false) {
        emphasisStyle = Self.containsEmphasis(inlines) ? Self.emphasisStyle(for: inlines, inTableCell: inTableCell) : 0
        writeInlines(inlines, depth: 0, parentDelimiter: 0, inTableCell: inTableCell)
        emphasisStyle = 0
    }

    /// Delimiter styles: 0 `*` first and alternate, 1 `_` first where it fits, 2 `_` first for
    /// the outermost only, 3 `*` throughout.
    private static let emphasisStyles = [0, 1, 2, 3]

    private static func emphasisStyle(for inlines: [Inline], inTableCell: Bool) -> Int {
        for style in emphasisStyles {
            var trial = MarkdownPrinter()
            trial.emphasisStyle = style
            trial.startLine()
            trial.writeInlines(inlines, depth: 0, parentDelimiter: 0, inTableCell: inTableCell)
            let text = String(decoding: trial.out, as: UTF8.self)
            // Either reader will do: they parse emphasis alike, and a text that GFM would
            // autolink (an e-mail address) may have come from the CommonMark reader.
            let expected: [Block] = [.paragraph(inlines)]
            if MarkdownReader(extensions: .gfm).blocks(text) == expected || MarkdownReader(extensions: .commonMark).blocks(text) == expected {
                return style
            }
        }
        return 0
    }

    private static func containsEmphasis(_ inlines: [Inline]) -> Bool {
        inlines.contains { inline in
            switch inline {
            case .emphasis, .strong: return true
            case .strikethrough(let c): return containsEmphasis(c)
            case .link(let link): return containsEmphasis(link.content)
            case .image(let image): return containsEmphasis(image.alt)
            case .text, .code, .rawHTML, .softBreak, .hardBreak: return false
            }
        }
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
                if !isLast, inlines[i + 1] == .softBreak || inlines[i + 1] == .hardBreak { endsLine = true }
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
                    indentIfBlockLike(isLast ? nil : inlines[i + 1])
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
                    indentIfBlockLike(isLast ? nil : inlines[i + 1])
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
                        if inTableCell {
                            out.append(32)
                        } else {
                            // Indented four spaces, the next line cannot start a block; the
                            // reader strips the indent from the paragraph text again.
                            newLineInParagraph()
                            append("    ")
                        }
                    } else {
                        out.append(b)
                    }
                }
            case .emphasis(let content):
                writeDelimited(content, count: 1, depth: depth, parentDelimiter: parentDelimiter, next: isLast ? nil : inlines[i + 1],
                               mergesWithParent: false, inTableCell: inTableCell)
            case .strong(let content):
                // `***x***` is emphasis around strong emphasis, `****x****` strong around strong:
                // a lone strong child shares its parent's run.
                writeDelimited(content, count: 2, depth: depth, parentDelimiter: parentDelimiter, next: isLast ? nil : inlines[i + 1],
                               mergesWithParent: inlines.count == 1 && parentIsEmphasis, inTableCell: inTableCell)
            case .strikethrough(let content):
                let saved = parentIsEmphasis
                parentIsEmphasis = false
                defer { parentIsEmphasis = saved }
                if out.last.map(Self.isAlphanumeric) == true, case .link(let link)? = content.first, Self.isBareAutolink(link) {
                    writeNextLinkBare = true
                }
                append("~~")
                writeInlines(content, depth: depth + 1, parentDelimiter: UInt8(ascii: "~"), inTableCell: inTableCell)
                append("~~")
            case .link(let link):
                if writeNextLinkBare {
                    writeNextLinkBare = false
                    if case .text(let url)? = link.content.first, canFollowBareLink(isLast ? nil : inlines[i + 1]) {
                        append(url)
                        continue
                    }
                }
                if let autolink = Self.angleAutolink(link) {
                    append("<")
                    append(autolink)
                    append(">")
                    continue
                }
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

    /// Emphasis (`count` 1) or strong emphasis (2). The delimiter differs from an enclosing
    /// emphasis's and from a run it touches, so runs pair as intended: `*a _b_ c*`, `*a*_b_`.
    /// `_` cannot open or close inside a word, so then it is `*`. A lone strong child shares its
    /// parent's character (`***x***`).
    private mutating func writeDelimited(_ content: [Inline], count: Int, depth: Int, parentDelimiter: UInt8, next: Inline?,
                                         mergesWithParent: Bool, inTableCell: Bool) {
        let star = UInt8(ascii: "*"), underscore = UInt8(ascii: "_")
        let touchesBefore = lastDelimiterEnd == out.count
        var char = star
        if mergesWithParent && touchesBefore && parentIsEmphasis {
            char = parentDelimiter
        } else {
            var avoid: [UInt8] = []
            if parentIsEmphasis && emphasisStyle != 3 { avoid.append(parentDelimiter) }
            if touchesBefore { avoid.append(lastDelimiterChar) }
            let prevInWord = out.last.map(Self.isAlphanumeric) ?? false
            let nextInWord = next.map(Self.startsWithAlphanumeric) ?? false
            let underscoreFits = !prevInWord && !nextInWord
            let preferUnderscore = emphasisStyle == 1 || (emphasisStyle == 2 && depth == 0)
            if underscoreFits && !avoid.contains(underscore) && (preferUnderscore || avoid.contains(star)) { char = underscore }
        }
        let previousParentIsEmphasis = parentIsEmphasis
        parentIsEmphasis = true
        defer { parentIsEmphasis = previousParentIsEmphasis }
        // Inside a word, a delimiter before `[` or `<` cannot open; a GFM autolink written
        // bare can follow it.
        if out.last.map(Self.isAlphanumeric) == true, case .link(let link)? = content.first, Self.isBareAutolink(link) {
            writeNextLinkBare = true
        }
        out.append(contentsOf: repeatElement(char, count: count))
        lastDelimiterEnd = out.count
        lastDelimiterChar = char
        writeInlines(content, depth: depth + 1, parentDelimiter: char, inTableCell: inTableCell)
        writeNextLinkBare = false
        out.append(contentsOf: repeatElement(char, count: count))
        lastDelimiterEnd = out.count
        lastDelimiterChar = char
    }

    /// The text of `<…>` for a link that is a CommonMark autolink: its text is its URL (or
    /// its e-mail address, for `mailto:`).
    static func angleAutolink(_ link: Link) -> String? {
        guard link.title == nil, link.content.count == 1, case .text(let text) = link.content[0] else { return nil }
        if text == link.destination && MarkdownLinkSyntax.isAutolinkURI(text) { return text }
        if link.destination == "mailto:" + text && MarkdownLinkSyntax.isAutolinkEmail(text) { return text }
        return nil
    }

    /// A link that GFM recognises as bare text: `https://…` or `www.…`, its text its address.
    static func isBareAutolink(_ link: Link) -> Bool {
        guard link.title == nil, link.content.count == 1, case .text(let text) = link.content[0] else { return false }
        let lower = text.lowercased()
        let shaped = (link.destination == text && (lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://")))
            || (link.destination == "http://" + text && lower.hasPrefix("www."))
        guard shaped, let last = text.utf8.last else { return false }
        return !text.utf8.contains { $0 <= 32 || $0 == UInt8(ascii: "<") } && !"?!.,:*_~'\";)".utf8.contains(last)
    }

    /// Raw HTML at the start of a line could open an HTML block: four spaces of indent keep
    /// the line in the paragraph (the reader strips them again).
    private mutating func indentIfBlockLike(_ next: Inline?) {
        if case .rawHTML? = next { append("    ") }
    }

    /// True when `next` cannot extend a bare autolink written before it.
    private func canFollowBareLink(_ next: Inline?) -> Bool {
        let text: String
        switch next {
        case nil, .rawHTML?, .softBreak?: return true
        case .text(let t)?: text = t
        case .hardBreak?, .code?, .emphasis?, .strong?, .strikethrough?, .link?, .image?: return false
        }
        for b in text.utf8 {
            if b <= 32 || b == UInt8(ascii: "<") { return true }
            if !"?!.,:*_~'\"".utf8.contains(b) { return false }
        }
        return false
    }

    private static func startsWithAlphanumeric(_ inline: Inline) -> Bool {
        if case .text(let text) = inline, let first = text.utf8.first { return isAlphanumeric(first) }
        return false
    }
}
