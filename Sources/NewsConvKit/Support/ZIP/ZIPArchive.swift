// Why newsconv reads and writes ZIP itself (on zlib, Support/ZIP/ZLib.swift) instead of using a
// ZIP package: EPUB needs a reader that is safe with books from outside (every name, size and
// compression ratio checked against ZIPLimits before anything is inflated, zip-slip and bombs
// refused in milliseconds) and a writer that is byte-for-byte reproducible (fixed order, times and
// attributes). It works on bytes in memory, so no Foundation file or stream machinery is loaded
// at start-up, where a Makefile running one process per story would pay for it every time.

/// A ZIP archive read from memory, safely: its central directory is checked when it is opened,
/// and entries are inflated only on request, within ``ZIPLimits``.
///
/// Opening fails with a clear `.badInput` error for a truncated or damaged archive, for entry
/// names that would escape the folder the archive is unpacked into (`../x`, `/etc/x`, `C:\x`),
/// for duplicate names, and for archives whose declared sizes or compression ratios break the
/// limits. Reading an entry fails if its data is damaged, does not match its CRC, or inflates to
/// more than it declared.
struct ZIPArchive {
    /// The archive's bytes.
    let bytes: [UInt8]
    /// The entries, in central-directory order.
    let entries: [ZIPEntry]
    /// The caps this archive was opened with.
    let limits: ZIPLimits
    private let index: [String: Int]
    private let directoryOffset: Int

    /// Opens the archive held in `bytes`.
    init(_ bytes: [UInt8], limits: ZIPLimits = .standard) throws {
        self.bytes = bytes
        self.limits = limits
        let end = try Self.findEndRecord(bytes)
        guard bytes.u16(end + 4) == 0, bytes.u16(end + 6) == 0, bytes.u16(end + 8) == bytes.u16(end + 10) else {
            throw Self.error("archives split over several disks are not supported")
        }
        let count = Int(bytes.u16(end + 10))
        let directorySize = Int(bytes.u32(end + 12))
        let directoryOffset = Int(bytes.u32(end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw Self.error("ZIP64 archives are not supported")
        }
        guard directoryOffset <= end, directorySize <= end - directoryOffset else {
            throw Self.error("the central directory lies outside the archive (truncated or damaged file)")
        }
        guard count <= limits.maxEntries else {
            throw Self.error("\(count) entries is more than the limit of \(limits.maxEntries)")
        }
        self.directoryOffset = directoryOffset

        var entries: [ZIPEntry] = []
        entries.reserveCapacity(count)
        var index: [String: Int] = [:]
        var total = 0
        var p = directoryOffset
        let directoryEnd = directoryOffset + directorySize
        for _ in 0..<count {
            guard p + 46 <= directoryEnd, bytes.u32(p) == 0x0201_4B50 else {
                throw Self.error("the central directory is damaged (entry \(entries.count + 1) of \(count))")
            }
            let flags = bytes.u16(p + 8)
            let method = ZIPEntry.Method(code: bytes.u16(p + 10))
            let crc = bytes.u32(p + 16)
            let compressed = Int(bytes.u32(p + 20))
            let uncompressed = Int(bytes.u32(p + 24))
            let nameLength = Int(bytes.u16(p + 28))
            let extraLength = Int(bytes.u16(p + 30))
            let commentLength = Int(bytes.u16(p + 32))
            let offset = Int(bytes.u32(p + 42))
            let next = p + 46 + nameLength + extraLength + commentLength
            guard next <= directoryEnd else { throw Self.error("the central directory is damaged (truncated entry)") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            try Self.checkName(name)
            if flags & 1 != 0 { throw Self.error("\(name) is encrypted") }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                throw Self.error("ZIP64 archives are not supported (\(name))")
            }
            guard offset < directoryOffset, compressed <= directoryOffset - offset else {
                throw Self.error("\(name) lies outside the archive (truncated or damaged file)")
            }
            if method == .stored && compressed != uncompressed {
                throw Self.error("\(name) is stored but its two sizes differ (damaged file)")
            }
            if uncompressed > limits.ratioThreshold && uncompressed > compressed * limits.maxCompressionRatio {
                throw Self.error("\(name) would inflate \(uncompressed / max(compressed, 1)) times, more than the limit of \(limits.maxCompressionRatio) (a zip bomb?)")
            }
            total += uncompressed
            if total > limits.maxTotalSize {
                throw Self.error("the entries would inflate to more than \(limits.maxTotalSize >> 20) MiB (a zip bomb?)")
            }
            if index[name] != nil { throw Self.error("\(name) appears twice") }
            index[name] = entries.count
            entries.append(ZIPEntry(name: name, method: method, crc32: crc, compressedSize: compressed,
                                    uncompressedSize: uncompressed, localHeaderOffset: offset))
            p = next
        }
        self.entries = entries
        self.index = index
    }

    /// The entry named `name`, if any.
    func entry(named name: String) -> ZIPEntry? {
        index[name].map { entries[$0] }
    }

    /// The inflated data of the entry named `name`, or nil when there is no such entry.
    func contents(of name: String) throws -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try contents(of: entry)
    }

