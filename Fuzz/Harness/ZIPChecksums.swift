/// Makes the CRC-32 of every stored (uncompressed) entry of a ZIP match its data again.
///
/// The EPUB reader rejects an entry whose CRC does not match, so almost every mutation inside an
/// EPUB's XML would stop at the checksum. `FuzzEPUB`'s custom mutator calls this after each
/// mutation, so the fuzzer reaches the package document, navigation and chapters; the saved
/// inputs are then ZIPs with correct checksums that replay as they are.
public enum ZIPChecksums {
    /// Rewrites, in place, the CRC and the uncompressed size (to the compressed size) of each
    /// stored entry in the central directory and in its local header. Leaves anything it cannot
    /// find, or that lies outside the buffer, alone.
    public static func repair(_ bytes: UnsafeMutableRawBufferPointer) {
        let n = bytes.count
        func u16(_ at: Int) -> Int? { at >= 0 && at + 2 <= n ? Int(bytes[at]) | Int(bytes[at + 1]) << 8 : nil }
        func u32(_ at: Int) -> Int? {
            guard at >= 0, at + 4 <= n else { return nil }
            return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        func put32(_ value: UInt32, _ at: Int) {
            guard at >= 0, at + 4 <= n else { return }
            for i in 0..<4 { bytes[at + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(i))) }
        }
        // End of central directory: signature PK\5\6, searched from the end (comment ≤ 64 KiB).
        var eocd = n - 22
        while eocd >= 0, eocd >= n - 22 - 65_535, u32(eocd) != 0x0605_4B50 { eocd -= 1 }
        guard eocd >= 0, let count = u16(eocd + 10), var entry = u32(eocd + 16) else { return }
        for _ in 0..<count {
            guard u32(entry) == 0x0201_4B50, let method = u16(entry + 10), let size = u32(entry + 20),
                  let nameLength = u16(entry + 28), let extraLength = u16(entry + 30),
                  let commentLength = u16(entry + 32), let local = u32(entry + 42) else { return }
            if method == 0, u32(local) == 0x0403_4B50, let localName = u16(local + 26), let localExtra = u16(local + 28) {
                let start = local + 30 + localName + localExtra
                if start + size <= n {
                    let crc = crc32(UnsafeRawBufferPointer(rebasing: bytes[start..<start + size]))
                    put32(crc, entry + 16); put32(UInt32(size), entry + 24)
                    put32(crc, local + 14); put32(UInt32(size), local + 18); put32(UInt32(size), local + 22)
                }
            }
            entry += 46 + nameLength + extraLength + commentLength
        }
    }

    private static let table: [UInt32] = (0..<256).map { i in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (ISO 3309, as ZIP uses it).
    static func crc32(_ data: UnsafeRawBufferPointer) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for byte in data { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}
