/// Links and images, autolinks in angle brackets, and raw HTML.
extension MarkdownInlineParser {
    mutating func pushBracket(_ node: Int32, image: Bool) {
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        brackets.append(Bracket(node: node, position: pos, image: image, delimiterBottom: Int32(delimiters.count)))
    }

    private func skipWhitespace(_ i: Int) -> Int {
        var i = i
        while i < end && MarkdownCharacters.isSpace(p[i]) { i += 1 }
        return i
    }

    private func trimmed(_ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e && MarkdownCharacters.isSpace(p[s]) { s += 1 }
        while e > s && MarkdownCharacters.isSpace(p[e - 1]) { e -= 1 }
        return (s, e)
    }

    /// A `]`: makes a link or image from the innermost bracket when an inline destination or
    /// a defined reference follows; otherwise it is text.
    mutating func handleCloseBracket() {
        pos += 1
        let initialPos = pos
        guard let opener = brackets.last else {
            appendText(pos - 1, pos)
            return
        }
        // After a link, the link openers before it are inactive (links do not nest).
        guard opener.image || brackets.count - 1 >= linkOpenersInactiveBelow else {
            popBracket()
            appendText(pos - 1, pos)
            return
        }
        var target: (destination: String, title: String?)?

        // An inline link: ( destination "title" )
        if pos < end && p[pos] == UInt8(ascii: "(") {
            let destStart = skipWhitespace(pos + 1)
            if let dest = MarkdownLinkSyntax.scanDestination(p, at: destStart, end: end) {
                let titleStart = skipWhitespace(dest.next)
                var titleEnd = titleStart
                var title: (start: Int, end: Int, next: Int)?
                if titleStart != dest.next, let t = MarkdownLinkSyntax.scanTitle(p, at: titleStart, end: end) {
                    title = t
                    titleEnd = t.next
                }
                let closing = skipWhitespace(titleEnd)
                if closing < end && p[closing] == UInt8(ascii: ")") {
                    pos = closing + 1
                    let (ds, de) = trimmed(dest.start, dest.end)
                    let titleText = title.map { MarkdownLinkSyntax.unescaped(p, $0.start, $0.end) }
                    target = (MarkdownLinkSyntax.unescaped(p, ds, de), titleText?.isEmpty == false ? titleText : nil)
                }
            }
        }

        // A reference: [text][label], [text][] or [text].
        if target == nil {
            pos = initialPos
            var label: (Int, Int)?
            if let l = MarkdownLinkSyntax.scanLabel(p, at: initialPos, end: end) {
                pos = l.next
                let (s, e) = trimmed(l.start, l.end)
                if e > s { label = (s, e) }
            }
            if label == nil && !opener.bracketAfter {
                label = (opener.position, initialPos - 1)
            }
            if let (s, e) = label, let ref = references.target(p, s, e) {
                target = (ref.destination, ref.title?.isEmpty == false ? ref.title : nil)
            }
        }

        guard let target else {
            popBracket()
            pos = initialPos
            appendText(pos - 1, pos)
            return
        }

        // The bracket's text node becomes the link; what follows it becomes its content.
        let link = opener.node
        nodes[Int(link)].kind = opener.image ? .image : .link
        nodes[Int(link)].start = Int32(links.count)
        nodes[Int(link)].end = 0
        links.append(target)
        let first = nodes[Int(link)].next
        if first >= 0 {
            nodes[Int(link)].firstChild = first
            nodes[Int(link)].lastChild = nodes[0].lastChild
            nodes[Int(first)].prev = -1
            nodes[Int(link)].next = -1
            nodes[0].lastChild = link
        }
        processEmphasis(bottom: opener.delimiterBottom)
        popBracket()
        // Links may not contain links: every link opener still open becomes text. One index
        // marks them all, so runs like `![[]()` stay linear.
        if !opener.image { linkOpenersInactiveBelow = brackets.count }
    }

    private mutating func popBracket() {
        brackets.removeLast()
        linkOpenersInactiveBelow = min(linkOpenersInactiveBelow, brackets.count)
    }

    /// A `<`: an autolink, raw HTML, or text.
    mutating func handlePointyBrace() {
        pos += 1
        if let e = scanAutolinkURI(pos) {
            appendAutolink(pos, e - 1, email: false)
            pos = e
            return
        }
        if let e = scanAutolinkEmail(pos) {
            appendAutolink(pos, e - 1, email: true)
            pos = e
            return
        }
        if let e = scanRawHTML(pos - 1) {
            append(Node(kind: .html, start: Int32(pos - 1), end: Int32(e)))
            pos = e
            return
        }
        appendText(pos - 1, pos)
    }

