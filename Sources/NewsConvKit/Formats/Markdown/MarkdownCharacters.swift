/// Byte and character classes of the CommonMark specification, on UTF-8 code units.
enum MarkdownCharacters {
    static let newline: UInt8 = 10

    /// Bytes allowed in the local part of an e-mail autolink (the spec's e-mail address rule).
    static let emailLocal: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-".utf8 { table[Int(c)] = true }
        return table
    }()

    /// Space or tab.
    @inline(__always)
    static func isSpaceOrTab(_ b: UInt8) -> Bool { b == 32 || b == 9 }

    /// ASCII whitespace as cmark counts it: space, tab, LF, VT, FF, CR.
    @inline(__always)
    static func isSpace(_ b: UInt8) -> Bool { b == 32 || (b >= 9 && b <= 13) }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }

    @inline(__always)
    static func isHexDigit(_ b: UInt8) -> Bool { isDigit(b) || (b | 32 >= 97 && b | 32 <= 102) }

    @inline(__always)
    static func isAlpha(_ b: UInt8) -> Bool { b | 32 >= 97 && b | 32 <= 122 }

    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool { isDigit(b) || isAlpha(b) }

    private static let punctuation: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".utf8 { table[Int(c)] = true }
        return table
    }()

    /// ASCII punctuation: the characters a backslash can escape.
    @inline(__always)
    static func isASCIIPunctuation(_ b: UInt8) -> Bool { punctuation[Int(b)] }

    /// Unicode whitespace for emphasis flanking: Zs, tab, LF, FF, CR.
    static func isUnicodeWhitespace(_ c: UInt32) -> Bool {
        if c < 128 { return c == 32 || c == 9 || c == 10 || c == 12 || c == 13 }
        guard let scalar = Unicode.Scalar(c) else { return false }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// Unicode punctuation for emphasis flanking: general categories P and S.
    static func isUnicodePunctuation(_ c: UInt32) -> Bool {
        if c < 128 { return c < 256 && punctuation[Int(c)] }
        guard let scalar = Unicode.Scalar(c) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// The code point starting at `i` (which must be before `end`), or nil for invalid UTF-8.
    static func scalar(at i: Int, in p: UnsafeBufferPointer<UInt8>, end: Int) -> UInt32? {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return b0 }
        let length: Int
        var value: UInt32
        if b0 & 0xE0 == 0xC0 { length = 2; value = b0 & 0x1F }
        else if b0 & 0xF0 == 0xE0 { length = 3; value = b0 & 0x0F }
        else if b0 & 0xF8 == 0xF0 { length = 4; value = b0 & 0x07 }
        else { return nil }
        guard i + length <= end else { return nil }
        for k in 1..<length {
            let b = UInt32(p[i + k])
            guard b & 0xC0 == 0x80 else { return nil }
            value = value << 6 | (b & 0x3F)
        }
        return value
    }

    /// The code point ending just before `i` (which must be after `start`), or nil.
    static func scalar(before i: Int, in p: UnsafeBufferPointer<UInt8>, start: Int) -> UInt32? {
        var s = i - 1
        while s > start && p[s] & 0xC0 == 0x80 && i - s < 4 { s -= 1 }
        return scalar(at: s, in: p, end: i)
    }

    /// Appends the UTF-8 encoding of code point `c` (U+FFFD when it is not a valid scalar).
    static func appendUTF8(_ c: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(c) ?? "\u{FFFD}"
        let v = scalar.value
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        } else {
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }
}
