/// One file of a ZIP archive, as its central directory describes it.
struct ZIPEntry: Sendable, Equatable {
    /// How an entry's data is stored.
    enum Method: Equatable, Sendable {
        /// As is (method 0).
        case stored
        /// Raw deflate (method 8).
        case deflated
        /// Any other method, which newsconv cannot read.
        case other(UInt16)

        init(code: UInt16) {
            switch code {
            case 0: self = .stored
            case 8: self = .deflated
            default: self = .other(code)
            }
        }

        var code: UInt16 {
            switch self {
            case .stored: 0
            case .deflated: 8
            case .other(let code): code
            }
        }
    }

    /// The path inside the archive, `/`-separated (`EPUB/text/story-001.xhtml`).
    var name: String
    /// How the data is stored.
    var method: Method
    /// CRC-32 of the inflated data.
    var crc32: UInt32
    /// Size of the stored data.
    var compressedSize: Int
    /// Size of the inflated data.
    var uncompressedSize: Int
    /// Where the entry's local header starts.
    var localHeaderOffset: Int
}
