import Foundation
import Testing
import NewsConvKit

/// Replays what the fuzzers found (`Tests/Fixtures/fuzz-regressions/FORMAT/`, copied there by
/// `make fuzz`) and the fuzzers' seeds (`Fuzz/seeds/FORMAT/`) the way the fuzz targets run
/// them: the reader, then every writer on what it read. A `NewsConvError` is a fine answer;
/// a crash, a hang or an error of another type is a failure. JSON must also read back exactly
/// what it writes.
@Suite("Fuzz regressions", .timeLimit(.minutes(20)))
struct FuzzRegressionTests {
    /// One input file and the format it is fed to (the name of its folder).
    struct Input: Sendable, CustomTestStringConvertible {
        var format: String
        var path: String
        var testDescription: String { "\(format)/\(URL(fileURLWithPath: path).lastPathComponent)" }
    }

    static let regressions = "Tests/Fixtures/fuzz-regressions"
    static let seeds = "Fuzz/seeds"

    /// Every file under `root/FORMAT/`, for each format folder there.
    static func inputs(under root: String) -> [Input] {
        let base = Corpus.projectRoot.appendingPathComponent(root)
        let fm = FileManager.default
        var result: [Input] = []
        for format in ((try? fm.contentsOfDirectory(atPath: base.path)) ?? []).sorted() {
            let dir = base.appendingPathComponent(format)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: dir.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            for name in ((try? fm.contentsOfDirectory(atPath: dir.path)) ?? []).sorted() where !name.hasPrefix(".") {
                result.append(Input(format: format, path: dir.appendingPathComponent(name).path))
            }
        }
        return result
    }

    @Test("seeds and fuzz findings survive the reader and every writer",
          arguments: inputs(under: regressions) + inputs(under: seeds))
    func survives(_ input: Input) throws {
        let format = try #require(FormatRegistry.builtIn.format(named: input.format),
                                  "folder \(input.format) is not a format name")
        guard let reader = format.reader else { return }  // not merged yet: nothing to replay
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: input.path)))
        let document: Document
        do {
            document = try reader.read(bytes, context: ReadContext(sourceName: input.testDescription))
        } catch is NewsConvError {
            return
        } catch {
            Issue.record("\(format.name) reader threw \(type(of: error)), not NewsConvError: \(error)")
            return
        }
        for target in FormatRegistry.builtIn.formats {
            guard let writer = target.writer else { continue }
            do {
                _ = try writer.write(document, context: WriteContext())
            } catch is NewsConvError {
                continue
            } catch {
                Issue.record("\(target.name) writer threw \(type(of: error)), not NewsConvError: \(error)")
            }
        }
        if format.name == "json" {
            let json = try writeDocument(document, as: .json)
            #expect(try readDocument(json, as: .json) == document, "JSON round trip changed the document")
        }
    }

    @Test func everySeedFolderIsAFormatWithSeeds() {
        let seeds = Self.inputs(under: Self.seeds)
        for format in FormatRegistry.builtIn.formats {
            #expect(seeds.contains { $0.format == format.name }, "no seeds in Fuzz/seeds/\(format.name)/")
        }
    }
}
