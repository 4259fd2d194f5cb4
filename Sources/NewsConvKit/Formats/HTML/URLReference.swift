/// Resolving relative links and image addresses against a base address (RFC 3986, section 5).
enum URLReference {
    private struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        init(_ text: String) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") {
                fragment = String(rest[rest.index(after: hash)...])
                rest = rest[..<hash]
            }
            if let question = rest.firstIndex(of: "?") {
                query = String(rest[rest.index(after: question)...])
                rest = rest[..<question]
            }
            if let colon = rest.firstIndex(of: ":"), let name = URLReference.scheme(of: String(rest[...colon])) {
                scheme = name
                rest = rest[rest.index(after: colon)...]
            }
            if rest.hasPrefix("//") {
                rest = rest.dropFirst(2)
                let end = rest.firstIndex(of: "/") ?? rest.endIndex
                authority = String(rest[..<end])
                rest = rest[end...]
            }
            path = String(rest)
        }

        var text: String {
            var out = ""
            if let scheme { out += scheme + ":" }
            if let authority { out += "//" + authority }
            out += path
            if let query { out += "?" + query }
            if let fragment { out += "#" + fragment }
            return out
        }
    }

    /// The lower-cased RFC 3986 scheme of `url` (`https`: a letter, then letters, digits, `+`,
    /// `-` or `.`, before the first `:`), or nil for a relative reference.
    static func scheme(of url: String) -> String? {
        var scheme: [UInt8] = []
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self).lowercased()
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.append(byte)
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if scheme.isEmpty { return nil }
                scheme.append(byte)
            default:
                return nil
            }
        }
        return nil
    }

    /// True when `text` starts with a scheme (`https:`, `mailto:`, `data:`).
    static func isAbsolute(_ text: String) -> Bool { scheme(of: text) != nil }

    /// True for an absolute `http:` or `https:` address.
    static func isWebAddress(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://")) && lower.count > 8
    }

    /// The address as found in an attribute: surrounding whitespace removed and tabs and line
    /// breaks inside dropped, as browsers do.
    static func clean(_ text: String) -> String {
        String(text.trimmingJSWhitespace.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
    }

    /// `reference` resolved against `base`; unchanged when `base` is nil or not absolute, or
    /// when `reference` is absolute or only a `#fragment`.
    static func resolve(_ reference: String, against base: String?) -> String {
        let reference = clean(reference)
        guard let base, isAbsolute(base), !reference.hasPrefix("#"), !isAbsolute(reference) else { return reference }
        let r = Parts(reference)
        let b = Parts(base)
        var t = Parts("")
        if r.authority != nil {
            t.authority = r.authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
        } else {
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    t.path = removeDotSegments(r.path)
                } else {
                    let merged: String
                    if b.authority != nil && b.path.isEmpty {
                        merged = "/" + r.path
                    } else if let slash = b.path.lastIndex(of: "/") {
                        merged = b.path[...slash] + r.path
                    } else {
                        merged = r.path
                    }
                    t.path = removeDotSegments(merged)
                }
                t.query = r.query
            }
            t.authority = b.authority
        }
        t.scheme = b.scheme
        t.fragment = r.fragment
        if t.authority != nil && t.path.isEmpty { t.path = "/" }
        return t.text
    }

    /// RFC 3986 section 5.2.4: `/a/b/../c/./d` becomes `/a/c/d`.
    static func removeDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        let absolute = path.hasPrefix("/")
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            if absolute && index == 0 { continue }
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if !output.isEmpty { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        return (absolute ? "/" : "") + output.joined(separator: "/")
    }

    /// The best address in a `srcset` list: the widest (`800w`) or densest (`2x`) candidate.
    /// Follows the HTML parsing rules, so addresses with commas inside (`w_800,f_auto`) survive.
    static func bestCandidate(inSrcset srcset: String) -> String? {
        let scalars = Array(srcset.unicodeScalars)
        var i = 0
        var best: (url: String, weight: Double)?
        while i < scalars.count {
            while i < scalars.count, JSWhitespace.contains(scalars[i]) || scalars[i] == "," { i += 1 }
            guard i < scalars.count else { break }
            var url = String.UnicodeScalarView()
            while i < scalars.count, !JSWhitespace.contains(scalars[i]) { url.append(scalars[i]); i += 1 }
            var descriptor = ""
            if url.last == "," {
                while url.last == "," { url.removeLast() }
            } else {
                while i < scalars.count, scalars[i] != "," { descriptor.unicodeScalars.append(scalars[i]); i += 1 }
            }
            let text = descriptor.trimmingJSWhitespace
            var weight = 1.0
            if let unit = text.last, let value = Double(text.dropLast()) {
                weight = unit == "w" ? value : unit == "x" ? value * 1000 : 1
            }
            guard !url.isEmpty else { continue }
            if let current = best, current.weight >= weight { continue }
            best = (String(url), weight)
        }
        return best?.url
    }
}
