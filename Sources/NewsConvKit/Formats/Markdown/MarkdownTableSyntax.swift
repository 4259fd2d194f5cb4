/// Scanners for GFM pipe tables, following cmark-gfm: the delimiter row (`| :-- | --: |`) and
/// the cells of a row, split at unescaped pipes.
enum MarkdownTableSyntax {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    @inline(__always)
    private static func isTableSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 11 || b == 12 }

    /// The column alignments of a delimiter row `p[i..<end]`, or nil when it is not one.
    static func delimiterRow(_ p: Bytes, _ i: Int, _ end: Int) -> [TableAlignment]? {
        var j = i
        var alignments: [TableAlignment] = []
        if j < end && p[j] == UInt8(ascii: "|") { j += 1 }
        while true {
            while j < end && isTableSpace(p[j]) { j += 1 }
            var left = false, right = false
            if j < end && p[j] == UInt8(ascii: ":") { left = true; j += 1 }
            let dashes = j
            while j < end && p[j] == UInt8(ascii: "-") { j += 1 }
            guard j > dashes else { return nil }
            if j < end && p[j] == UInt8(ascii: ":") { right = true; j += 1 }
            while j < end && isTableSpace(p[j]) { j += 1 }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
            if j == end { return alignments }
            guard p[j] == UInt8(ascii: "|") else { return nil }
            j += 1
            // A trailing pipe may end the row.
            var k = j
            while k < end && isTableSpace(p[k]) { k += 1 }
            if k == end { return alignments }
        }
    }

    /// The cells of the row `p[i..<end]` (one line, no line ending), trimmed, with escaped
    /// pipes still escaped. Nil when the row has no cells.
    static func cells(_ p: Bytes, _ i: Int, _ end: Int) -> [Range<Int>]? {
        var j = i
        var cells: [Range<Int>] = []
        // Optional leading pipe.
        if j < end && p[j] == UInt8(ascii: "|") {
            j += 1
            while j < end && isTableSpace(p[j]) { j += 1 }
        }
        while j < end {
            let cellStart = j
            while j < end && p[j] != UInt8(ascii: "|") {
                if p[j] == UInt8(ascii: "\\") && j + 1 < end && p[j + 1] == UInt8(ascii: "|") { j += 1 }
                j += 1
            }
            let cellEnd = j
            var pipe = false
            if j < end {
                pipe = true
                j += 1
                while j < end && isTableSpace(p[j]) { j += 1 }
            }
            if cellEnd > cellStart || pipe { cells.append(trim(p, cellStart, cellEnd)) }
            if !pipe { break }
        }
        return cells.isEmpty ? nil : cells
    }

    private static func trim(_ p: Bytes, _ start: Int, _ end: Int) -> Range<Int> {
        var s = start, e = end
        while s < e && MarkdownCharacters.isSpace(p[s]) { s += 1 }
        while e > s && MarkdownCharacters.isSpace(p[e - 1]) { e -= 1 }
        return s..<e
    }
}
