/// Builds a ZIP archive in memory, byte for byte reproducibly: entries in the order they are
/// added, every entry stamped with the same time, no extra fields, fixed attributes. The same
/// entries and time always give the same bytes.
///
/// ```swift
/// var zip = ZIPWriter(modified: 1_700_000_000)
/// try zip.add("mimetype", Array("application/epub+zip".utf8), method: .stored)
/// try zip.add("EPUB/package.opf", opf, method: .deflated)
/// let bytes = zip.finish()
/// ```
struct ZIPWriter {
    private var output: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0
    private let dosTime: UInt16
    private let dosDate: UInt16
    private var deflater: ZLib.Deflater?

    /// Starts an archive whose entries are stamped with `modified` (seconds since 1970, UTC;
    /// clamped to the 1980–2107 range ZIP can express).
    init(modified: Int64) {
        (dosDate, dosTime) = Self.dosDateTime(modified)
    }

    /// Adds a file. `.deflated` data that does not shrink (JPEG, PNG) is stored instead.
    mutating func add(_ name: String, _ data: [UInt8], method: ZIPEntry.Method) throws {
        let crc = ZLib.crc32(data)
        if method == .deflated {
            if deflater == nil { deflater = try ZLib.Deflater() }
            let packed = try deflater?.compress(data) ?? data
            if packed.count < data.count {
                try addRaw(name, method: .deflated, data: packed, crc32: crc, uncompressedSize: data.count)
                return
            }
        }
        try addRaw(name, method: .stored, data: data, crc32: crc, uncompressedSize: data.count)
    }

    /// Adds an entry whose data is already in its stored form, with the CRC and size given as they
    /// are. Tests use it to build damaged and hostile archives.
    mutating func addRaw(_ name: String, method: ZIPEntry.Method, data: [UInt8], crc32: UInt32,
                         uncompressedSize: Int) throws {
        guard data.count < 0xFFFF_FFFF, uncompressedSize < 0xFFFF_FFFF, output.count < 0xFFFF_FFFF else {
            throw NewsConvError(.unsupported, "ZIP: \(name) is too large for a ZIP archive without ZIP64")
        }
        guard count < 0xFFFF else { throw NewsConvError(.unsupported, "ZIP: too many entries") }
        let nameBytes = Array(name.utf8)
        let utf8Flag: UInt16 = nameBytes.allSatisfy { $0 < 0x80 } ? 0 : 0x0800
        let versionNeeded: UInt16 = method == .stored ? 10 : 20
        let offset = output.count

        append32(0x0403_4B50, to: &output)
        append16(versionNeeded, to: &output)
        append16(utf8Flag, to: &output)
        append16(method.code, to: &output)
        append16(dosTime, to: &output)
        append16(dosDate, to: &output)
        append32(crc32, to: &output)
        append32(UInt32(data.count), to: &output)
        append32(UInt32(uncompressedSize), to: &output)
        append16(UInt16(clamping: nameBytes.count), to: &output)
        append16(0, to: &output)  // no extra field
        output += nameBytes
        output += data

        append32(0x0201_4B50, to: &central)
        append16(0x031E, to: &central)  // made by: Unix, ZIP 3.0
        append16(versionNeeded, to: &central)
        append16(utf8Flag, to: &central)
        append16(method.code, to: &central)
        append16(dosTime, to: &central)
        append16(dosDate, to: &central)
        append32(crc32, to: &central)
        append32(UInt32(data.count), to: &central)
        append32(UInt32(uncompressedSize), to: &central)
        append16(UInt16(clamping: nameBytes.count), to: &central)
        append16(0, to: &central)  // extra field
        append16(0, to: &central)  // comment
        append16(0, to: &central)  // disk
        append16(0, to: &central)  // internal attributes
        append32(0o100644 << 16, to: &central)  // regular file, rw-r--r--
        append32(UInt32(offset), to: &central)
        central += nameBytes
        count += 1
    }

    /// The finished archive: the entries, the central directory and its end record.
    func finish() -> [UInt8] {
        var bytes = output
        bytes.reserveCapacity(output.count + central.count + 22)
        let directoryOffset = bytes.count
        bytes += central
        append32(0x0605_4B50, to: &bytes)
        append16(0, to: &bytes)  // this disk
        append16(0, to: &bytes)  // disk with the central directory
        append16(UInt16(count), to: &bytes)
        append16(UInt16(count), to: &bytes)
        append32(UInt32(central.count), to: &bytes)
        append32(UInt32(truncatingIfNeeded: directoryOffset), to: &bytes)
        append16(0, to: &bytes)  // comment length
        return bytes
    }

    private func append16(_ value: UInt16, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    private func append32(_ value: UInt32, to out: inout [UInt8]) {
        out.append(UInt8(truncatingIfNeeded: value))
        out.append(UInt8(truncatingIfNeeded: value >> 8))
        out.append(UInt8(truncatingIfNeeded: value >> 16))
        out.append(UInt8(truncatingIfNeeded: value >> 24))
    }

    /// MS-DOS date and time fields (UTC, two-second steps) for seconds since 1970.
    static func dosDateTime(_ seconds: Int64) -> (date: UInt16, time: UInt16) {
        let earliest: Int64 = 315_532_800  // 1980-01-01T00:00:00Z
        let latest: Int64 = 4_354_819_198  // 2107-12-31T23:59:58Z
        let stamp = Timestamp(secondsSince1970: min(max(seconds, earliest), latest)).rawValue
        let digits = Array(stamp.utf8)
        func number(_ range: Range<Int>) -> Int {
            digits[range].reduce(0) { $0 * 10 + Int($1) - 48 }
        }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        let hour = number(11..<13), minute = number(14..<16), second = number(17..<19)
        let date = UInt16((year - 1980) << 9 | month << 5 | day)
        let time = UInt16(hour << 11 | minute << 5 | second / 2)
        return (date, time)
    }
}
