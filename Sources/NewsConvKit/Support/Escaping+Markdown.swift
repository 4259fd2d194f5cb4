/// Escaping for Markdown output: text that a CommonMark (and GFM) reader gives back unchanged,
/// link destinations and titles, code spans and info strings.
extension Escaping {
    private static let alwaysEscaped: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "\\`*[]<~".utf8 { table[Int(c)] = true }
        return table
    }()

    @inline(__always)
    private static func isSpaceOrTab(_ b: UInt8) -> Bool { b == 32 || b == 9 }

    @inline(__always)
    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b | 32 >= 97 && b | 32 <= 122)
    }

    private static func appendEntity(_ b: UInt8, to out: inout [UInt8]) {
        out.append(contentsOf: Array("&#\(b);".utf8))
    }

    /// Appends `text` as Markdown inline text. `lineStart` is the index in `out` where the
    /// current line's content begins (after container markers); `endsLine` says the text is
    /// followed by a line ending, so trailing spaces must survive.
    ///
    /// Escaped are: `\` `` ` `` `*` `[` `]` `<` `~` always; `_` unless inside a word; `&` when it
    /// would start a character reference; `:` after `http`, `https` or `ftp` and `www.` where a
    /// GFM autolink would start; at the start of a line the characters that would open a block
    /// (`#`, `>`, list markers, setext underlines, table delimiter rows); leading and trailing
    /// spaces and line endings as character references.
    static func appendMarkdownText(_ text: String, lineStart: Int, endsLine: Bool, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { s in
            let n = s.count
            var i = 0
            while i < n {
                let b = s[i]
                let atLineStart = out.count == lineStart
                if b == 10 || b == 13 {
                    appendEntity(b, to: &out)
                    i += 1
                    continue
                }
                if isSpaceOrTab(b) && (atLineStart || (endsLine && i == n - 1)) {
                    appendEntity(b, to: &out)
                    i += 1
                    continue
                }
                if atLineStart, escapesAtLineStart(s, i) {
                    out.append(92)
                    out.append(b)
                    i += 1
                    continue
                }
                if atLineStart, let digitsEnd = orderedMarkerEnd(s, i) {
                    // `1.` or `1)` and a space would start a list: escape the delimiter.
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<digitsEnd]))
                    out.append(92)
                    out.append(s[digitsEnd])
                    i = digitsEnd + 1
                    continue
                }
                if alwaysEscaped[Int(b)] {
                    out.append(92)
                    out.append(b)
                } else if b == UInt8(ascii: "_") {
                    let inWord = i + 1 < n && isAlphanumeric(s[i + 1]) && out.last.map(isAlphanumeric) == true
                    if !inWord { out.append(92) }
                    out.append(b)
                } else if b == UInt8(ascii: "&") {
                    if MarkdownLinkSyntax.startsEntity(s, at: i, end: n) { out.append(92) }
                    out.append(b)
                } else if b == UInt8(ascii: ":") && i + 2 < n && s[i + 1] == UInt8(ascii: "/") && s[i + 2] == UInt8(ascii: "/")
                            && followsURLScheme(out) {
                    out.append(92)
                    out.append(b)
                } else if b == UInt8(ascii: "w") && i + 3 < n && s[i + 1] == b && s[i + 2] == b && s[i + 3] == UInt8(ascii: ".")
                            && (atLineStart || out.last.map(startsAutolinkAfter) == true) {
                    out.append(contentsOf: [b, b, b, 92, UInt8(ascii: ".")])
                    i += 4
                    continue
                } else {
                    out.append(b)
                }
                i += 1
            }
        }
    }

    /// True for the bytes before which a GFM `www.` autolink may start.
    private static func startsAutolinkAfter(_ b: UInt8) -> Bool {
        b == 32 || (b >= 9 && b <= 13) || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~") || b == UInt8(ascii: "(")
    }

    /// True when `out` ends with `http`, `https` or `ftp` (a GFM URL scheme before `://`).
    private static func followsURLScheme(_ out: [UInt8]) -> Bool {
        var k = out.count
        while k > 0 && (out[k - 1] | 32 >= 97 && out[k - 1] | 32 <= 122) { k -= 1 }
        let scheme = String(decoding: out[k...], as: UTF8.self).lowercased()
        return scheme == "http" || scheme == "https" || scheme == "ftp"
    }

    /// Characters that would open a block at the start of a line: `#`, `>`, `-`/`+`/`=`
    /// before a space or in a run that could be a rule, underline or table delimiter row,
    /// and `|`/`:` starting a table delimiter row.
    private static func escapesAtLineStart(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = s[i]
        switch b {
        case UInt8(ascii: "#"), UInt8(ascii: ">"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "|"), UInt8(ascii: ":"):
            if (b == UInt8(ascii: "-") || b == UInt8(ascii: "+")) && (i + 1 == s.count || isSpaceOrTab(s[i + 1])) { return true }
            // A run of rule, underline or delimiter-row characters only.
            for k in i..<s.count {
                let c = s[k]
                guard c == UInt8(ascii: "-") || c == UInt8(ascii: "=") || c == UInt8(ascii: "|") || c == UInt8(ascii: ":") || isSpaceOrTab(c) else { return false }
            }
            return true
        default:
            return false
        }
    }

    /// End of the digits of an ordered list marker (`12.` or `3)` then a space or the end) at `i`.
    private static func orderedMarkerEnd(_ s: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        var k = i
        while k < s.count && k - i < 10 && s[k] >= 48 && s[k] <= 57 { k += 1 }
        guard k > i, k - i <= 9, k < s.count, s[k] == UInt8(ascii: ".") || s[k] == UInt8(ascii: ")") else { return nil }
        return k + 1 == s.count || isSpaceOrTab(s[k + 1]) ? k : nil
    }

    /// Appends a link destination: `<…>` when it is empty or has spaces, parentheses or angle
    /// brackets, else bare; backslashes and character references escaped.
    static func appendMarkdownDestination(_ url: String, to out: inout [UInt8]) {
        let bytes = Array(url.utf8)
        let pointy = bytes.isEmpty || bytes.contains { $0 <= 32 || $0 == 127 || $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: ")") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        if pointy { out.append(UInt8(ascii: "<")) }
        bytes.withUnsafeBufferPointer { s in
            for i in 0..<s.count {
                let b = s[i]
                if b == 10 || b == 13 {
                    // A destination cannot span lines: percent-encode the line ending.
                    out.append(contentsOf: Array(b == 10 ? "%0A".utf8 : "%0D".utf8))
                    continue
                }
                if b == UInt8(ascii: "\\") || b == UInt8(ascii: "<") || b == UInt8(ascii: ">")
                    || (b == UInt8(ascii: "&") && MarkdownLinkSyntax.startsEntity(s, at: i, end: s.count)) {
                    out.append(92)
                }
                out.append(b)
            }
        }
        if pointy { out.append(UInt8(ascii: ">")) }
    }

    /// Appends a link title in double quotes.
    static func appendMarkdownTitle(_ title: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let bytes = Array(title.utf8)
        bytes.withUnsafeBufferPointer { s in
            for i in 0..<s.count {
                let b = s[i]
                if b == 10 || b == 13 {
                    appendEntity(b, to: &out)
                    continue
                }
                if b == UInt8(ascii: "\\") || b == UInt8(ascii: "\"")
                    || (b == UInt8(ascii: "&") && MarkdownLinkSyntax.startsEntity(s, at: i, end: s.count)) {
                    out.append(92)
                }
                out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Appends an inline code span: a backtick string longer or shorter than every run inside,
    /// padded with a space where the content begins or ends with a backtick or space.
    static func appendMarkdownCode(_ code: String, to out: inout [UInt8]) {
        var bytes = Array(code.utf8)
        for k in bytes.indices where bytes[k] == 10 || bytes[k] == 13 { bytes[k] = 32 }
        var runs = Set<Int>()
        var run = 0
        for b in bytes {
            if b == UInt8(ascii: "`") { run += 1 } else if run > 0 { runs.insert(run); run = 0 }
        }
        if run > 0 { runs.insert(run) }
        var fence = 1
        while runs.contains(fence) { fence += 1 }
        let allSpaces = !bytes.contains { $0 != 32 }
        let pad = !bytes.isEmpty && (bytes.first == UInt8(ascii: "`") || bytes.last == UInt8(ascii: "`")
                                     || (!allSpaces && bytes.first == 32 && bytes.last == 32))
        out.append(contentsOf: repeatElement(UInt8(ascii: "`"), count: fence))
        if pad { out.append(32) }
        out.append(contentsOf: bytes)
        if pad { out.append(32) }
        out.append(contentsOf: repeatElement(UInt8(ascii: "`"), count: fence))
    }

    /// Appends a fenced code block's info string: backslashes and character references
    /// escaped, and a first character that would lengthen the fence (`fence`).
    static func appendMarkdownInfoString(_ info: String, fence: UInt8, to out: inout [UInt8]) {
        let bytes = Array(info.utf8)
        bytes.withUnsafeBufferPointer { s in
            for i in 0..<s.count {
                let b = s[i]
                if b == 10 || b == 13 { out.append(32); continue }
                if b == UInt8(ascii: "\\") || (i == 0 && b == fence) || (b == UInt8(ascii: "&") && MarkdownLinkSyntax.startsEntity(s, at: i, end: s.count)) {
                    out.append(92)
                }
                out.append(b)
            }
        }
    }

    /// Escapes every `|` in `out[start...]` for a GFM table cell (cmark-gfm removes exactly
    /// these backslashes before reading the cell).
    static func escapeMarkdownTablePipes(in out: inout [UInt8], from start: Int) {
        guard out[start...].contains(UInt8(ascii: "|")) else { return }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(out.count - start + 8)
        for b in out[start...] {
            if b == UInt8(ascii: "|") { escaped.append(92) }
            escaped.append(b)
        }
        out.removeSubrange(start...)
        out.append(contentsOf: escaped)
    }
}
