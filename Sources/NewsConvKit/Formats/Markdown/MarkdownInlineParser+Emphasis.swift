/// Emphasis, strong emphasis and strikethrough: delimiter runs and the specification's
/// "process emphasis" procedure.
extension MarkdownInlineParser {
    /// The code points before and after the run `p[start..<end]`; line ends at the edges.
    private func neighbours(_ start: Int, _ runEnd: Int) -> (before: UInt32, after: UInt32) {
        let before = start == 0 ? 10 : (MarkdownCharacters.scalar(before: start, in: p, start: 0) ?? 10)
        let after = runEnd >= end ? 10 : (MarkdownCharacters.scalar(at: runEnd, in: p, end: end) ?? 10)
        return (before, after)
    }

    private func flanking(_ before: UInt32, _ after: UInt32) -> (left: Bool, right: Bool) {
        let afterSpace = MarkdownCharacters.isUnicodeWhitespace(after)
        let afterPunct = MarkdownCharacters.isUnicodePunctuation(after)
        let beforeSpace = MarkdownCharacters.isUnicodeWhitespace(before)
        let beforePunct = MarkdownCharacters.isUnicodePunctuation(before)
        let left = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let right = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        return (left, right)
    }

    /// A run of `*` or `_`.
    mutating func handleDelimiterRun(_ c: UInt8) {
        let start = pos
        while pos < end && p[pos] == c { pos += 1 }
        let (before, after) = neighbours(start, pos)
        let (left, right) = flanking(before, after)
        let canOpen: Bool, canClose: Bool
        if c == UInt8(ascii: "_") {
            canOpen = left && (!right || MarkdownCharacters.isUnicodePunctuation(before))
            canClose = right && (!left || MarkdownCharacters.isUnicodePunctuation(after))
        } else {
            canOpen = left
            canClose = right
        }
        let node = appendText(start, pos)
        if canOpen || canClose { pushDelimiter(node, c, canOpen, canClose, length: pos - start) }
    }

    /// A run of `~`: one or two tildes may strike text through (cmark-gfm).
    mutating func handleTildes() {
        let start = pos
        while pos < end && p[pos] == UInt8(ascii: "~") { pos += 1 }
        let (before, after) = neighbours(start, pos)
        let (left, right) = flanking(before, after)
        let node = appendText(start, pos)
        let length = pos - start
        if (left || right) && length <= 2 { pushDelimiter(node, UInt8(ascii: "~"), left, right, length: length) }
    }

    private mutating func pushDelimiter(_ node: Int32, _ c: UInt8, _ canOpen: Bool, _ canClose: Bool, length: Int) {
        let index = Int32(delimiters.count)
        delimiters.append(Delimiter(node: node, char: c, canOpen: canOpen, canClose: canClose,
                                    length: Int32(length), prev: lastDelimiter, next: -1))
        if lastDelimiter >= 0 { delimiters[Int(lastDelimiter)].next = index }
        lastDelimiter = index
    }

    mutating func removeDelimiter(_ d: Int32) {
        let del = delimiters[Int(d)]
        if del.next >= 0 { delimiters[Int(del.next)].prev = del.prev } else { lastDelimiter = del.prev }
        if del.prev >= 0 { delimiters[Int(del.prev)].next = del.next }
    }

    private func textLength(_ node: Int32) -> Int32 { nodes[Int(node)].end - nodes[Int(node)].start }

