/// Phase one of CommonMark parsing: the block structure.
///
/// Follows the reference implementation (cmark's `blocks.c`): each line first matches the open
/// container blocks (block quotes, list items, …), then may open new blocks, and what remains
/// is text for the innermost block, or a lazy continuation of an open paragraph. Leaf text is
/// appended to one content buffer; since only the innermost open block takes text, each leaf's
/// text is one contiguous range of it. Everything is iterative, so deep nesting cannot exhaust
/// the stack.
struct MarkdownBlockParser {
    typealias Node = MarkdownBlockNode
    typealias Bytes = UnsafeBufferPointer<UInt8>

    let buf: Bytes
    let extensions: MarkdownExtensions
    var nodes: [Node] = []
    var content: [UInt8] = []
    var tables: [MarkdownTableCells] = []
    var references = MarkdownReferences()
    /// The innermost open block.
    var current: Int32 = 0

    // State of the line being processed; indices are absolute in `buf`, columns relative to
    // the line start.
    var lineStart = 0
    var lineEnd = 0
    var lineNumber: Int32 = 0
    var offset = 0
    var column = 0
    var firstNonspace = 0
    var firstNonspaceColumn = 0
    var indent = 0
    var blank = false
    var partiallyConsumedTab = false
    var thematicBreakKillPos = 0
    /// Cells of the current line when it continues an open table.
    var pendingRow: [Range<Int>]?

    init(_ buf: Bytes, extensions: MarkdownExtensions) {
        self.buf = buf
        self.extensions = extensions
        nodes.reserveCapacity(max(16, buf.count / 40))
        content.reserveCapacity(buf.count + 64)
        nodes.append(Node(kind: .document, parent: -1, startLine: 1, content: 0))
    }

    /// Parses the whole input.
    mutating func parse() {
        let n = buf.count
        var i = 0
        while i < n {
            var j = i
            while j < n && buf[j] != 10 && buf[j] != 13 { j += 1 }
            lineStart = i
            lineEnd = j
            processLine()
            if j < n && buf[j] == 13 { j += 1 }
            if j < n && buf[j] == 10 { j += 1 }
            i = j
        }
        while current != 0 { current = finalize(current) }
        _ = finalize(0)
    }

    // MARK: Line state

    /// The byte at `i` of the current line; the line ending reads as `\n`, past it as 0.
    @inline(__always)
    func peek(_ i: Int) -> UInt8 {
        i < lineEnd ? buf[i] : (i == lineEnd ? 10 : 0)
    }

    mutating func findFirstNonspace() {
        var charsToTab = 4 - (column % 4)
        if firstNonspace <= offset {
            firstNonspace = offset
            firstNonspaceColumn = column
            while true {
                let c = peek(firstNonspace)
                if c == 32 {
                    firstNonspace += 1
                    firstNonspaceColumn += 1
                    charsToTab -= 1
                    if charsToTab == 0 { charsToTab = 4 }
                } else if c == 9 {
                    firstNonspace += 1
                    firstNonspaceColumn += charsToTab
                    charsToTab = 4
                } else {
                    break
                }
            }
        }
        indent = firstNonspaceColumn - column
        blank = peek(firstNonspace) == 10
    }

