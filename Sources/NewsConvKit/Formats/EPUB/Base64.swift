/// Base64 (RFC 4648) for `data:` URLs.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        table[Int(UInt8(ascii: "-"))] = 62  // the URL-safe alphabet too
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// `data` as base64 text with padding.
    static func encode(_ data: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((data.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= data.count {
            let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8 | UInt32(data[i + 2])
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = data.count - i
        if rest == 1 {
            let n = UInt32(data[i]) << 16
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(data[i]) << 16 | UInt32(data[i + 1]) << 8
            out += [alphabet[Int(n >> 18)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of base64 `text` (whitespace and `%0A`-style line breaks ignored, padding
    /// optional); nil when it holds anything else.
    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count / 4 * 3)
        var accumulator: UInt32 = 0
        var bits = 0
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            i += 1
            if c == UInt8(ascii: "=") { break }
            if c == 32 || c == 9 || c == 10 || c == 13 { continue }
            if c == UInt8(ascii: "%"), i + 1 < text.endIndex, text[i] == UInt8(ascii: "0"),
               text[i + 1] == UInt8(ascii: "A") || text[i + 1] == UInt8(ascii: "D") || text[i + 1] == UInt8(ascii: "a") || text[i + 1] == UInt8(ascii: "d") {
                i += 2
                continue
            }
            let v = values[Int(c)]
            if v == 0xFF { return nil }
            accumulator = accumulator << 6 | UInt32(v)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        while i < text.endIndex {
            let c = text[i]
            i += 1
            if c != UInt8(ascii: "=") && c != 32 && c != 9 && c != 10 && c != 13 { return nil }
        }
        return out
    }
}
