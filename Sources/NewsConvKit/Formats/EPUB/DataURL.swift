/// A `data:` URL (RFC 2397) taken apart: its declared media type and its decoded bytes.
struct DataURL: Sendable, Equatable {
    /// The media type as declared (`image/png`), lower case; empty when none is given.
    var mediaType: String
    /// The decoded data.
    var data: [UInt8]

    /// Decodes `url`; nil when it is not a well-formed `data:` URL.
    init?(_ url: String) {
        let bytes = Array(url.utf8)
        guard bytes.count >= 5, String(decoding: bytes[0..<5], as: UTF8.self).lowercased() == "data:",
              let comma = bytes.firstIndex(of: UInt8(ascii: ","))
        else { return nil }
        let header = String(decoding: bytes[5..<comma], as: UTF8.self)
        let parameters = header.split(separator: ";", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace.lowercased() }
        mediaType = parameters.first ?? ""
        let payload = bytes[(comma + 1)...]
        if parameters.dropFirst().contains("base64") {
            guard let decoded = Base64.decode(payload) else { return nil }
            data = decoded
        } else {
            data = Self.percentDecoded(payload)
        }
    }

    /// Makes a base64 `data:` URL.
    static func make(mediaType: String, data: [UInt8]) -> String {
        "data:" + mediaType + ";base64," + Base64.encode(data)
    }

    /// `%XX` sequences replaced by their bytes; other bytes kept.
    static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 48...57: b - 48
            case 65...70: b - 55
            case 97...102: b - 87
            default: nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.endIndex, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }
}
