import Foundation
import Testing
@testable import NewsConvKit

@Suite("ZIP")
struct ZIPTests {
    static let text = Array(String(repeating: "The port authority said about 60,000 containers a day were handled. ", count: 40).utf8)

    static func archive(_ files: [(String, [UInt8], ZIPEntry.Method)], time: Int64 = 1_577_871_010) throws -> [UInt8] {
        var zip = ZIPWriter(modified: time)
        for (name, data, method) in files { try zip.add(name, data, method: method) }
        return zip.finish()
    }

    /// A raw deflate stream of `mebibytes` MiB of zeros, about 1 KiB per MiB: one fully flushed
    /// block of 1 MiB repeated, then an empty final block.
    static func zeroBomb(mebibytes: Int) throws -> [UInt8] {
        let zeros = [UInt8](repeating: 0, count: 1 << 20)
        let deflater = try ZLib.Deflater(level: 9)
        var block: [UInt8] = []
        try zeros.withUnsafeBytes { try deflater.deflate($0, flush: .full, into: &block) }
        var stream: [UInt8] = []
        stream.reserveCapacity(block.count * mebibytes + 2)
        for _ in 0..<mebibytes { stream += block }
        stream += [0x03, 0x00]
        return stream
    }

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let error as NewsConvError { return error.message } catch { return "\(error)" }
        return "no error"
    }

    @Test func crc32MatchesTheCheckValue() {
        #expect(ZLib.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(ZLib.crc32([UInt8]()) == 0)
    }

    @Test func deflateThenInflateGivesTheInputBack() throws {
        var generator = SystemRandomNumberGenerator()
        let noise = (0..<5000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        for input in [Self.text, noise, []] {
            let packed = try ZLib.deflate(input)
            #expect(try ZLib.inflate(packed[...], limit: input.count) == input)
        }
        #expect(try ZLib.deflate(Self.text).count < Self.text.count / 10)
    }

    @Test func entriesReadBackInOrder() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3]
        let bytes = try Self.archive([
            ("mimetype", Array("application/epub+zip".utf8), .stored),
            ("EPUB/text/story.xhtml", Self.text, .deflated),
            ("EPUB/images/a.png", png, .deflated),
            ("EPUB/empty.txt", [], .deflated),
        ])
        let zip = try ZIPArchive(bytes)
        #expect(zip.entries.map(\.name) == ["mimetype", "EPUB/text/story.xhtml", "EPUB/images/a.png", "EPUB/empty.txt"])
        #expect(zip.entries.map(\.method) == [.stored, .deflated, .stored, .stored])  // no gain: stored
        #expect(try zip.contents(of: "EPUB/text/story.xhtml") == Self.text)
        #expect(try zip.contents(of: "EPUB/images/a.png") == png)
        #expect(try zip.contents(of: "EPUB/empty.txt") == [])
        #expect(try zip.contents(of: "nope") == nil)
        // The EPUB rule: "mimetype" first, stored, with no extra field, so it sits at byte 38.
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(Array(bytes[38..<58]) == Array("application/epub+zip".utf8))
    }

    @Test func sameEntriesAndTimeGiveTheSameBytes() throws {
        let files: [(String, [UInt8], ZIPEntry.Method)] = [("a.txt", Self.text, .deflated), ("b.txt", [1, 2], .stored)]
        #expect(try Self.archive(files) == Self.archive(files))
        #expect(try Self.archive(files, time: 1_000_000_000) != Self.archive(files, time: 1_000_086_400))
    }

    @Test func aReusedCompressorGivesWhatAFreshOneGives() throws {
        let other = Array(String(repeating: "Cranes stood still at the terminal. ", count: 30).utf8)
        let deflater = try ZLib.Deflater()
        #expect(try deflater.compress(Self.text) == ZLib.deflate(Self.text))
        #expect(try deflater.compress(other) == ZLib.deflate(other))
        #expect(try deflater.compress(Self.text) == ZLib.deflate(Self.text))
    }

    @Test func timestampsAreDOSFieldsInUTC() {
        // 2020-01-01T09:30:10Z
        let (date, time) = ZIPWriter.dosDateTime(1_577_871_010)
        #expect(date == UInt16((2020 - 1980) << 9 | 1 << 5 | 1))
        #expect(time == UInt16(9 << 11 | 30 << 5 | 5))
        // Before 1980 clamps to the earliest DOS date.
        #expect(ZIPWriter.dosDateTime(0) == (UInt16(1 << 5 | 1), 0))
    }

    @Test(.enabled(if: which("unzip") != nil, "SKIPPED: unzip is not installed"))
    func unzipAcceptsTheArchive() throws {
        let bytes = try Self.archive([("mimetype", Array("application/epub+zip".utf8), .stored), ("a/b.txt", Self.text, .deflated)])
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-zip-\(getpid()).zip")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: which("unzip")!)
        process.arguments = ["-tq", url.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test(arguments: ["../evil.sh", "EPUB/../../evil.sh", "/etc/passwd", "\\windows\\x", "C:\\x.txt", "a\\..\\..\\x", ".."])
    func entryNamesThatEscapeAreRejected(name: String) throws {
        let bytes = try Self.archive([("ok.txt", [1], .stored), (name, [2], .stored)])
        let message = Self.message { _ = try ZIPArchive(bytes) }
        #expect(message.contains("refusing an archive that writes outside its folder"), "\(message)")
    }

    @Test func namesWithDotsThatStayInsideAreAccepted() throws {
        let bytes = try Self.archive([("a/..b/c..txt", [1], .stored), ("./x", [2], .stored)])
        #expect(try ZIPArchive(bytes).entries.count == 2)
    }

    @Test func theBombStreamReallyInflatesToZeros() throws {
        let stream = try Self.zeroBomb(mebibytes: 3)
        let inflated = try ZLib.inflate(stream[...], limit: 3 << 20)
        #expect(inflated.count == 3 << 20)
        #expect(inflated.allSatisfy { $0 == 0 })
    }

    @Test func aGigabyteBombIsRejectedWhenOpened() throws {
        let stream = try Self.zeroBomb(mebibytes: 1024)
        var zip = ZIPWriter(modified: 0)
        try zip.addRaw("zeros.xhtml", method: .deflated, data: stream, crc32: 0, uncompressedSize: 1 << 30)
        let bytes = zip.finish()
        let clock = ContinuousClock()
        var message = ""
        let elapsed = clock.measure { message = Self.message { _ = try ZIPArchive(bytes) } }
        #expect(message.contains("zip bomb"), "\(message)")
        #expect(elapsed < .milliseconds(200))
    }

    @Test func aBombThatUnderstatesItsSizeStopsAtTheDeclaredSize() throws {
        let stream = try Self.zeroBomb(mebibytes: 1024)
        var zip = ZIPWriter(modified: 0)
        try zip.addRaw("zeros.xhtml", method: .deflated, data: stream, crc32: 0, uncompressedSize: 1000)
        let archive = try ZIPArchive(zip.finish())
        let clock = ContinuousClock()
        var message = ""
        let elapsed = clock.measure { message = Self.message { _ = try archive.contents(of: "zeros.xhtml") } }
        #expect(message.contains("inflates to more than its declared 1000 bytes"), "\(message)")
        #expect(elapsed < .milliseconds(200))
    }

    @Test func manyEntriesTogetherHitTheTotalCap() throws {
        var limits = ZIPLimits.standard
        limits.maxTotalSize = 2 << 20
        let stream = try Self.zeroBomb(mebibytes: 1)
        var zip = ZIPWriter(modified: 0)
        for i in 0..<3 {
            // 1 MiB from about 1 KiB: under the ratio cap only because the cap is lowered here.
            try zip.addRaw("part\(i)", method: .deflated, data: stream, crc32: 0, uncompressedSize: 1 << 20)
        }
        limits.ratioThreshold = 2 << 20
        let message = Self.message { _ = try ZIPArchive(zip.finish(), limits: limits) }
        #expect(message.contains("more than 2 MiB"), "\(message)")
    }

    @Test func truncatedAndDamagedArchivesGiveClearErrors() throws {
        let bytes = try Self.archive([("mimetype", Array("application/epub+zip".utf8), .stored), ("a.txt", Self.text, .deflated)])
        #expect(Self.message { _ = try ZIPArchive(Array(bytes.dropLast(1))) }.contains("truncated"))
        #expect(Self.message { _ = try ZIPArchive(Array(bytes.prefix(bytes.count / 2))) }.contains("truncated"))
        #expect(Self.message { _ = try ZIPArchive([]) }.contains("empty input"))
        #expect(Self.message { _ = try ZIPArchive(Array("just some text, not an archive at all".utf8)) } == "ZIP: not a ZIP archive")

        // A flipped byte inside the compressed data: damaged data or a CRC mismatch, never a crash.
        let archive = try ZIPArchive(bytes)
        let entry = try #require(archive.entry(named: "a.txt"))
        var damaged = bytes
        damaged[entry.localHeaderOffset + 30 + 5 + 10] ^= 0xFF
        let message = Self.message { _ = try ZIPArchive(damaged).contents(of: "a.txt") }
        #expect(message.contains("damaged"), "\(message)")

        // The central directory pointing past the data.
        var moved = bytes
        moved[moved.count - 6] = 0xFF
        moved[moved.count - 5] = 0xFF
        #expect(Self.message { _ = try ZIPArchive(moved) }.contains("outside the archive"))
    }

    @Test func duplicateAndEncryptedEntriesAreRejected() throws {
        let twice = try Self.archive([("a.txt", [1], .stored), ("a.txt", [2], .stored)])
        #expect(Self.message { _ = try ZIPArchive(twice) }.contains("appears twice"))
        var encrypted = try Self.archive([("a.txt", [1], .stored)])
        let directory = encrypted.count - 22 - 46 - 5
        encrypted[directory + 8] |= 1
        #expect(Self.message { _ = try ZIPArchive(encrypted) }.contains("encrypted"))
    }
}