    /// The inflated data of `entry`, checked against its declared size and CRC.
    func contents(of entry: ZIPEntry) throws -> [UInt8] {
        let p = entry.localHeaderOffset
        guard p + 30 <= directoryOffset, bytes.u32(p) == 0x0403_4B50 else {
            throw Self.error("\(entry.name): the local header is missing (damaged file)")
        }
        let nameLength = Int(bytes.u16(p + 26))
        let extraLength = Int(bytes.u16(p + 28))
        let start = p + 30 + nameLength + extraLength
        guard start <= directoryOffset, entry.compressedSize <= directoryOffset - start else {
            throw Self.error("\(entry.name): the data runs past the end of the archive (truncated file)")
        }
        guard bytes[(p + 30)..<(p + 30 + nameLength)].elementsEqual(entry.name.utf8) else {
            throw Self.error("\(entry.name): the local header names another file (damaged or forged archive)")
        }
        let data = bytes[start..<(start + entry.compressedSize)]
        let inflated: [UInt8]
        switch entry.method {
        case .stored:
            inflated = Array(data)
        case .deflated:
            do {
                inflated = try ZLib.inflate(data, limit: entry.uncompressedSize)
            } catch .tooLarge {
                throw Self.error("\(entry.name) inflates to more than its declared \(entry.uncompressedSize) bytes (a zip bomb?)")
            } catch .truncated {
                throw Self.error("\(entry.name): the compressed data ends early (truncated file)")
            } catch .corrupt(let message) {
                throw Self.error("\(entry.name): damaged compressed data (\(message))")
            }
        case .other(let code):
            throw Self.error("\(entry.name) uses compression method \(code); only stored and deflated entries can be read")
        }
        guard inflated.count == entry.uncompressedSize else {
            throw Self.error("\(entry.name) inflates to \(inflated.count) bytes, not the declared \(entry.uncompressedSize) (damaged file)")
        }
        guard ZLib.crc32(inflated) == entry.crc32 else {
            throw Self.error("\(entry.name) fails its CRC check (damaged file)")
        }
        return inflated
    }

    /// Rejects names that are empty, absolute, carry a drive letter or NUL, or climb out with `..`.
    static func checkName(_ name: String) throws {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty else { throw error("an entry has an empty name") }
        if bytes.contains(0) { throw error("an entry name contains a NUL byte") }
        if bytes[0] == UInt8(ascii: "/") || bytes[0] == UInt8(ascii: "\\") {
            throw error("entry \"\(name)\" has an absolute path; refusing an archive that writes outside its folder")
        }
        if bytes.count >= 2, bytes[1] == UInt8(ascii: ":") {
            throw error("entry \"\(name)\" names a drive; refusing an archive that writes outside its folder")
        }
        let segments = bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") }
        if segments.contains(where: { $0.elementsEqual("..".utf8) }) {
            throw error("entry \"\(name)\" climbs out with \"..\"; refusing an archive that writes outside its folder")
        }
    }

    private static func findEndRecord(_ bytes: [UInt8]) throws -> Int {
        guard bytes.count >= 22 else {
            if bytes.isEmpty { throw error("empty input; expected a ZIP archive") }
            throw error(bytes.starts(with: [0x50, 0x4B]) ? "too short to be a ZIP archive (truncated file?)" : "not a ZIP archive")
        }
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var p = bytes.count - 22
        while p >= lowest {
            if bytes[p] == 0x50, bytes.u32(p) == 0x0605_4B50 { return p }
            p -= 1
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw error("the end of the archive is missing (truncated file)")
        }
        throw error("not a ZIP archive")
    }

    private static func error(_ message: String) -> NewsConvError {
        .badInput("ZIP: " + message)
    }
}

extension Array where Element == UInt8 {
    /// The little-endian 16-bit number at `offset` (callers check bounds).
    fileprivate func u16(_ offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    /// The little-endian 32-bit number at `offset` (callers check bounds).
    fileprivate func u32(_ offset: Int) -> UInt32 {
        UInt32(self[offset]) | UInt32(self[offset + 1]) << 8 | UInt32(self[offset + 2]) << 16 | UInt32(self[offset + 3]) << 24
    }
}
