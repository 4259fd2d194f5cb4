// JSON inside an HTML `<script>` element (JSON-LD). Belongs with the other languages in
// Support/Escaping.swift; kept here as an extension until that file's owner takes it in.
extension Escaping {
    /// Appends `text` as a JSON string literal (with quotes) that is also safe inside an HTML
    /// `<script>` element: `<`, `>` and `&` are written `\u003C`, `\u003E`, `\u0026`, so
    /// `</script>` or `<!--` in the text cannot end or change the script; U+2028 and U+2029 are
    /// escaped too.
    public static func appendJSONStringForScript(_ text: String, to out: inout [UInt8]) {
        let hex = hexDigits
        func unicodeEscape(_ value: UInt32) {
            out += [UInt8(ascii: "\\"), UInt8(ascii: "u")]
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((value >> UInt32(shift)) & 15)]) }
        }
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case "\\": out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case "\n": out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case "\r": out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case "\t": out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case "<", ">", "&", "\u{2028}", "\u{2029}": unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 {
                    unicodeEscape(scalar.value)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
