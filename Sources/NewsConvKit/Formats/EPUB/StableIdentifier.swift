/// Identifiers for books that have none of their own, made from the book's content so the same
/// book always gets the same one: a name-based UUID (RFC 9562 version 5, SHA-1).
enum StableIdentifier {
    /// The RFC 9562 namespace for URLs, under which newsconv names its books.
    private static let namespace: [UInt8] = [0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1,
                                             0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8]

    /// `urn:uuid:…` for `content`.
    static func urn(for content: [UInt8]) -> String {
        var digest = SHA1.hash(namespace + Array("https://newsconv.invalid/book/".utf8) + content)
        digest[6] = digest[6] & 0x0F | 0x50
        digest[8] = digest[8] & 0x3F | 0x80
        let hex = Array("0123456789abcdef".utf8)
        var out = Array("urn:uuid:".utf8)
        for (i, byte) in digest.prefix(16).enumerated() {
            if i == 4 || i == 6 || i == 8 || i == 10 { out.append(UInt8(ascii: "-")) }
            out.append(hex[Int(byte >> 4)])
            out.append(hex[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
