/// Escaping for every output language, in one place. Each function appends to a byte buffer,
/// so writers build their output in one growing array.
public enum Escaping {
    /// Upper-case hexadecimal digits, for percent and `\u` escapes.
    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// Appends `text` escaped for HTML or XML text and attribute values: `& < > "`.
    public static func appendHTML(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendHTML(bytes: $0, to: &out) }
    }

    /// Appends `bytes` (UTF-8) escaped for HTML or XML text and attribute values: `& < > "`.
    public static func appendHTML(bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var start = 0
        for i in 0..<bytes.count {
            let replacement: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            default: continue
            }
            if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
            out.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            start = i + 1
        }
        if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }

    /// `text` escaped for HTML or XML text and attribute values.
    public static func html(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        appendHTML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped for XML 1.0: like ``appendHTML(_:to:)`` but also dropping
    /// characters XML cannot carry (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF).
    public static func appendXML(_ text: String, to out: inout [UInt8]) {
        if text.unicodeScalars.allSatisfy(isXMLChar) {
            appendHTML(text, to: &out)
        } else {
            appendHTML(String(String.UnicodeScalarView(text.unicodeScalars.filter(isXMLChar))), to: &out)
        }
    }

    /// `text` escaped for XML 1.0.
    public static func xml(_ text: String) -> String {
        var out: [UInt8] = []
        appendXML(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// True for characters allowed in XML 1.0 documents.
    public static func isXMLChar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000
    }

    private static let hrefSafe: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*(),%#@?=;:/$~".utf8 { table[Int(c)] = true }
        return table
    }()

    /// Appends a URL for an `href` or `src` attribute as the CommonMark reference renderer does:
    /// unsafe bytes percent-encoded (existing `%XX` kept), `&` and `'` as entities.
    public static func appendHref(_ url: String, to out: inout [UInt8]) {
        let hex = hexDigits
        for b in url.utf8 {
            if hrefSafe[Int(b)] {
                out.append(b)
            } else if b == UInt8(ascii: "&") {
                out.append(contentsOf: "&amp;".utf8)
            } else if b == UInt8(ascii: "'") {
                out.append(contentsOf: "&#x27;".utf8)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            }
        }
    }

    /// A URL escaped for an `href` or `src` attribute.
    public static func href(_ url: String) -> String {
        var out: [UInt8] = []
        appendHref(url, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

extension Escaping {
    /// Appends `text` escaped for an XML attribute value in double quotes: like
    /// ``appendXML(_:to:)``, and tab, line feed and carriage return as character references, so
    /// that attribute-value normalisation gives them back unchanged.
    public static func appendXMLAttribute(_ text: String, to out: inout [UInt8]) {
        let start = out.count
        appendXML(text, to: &out)
        guard out[start...].contains(where: { $0 == 9 || $0 == 10 || $0 == 13 }) else { return }
        let escaped = Array(out[start...])
        out.removeSubrange(start...)
        for byte in escaped {
            switch byte {
            case 9: out += Array("&#9;".utf8)
            case 10: out += Array("&#10;".utf8)
            case 13: out += Array("&#13;".utf8)
            default: out.append(byte)
            }
        }
    }

}
