/// YAML front matter at the top of a Markdown story: a line `---`, YAML, and a closing line
/// `---` or `...`.
///
/// A `---` block whose first line does not look like a YAML mapping key is Markdown (a
/// thematic break or setext heading), so `---\nFoo\n---` stays a heading as CommonMark says.
enum MarkdownFrontMatter {
    /// The YAML text, the number of lines before it, and where the Markdown body starts.
    struct Split {
        var yaml: String
        var linesBefore: Int
        var bodyStart: Int
    }

    /// Finds front matter at the start of `bytes`.
    static func split(_ bytes: [UInt8]) -> Split? {
        var lines: [(start: Int, end: Int, next: Int)] = []
        var i = 0
        let n = bytes.count
        // The opening fence.
        guard let first = nextLine(bytes, from: 0), isFence(bytes, first, closing: false) else { return nil }
        i = first.next
        var closing: (start: Int, end: Int, next: Int)?
        while i < n, let line = nextLine(bytes, from: i) {
            if isFence(bytes, line, closing: true) {
                closing = line
                break
            }
            lines.append(line)
            i = line.next
        }
        guard let closing else { return nil }
        // The first meaningful line must be a mapping key or a flow mapping.
        guard let firstContent = lines.first(where: { !isBlankOrComment(bytes, $0) }),
              looksLikeMapping(bytes, firstContent) else { return nil }
        let yamlEnd = lines.last?.next ?? first.next
        let yaml = String(decoding: bytes[first.next..<min(yamlEnd, closing.start)], as: UTF8.self)
        return Split(yaml: yaml, linesBefore: 1, bodyStart: closing.next)
    }

    private static func nextLine(_ b: [UInt8], from i: Int) -> (start: Int, end: Int, next: Int)? {
        guard i < b.count else { return nil }
        var j = i
        while j < b.count && b[j] != 10 && b[j] != 13 { j += 1 }
        var next = j
        if next < b.count && b[next] == 13 { next += 1 }
        if next < b.count && b[next] == 10 && (next == j || b[j] == 13) { next += 1 }
        return (i, j, next)
    }

    private static func isFence(_ b: [UInt8], _ line: (start: Int, end: Int, next: Int), closing: Bool) -> Bool {
        guard line.end - line.start >= 3 else { return false }
        let c = b[line.start]
        guard c == UInt8(ascii: "-") || (closing && c == UInt8(ascii: ".")) else { return false }
        guard b[line.start + 1] == c, b[line.start + 2] == c else { return false }
        for k in (line.start + 3)..<line.end where !MarkdownCharacters.isSpaceOrTab(b[k]) { return false }
        return true
    }

    private static func isBlankOrComment(_ b: [UInt8], _ line: (start: Int, end: Int, next: Int)) -> Bool {
        for k in line.start..<line.end {
            if MarkdownCharacters.isSpaceOrTab(b[k]) { continue }
            return b[k] == UInt8(ascii: "#")
        }
        return true
    }

    /// `key: value`, `key:`, `"quoted key": value` or `{…}`.
    private static func looksLikeMapping(_ b: [UInt8], _ line: (start: Int, end: Int, next: Int)) -> Bool {
        var k = line.start
        while k < line.end && MarkdownCharacters.isSpaceOrTab(b[k]) { k += 1 }
        guard k < line.end else { return false }
        if b[k] == UInt8(ascii: "{") { return true }
        if b[k] == UInt8(ascii: "\"") || b[k] == UInt8(ascii: "'") {
            let quote = b[k]
            k += 1
            while k < line.end && b[k] != quote { k += 1 }
            guard k < line.end else { return false }
            k += 1
        } else {
            let keyStart = k
            while k < line.end {
                let c = b[k]
                guard MarkdownCharacters.isAlphanumeric(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
                        || c == UInt8(ascii: ".") || c == 32 || c >= 0x80 else { break }
                k += 1
            }
            guard k > keyStart, !MarkdownCharacters.isSpaceOrTab(b[keyStart]), b[keyStart] != UInt8(ascii: "-") else { return false }
        }
        while k < line.end && MarkdownCharacters.isSpaceOrTab(b[k]) { k += 1 }
        guard k < line.end, b[k] == UInt8(ascii: ":") else { return false }
        return k + 1 == line.end || MarkdownCharacters.isSpaceOrTab(b[k + 1])
    }
}
