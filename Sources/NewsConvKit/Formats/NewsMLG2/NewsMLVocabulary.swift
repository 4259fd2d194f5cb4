/// Namespaces, catalogs and codes newsconv uses in NewsML-G2, and the small syntax checks the
/// schema imposes on values (QCodes, language tags, normalised strings).
///
/// Fields that NewsML-G2 has no property for are carried with codes of newsconv's own scheme,
/// declared in an inline `<catalog>` of each item that uses it (alias `newsconv`):
/// `newsconv:subheadline` (headline role), `newsconv:jobtitle` (a creator's second name),
/// `newsconv:task` (what a contributor did), `newsconv:canonical` and `newsconv:heroImage`
/// (link relations), `newsconv:signoff`, `newsconv:field.NAME` (a field whose value the schema's
/// type cannot hold, such as a date that is not ISO 8601) and `newsconv:extra.KEY` (any other
/// metadata) as `contentMetaExtProperty` relations.
enum NewsMLVocabulary {
    static let narNamespace = "http://iptc.org/std/nar/2006-10-01/"
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"
    static let nitfNamespace = "http://iptc.org/std/NITF/2006-10-18/"
    /// The IPTC catalog declaring `ninat`, `stat`, `drol`, `medtop`, `genre` and the other
    /// NewsCodes aliases.
    static let iptcCatalog = "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_38.xml"
    static let schemeAlias = "newsconv"
    static let schemeURI = "urn:newsconv:"
    static let xhtmlContentType = "application/xhtml+xml"
    static let nitfContentType = "application/nitf+xml"
    static let newsItemContentType = "application/vnd.iptc.g2.newsitem+xml"

    static let subheadlineRole = "newsconv:subheadline"
    static let jobTitleRole = "newsconv:jobtitle"
    static let taskRole = "newsconv:task"
    static let canonicalRelation = "newsconv:canonical"
    static let heroImageRelation = "newsconv:heroImage"
    static let signoffRelation = "newsconv:signoff"
    static let summaryRole = "drol:summary"
    static let captionRole = "drol:caption"
    /// The `literal` of a `provider` the story did not name (the schema requires a provider).
    static let unknownProvider = "unknown"

    /// The relation for a field whose value cannot take its NewsML-G2 type.
    static func fieldRelation(_ field: String) -> String { "newsconv:field." + field }

    /// The relation for an `extra` metadata entry; whitespace and `%` in the key are
    /// percent-encoded, since a QCode cannot contain whitespace.
    static func extraRelation(_ key: String) -> String {
        var code = ""
        for scalar in key.unicodeScalars {
            if scalar == "%" || scalar.properties.isWhitespace {
                for byte in String(scalar).utf8 { code += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2) }
            } else {
                code.unicodeScalars.append(scalar)
            }
        }
        return "newsconv:extra." + code
    }

    /// The `extra` key of a relation made by ``extraRelation(_:)``.
    static func extraKey(fromRelation relation: String) -> String? {
        guard relation.hasPrefix("newsconv:extra.") else { return nil }
        return percentDecoded(String(relation.dropFirst("newsconv:extra.".count)))
    }

    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
                let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True for text the schema accepts as a QCode: `alias:code`, no whitespace, no colon in
    /// the alias.
    static func isQCode(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex,
            text.index(after: colon) != text.endIndex else { return false }
        return !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// True for an absolute URI newsconv writes as `uri`/`href` rather than as a name or QCode.
    static func isURI(_ text: String) -> Bool {
        let lower = text.lowercased()
        return (lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("urn:")
            || lower.hasPrefix("tag:") || lower.hasPrefix("mailto:"))
            && !text.unicodeScalars.contains { $0.properties.isWhitespace }
    }

    /// True for a valid `xs:language` value (`en`, `en-GB`, `zh-Hant-TW`).
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (1...8).contains(first.count),
            first.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        }
    }

    /// `text` as a `g2normalizedString` (no tab, line feed or carriage return).
    static func normalized(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }

    /// Bytes a URI reference keeps as they are (RFC 3986 unreserved and reserved characters).
    private static let uriAllowed: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=".utf8 { table[Int(c)] = true }
        return table
    }()

    /// `text` as a URI reference libxml2's `anyURI` check accepts: characters a URI cannot
    /// hold are percent-encoded (`%` too, unless it starts an escape); other characters,
    /// including non-ASCII ones (an IRI), are kept.
    static func uriReference(_ text: String) -> String {
        let bytes = Array(text.utf8)
        func isHex(_ b: UInt8) -> Bool { (48...57).contains(b) || (65...70).contains(b) || (97...102).contains(b) }
        var authorityEnd = 0
        if let scheme = text.firstRange(of: "://") {
            let start = text.utf8.distance(from: text.startIndex, to: scheme.upperBound)
            authorityEnd = bytes[start...].firstIndex { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") } ?? bytes.count
        }
        let allowed = uriAllowed, hex = Escaping.hexDigits
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for (i, b) in bytes.enumerated() {
            let keep = allowed[Int(b)] || b >= 0x80
                || (b == UInt8(ascii: "%") && i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2]))
                || ((b == UInt8(ascii: "[") || b == UInt8(ascii: "]")) && i < authorityEnd)
            if keep {
                out.append(b)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(b >> 4)], hex[Int(b & 15)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The media type of an image file, from its extension; nil when unknown.
    static func imageMediaType(forPath path: String) -> String? {
        var name = Substring(path)
        if let end = name.firstIndex(where: { $0 == "?" || $0 == "#" }) { name = name[..<end] }
        guard !path.hasPrefix("data:"), let dot = name.lastIndex(of: ".") else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "jpg", "jpeg": return "image/jpeg"
        case "png": return "image/png"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        case "avif": return "image/avif"
        case "tif", "tiff": return "image/tiff"
        default: return nil
        }
    }

    /// Attributes and name for a party or concept given as text: a URI becomes `uri`, a QCode
    /// `qcode`, anything else a `<name>`.
    static func conceptReference(_ text: String) -> (attributes: [(String, String?)], name: String?) {
        if isURI(text) { return ([("uri", text)], nil) }
        if isQCode(text) { return ([("qcode", text)], nil) }
        return ([], normalized(text))
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
