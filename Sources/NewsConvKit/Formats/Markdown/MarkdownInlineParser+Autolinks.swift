/// GFM extended autolinks, as cmark-gfm recognises them: `www.` links and `http://`,
/// `https://`, `ftp://` links while parsing, e-mail addresses in text afterwards.
extension MarkdownInlineParser {
    /// A `w` at `i` that could start a `www.` link: after a line start, whitespace or one of
    /// `*_~(`, and not inside link text.
    func isWWWCandidate(_ i: Int) -> Bool {
        guard extensions.contains(.autolinks), brackets.isEmpty, i + 4 <= end,
              p[i + 1] == UInt8(ascii: "w"), p[i + 2] == UInt8(ascii: "w"), p[i + 3] == UInt8(ascii: ".") else { return false }
        guard i > 0 else { return true }
        let b = p[i - 1]
        return MarkdownCharacters.isSpace(b) || b == UInt8(ascii: "*") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~") || b == UInt8(ascii: "(")
    }

    /// A `:` at `i` that could end a URL scheme: letters before it, `//` after it.
    func isURLCandidate(_ i: Int) -> Bool {
        guard extensions.contains(.autolinks), brackets.isEmpty, i > 0, i + 4 <= end,
              p[i + 1] == UInt8(ascii: "/"), p[i + 2] == UInt8(ascii: "/") else { return false }
        return MarkdownCharacters.isAlpha(p[i - 1])
    }

    /// True for a character allowed in a domain: not whitespace, not punctuation.
    private func isHostCharacter(_ i: Int, _ limit: Int) -> (ok: Bool, length: Int) {
        let b = p[i]
        if b < 0x80 {
            return (!MarkdownCharacters.isSpace(b) && !MarkdownCharacters.isASCIIPunctuation(b) && b >= 32 && b != 127, 1)
        }
        guard let c = MarkdownCharacters.scalar(at: i, in: p, end: limit) else { return (false, 1) }
        let length = c < 0x800 ? 2 : (c < 0x10000 ? 3 : 4)
        return (!MarkdownCharacters.isUnicodeWhitespace(c) && !MarkdownCharacters.isUnicodePunctuation(c), length)
    }

    /// Length of the domain at `start` (cmark-gfm's `check_domain`): at least one dot unless
    /// `allowShort`, and no underscore in the last two segments. 0 when invalid.
    private func domainLength(_ start: Int, allowShort: Bool) -> Int {
        let size = end - start
        var i = 1
        var dots = 0, underscoresBefore = 0, underscores = 0
        while i < size - 1 {
            let c = p[start + i]
            if c == UInt8(ascii: "_") {
                underscores += 1
                i += 1
            } else if c == UInt8(ascii: ".") {
                underscoresBefore = underscores
                underscores = 0
                dots += 1
                i += 1
            } else if c == UInt8(ascii: "-") {
                i += 1
            } else {
                let (ok, length) = isHostCharacter(start + i, end)
                guard ok else { break }
                i += length
            }
        }
        if (underscoresBefore > 0 || underscores > 0) && dots <= 10 { return 0 }
        if allowShort { return min(i, size) }
        return dots > 0 ? min(i, size) : 0
    }

    /// Trims trailing punctuation off a link `p[start..<start+length]` (cmark-gfm's
    /// `autolink_delim`): `?!.,:*_~'"`, unbalanced `)`, and an entity-like `&name;`.
    func trimAutolinkEnd(_ start: Int, _ length: Int) -> Int {
        var linkEnd = length
        var opening = 0, closing = 0
        for i in 0..<linkEnd {
            let c = p[start + i]
            if c == UInt8(ascii: "<") { linkEnd = i; break }
            if c == UInt8(ascii: "(") { opening += 1 } else if c == UInt8(ascii: ")") { closing += 1 }
        }
        while linkEnd > 0 {
            switch p[start + linkEnd - 1] {
            case UInt8(ascii: ")"):
                if closing <= opening { return linkEnd }
                closing -= 1
                linkEnd -= 1
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                linkEnd -= 1
            case UInt8(ascii: ";"):
                var k = linkEnd - 2
                while k > 0 && MarkdownCharacters.isAlpha(p[start + k]) { k -= 1 }
                if k >= 0 && k < linkEnd - 2 && p[start + k] == UInt8(ascii: "&") { linkEnd = k } else { linkEnd -= 1 }
            default:
                return linkEnd
            }
        }
        return linkEnd
    }

    private func extendToWhitespace(_ start: Int, _ length: Int) -> Int {
        var n = length
        while start + n < end && !MarkdownCharacters.isSpace(p[start + n]) && p[start + n] != UInt8(ascii: "<") { n += 1 }
        return n
    }

    private mutating func appendLinkText(destination: String, _ start: Int, _ stop: Int) {
        let link = append(Node(kind: .link, start: Int32(links.count)))
        links.append((destination, nil))
        let index = Int32(nodes.count)
        nodes.append(Node(kind: .text, start: Int32(start), end: Int32(stop)))
        nodes[Int(link)].firstChild = index
        nodes[Int(link)].lastChild = index
    }

    /// `www.example.com/path` at `pos`.
    mutating func matchWWWAutolink() -> Bool {
        let domain = domainLength(pos, allowShort: false)
        guard domain > 0 else { return false }
        let length = trimAutolinkEnd(pos, extendToWhitespace(pos, domain))
        guard length > 0 else { return false }
        var url = Array("http://".utf8)
        url.append(contentsOf: Bytes(rebasing: p[pos..<(pos + length)]))
        appendLinkText(destination: String(decoding: url, as: UTF8.self), pos, pos + length)
        pos += length
        return true
    }

    /// `http://…`, `https://…` or `ftp://…` whose `:` is at `pos`; the scheme, already in the
    /// preceding text node, moves into the link.
    mutating func matchURLAutolink() -> Bool {
        var rewind = 0
        while pos - rewind > 0 && MarkdownCharacters.isAlpha(p[pos - rewind - 1]) { rewind += 1 }
        var scheme = [UInt8](Bytes(rebasing: p[(pos - rewind)..<pos]))
        for k in scheme.indices { scheme[k] |= 32 }
        guard scheme.elementsEqual("http".utf8) || scheme.elementsEqual("https".utf8) || scheme.elementsEqual("ftp".utf8) else { return false }
        guard pos + 3 < end, isHostCharacter(pos + 3, end).ok else { return false }
        let domain = domainLength(pos + 3, allowShort: true)
        guard domain > 0 else { return false }
        let length = trimAutolinkEnd(pos, extendToWhitespace(pos, 3 + domain))
        guard length > 0 else { return false }
        // Take the scheme back from the text node before.
        let last = nodes[0].lastChild
        guard last > 0, nodes[Int(last)].kind == .text, !nodes[Int(last)].inExtra, nodes[Int(last)].end == Int32(pos),
              nodes[Int(last)].end - nodes[Int(last)].start >= Int32(rewind) else { return false }
        nodes[Int(last)].end -= Int32(rewind)
        let start = pos - rewind
        appendLinkText(destination: String(decoding: Bytes(rebasing: p[start..<(pos + length)]), as: UTF8.self), start, pos + length)
        pos += length
        return true
    }

    /// Splits `text` at e-mail addresses (cmark-gfm's e-mail autolinks), appending text and
    /// `mailto:` links to `out`.
    static func appendLinkingEmails(_ text: [UInt8], to out: inout [Inline]) {
        var emitted = 0
        var limit = 0
        var search = 0
        let n = text.count
        while search < n {
            guard let at = text[search...].firstIndex(of: UInt8(ascii: "@")) else { break }
            var rewind = 0
            while at - rewind > limit {
                let c = text[at - rewind - 1]
                guard MarkdownCharacters.isAlphanumeric(c) || c == UInt8(ascii: ".") || c == UInt8(ascii: "+")
                        || c == UInt8(ascii: "-") || c == UInt8(ascii: "_") else { break }
                rewind += 1
            }
            var linkEnd = 0
            var ats = 0, dots = 0
            // The domain starts with a letter, digit, `-` or `_` (not a period).
            let domainStarts = at + 1 < n && (MarkdownCharacters.isAlphanumeric(text[at + 1]) || text[at + 1] == UInt8(ascii: "-") || text[at + 1] == UInt8(ascii: "_"))
            if rewind > 0 && domainStarts {
                let size = n - at
                while linkEnd < size {
                    let c = text[at + linkEnd]
                    if MarkdownCharacters.isAlphanumeric(c) {
                    } else if c == UInt8(ascii: "@") {
                        ats += 1
                    } else if c == UInt8(ascii: "."), linkEnd < size - 1, MarkdownCharacters.isAlphanumeric(text[at + linkEnd + 1]) {
                        dots += 1
                    } else if c != UInt8(ascii: "-") && c != UInt8(ascii: "_") {
                        break
                    }
                    linkEnd += 1
                }
            }
            if rewind == 0 || !domainStarts || linkEnd < 2 || ats != 1 || dots == 0
                || !(MarkdownCharacters.isAlpha(text[at + linkEnd - 1]) || text[at + linkEnd - 1] == UInt8(ascii: ".")) {
                search = at + 1
                limit = at + 1
                continue
            }
            linkEnd = trimEmailEnd(text, at, linkEnd)
            if linkEnd == 0 {
                search = at + 1
                limit = at + 1
                continue
            }
            let start = at - rewind
            if start > emitted { out.append(.text(String(decoding: text[emitted..<start], as: UTF8.self))) }
            let address = String(decoding: text[start..<(at + linkEnd)], as: UTF8.self)
            out.append(.link(Link(destination: "mailto:" + address, content: [.text(address)])))
            emitted = at + linkEnd
            limit = emitted
            search = emitted
        }
        if emitted < n { out.append(.text(String(decoding: text[emitted...], as: UTF8.self))) }
    }

    private static func trimEmailEnd(_ text: [UInt8], _ start: Int, _ length: Int) -> Int {
        var linkEnd = length
        while linkEnd > 0 {
            switch text[start + linkEnd - 1] {
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                linkEnd -= 1
            default:
                return linkEnd
            }
        }
        return linkEnd
    }
}