    mutating func advanceOffset(_ count: Int, columns: Bool) {
        var count = count
        while count > 0 {
            let c = peek(offset)
            if c == 0 { break }
            if c == 9 {
                let charsToTab = 4 - (column % 4)
                if columns {
                    partiallyConsumedTab = charsToTab > count
                    let advance = min(count, charsToTab)
                    column += advance
                    offset += partiallyConsumedTab ? 0 : 1
                    count -= advance
                } else {
                    partiallyConsumedTab = false
                    column += charsToTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    // MARK: One line

    mutating func processLine() {
        offset = lineStart
        column = 0
        firstNonspace = lineStart
        firstNonspaceColumn = 0
        indent = 0
        blank = false
        partiallyConsumedTab = false
        thematicBreakKillPos = lineStart
        pendingRow = nil
        lineNumber += 1

        var allMatched = false
        guard let lastMatched = checkOpenBlocks(&allMatched) else { return }
        var container = lastMatched
        let consumed = openNewBlocks(&container, allMatched: allMatched)
        if !consumed { addText(to: container, lastMatched: lastMatched) }
    }

    /// Matches the line against the open blocks; returns the last one matched, or nil when
    /// the line is used up (a closing code fence).
    mutating func checkOpenBlocks(_ allMatched: inout Bool) -> Int32? {
        var container: Int32 = 0
        var shouldContinue = true
        allMatched = false
        matching: while true {
            let last = nodes[Int(container)].lastChild
            guard last >= 0, nodes[Int(last)].isOpen else {
                allMatched = true
                break
            }
            container = last
            findFirstNonspace()
            switch nodes[Int(container)].kind {
            case .blockQuote:
                guard indent <= 3 && peek(firstNonspace) == UInt8(ascii: ">") else { break matching }
                advanceOffset(indent + 1, columns: true)
                if MarkdownCharacters.isSpaceOrTab(peek(offset)) { advanceOffset(1, columns: true) }
            case .item:
                let list = nodes[Int(container)].list
                if indent >= list.markerOffset + list.padding {
                    advanceOffset(list.markerOffset + list.padding, columns: true)
                } else if blank && nodes[Int(container)].firstChild >= 0 {
                    advanceOffset(firstNonspace - offset, columns: false)
                } else {
                    break matching
                }
            case .codeBlock:
                if !matchCodeBlockLine(container, &shouldContinue) { break matching }
            case .heading:
                break matching
            case .htmlBlock:
                // Types 1–5 run to their end condition; 6 and 7 end at a blank line.
                if nodes[Int(container)].level >= 6 && blank { break matching }
            case .paragraph:
                if blank { break matching }
            case .table:
                guard let row = MarkdownTableSyntax.cells(buf, firstNonspace, lineEnd) else { break matching }
                pendingRow = row
            case .document, .list, .thematicBreak:
                break
            }
        }
        if !allMatched { container = nodes[Int(container)].parent }
        return shouldContinue ? container : nil
    }

    mutating func matchCodeBlockLine(_ container: Int32, _ shouldContinue: inout Bool) -> Bool {
        let node = nodes[Int(container)]
        if !node.fenced {
            if indent >= 4 {
                advanceOffset(4, columns: true)
                return true
            }
            if blank {
                advanceOffset(firstNonspace - offset, columns: false)
                return true
            }
            return false
        }
        if indent <= 3 && peek(firstNonspace) == node.fenceChar {
            let length = scanClosingFence(at: firstNonspace, char: node.fenceChar)
            if length >= node.fenceLength {
                shouldContinue = false
                advanceOffset(length, columns: false)
                current = finalize(container)
                return false
            }
        }
        var i = node.fenceOffset
        while i > 0 && MarkdownCharacters.isSpaceOrTab(peek(offset)) {
            advanceOffset(1, columns: true)
            i -= 1
        }
        return true
    }

    /// Opens the blocks that start on this line. Returns true when the line is used up by a
    /// table row or table header.
    mutating func openNewBlocks(_ container: inout Int32, allMatched: Bool) -> Bool {
        var maybeLazy = nodes[Int(current)].kind == .paragraph
        var kind = nodes[Int(container)].kind
        while kind != .codeBlock && kind != .htmlBlock {
            findFirstNonspace()
            let indented = indent >= 4
            let c = peek(firstNonspace)
            var listData = Node.ListData()
            if !indented && c == UInt8(ascii: ">") {
                advanceOffset(firstNonspace + 1 - offset, columns: false)
                if MarkdownCharacters.isSpaceOrTab(peek(offset)) { advanceOffset(1, columns: true) }
                container = addChild(container, .blockQuote)
            } else if !indented && c == UInt8(ascii: "#"), case let m = scanATXHeadingStart(at: firstNonspace), m > 0 {
                var level = 0
                var h = firstNonspace
                while peek(h) == UInt8(ascii: "#") { level += 1; h += 1 }
                advanceOffset(firstNonspace + m - offset, columns: false)
                container = addChild(container, .heading)
                nodes[Int(container)].level = UInt8(level)
            } else if !indented && (c == UInt8(ascii: "`") || c == UInt8(ascii: "~")), case let m = scanOpeningFence(at: firstNonspace), m > 0 {
                container = addChild(container, .codeBlock)
                nodes[Int(container)].fenced = true
                nodes[Int(container)].fenceChar = c
                nodes[Int(container)].fenceLength = m
                nodes[Int(container)].fenceOffset = firstNonspace - offset
                advanceOffset(firstNonspace + m - offset, columns: false)
            } else if !indented && c == UInt8(ascii: "<"),
                      case let type = MarkdownHTMLSyntax.blockStart(buf, firstNonspace, lineEnd, allowType7: kind != .paragraph && !maybeLazy), type > 0 {
                container = addChild(container, .htmlBlock)
                nodes[Int(container)].level = type
            } else if !indented && kind == .paragraph && (c == UInt8(ascii: "=") || c == UInt8(ascii: "-")),
                      case let level = scanSetextUnderline(at: firstNonspace), level > 0 {
                if resolveReferenceDefinitions(container) {
                    nodes[Int(container)].kind = .heading
                    nodes[Int(container)].level = UInt8(level)
                    nodes[Int(container)].setext = true
                    advanceOffset(lineEnd - offset, columns: false)
                }
            } else if !indented && !(kind == .paragraph && !allMatched) && thematicBreakKillPos <= firstNonspace
                        && scanThematicBreak(at: firstNonspace) {
                container = addChild(container, .thematicBreak)
                advanceOffset(lineEnd - offset, columns: false)
            } else if indent < 4, case let m = parseListMarker(at: firstNonspace, interruptsParagraph: kind == .paragraph, &listData), m > 0 {
                advanceOffset(firstNonspace + m - offset, columns: false)
                let savedTab = partiallyConsumedTab, savedOffset = offset, savedColumn = column
                while column - savedColumn <= 5 && MarkdownCharacters.isSpaceOrTab(peek(offset)) {
                    advanceOffset(1, columns: true)
                }
                let spaces = column - savedColumn
                if spaces >= 5 || spaces < 1 || peek(offset) == 10 {
                    listData.padding = m + 1
                    offset = savedOffset
                    column = savedColumn
                    partiallyConsumedTab = savedTab
                    if spaces > 0 { advanceOffset(1, columns: true) }
                } else {
                    listData.padding = m + spaces
                }
                listData.markerOffset = indent
                if kind != .list || !nodes[Int(container)].list.continues(listData) {
                    container = addChild(container, .list)
                    nodes[Int(container)].list = listData
                }
                container = addChild(container, .item)
                nodes[Int(container)].list = listData
            } else if indented && !maybeLazy && !blank {
                advanceOffset(4, columns: true)
                container = addChild(container, .codeBlock)
            } else if extensions.contains(.tables) && !indented && kind == .paragraph && openTable(container) {
                return true
            } else if kind == .table, let row = pendingRow {
                addTableRow(container, row)
                return true
            } else {
                break
            }
            if nodes[Int(container)].acceptsLines { break }
            kind = nodes[Int(container)].kind
            maybeLazy = false
        }
        return false
    }

    /// Adds what is left of the line to the right block.
    mutating func addText(to containerIn: Int32, lastMatched: Int32) {
        var container = containerIn
        findFirstNonspace()
        let last = nodes[Int(container)].lastChild
        if blank && last >= 0 { nodes[Int(last)].lastLineBlank = true }
        let node = nodes[Int(container)]
        let kind = node.kind
        // Block quote lines are never blank (they start with >); blank lines in fenced code
        // and after an empty list item's marker do not count for list tightness.
        nodes[Int(container)].lastLineBlank = blank && kind != .blockQuote && kind != .heading && kind != .thematicBreak
            && !(kind == .codeBlock && node.fenced)
            && !(kind == .item && node.firstChild < 0 && node.startLine == lineNumber)
        var ancestor = node.parent
        while ancestor >= 0 {
            nodes[Int(ancestor)].lastLineBlank = false
            ancestor = nodes[Int(ancestor)].parent
        }

        if current != lastMatched && container == lastMatched && !blank && nodes[Int(current)].kind == .paragraph {
            // Lazy continuation of a paragraph.
            addLine(current)
            return
        }
        while current != lastMatched { current = finalize(current) }
        switch kind {
        case .codeBlock:
            addLine(container)
        case .htmlBlock:
            addLine(container)
            let type = nodes[Int(container)].level
            if type <= 5 && MarkdownHTMLSyntax.blockEnds(type: type, buf, min(firstNonspace, lineEnd), lineEnd) {
                container = finalize(container)
            }
        case _ where blank:
            break
        case .paragraph, .heading:
            if kind == .heading && !nodes[Int(container)].setext {
                let end = atxContentEnd()
                advanceOffset(firstNonspace - offset, columns: false)
                addLine(container, end: end)
            } else {
                advanceOffset(firstNonspace - offset, columns: false)
                addLine(container)
            }
        case .table:
            break
        default:
            container = addChild(container, .paragraph)
            advanceOffset(firstNonspace - offset, columns: false)
            addLine(container)
        }
        current = container
    }

    /// Appends the rest of the line (from `offset`) to the text of `node`.
    mutating func addLine(_ node: Int32, end: Int? = nil) {
        let end = end ?? lineEnd
        if partiallyConsumedTab {
            offset += 1
            let charsToTab = 4 - (column % 4)
            for _ in 0..<charsToTab { content.append(32) }
        }
        if offset < end { content.append(contentsOf: Bytes(rebasing: buf[offset..<end])) }
        content.append(10)
        nodes[Int(node)].contentEnd = content.count
    }

    /// End of an ATX heading's text: without trailing spaces and a closing `#` sequence.
    func atxContentEnd() -> Int {
        var end = lineEnd
        while end > lineStart && MarkdownCharacters.isSpace(buf[end - 1]) { end -= 1 }
        var n = end - 1
        while n >= lineStart && buf[n] == UInt8(ascii: "#") { n -= 1 }
        if n != end - 1 && n >= lineStart && MarkdownCharacters.isSpaceOrTab(buf[n]) {
            end = n
            while end > lineStart && MarkdownCharacters.isSpace(buf[end - 1]) { end -= 1 }
        }
        return end
    }

    // MARK: Tree

    /// Adds a block of `kind` under `parent`, first closing blocks that cannot hold it.
    mutating func addChild(_ parentIn: Int32, _ kind: Node.Kind) -> Int32 {
        var parent = parentIn
        while !nodes[Int(parent)].canContain(kind) { parent = finalize(parent) }
        let index = Int32(nodes.count)
        var node = Node(kind: kind, parent: parent, startLine: lineNumber, content: content.count)
        let previous = nodes[Int(parent)].lastChild
        node.prev = previous
        nodes.append(node)
        if previous >= 0 { nodes[Int(previous)].next = index } else { nodes[Int(parent)].firstChild = index }
        nodes[Int(parent)].lastChild = index
        return index
    }

    /// Takes `node` out of its parent's children.
    mutating func unlink(_ node: Int32) {
        let n = nodes[Int(node)]
        if n.prev >= 0 { nodes[Int(n.prev)].next = n.next } else if n.parent >= 0 { nodes[Int(n.parent)].firstChild = n.next }
        if n.next >= 0 { nodes[Int(n.next)].prev = n.prev } else if n.parent >= 0 { nodes[Int(n.parent)].lastChild = n.prev }
        nodes[Int(node)].next = -1
        nodes[Int(node)].prev = -1
    }

    /// Closes `b`; returns its parent.
    mutating func finalize(_ b: Int32) -> Int32 {
        let parent = nodes[Int(b)].parent
        nodes[Int(b)].isOpen = false
        switch nodes[Int(b)].kind {
        case .paragraph:
            if !resolveReferenceDefinitions(b) {
                unlink(b)
            } else if extensions.contains(.taskLists) {
                detectTaskMarker(b)
            }
        case .codeBlock:
            finalizeCode(b)
        case .list:
            nodes[Int(b)].list.tight = isTight(b)
        default:
            break
        }
        return parent
    }

    private mutating func finalizeCode(_ b: Int32) {
        let node = nodes[Int(b)]
        if node.fenced {
            // The first line is the info string.
            var i = node.contentStart
            while i < node.contentEnd && content[i] != 10 { i += 1 }
            nodes[Int(b)].infoStart = node.contentStart
            nodes[Int(b)].infoEnd = i
            nodes[Int(b)].contentStart = min(i + 1, node.contentEnd)
        } else {
            // Drop trailing blank lines.
            var i = node.contentEnd - 1
            while i >= node.contentStart && (content[i] == 32 || content[i] == 9 || content[i] == 10) { i -= 1 }
            if i < node.contentStart {
                nodes[Int(b)].contentEnd = node.contentStart
            } else {
                while i < node.contentEnd && content[i] != 10 { i += 1 }
                nodes[Int(b)].contentEnd = min(i + 1, node.contentEnd)
            }
        }
    }

    /// A list is loose when an item other than the last ends with a blank line, or blocks
    /// inside an item are separated by one.
    private func isTight(_ list: Int32) -> Bool {
        var item = nodes[Int(list)].firstChild
        while item >= 0 {
            let itemNode = nodes[Int(item)]
            if itemNode.lastLineBlank && itemNode.next >= 0 { return false }
            var sub = itemNode.firstChild
            while sub >= 0 {
                if (itemNode.next >= 0 || nodes[Int(sub)].next >= 0) && endsWithBlankLine(sub) { return false }
                sub = nodes[Int(sub)].next
            }
            item = itemNode.next
        }
        return true
    }

    private func endsWithBlankLine(_ node: Int32) -> Bool {
        var n = node
        while n >= 0 {
            if nodes[Int(n)].lastLineBlank { return true }
            let kind = nodes[Int(n)].kind
            n = (kind == .list || kind == .item) ? nodes[Int(n)].lastChild : -1
        }
        return false
    }

    /// Moves link reference definitions at the start of paragraph `b` into the reference
    /// map. Returns false when nothing but definitions (or blanks) remains.
    mutating func resolveReferenceDefinitions(_ b: Int32) -> Bool {
        var start = nodes[Int(b)].contentStart
        let end = nodes[Int(b)].contentEnd
        if start < end && content[start] == UInt8(ascii: "[") {
            content.withUnsafeBufferPointer { p in
                while start < end && p[start] == UInt8(ascii: "["),
                      let next = MarkdownLinkSyntax.parseReferenceDefinition(p, at: start, end: end, into: &references) {
                    start = next
                }
            }
            nodes[Int(b)].contentStart = start
        }
        for i in start..<end where !MarkdownCharacters.isSpace(content[i]) { return true }
        return false
    }

    /// A first paragraph in a list item that starts `[ ]`, `[x]` or `[X]` and whitespace makes
    /// the item a task list item.
    mutating func detectTaskMarker(_ b: Int32) {
        let node = nodes[Int(b)]
        let item = node.parent
        guard item >= 0, nodes[Int(item)].kind == .item, nodes[Int(item)].firstChild == b,
              node.startLine == nodes[Int(item)].startLine else { return }
        let s = node.contentStart
        guard node.contentEnd - s >= 4, content[s] == UInt8(ascii: "["), content[s + 2] == UInt8(ascii: "]"),
              MarkdownCharacters.isSpace(content[s + 3]) else { return }
        switch content[s + 1] {
        case UInt8(ascii: " "): nodes[Int(item)].checked = 0
        case UInt8(ascii: "x"), UInt8(ascii: "X"): nodes[Int(item)].checked = 1
        default: return
        }
        var start = s + 3
        while start < node.contentEnd && MarkdownCharacters.isSpace(content[start]) { start += 1 }
        nodes[Int(b)].contentStart = start
        if start == node.contentEnd { unlink(b) }
    }
}
