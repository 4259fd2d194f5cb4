/// Which character encoding a web page is in: a byte-order mark, else a `<meta charset>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` near the start, else UTF-8 when
/// the bytes are valid UTF-8, else Windows-1252 (what browsers assume for Latin-1 pages).
enum HTMLEncodingSniffer {
    /// An encoding name libxml2 understands (`UTF-8`, `windows-1252`, `Shift_JIS`, …).
    static func encoding(of bytes: [UInt8]) -> String {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return "UTF-8" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if let label = declaredCharset(bytes.prefix(16_384)) {
            switch label {
            case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be":
                // A page cannot declare UTF-16 in a meta tag it can read as ASCII; browsers use UTF-8.
                return "UTF-8"
            case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "ascii", "us-ascii", "cp1252", "windows-1252",
                "x-cp1252", "cp819", "ibm819", "iso-ir-100", "csisolatin1", "iso_8859-1:1987", "ansi_x3.4-1968":
                return "windows-1252"
            default:
                return label
            }
        }
        return TextDecoding.isValidUTF8(bytes) ? "UTF-8" : "windows-1252"
    }

    /// The lower-case charset label of the first `<meta>` that declares one.
    static func declaredCharset(_ bytes: ArraySlice<UInt8>) -> String? {
        let lower = bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
        let meta = Array("<meta".utf8), charset = Array("charset".utf8)
        var i = 0
        while i + meta.count <= lower.count {
            guard lower[i..<(i + meta.count)].elementsEqual(meta) else { i += 1; continue }
            let end = lower[i...].firstIndex(of: UInt8(ascii: ">")) ?? lower.count
            var j = i + meta.count
            while j + charset.count <= end {
                if lower[j..<(j + charset.count)].elementsEqual(charset) {
                    var k = j + charset.count
                    while k < end, lower[k] == 32 || lower[k] == 9 || lower[k] == 10 || lower[k] == 13 { k += 1 }
                    if k < end, lower[k] == UInt8(ascii: "=") {
                        k += 1
                        while k < end, lower[k] == 32 || lower[k] == 9 || lower[k] == UInt8(ascii: "\"") || lower[k] == UInt8(ascii: "'") { k += 1 }
                        let start = k
                        while k < end, isLabelByte(lower[k]) { k += 1 }
                        if k > start { return String(decoding: lower[start..<k], as: UTF8.self) }
                    }
                }
                j += 1
            }
            i = end
        }
        return nil
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            || b == UInt8(ascii: ".") || b == UInt8(ascii: ":")
    }
}
