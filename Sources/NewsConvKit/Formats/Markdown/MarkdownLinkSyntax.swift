/// Scanners for the parts of links that block and inline parsing share: entity and numeric
/// character references, backslash escapes, link labels, destinations and titles, and link
/// reference definitions. All work on UTF-8 bytes between an index and an end.
enum MarkdownLinkSyntax {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Longest link label the specification allows, in bytes (cmark counts bytes too).
    static let maxLabelLength = 999

    /// Decodes the character reference that starts after an `&` at `i`: `#123;`, `#x1F;` or
    /// `name;`. Returns the number of bytes consumed after the `&`, appending the replacement
    /// to `out`; nil when there is no valid reference.
    static func decodeEntity(_ p: Bytes, at i: Int, end: Int, into out: inout [UInt8]) -> Int? {
        guard i < end else { return nil }
        if p[i] == UInt8(ascii: "#") {
            var j = i + 1
            var code: UInt32 = 0
            var digits = 0
            let maxDigits: Int
            if j < end && (p[j] == UInt8(ascii: "x") || p[j] == UInt8(ascii: "X")) {
                j += 1
                maxDigits = 6
                while j < end && MarkdownCharacters.isHexDigit(p[j]) {
                    let b = p[j]
                    let v: UInt32 = MarkdownCharacters.isDigit(b) ? UInt32(b - 48) : UInt32((b | 32) - 87)
                    code = min(code * 16 + v, 0x110000)
                    digits += 1; j += 1
                }
            } else {
                maxDigits = 7
                while j < end && MarkdownCharacters.isDigit(p[j]) {
                    code = min(code * 10 + UInt32(p[j] - 48), 0x110000)
                    digits += 1; j += 1
                }
            }
            guard digits >= 1, digits <= maxDigits, j < end, p[j] == UInt8(ascii: ";") else { return nil }
            if code == 0 || (code >= 0xD800 && code < 0xE000) || code >= 0x110000 { code = 0xFFFD }
            MarkdownCharacters.appendUTF8(code, to: &out)
            return j + 1 - i
        }
        var j = i
        let limit = min(end, i + MarkdownEntities.maxNameLength + 1)
        while j < limit && MarkdownCharacters.isAlphanumeric(p[j]) { j += 1 }
        guard j > i + 1, j < end, p[j] == UInt8(ascii: ";") else { return nil }
        guard let value = MarkdownEntities.lookup(Bytes(rebasing: p[i..<j])) else { return nil }
        out.append(contentsOf: value)
        return j + 1 - i
    }

    /// True when an `&` at `i` starts a character reference that a reader would decode.
    static func startsEntity(_ p: Bytes, at i: Int, end: Int) -> Bool {
        var scratch: [UInt8] = []
        return decodeEntity(p, at: i + 1, end: end, into: &scratch) != nil
    }

    /// Appends `p[start..<end]` with backslash escapes and character references resolved.
    static func appendUnescaped(_ p: Bytes, _ start: Int, _ end: Int, to out: inout [UInt8]) {
        appendResolved(p, start, end, backslashes: true, to: &out)
    }

    /// Appends `p[start..<end]` with character references resolved (autolinks).
    static func appendEntitiesDecoded(_ p: Bytes, _ start: Int, _ end: Int, to out: inout [UInt8]) {
        appendResolved(p, start, end, backslashes: false, to: &out)
    }

    private static func appendResolved(_ p: Bytes, _ start: Int, _ end: Int, backslashes: Bool, to out: inout [UInt8]) {
        var i = start
        var run = start
        while i < end {
            let b = p[i]
            if backslashes, b == UInt8(ascii: "\\"), i + 1 < end, MarkdownCharacters.isASCIIPunctuation(p[i + 1]) {
                if run < i { out.append(contentsOf: Bytes(rebasing: p[run..<i])) }
                out.append(p[i + 1])
                i += 2
                run = i
            } else if b == UInt8(ascii: "&") {
                if run < i { out.append(contentsOf: Bytes(rebasing: p[run..<i])) }
                if let n = decodeEntity(p, at: i + 1, end: end, into: &out) {
                    i += 1 + n
                } else {
                    out.append(b)
                    i += 1
                }
                run = i
            } else {
                i += 1
            }
        }
        if run < end { out.append(contentsOf: Bytes(rebasing: p[run..<end])) }
    }

