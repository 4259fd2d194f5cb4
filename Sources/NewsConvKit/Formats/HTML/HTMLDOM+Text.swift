// Text of DOM nodes as the article finder measures it: JavaScript's `textContent`, `trim()` and
// `\s` rules, lengths in UTF-16 units, so thresholds mean what they mean in Readability.
extension HTMLDOM {
    /// All text below `id` (or the text of a text node), concatenated.
    func textContent(_ id: NodeID) -> String {
        if nodes[id].isText { return nodes[id].text }
        var out = ""
        forEachDescendant(of: id) { node in
            if nodes[node].isText { out += nodes[node].text }
        }
        return out
    }

    /// The text below `id`, trimmed, with every run of two or more whitespace characters made one
    /// space when `normalizingSpaces` (Readability's `_getInnerText`).
    func innerText(_ id: NodeID, normalizingSpaces: Bool = true) -> String {
        let text = textContent(id).trimmingJSWhitespace
        return normalizingSpaces ? text.collapsingJSWhitespaceRuns : text
    }

    /// `innerText(id).utf16.count`, computed without building the string.
    func innerTextLength(_ id: NodeID) -> Int {
        var counter = InnerTextCounter()
        if nodes[id].isText {
            counter.feed(nodes[id].text)
        } else {
            forEachDescendant(of: id) { node in
                if nodes[node].isText { counter.feed(nodes[node].text) }
            }
        }
        return counter.length
    }

    /// `innerTextLength(id)` when it is at most `limit`; otherwise some number above `limit` (the
    /// count stops once past it, so a large subtree costs no more than a small one).
    func innerTextLength(_ id: NodeID, upTo limit: Int) -> Int {
        var counter = InnerTextCounter()
        if nodes[id].isText { counter.feed(nodes[id].text); return counter.length }
        _ = firstDescendant(of: id) { node in
            if nodes[node].isText { counter.feed(nodes[node].text) }
            return counter.length > limit
        }
        return counter.length
    }

    /// `textContent(id).utf16.count`.
    func textContentLength(_ id: NodeID) -> Int {
        if nodes[id].isText { return nodes[id].text.utf16.count }
        var length = 0
        forEachDescendant(of: id) { node in
            if nodes[node].isText { length += nodes[node].text.utf16.count }
        }
        return length
    }

    /// True when the text below `id` is empty or whitespace.
    func hasOnlyWhitespaceText(_ id: NodeID) -> Bool {
        if nodes[id].isText { return nodes[id].text.isJSWhitespace }
        return firstDescendant(of: id) { nodes[$0].isText && !nodes[$0].text.isJSWhitespace } == nil
    }

    /// How many of `character`'s kind of comma the text below `id` holds: `,` only, or (with
    /// `allScripts`) the comma variants of other scripts too.
    func commaCount(_ id: NodeID, allScripts: Bool) -> Int {
        var count = 0
        func scan(_ text: String) {
            for scalar in text.unicodeScalars where scalar == "," || (allScripts && Self.otherCommas.contains(scalar.value)) {
                count += 1
            }
        }
        if nodes[id].isText {
            scan(nodes[id].text)
        } else {
            forEachDescendant(of: id) { node in
                if nodes[node].isText { scan(nodes[node].text) }
            }
        }
        return count
    }

    private static let otherCommas: Set<UInt32> = [0x060C, 0xFE50, 0xFE10, 0xFE11, 0x2E41, 0x2E34, 0x2E32, 0xFF0C]
}

/// Counts the UTF-16 length of text as Readability's `_getInnerText` would return it: trimmed,
/// runs of two or more whitespace characters counted as one space.
struct InnerTextCounter {
    private(set) var length = 0
    private var pendingSpaces = 0
    private var started = false

    mutating func feed(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = bytes[i]
                let size: Int
                var width = 1
                var space = false
                if lead < 0x80 {
                    size = 1
                    space = lead == 32 || (lead >= 9 && lead <= 13)
                } else if lead < 0xE0 {
                    size = 2
                    space = lead == 0xC2 && i + 1 < n && bytes[i + 1] == 0xA0
                } else if lead < 0xF0 {
                    size = 3
                    space = i + 2 < n && JSWhitespace.isThreeByteSpace(lead, bytes[i + 1], bytes[i + 2])
                } else {
                    size = 4
                    width = 2
                }
                if space {
                    pendingSpaces += 1
                } else {
                    if started && pendingSpaces > 0 { length += 1 }
                    pendingSpaces = 0
                    started = true
                    length += width
                }
                i += size
            }
        }
    }
}

/// JavaScript's `\s`: ASCII whitespace, no-break space and the Unicode space separators.
enum JSWhitespace {
    static func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 9...13, 32, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: true
        default: false
        }
    }

    /// The length in bytes of the whitespace character at `i` in UTF-8 `bytes`, or 0 when the
    /// byte there does not start one.
    static func spaceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        if lead < 0x80 { return lead == 32 || (lead >= 9 && lead <= 13) ? 1 : 0 }
        if lead == 0xC2 { return i + 1 < bytes.count && bytes[i + 1] == 0xA0 ? 2 : 0 }
        if lead >= 0xE1 && lead <= 0xEF, i + 2 < bytes.count, isThreeByteSpace(lead, bytes[i + 1], bytes[i + 2]) { return 3 }
        return 0
    }

    /// Whether the three-byte UTF-8 sequence `a b c` is one of the whitespace characters.
    static func isThreeByteSpace(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Bool {
        switch (a, b) {
        case (0xE1, 0x9A): return c == 0x80  // U+1680
        case (0xE2, 0x80): return (0x80...0x8A).contains(c) || c == 0xA8 || c == 0xA9 || c == 0xAF
        case (0xE2, 0x81): return c == 0x9F  // U+205F
        case (0xE3, 0x80): return c == 0x80  // U+3000
        case (0xEF, 0xBB): return c == 0xBF  // U+FEFF
        default: return false
        }
    }
}

extension String {
    /// The string without leading and trailing JavaScript whitespace (`trim()`).
    var trimmingJSWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !JSWhitespace.contains($0) }),
            let last = scalars.lastIndex(where: { !JSWhitespace.contains($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// Every run of two or more whitespace characters replaced by one space (`/\s{2,}/g`).
    var collapsingJSWhitespaceRuns: String {
        var text = self
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0
            var runStart = -1, runCount = 0
            func flush(upTo end: Int) {
                if runCount >= 2 { out.append(32) } else if runCount == 1 { out += bytes[runStart..<end] }
                runStart = -1
                runCount = 0
            }
            while i < bytes.count {
                let size = JSWhitespace.spaceLength(bytes, at: i)
                if size > 0 {
                    if runStart < 0 { runStart = i }
                    runCount += 1
                    i += size
                } else {
                    if runCount > 0 { flush(upTo: i) }
                    out.append(bytes[i])
                    i += 1
                }
            }
            if runCount > 0 { flush(upTo: bytes.count) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Every run of whitespace replaced by one space, and none at either end.
    var collapsingWhitespace: String {
        var out = String.UnicodeScalarView()
        var pending = false
        for scalar in unicodeScalars {
            if JSWhitespace.contains(scalar) {
                pending = !out.isEmpty
            } else {
                if pending { out.append(" ") }
                pending = false
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when the string is empty or all whitespace.
    var isJSWhitespace: Bool { unicodeScalars.allSatisfy(JSWhitespace.contains) }
}
