/// Recognising the lines that open blocks: ATX headings, code fences, setext underlines,
/// thematic breaks, list markers and GFM tables.
extension MarkdownBlockParser {
    /// Length of an ATX heading opener (`#`…`######` and spaces) at `i`, or 0.
    func scanATXHeadingStart(at i: Int) -> Int {
        var j = i
        while peek(j) == UInt8(ascii: "#") && j - i < 7 { j += 1 }
        let hashes = j - i
        guard hashes >= 1 && hashes <= 6 else { return 0 }
        let c = peek(j)
        if c == 10 { return hashes + 1 }
        guard MarkdownCharacters.isSpaceOrTab(c) else { return 0 }
        while MarkdownCharacters.isSpaceOrTab(peek(j)) { j += 1 }
        return j - i
    }

    /// Length of an opening code fence at `i`, or 0. A backtick fence's info string may not
    /// contain backticks.
    func scanOpeningFence(at i: Int) -> Int {
        let c = peek(i)
        var j = i
        while peek(j) == c { j += 1 }
        let length = j - i
        guard length >= 3 else { return 0 }
        if c == UInt8(ascii: "`") {
            var k = j
            while k < lineEnd {
                if buf[k] == UInt8(ascii: "`") { return 0 }
                k += 1
            }
        }
        return length
    }

    /// Length of a closing fence of `char` at `i` (followed only by spaces), or 0.
    func scanClosingFence(at i: Int, char: UInt8) -> Int {
        var j = i
        while peek(j) == char { j += 1 }
        let length = j - i
        guard length >= 3 else { return 0 }
        while MarkdownCharacters.isSpaceOrTab(peek(j)) { j += 1 }
        return peek(j) == 10 ? length : 0
    }

    /// 1 for a `===` underline, 2 for `---`, else 0.
    func scanSetextUnderline(at i: Int) -> Int {
        let c = peek(i)
        var j = i
        while peek(j) == c { j += 1 }
        while MarkdownCharacters.isSpaceOrTab(peek(j)) { j += 1 }
        guard peek(j) == 10 else { return 0 }
        return c == UInt8(ascii: "=") ? 1 : 2
    }

    /// True for a thematic break (`***`, `- - -`, `___`) at `i`. On failure, remembers how far
    /// it looked, so lines like `- - - - a` stay linear.
    mutating func scanThematicBreak(at i: Int) -> Bool {
        let c = peek(i)
        guard c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") else {
            thematicBreakKillPos = i
            return false
        }
        var count = 1
        var j = i + 1
        var next = peek(j)
        while next != 0 {
            if next == c { count += 1 } else if !MarkdownCharacters.isSpaceOrTab(next) { break }
            j += 1
            next = peek(j)
        }
        if count >= 3 && next == 10 { return true }
        thematicBreakKillPos = j
        return false
    }

    /// Length of a list marker at `i` (`-`, `+`, `*`, or up to nine digits and `.` or `)`),
    /// filling `data`; 0 when there is none. A marker interrupting a paragraph needs content
    /// after it, and an ordered one must start at 1.
    func parseListMarker(at i: Int, interruptsParagraph: Bool, _ data: inout MarkdownBlockNode.ListData) -> Int {
        var j = i
        let c = peek(j)
        if c == UInt8(ascii: "*") || c == UInt8(ascii: "-") || c == UInt8(ascii: "+") {
            j += 1
            guard MarkdownCharacters.isSpace(peek(j)) else { return 0 }
            if interruptsParagraph {
                var k = j
                while MarkdownCharacters.isSpaceOrTab(peek(k)) { k += 1 }
                if peek(k) == 10 { return 0 }
            }
            data.ordered = false
            data.marker = c
            data.start = 1
            return j - i
        }
        guard MarkdownCharacters.isDigit(c) else { return 0 }
        var start = 0
        var digits = 0
        repeat {
            start = start * 10 + Int(peek(j) - 48)
            j += 1
            digits += 1
        } while digits < 9 && MarkdownCharacters.isDigit(peek(j))
        if interruptsParagraph && start != 1 { return 0 }
        let d = peek(j)
        guard d == UInt8(ascii: ".") || d == UInt8(ascii: ")") else { return 0 }
        j += 1
        guard MarkdownCharacters.isSpace(peek(j)) else { return 0 }
        if interruptsParagraph {
            var k = j
            while MarkdownCharacters.isSpaceOrTab(peek(k)) { k += 1 }
            if peek(k) == 10 { return 0 }
        }
        data.ordered = true
        data.marker = d
        data.start = start
        return j - i
    }

    /// Turns the last line of `paragraph` into a table header when this line is a matching
    /// delimiter row; earlier lines stay a paragraph before the table.
    mutating func openTable(_ paragraph: Int32) -> Bool {
        guard let alignments = MarkdownTableSyntax.delimiterRow(buf, firstNonspace, lineEnd) else { return false }
        let node = nodes[Int(paragraph)]
        let textEnd = node.contentEnd - 1  // before the final line ending
        guard textEnd > node.contentStart else { return false }
        var headerStart = textEnd
        while headerStart > node.contentStart && content[headerStart - 1] != 10 { headerStart -= 1 }
        let header = content.withUnsafeBufferPointer { MarkdownTableSyntax.cells($0, headerStart, textEnd) }
        guard let header, header.count == alignments.count else { return false }
        if headerStart > node.contentStart {
            // The lines before the header stay a paragraph of their own.
            let index = Int32(nodes.count)
            var before = MarkdownBlockNode(kind: .paragraph, parent: node.parent, startLine: node.startLine, content: node.contentStart)
            before.contentEnd = headerStart
            before.prev = node.prev
            before.next = paragraph
            nodes.append(before)
            if node.prev >= 0 { nodes[Int(node.prev)].next = index } else { nodes[Int(node.parent)].firstChild = index }
            nodes[Int(paragraph)].prev = index
            _ = finalize(index)
        }
        nodes[Int(paragraph)].kind = .table
        nodes[Int(paragraph)].contentStart = headerStart
        nodes[Int(paragraph)].table = Int32(tables.count)
        tables.append(MarkdownTableCells(alignments: alignments, header: header))
        return true
    }

    /// Adds the current line as a row of `table`, padded or cut to the header's width.
    mutating func addTableRow(_ table: Int32, _ row: [Range<Int>]) {
        let base = content.count - lineStart
        content.append(contentsOf: Bytes(rebasing: buf[lineStart..<lineEnd]))
        content.append(10)
        nodes[Int(table)].contentEnd = content.count
        let t = Int(nodes[Int(table)].table)
        let width = tables[t].header.count
        var cells: [Range<Int>] = []
        cells.reserveCapacity(width)
        for k in 0..<width {
            if k < row.count { cells.append((row[k].lowerBound + base)..<(row[k].upperBound + base)) } else { cells.append(0..<0) }
        }
        tables[t].rows.append(cells)
    }
}