    /// `p[start..<end]` with escapes and references resolved, as a string.
    static func unescaped(_ p: Bytes, _ start: Int, _ end: Int) -> String {
        var needsWork = false
        for i in start..<end where p[i] == UInt8(ascii: "\\") || p[i] == UInt8(ascii: "&") {
            needsWork = true
            break
        }
        if !needsWork { return String(decoding: Bytes(rebasing: p[start..<end]), as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        appendUnescaped(p, start, end, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Skips spaces and tabs.
    @inline(__always)
    static func skipSpaces(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end && MarkdownCharacters.isSpaceOrTab(p[i]) { i += 1 }
        return i
    }

    /// Skips spaces and tabs, at most one line ending, and more spaces and tabs.
    static func skipSpacesAndNewline(_ p: Bytes, _ i: Int, _ end: Int) -> Int {
        var i = skipSpaces(p, i, end)
        if i < end && p[i] == MarkdownCharacters.newline { i = skipSpaces(p, i + 1, end) }
        return i
    }

    /// Scans a link label starting at the `[` at `i`. Returns the label's bounds (inside the
    /// brackets) and the index after the `]`.
    static func scanLabel(_ p: Bytes, at i: Int, end: Int) -> (start: Int, end: Int, next: Int)? {
        guard i < end, p[i] == UInt8(ascii: "[") else { return nil }
        var j = i + 1
        while j < end {
            let c = p[j]
            if c == UInt8(ascii: "]") { return (i + 1, j, j + 1) }
            if c == UInt8(ascii: "[") { return nil }
            if c == UInt8(ascii: "\\") && j + 1 < end && MarkdownCharacters.isASCIIPunctuation(p[j + 1]) { j += 1 }
            j += 1
            if j - (i + 1) > maxLabelLength { return nil }
        }
        return nil
    }

    /// Scans a link destination at `i`: `<…>` or a run without spaces and with balanced
    /// parentheses (at most 32 deep, as cmark). Returns the raw bounds and the next index.
    static func scanDestination(_ p: Bytes, at i: Int, end: Int) -> (start: Int, end: Int, next: Int)? {
        if i < end && p[i] == UInt8(ascii: "<") {
            var j = i + 1
            while j < end {
                let c = p[j]
                if c == UInt8(ascii: ">") { return (i + 1, j, j + 1) }
                if c == MarkdownCharacters.newline || c == UInt8(ascii: "<") { return nil }
                if c == UInt8(ascii: "\\") && j + 1 < end && MarkdownCharacters.isASCIIPunctuation(p[j + 1]) { j += 1 }
                j += 1
            }
            return nil
        }
        var j = i
        var depth = 0
        while j < end {
            let c = p[j]
            if c == UInt8(ascii: "\\") && j + 1 < end && MarkdownCharacters.isASCIIPunctuation(p[j + 1]) {
                j += 2
            } else if c == UInt8(ascii: "(") {
                depth += 1
                if depth > 32 { return nil }
                j += 1
            } else if c == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
                j += 1
            } else if c <= 32 || c == 127 {
                break
            } else {
                j += 1
            }
        }
        if j == i && !(j < end && p[j] == UInt8(ascii: ")")) { return nil }
        if depth != 0 { return nil }
        return (i, j, j)
    }

    /// Scans a link title at `i`: `"…"`, `'…'` or `(…)`. Returns the bounds inside the
    /// delimiters and the index after the closing delimiter.
    static func scanTitle(_ p: Bytes, at i: Int, end: Int) -> (start: Int, end: Int, next: Int)? {
        guard i < end else { return nil }
        let open = p[i]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""): close = open
        case UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var j = i + 1
        while j < end {
            let c = p[j]
            if c == close { return (i + 1, j, j + 1) }
            if open == UInt8(ascii: "(") && c == open { return nil }
            if c == UInt8(ascii: "\\") && j + 1 < end && MarkdownCharacters.isASCIIPunctuation(p[j + 1]) { j += 1 }
            j += 1
        }
        return nil
    }

    /// The destination of a scanned destination, unescaped.
    static func destination(_ p: Bytes, _ start: Int, _ end: Int) -> String {
        unescaped(p, start, end)
    }

    /// Parses one link reference definition at `i` (which holds `[`) and records it in `refs`.
    /// Returns the index after the definition's line, or nil when there is none.
    static func parseReferenceDefinition(_ p: Bytes, at i: Int, end: Int, into refs: inout MarkdownReferences) -> Int? {
        guard let label = scanLabel(p, at: i, end: end) else { return nil }
        var j = label.next
        guard j < end, p[j] == UInt8(ascii: ":") else { return nil }
        j = skipSpacesAndNewline(p, j + 1, end)
        guard let dest = scanDestination(p, at: j, end: end) else { return nil }
        if dest.next == j && p[j] != UInt8(ascii: "<") { return nil }
        j = dest.next
        let beforeTitle = j
        var k = skipSpacesAndNewline(p, j, end)
        var title: (start: Int, end: Int, next: Int)?
        if k != beforeTitle, let t = scanTitle(p, at: k, end: end) { title = t; k = t.next } else { k = beforeTitle }
        // The rest of the line must be blank; if not, try again without the title.
        var lineEnd = skipSpaces(p, k, end)
        if lineEnd < end && p[lineEnd] != MarkdownCharacters.newline {
            guard title != nil else { return nil }
            title = nil
            lineEnd = skipSpaces(p, beforeTitle, end)
            guard lineEnd >= end || p[lineEnd] == MarkdownCharacters.newline else { return nil }
        }
        guard let key = normalizedLabel(p, label.start, label.end) else { return nil }
        if refs.targets[key] == nil {
            let t = title.map { unescaped(p, $0.start, $0.end) }
            refs.targets[key] = MarkdownReferences.Target(destination: destination(p, dest.start, dest.end), title: t)
        }
        return lineEnd < end ? lineEnd + 1 : end
    }

    /// The matching key of a link label: whitespace collapsed, trimmed, case-folded. Nil for a
    /// label that is blank or too long.
    static func normalizedLabel(_ p: Bytes, _ start: Int, _ end: Int) -> String? {
        guard end - start <= maxLabelLength else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var ascii = true
        var pendingSpace = false
        for i in start..<end {
            var b = p[i]
            if MarkdownCharacters.isSpace(b) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(32); pendingSpace = false }
            if b >= 0x80 { ascii = false } else if b >= 65 && b <= 90 { b += 32 }
            out.append(b)
        }
        if out.isEmpty { return nil }
        let text = String(decoding: out, as: UTF8.self)
        if ascii { return text }
        // Unicode case folding: upper- then lower-casing folds ligatures and final sigma; the
        // specification's example folds ẞ and ß to "ss".
        var folded = ""
        for scalar in text.uppercased().lowercased().unicodeScalars {
            if scalar == "ß" { folded += "ss" } else { folded.unicodeScalars.append(scalar) }
        }
        return folded
    }

    /// True when `text` is a CommonMark autolink URI (`scheme:…` without spaces or angle
    /// brackets) that reads back as itself between `<` and `>`.
    static func isAutolinkURI(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard let first = b.first, MarkdownCharacters.isAlpha(first) else { return false }
        var i = 1
        while i < b.count && (MarkdownCharacters.isAlphanumeric(b[i]) || b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "-")) { i += 1 }
        guard i >= 2, i <= 32, i < b.count, b[i] == UInt8(ascii: ":") else { return false }
        return b.withUnsafeBufferPointer { p in
            for k in (i + 1)..<p.count {
                let c = p[k]
                if c <= 32 || c == 127 || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") { return false }
                if c == UInt8(ascii: "&") && startsEntity(p, at: k, end: p.count) { return false }
            }
            return true
        }
    }

    /// True when `text` is an e-mail address a CommonMark autolink accepts.
    static func isAutolinkEmail(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard let at = b.firstIndex(of: UInt8(ascii: "@")), at > 0 else { return false }
        guard b[..<at].allSatisfy({ MarkdownCharacters.emailLocal[Int($0)] }) else { return false }
        let labels = b[(at + 1)...].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        return !labels.isEmpty && labels.allSatisfy { label in
            guard let f = label.first, let l = label.last, label.count <= 63,
                  MarkdownCharacters.isAlphanumeric(f), MarkdownCharacters.isAlphanumeric(l) else { return false }
            return label.allSatisfy { MarkdownCharacters.isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }
}
