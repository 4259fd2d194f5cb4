/// Scanners for raw HTML in Markdown: the tags, comments, processing instructions,
/// declarations and CDATA sections that CommonMark passes through, and the start and end
/// conditions of HTML blocks.
enum MarkdownHTMLSyntax {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    @inline(__always)
    private static func isTagWhitespace(_ b: UInt8) -> Bool { MarkdownCharacters.isSpace(b) }

    /// End of a tag name (`[A-Za-z][A-Za-z0-9-]*`) starting at `i`.
    static func scanTagName(_ p: Bytes, _ i: Int, _ end: Int) -> Int? {
        guard i < end, MarkdownCharacters.isAlpha(p[i]) else { return nil }
        var j = i + 1
        while j < end && (MarkdownCharacters.isAlphanumeric(p[j]) || p[j] == UInt8(ascii: "-")) { j += 1 }
        return j
    }

    private static func isAttributeNameStart(_ b: UInt8) -> Bool {
        MarkdownCharacters.isAlpha(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
    }

    private static func isAttributeNameChar(_ b: UInt8) -> Bool {
        MarkdownCharacters.isAlphanumeric(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ":")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: "-")
    }

    /// A complete open tag starting at the `<` at `i`; returns the index after its `>`.
    /// `noQuoteAfter` makes repeated scans linear: an unclosed quote at or after that index
    /// (one per quote kind) is known to run to the end.
    static func scanOpenTag(_ p: Bytes, _ i: Int, _ end: Int, noQuoteAfter: inout (Int, Int)) -> Int? {
        guard var j = scanTagName(p, i + 1, end) else { return nil }
        while true {
            let beforeSpace = j
            while j < end && isTagWhitespace(p[j]) { j += 1 }
            guard j < end else { return nil }
            let c = p[j]
            if c == UInt8(ascii: ">") { return j + 1 }
            if c == UInt8(ascii: "/") { return j + 1 < end && p[j + 1] == UInt8(ascii: ">") ? j + 2 : nil }
            // An attribute needs whitespace before it.
            guard j > beforeSpace, isAttributeNameStart(c) else { return nil }
            j += 1
            while j < end && isAttributeNameChar(p[j]) { j += 1 }
            // Optional value.
            var k = j
            while k < end && isTagWhitespace(p[k]) { k += 1 }
            guard k < end, p[k] == UInt8(ascii: "=") else { continue }
            k += 1
            while k < end && isTagWhitespace(p[k]) { k += 1 }
            guard k < end else { return nil }
            let q = p[k]
            if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                let isDouble = q == UInt8(ascii: "\"")
                let known = isDouble ? noQuoteAfter.0 : noQuoteAfter.1
                if k + 1 >= known { return nil }
                var m = k + 1
                while m < end && p[m] != q { m += 1 }
                if m >= end {
                    if isDouble { noQuoteAfter.0 = min(noQuoteAfter.0, k + 1) } else { noQuoteAfter.1 = min(noQuoteAfter.1, k + 1) }
                    return nil
                }
                j = m + 1
            } else {
                var m = k
                while m < end {
                    let b = p[m]
                    if isTagWhitespace(b) || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "=")
                        || b == UInt8(ascii: "<") || b == UInt8(ascii: ">") || b == UInt8(ascii: "`") { break }
                    m += 1
                }
                guard m > k else { return nil }
                j = m
            }
        }
    }

    /// A closing tag starting at the `<` at `i` (`</name >`); returns the index after `>`.
    static func scanClosingTag(_ p: Bytes, _ i: Int, _ end: Int) -> Int? {
        guard i + 1 < end, p[i + 1] == UInt8(ascii: "/"), var j = scanTagName(p, i + 2, end) else { return nil }
        while j < end && isTagWhitespace(p[j]) { j += 1 }
        return j < end && p[j] == UInt8(ascii: ">") ? j + 1 : nil
    }

    /// The index after the first occurrence of `needle` at or after `i`, or nil.
    static func find(_ needle: StaticString, in p: Bytes, from i: Int, _ end: Int) -> Int? {
        let n = needle.utf8CodeUnitCount
        let s = needle.utf8Start
        guard n > 0 else { return i }
        var j = i
        let first = s[0]
        while j + n <= end {
            if p[j] == first {
                var k = 1
                while k < n && p[j + k] == s[k] { k += 1 }
                if k == n { return j + n }
            }
            j += 1
        }
        return nil
    }

    // MARK: HTML blocks

    private static let type1Names: Set<String> = ["script", "pre", "style", "textarea"]

    private static let type6Names: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr",
        "html", "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol",
        "optgroup", "option", "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot",
        "th", "thead", "title", "tr", "track", "ul",
    ]

    private static func lowercasedName(_ p: Bytes, _ start: Int, _ end: Int) -> String {
        var bytes = [UInt8](Bytes(rebasing: p[start..<end]))
        for k in bytes.indices where bytes[k] >= 65 && bytes[k] <= 90 { bytes[k] += 32 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The HTML block type (1–7) that a line starting with `<` at `i` opens, or 0.
    /// `lineEnd` is the end of the line (its line ending excluded). Type 7 only when allowed
    /// (it cannot interrupt a paragraph).
    static func blockStart(_ p: Bytes, _ i: Int, _ lineEnd: Int, allowType7: Bool) -> UInt8 {
        let end = lineEnd
        guard i + 1 < end else { return 0 }
        let c1 = p[i + 1]
        if c1 == UInt8(ascii: "!") {
            if i + 3 < end && p[i + 2] == UInt8(ascii: "-") && p[i + 3] == UInt8(ascii: "-") { return 2 }
            if i + 2 < end && MarkdownCharacters.isAlpha(p[i + 2]) { return 4 }
            if i + 8 < end, matches("[CDATA[", p, i + 2) { return 5 }
            return 0
        }
        if c1 == UInt8(ascii: "?") { return 3 }
        let closing = c1 == UInt8(ascii: "/")
        let nameStart = closing ? i + 2 : i + 1
        guard let nameEnd = scanTagName(p, nameStart, end) else { return 0 }
        let name = lowercasedName(p, nameStart, nameEnd)
        let after: UInt8 = nameEnd < end ? p[nameEnd] : MarkdownCharacters.newline
        if !closing && type1Names.contains(name) {
            if MarkdownCharacters.isSpaceOrTab(after) || after == MarkdownCharacters.newline || after == UInt8(ascii: ">") { return 1 }
        }
        if type6Names.contains(name) {
            if MarkdownCharacters.isSpaceOrTab(after) || after == MarkdownCharacters.newline || after == UInt8(ascii: ">")
                || (after == UInt8(ascii: "/") && nameEnd + 1 < end && p[nameEnd + 1] == UInt8(ascii: ">")) { return 6 }
        }
        guard allowType7, !type1Names.contains(name) else { return 0 }
        var unusedQuotes = (Int.max, Int.max)
        let tagEnd = closing ? scanClosingTag(p, i, end) : scanOpenTag(p, i, end, noQuoteAfter: &unusedQuotes)
        guard let tagEnd else { return 0 }
        return MarkdownLinkSyntax.skipSpaces(p, tagEnd, end) == end ? 7 : 0
    }

    private static func matches(_ literal: StaticString, _ p: Bytes, _ i: Int) -> Bool {
        let s = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount where p[i + k] != s[k] { return false }
        return true
    }

    /// True when the line `p[i..<end]` meets the end condition of HTML block `type` (1–5).
    static func blockEnds(type: UInt8, _ p: Bytes, _ i: Int, _ end: Int) -> Bool {
        switch type {
        case 1:
            var j = i
            while j + 1 < end {
                if p[j] == UInt8(ascii: "<") && p[j + 1] == UInt8(ascii: "/") {
                    if let nameEnd = scanTagName(p, j + 2, end), nameEnd < end, p[nameEnd] == UInt8(ascii: ">"),
                       type1Names.contains(lowercasedName(p, j + 2, nameEnd)) { return true }
                }
                j += 1
            }
            return false
        case 2: return find("-->", in: p, from: i, end) != nil
        case 3: return find("?>", in: p, from: i, end) != nil
        case 4: return find(">", in: p, from: i, end) != nil
        case 5: return find("]]>", in: p, from: i, end) != nil
        default: return false
        }
    }
}
