/// Turns input bytes into text: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark, and Windows-1252 / Latin-1 for bytes that are not valid UTF-8.
public enum TextDecoding {
    /// The character encodings newsconv recognises.
    public enum Encoding: String, Sendable {
        /// UTF-8.
        case utf8
        /// UTF-16, little-endian (from its byte-order mark).
        case utf16LE
        /// UTF-16, big-endian (from its byte-order mark).
        case utf16BE
        /// Windows code page 1252, a superset of ISO 8859-1 (Latin-1).
        case windows1252
    }

    /// Decodes `bytes`, guessing the encoding when `declared` is nil. Never fails: bytes that are
    /// not valid UTF-8 are read as Windows-1252, which maps every byte to a character.
    /// CRLF and lone CR line ends become LF.
    public static func decode(_ bytes: [UInt8], declared: Encoding? = nil) -> (text: String, encoding: Encoding) {
        var encoding = declared
        var start = 0
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            encoding = .utf8; start = 3
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            encoding = .utf16LE; start = 2
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            encoding = .utf16BE; start = 2
        }
        let body = bytes[start...]
        let chosen = encoding ?? (isValidUTF8(body) ? .utf8 : .windows1252)
        var text: String
        switch chosen {
        case .utf8:
            text = String(decoding: body, as: UTF8.self)
        case .utf16LE, .utf16BE:
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var i = body.startIndex
            while i + 1 < body.endIndex {
                let a = UInt16(body[i]), b = UInt16(body[i + 1])
                units.append(chosen == .utf16LE ? a | b << 8 : a << 8 | b)
                i += 2
            }
            text = String(decoding: units, as: UTF16.self)
        case .windows1252:
            text = decodeWindows1252(body)
        }
        if text.utf8.contains(13) { text = normalizeLineEnds(text) }
        return (text, chosen)
    }

    /// True when `bytes` are valid UTF-8.
    public static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        if let valid = bytes.withContiguousStorageIfAvailable({ isValidUTF8($0) }) { return valid }
        var it = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&it) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// `isValidUTF8` over contiguous bytes, skipping ASCII eight bytes at a time (text is mostly ASCII).
    private static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        let n = buffer.count
        var i = 0
        while i < n {
            if i + 8 <= n {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            let lead = buffer[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            switch lead {
            case 0xC2...0xDF: length = 2; minimum = 0x80
            case 0xE0...0xEF: length = 3; minimum = 0x800
            case 0xF0...0xF4: length = 4; minimum = 0x10000
            default: return false
            }
            guard i + length <= n else { return false }
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length {
                let b = buffer[i + k]
                guard b & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(b & 0x3F)
            }
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return false }
            i += length
        }
        return true
    }

    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Decodes Windows-1252 bytes.
    public static func decodeWindows1252<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value: UInt32 = (b >= 0x80 && b < 0xA0) ? cp1252High[Int(b - 0x80)] : UInt32(b)
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    private static func normalizeLineEnds(_ text: String) -> String {
        var out = [UInt8]()
        let utf8 = Array(text.utf8)
        out.reserveCapacity(utf8.count)
        var i = 0
        while i < utf8.count {
            let b = utf8[i]
            if b == 13 {
                out.append(10)
                if i + 1 < utf8.count, utf8[i + 1] == 10 { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