    private mutating func appendAutolink(_ start: Int, _ textEnd: Int, email: Bool) {
        var url: [UInt8] = email ? Array("mailto:".utf8) : []
        let textStart = extra.count
        MarkdownLinkSyntax.appendEntitiesDecoded(p, start, textEnd, to: &extra)
        url.append(contentsOf: extra[textStart...])
        let link = append(Node(kind: .link, start: Int32(links.count)))
        links.append((String(decoding: url, as: UTF8.self), nil))
        var text = Node(kind: .text, start: Int32(textStart), end: Int32(extra.count), inExtra: true)
        text.prev = -1
        let index = Int32(nodes.count)
        nodes.append(text)
        nodes[Int(link)].firstChild = index
        nodes[Int(link)].lastChild = index
    }

    /// `scheme:…>` after a `<` at `i - 1`; returns the index after `>`.
    private func scanAutolinkURI(_ i: Int) -> Int? {
        guard i < end, MarkdownCharacters.isAlpha(p[i]) else { return nil }
        var j = i + 1
        while j < end {
            let b = p[j]
            guard MarkdownCharacters.isAlphanumeric(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: ".") || b == UInt8(ascii: "-") else { break }
            j += 1
        }
        let schemeLength = j - i
        guard schemeLength >= 2, schemeLength <= 32, j < end, p[j] == UInt8(ascii: ":") else { return nil }
        j += 1
        while j < end {
            let b = p[j]
            if b == UInt8(ascii: ">") { return j + 1 }
            if b <= 32 || b == 127 || b == UInt8(ascii: "<") { return nil }
            j += 1
        }
        return nil
    }

    /// `local@domain>` after a `<`; returns the index after `>`.
    private func scanAutolinkEmail(_ i: Int) -> Int? {
        var j = i
        while j < end && MarkdownCharacters.emailLocal[Int(p[j])] { j += 1 }
        guard j > i, j < end, p[j] == UInt8(ascii: "@") else { return nil }
        j += 1
        while true {
            // One label: alphanumeric at both ends, hyphens inside, at most 63 long.
            let labelStart = j
            guard j < end, MarkdownCharacters.isAlphanumeric(p[j]) else { return nil }
            j += 1
            while j < end && (MarkdownCharacters.isAlphanumeric(p[j]) || p[j] == UInt8(ascii: "-")) && j - labelStart < 63 { j += 1 }
            guard MarkdownCharacters.isAlphanumeric(p[j - 1]) else { return nil }
            guard j < end else { return nil }
            if p[j] == UInt8(ascii: ">") { return j + 1 }
            guard p[j] == UInt8(ascii: ".") else { return nil }
            j += 1
        }
    }

    /// Raw HTML starting at the `<` at `i`: a tag, comment, processing instruction,
    /// declaration or CDATA section. Returns the index after it.
    private mutating func scanRawHTML(_ i: Int) -> Int? {
        guard i + 3 <= end else { return nil }
        let c = p[i + 1]
        if c == UInt8(ascii: "!") {
            guard i + 2 < end else { return nil }
            let c2 = p[i + 2]
            if c2 == UInt8(ascii: "-") {
                guard i + 3 < end, p[i + 3] == UInt8(ascii: "-") else { return nil }
                if i + 4 < end && p[i + 4] == UInt8(ascii: ">") { return i + 5 }
                if i + 5 < end && p[i + 4] == UInt8(ascii: "-") && p[i + 5] == UInt8(ascii: ">") { return i + 6 }
                if noCommentEnd { return nil }
                if let e = MarkdownHTMLSyntax.find("-->", in: p, from: i + 4, end) { return e }
                noCommentEnd = true
                return nil
            }
            if c2 == UInt8(ascii: "[") {
                guard i + 8 < end, p[i + 3] == UInt8(ascii: "C"), p[i + 4] == UInt8(ascii: "D"), p[i + 5] == UInt8(ascii: "A"),
                      p[i + 6] == UInt8(ascii: "T"), p[i + 7] == UInt8(ascii: "A"), p[i + 8] == UInt8(ascii: "[") else { return nil }
                if noCDATAEnd { return nil }
                if let e = MarkdownHTMLSyntax.find("]]>", in: p, from: i + 9, end) { return e }
                noCDATAEnd = true
                return nil
            }
            if MarkdownCharacters.isAlpha(c2) {
                if noDeclarationEnd { return nil }
                if let e = MarkdownHTMLSyntax.find(">", in: p, from: i + 3, end) { return e }
                noDeclarationEnd = true
                return nil
            }
            return nil
        }
        if c == UInt8(ascii: "?") {
            if noProcessingInstructionEnd { return nil }
            if let e = MarkdownHTMLSyntax.find("?>", in: p, from: i + 2, end) { return e }
            noProcessingInstructionEnd = true
            return nil
        }
        if c == UInt8(ascii: "/") { return MarkdownHTMLSyntax.scanClosingTag(p, i, end) }
        return MarkdownHTMLSyntax.scanOpenTag(p, i, end, noQuoteAfter: &noQuoteAfter)
    }
}
