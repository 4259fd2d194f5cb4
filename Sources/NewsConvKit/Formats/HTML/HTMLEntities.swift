/// Character references left in metadata values that sites escaped twice
/// (`content="Caf&amp;eacute;"`), decoded once more as Readability does.
enum HTMLEntities {
    /// `&quot; &amp; &apos; &lt; &gt;` and numeric references decoded; invalid code points
    /// become U+FFFD.
    static func unescapeBasic(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let semicolon = scalars[i...].prefix(12).firstIndex(of: ";") else {
                out.append(scalars[i])
                i += 1
                continue
            }
            let name = String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))
            if let replacement = decode(name) {
                out.append(contentsOf: replacement.unicodeScalars)
                i = semicolon + 1
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    private static func decode(_ name: String) -> String? {
        switch name {
        case "quot": return "\""
        case "amp": return "&"
        case "apos": return "'"
        case "lt": return "<"
        case "gt": return ">"
        default: break
        }
        guard name.hasPrefix("#"), name.count > 1 else { return nil }
        var digits = name.dropFirst()
        var radix = 10
        if digits.first == "x" || digits.first == "X" {
            digits = digits.dropFirst()
            radix = 16
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isHexDigit && (radix == 16 || $0.isNumber) }) else { return nil }
        let value = UInt32(digits, radix: radix) ?? 0xFFFD
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return "\u{FFFD}" }
        return Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}"
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
