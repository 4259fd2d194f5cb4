import Foundation
import Testing
import NewsConvKit

/// Every reader on every hostile input: a story or a clear error, never a crash or a hang;
/// then every writer on whatever the reader produced.
@Suite("Hostile inputs", .timeLimit(.minutes(20)))
struct HostileInputTests {
    static let readers = FormatRegistry.builtIn.formats.filter { $0.reader != nil }.map(\.name)

    @Test(arguments: HostileInputs.common)
    func everyReaderSurvives(_ input: HostileInputs.Case) throws {
        let bytes = input.bytes()
        for name in Self.readers {
            let format = try #require(FormatRegistry.builtIn.format(named: name))
            let document: Document
            do {
                document = try format.requireReader().read(bytes, context: ReadContext(sourceName: "hostile"))
            } catch let error as NewsConvError {
                #expect(error.kind == .badInput || error.kind == .unsupported, "\(name) on \(input): \(error)")
                #expect(!error.message.isEmpty && !error.message.contains("\n"), "\(name) on \(input): message \(error.message)")
                continue
            }
            #expect(!document.stories.contains { $0.plainText.contains("root:x:0:0") }, "\(name) expanded an external entity")
            let size = document.stories.reduce(0) { $0 + $1.plainText.utf8.count }
            #expect(size <= bytes.count * 10 + 1_000_000, "\(name) on \(input) grew \(bytes.count) bytes into \(size)")
            for writer in FormatRegistry.builtIn.formats where writer.writer != nil {
                do {
                    _ = try writer.requireWriter().write(document, context: WriteContext())
                } catch let error as NewsConvError {
                    Issue.record("\(writer.name) writer failed on what \(name) read from \(input): \(error)")
                }
            }
        }
    }
}

/// The same inputs through the built binary: exit codes per sysexits, one-line messages naming
/// the file, bounded memory, and no output file left behind on failure.
@Suite("Hostile inputs, command line", .timeLimit(.minutes(20)))
struct HostileCLITests {
    static let readers = FormatRegistry.builtIn.formats.filter { $0.reader != nil }.map(\.name)

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"),
                   "SKIPPED: memory is measured with GNU time (/usr/bin/time, Debian package time)"),
          arguments: HostileInputs.common)
    func everyReaderFailsCleanlyOrConverts(_ input: HostileInputs.Case) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = input.bytes()
        let inputPath = dir + "/input.dat"
        try Data(bytes).write(to: URL(fileURLWithPath: inputPath))
        for name in Self.readers {
            let outPath = dir + "/out-\(name).json"
            let result = try CLI.run([inputPath, "-f", name, "-o", outPath, "-q"], timeout: 60)
            #expect(!result.crashed, "\(name) crashed on \(input): \(result.stderr)")
            #expect(!result.hung, "\(name) hung on \(input)")
            if let peak = result.peakMemory {
                #expect(peak < bytes.count * 10 + 100_000_000,
                        "\(name) on \(input): \(peak / 1_000_000) MB for \(bytes.count / 1000) KB of input")
            }
            switch result.status {
            case 0:
                #expect(FileManager.default.fileExists(atPath: outPath))
            case 65, 69:
                #expect(result.stderr.hasPrefix("newsconv: \(inputPath)"), "\(name) on \(input): \(result.stderr)")
                #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(name) on \(input): not one line: \(result.stderr)")
                #expect(!FileManager.default.fileExists(atPath: outPath), "\(name) left output behind on \(input)")
            default:
                Issue.record("\(name) on \(input): exit \(result.status): \(result.stderr)")
            }
            let strays = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains("newsconv-") }
            #expect(strays.isEmpty, "temporary files left: \(strays)")
        }
    }
}