    /// Matches closers with openers among the delimiters from `bottom` on, innermost first.
    mutating func processEmphasis(bottom: Int32) {
        // Lower bounds for the opener search, by delimiter character, by whether the closer
        // can open, and by its length modulo 3.
        var openersBottom = [Int32](repeating: bottom, count: 18)
        var closer: Int32 = -1
        var candidate = lastDelimiter
        while candidate >= 0 && candidate >= bottom {
            closer = candidate
            candidate = delimiters[Int(candidate)].prev
        }
        while closer >= 0 {
            let cl = delimiters[Int(closer)]
            guard cl.canClose else {
                closer = cl.next
                continue
            }
            let charIndex = cl.char == UInt8(ascii: "*") ? 0 : (cl.char == UInt8(ascii: "_") ? 1 : 2)
            let bottomIndex = charIndex * 6 + (cl.canOpen ? 3 : 0) + Int(cl.length % 3)
            var opener = cl.prev
            var found = false
            while opener >= 0 && opener >= bottom && opener >= openersBottom[bottomIndex] {
                let op = delimiters[Int(opener)]
                if op.canOpen && op.char == cl.char {
                    // An interior run may not pair with one whose length makes a multiple of 3.
                    if !(cl.canOpen || op.canClose) || cl.length % 3 == 0 || (op.length + cl.length) % 3 != 0 {
                        found = true
                        break
                    }
                }
                opener = op.prev
            }
            let oldCloser = closer
            if cl.char == UInt8(ascii: "~") {
                closer = found ? insertStrikethrough(opener, closer) : cl.next
            } else {
                closer = found ? insertEmphasis(opener, closer) : cl.next
            }
            if !found {
                openersBottom[bottomIndex] = oldCloser
                if !cl.canOpen { removeDelimiter(oldCloser) }
            }
        }
        while lastDelimiter >= 0 && lastDelimiter >= bottom { removeDelimiter(lastDelimiter) }
    }

    /// Wraps the nodes between two text nodes into a new node of `kind`.
    private mutating func wrap(_ kind: Kind, between openerNode: Int32, and closerNode: Int32) {
        let index = Int32(nodes.count)
        var node = Node(kind: kind)
        let first = nodes[Int(openerNode)].next
        if first != closerNode {
            let last = nodes[Int(closerNode)].prev
            node.firstChild = first
            node.lastChild = last
            nodes[Int(first)].prev = -1
            nodes[Int(last)].next = -1
        }
        node.prev = openerNode
        node.next = closerNode
        nodes.append(node)
        nodes[Int(openerNode)].next = index
        nodes[Int(closerNode)].prev = index
    }

    /// Makes emphasis (one delimiter used) or strong emphasis (two); returns the next closer
    /// to look at.
    private mutating func insertEmphasis(_ opener: Int32, _ closer: Int32) -> Int32 {
        let openerNode = delimiters[Int(opener)].node
        let closerNode = delimiters[Int(closer)].node
        let openerChars = textLength(openerNode)
        let closerChars = textLength(closerNode)
        let use: Int32 = closerChars >= 2 && openerChars >= 2 ? 2 : 1
        nodes[Int(openerNode)].end -= use
        nodes[Int(closerNode)].end -= use
        // Delimiters between the two can no longer match.
        var d = delimiters[Int(closer)].prev
        while d >= 0 && d != opener {
            let previous = delimiters[Int(d)].prev
            removeDelimiter(d)
            d = previous
        }
        wrap(use == 1 ? .emphasis : .strong, between: openerNode, and: closerNode)
        if openerChars == use { removeDelimiter(opener) }
        if closerChars == use {
            let next = delimiters[Int(closer)].next
            removeDelimiter(closer)
            return next
        }
        return closer
    }

    /// Strikes through when opener and closer have the same length; either way both are
    /// used up (cmark-gfm).
    private mutating func insertStrikethrough(_ opener: Int32, _ closer: Int32) -> Int32 {
        let next = delimiters[Int(closer)].next
        let openerNode = delimiters[Int(opener)].node
        let closerNode = delimiters[Int(closer)].node
        if textLength(openerNode) == textLength(closerNode) {
            nodes[Int(openerNode)].end = nodes[Int(openerNode)].start
            nodes[Int(closerNode)].end = nodes[Int(closerNode)].start
            wrap(.strikethrough, between: openerNode, and: closerNode)
        }
        var d = closer
        while d >= 0 && d != opener {
            let previous = delimiters[Int(d)].prev
            removeDelimiter(d)
            d = previous
        }
        removeDelimiter(opener)
        return next
    }
}
