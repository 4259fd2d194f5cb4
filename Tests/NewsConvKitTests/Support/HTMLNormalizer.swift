import Foundation
@testable import NewsConvKit

/// Normalises HTML for comparison as the CommonMark test suite does: attributes sorted,
/// self-closing slashes dropped, character references resolved, whitespace collapsed (outside
/// `<pre>`) and removed around block-level tags.
enum HTMLNormalizer {
    private static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button",
        "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div",
        "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption",
        "th", "figure", "thead", "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video",
        "script", "style",
    ]

    static func normalize(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = ""
        var inPre = false
        var lastWasBlockTag = true
        var i = 0
        func trimTrailing() { while let last = out.last, last == " " || last == "\n" || last == "\t" { out.removeLast() } }
        while i < s.count {
            if s[i] == "<", let (tag, next) = parseTag(s, i) {
                let name = tag.name
                if tag.isEnd {
                    if name == "pre" { inPre = false } else if blockTags.contains(name) { trimTrailing() }
                    out += "</\(name)>"
                } else if let raw = tag.raw {
                    out += raw
                } else {
                    if name == "pre" { inPre = true }
                    if blockTags.contains(name) { trimTrailing() }
                    out += "<" + name
                    for (k, v) in tag.attributes.sorted(by: { $0.0 < $1.0 }) {
                        out += " " + k
                        if let v { out += "=\"" + escape(v) + "\"" }
                    }
                    out += ">"
                }
                lastWasBlockTag = blockTags.contains(name) || name == "br"
                i = next
                continue
            }
            // Text up to the next tag.
            var j = i
            var text = ""
            while j < s.count && !(s[j] == "<" && parseTag(s, j) != nil) {
                text.unicodeScalars.append(s[j])
                j += 1
            }
            var decoded = escape(decodeReferences(text))
            if !inPre {
                decoded = decoded.replacingOccurrences(of: "[ \t\n\r]+", with: " ", options: .regularExpression)
                if lastWasBlockTag { decoded = decoded.trimmingCharacters(in: .whitespaces) }
            }
            out += decoded
            lastWasBlockTag = false
            i = j
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private struct Tag {
        var name: String
        var isEnd: Bool
        var attributes: [(String, String?)]
        /// Comments, declarations, processing instructions: kept as written.
        var raw: String?
    }

    private static func parseTag(_ s: [Unicode.Scalar], _ i: Int) -> (Tag, Int)? {
        var j = i + 1
        guard j < s.count else { return nil }
        func string(_ a: Int, _ b: Int) -> String { var r = ""; r.unicodeScalars.append(contentsOf: s[a..<b]); return r }
        func find(_ needle: String, from k: Int) -> Int? {
            let n = Array(needle.unicodeScalars)
            var m = k
            while m + n.count <= s.count {
                if Array(s[m..<(m + n.count)]) == n { return m + n.count }
                m += 1
            }
            return nil
        }
        if s[j] == "!" || s[j] == "?" {
            let close = string(j, min(j + 3, s.count)) == "!--" ? find("-->", from: j + 3) : find(">", from: j)
            guard let e = close else { return nil }
            return (Tag(name: "", isEnd: false, attributes: [], raw: string(i, e)), e)
        }
        var isEnd = false
        if s[j] == "/" { isEnd = true; j += 1 }
        let nameStart = j
        while j < s.count && (s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) || s[j] == "-") { j += 1 }
        guard j > nameStart else { return nil }
        let name = string(nameStart, j).lowercased()
        var attributes: [(String, String?)] = []
        while j < s.count {
            while j < s.count && s[j].properties.isWhitespace { j += 1 }
            guard j < s.count else { return nil }
            if s[j] == ">" { return (Tag(name: name, isEnd: isEnd, attributes: attributes), j + 1) }
            if s[j] == "/" && j + 1 < s.count && s[j + 1] == ">" { return (Tag(name: name, isEnd: isEnd, attributes: attributes), j + 2) }
            let attrStart = j
            while j < s.count && !s[j].properties.isWhitespace && s[j] != "=" && s[j] != ">" && s[j] != "/" { j += 1 }
            guard j > attrStart else { return nil }
            let attrName = string(attrStart, j).lowercased()
            while j < s.count && s[j].properties.isWhitespace { j += 1 }
            if j < s.count && s[j] == "=" {
                j += 1
                while j < s.count && s[j].properties.isWhitespace { j += 1 }
                guard j < s.count else { return nil }
                if s[j] == "\"" || s[j] == "'" {
                    let q = s[j]
                    let vStart = j + 1
                    j += 1
                    while j < s.count && s[j] != q { j += 1 }
                    guard j < s.count else { return nil }
                    attributes.append((attrName, decodeReferences(string(vStart, j))))
                    j += 1
                } else {
                    let vStart = j
                    while j < s.count && !s[j].properties.isWhitespace && s[j] != ">" { j += 1 }
                    attributes.append((attrName, decodeReferences(string(vStart, j))))
                }
            } else {
                attributes.append((attrName, nil))
            }
        }
        return nil
    }

    private static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func decodeReferences(_ s: String) -> String {
        guard s.contains("&") else { return s }
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                if p[i] == UInt8(ascii: "&"), let n = MarkdownLinkSyntax.decodeEntity(p, at: i + 1, end: p.count, into: &out) {
                    i += 1 + n
                } else {
                    out.append(p[i])
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
