/// The image types an EPUB can carry, recognised from their first bytes rather than their names.
enum ImageMediaType: String, Sendable, CaseIterable {
    case jpeg = "image/jpeg"
    case png = "image/png"
    case gif = "image/gif"
    case webp = "image/webp"
    case svg = "image/svg+xml"

    /// The file name extension newsconv gives a packed image of this type.
    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .gif: "gif"
        case .webp: "webp"
        case .svg: "svg"
        }
    }

    /// The type of the image in `bytes`, from its magic bytes; nil when it is none of these.
    init?(sniffing bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            self = .gif
        } else if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), bytes[8..<12].elementsEqual("WEBP".utf8) {
            self = .webp
        } else if Self.looksLikeSVG(bytes) {
            self = .svg
        } else {
            return nil
        }
    }

    /// True for XML text whose first element is `<svg`, after any declaration, comments and doctype.
    private static func looksLikeSVG(_ bytes: [UInt8]) -> Bool {
        let head = Sniffing.trimmedStart(bytes.prefix(4096))
        guard head.first == UInt8(ascii: "<") else { return false }
        var i = head.startIndex
        while i < head.endIndex {
            guard let open = head[i...].firstIndex(of: UInt8(ascii: "<")) else { return false }
            let next = open + 1 < head.endIndex ? head[open + 1] : 0
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                guard let close = head[open...].firstIndex(of: UInt8(ascii: ">")) else { return false }
                i = close + 1
                continue
            }
            return head[(open + 1)...].starts(with: "svg".utf8)
                || head[(open + 1)...].prefix(12).contains(UInt8(ascii: ":")) && Sniffing.containsCaseInsensitive(head[open...].prefix(16), ":svg")
        }
        return false
    }
}
