/// Character references left in metadata values that sites escaped twice
/// (`content="Caf&amp;eacute;"`), decoded once more as Readability does.
enum HTMLEntities {
    /// `&quot; &amp; &apos; &lt; &gt;` and numeric references decoded; invalid code points
    /// become U+FFFD. Works on UTF-8 bytes into one buffer, in time linear in the text.
    static func unescapeBasic(_ text: String) -> String {
        let ampersand = UInt8(ascii: "&"), semicolon = UInt8(ascii: ";")
        guard text.utf8.contains(ampersand) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            // A reference is short: its `;` comes within 12 bytes of the `&`.
            if bytes[i] == ampersand, let end = bytes[(i + 1)..<min(bytes.count, i + 12)].firstIndex(of: semicolon),
               let scalar = decode(bytes[(i + 1)..<end]) {
                UTF8.encode(scalar) { out.append($0) }
                i = end + 1
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The character a reference's name (between `&` and `;`) stands for, or nil.
    private static func decode(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        switch String(decoding: name, as: UTF8.self) {
        case "quot": return "\""
        case "amp": return "&"
        case "apos": return "'"
        case "lt": return "<"
        case "gt": return ">"
        default: break
        }
        guard name.first == UInt8(ascii: "#") else { return nil }
        var digits = name.dropFirst()
        var radix: UInt32 = 10
        if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
            digits = digits.dropFirst()
            radix = 16
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt32 = 0
        for byte in digits {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt32(byte - UInt8(ascii: "a")) + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: digit = UInt32(byte - UInt8(ascii: "A")) + 10
            default: return nil
            }
            // Saturates above the last code point: the name is at most 10 bytes.
            value = min(value * radix + digit, 0x110000)
        }
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }
}

/// Bylines from the text a page prints or puts in its metadata.
enum Bylines {
    /// `By Jane Doe` as one byline named `Jane Doe`; whitespace collapsed.
    static func parse(_ text: String) -> [Byline] {
        var name = text.collapsingWhitespace
        let lower = name.lowercased()
        for prefix in ["by: ", "by:", "by "] where lower.hasPrefix(prefix) {
            name = String(name.dropFirst(prefix.count)).collapsingWhitespace
            break
        }
        return name.isEmpty ? [] : [Byline(name: name)]
    }
}
