import Foundation
import Testing

let story = """
    Night ferry crews walk out

    By Maren Holt

    KIRKWALL, Scotland (Newsconv Wire) - Crews walked off the job on Wednesday.

    The operator offered a second relief crew.

    Copyright 2026 Newsconv Wire.
    """

@Suite("newsconv command line", .serialized)
struct CLITests {
    let dir: String

    init() throws {
        dir = try CLI.temporaryDirectory()
        try story.write(toFile: dir + "/story.txt", atomically: true, encoding: .utf8)
    }

    @Test func binaryExists() {
        #expect(FileManager.default.isExecutableFile(atPath: CLI.binary), "built newsconv not found at \(CLI.binary)")
    }

    @Test func helpMatchesTheGoldenFile() throws {
        let result = try CLI.run(["--help"], environment: ["COLUMNS": "100"])
        #expect(result.status == 0)
        let golden = CLI.projectRoot.appendingPathComponent("Tests/newsconvTests/Golden/help.txt")
        if ProcessInfo.processInfo.environment["NEWSCONV_ACCEPT"] != nil {
            try result.output.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(result.output == (try String(contentsOf: golden, encoding: .utf8)),
                "--help changed; rerun with NEWSCONV_ACCEPT=1 to accept")
    }

    @Test func listFormats() throws {
        let result = try CLI.run(["--list-formats"])
        #expect(result.status == 0)
        for name in ["text", "markdown", "html", "newsml", "epub", "json"] {
            #expect(result.output.contains("\n\(name) "), "\(name) missing from --list-formats")
        }
    }

    @Test func textFileToJSONOnStandardOutput() throws {
        let result = try CLI.run([dir + "/story.txt", "-t", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("\"headline\" : \"Night ferry crews walk out\""))
        #expect(result.output.contains("\"place\" : \"KIRKWALL, Scotland\""))
    }

    @Test func standardInputIsSniffed() throws {
        let result = try CLI.run(["-t", "json"], stdin: Array(story.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.output.contains("Night ferry crews walk out"))
        let json = try CLI.run(["-", "-t", "text"], stdin: result.stdout)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.output.hasPrefix("Night ferry crews walk out\n"))
    }

    @Test func outputFormatFromFileName() throws {
        let result = try CLI.run([dir + "/story.txt", "-o", dir + "/story.json"])
        #expect(result.status == 0, "\(result.stderr)")
        let back = try CLI.run([dir + "/story.json", "-t", "text"])
        #expect(back.output.contains("By Maren Holt"))
    }

    @Test func outputDirectoryConvertsEachInput() throws {
        try story.replacingOccurrences(of: "Night ferry", with: "Day ferry").write(toFile: dir + "/second.txt", atomically: true, encoding: .utf8)
        let result = try CLI.run([dir + "/story.txt", dir + "/second.txt", "-t", "json", "--output-dir", dir + "/out"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted() == ["second.json", "story.json"])
    }

    /// Two inputs of the same name would overwrite each other's output: refused before anything
    /// is written.
    @Test func outputDirectoryRefusesTwoInputsOfTheSameName() throws {
        try FileManager.default.createDirectory(atPath: dir + "/other", withIntermediateDirectories: true)
        try story.write(toFile: dir + "/other/story.txt", atomically: true, encoding: .utf8)
        let result = try CLI.run([dir + "/story.txt", dir + "/other/story.txt", "-t", "json", "--output-dir", dir + "/same"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("would both be written to \(dir)/same/story.json"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/same"))
    }

    @Test func severalInputsMakeOneDocument() throws {
        try story.write(toFile: dir + "/b.txt", atomically: true, encoding: .utf8)
        let result = try CLI.run([dir + "/story.txt", dir + "/b.txt", "-t", "json", "--title", "Morning Edition"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout)) as? [String: Any]
        #expect((object?["stories"] as? [Any])?.count == 2)
        #expect(((object?["metadata"] as? [String: Any])?["headline"] as? String) == "Morning Edition")
    }

    @Test func metadataOption() throws {
        let result = try CLI.run([dir + "/story.txt", "-t", "json", "-M", "lang=de", "-M", "keywords=ferry, strike"])
        #expect(result.output.contains("\"language\" : \"de\""))
        #expect(result.output.contains("\"strike\""))
        let bad = try CLI.run([dir + "/story.txt", "-t", "json", "-M", "lang"])
        #expect(bad.status == 64)
    }

    // MARK: error paths: one message per path, sysexits codes, no output left behind

    @Test func missingInput() throws {
        let result = try CLI.run([dir + "/nope.txt", "-t", "json"])
        #expect(result.status == 66)
        #expect(result.stderr == "newsconv: \(dir)/nope.txt: no such file\n")
    }

    @Test func directoryAsInput() throws {
        let result = try CLI.run([dir, "-t", "json"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("is a directory"))
    }

    @Test func unknownInputExtension() throws {
        try Data([0, 1, 2, 3]).write(to: URL(fileURLWithPath: dir + "/feed.dat"))
        let result = try CLI.run([dir + "/feed.dat", "-t", "json"])
        #expect(result.status == 64)
        #expect(result.stderr == "newsconv: cannot guess the input format of \"\(dir)/feed.dat\"; use -f FORMAT (see --list-formats)\n")
    }

    @Test func unknownOutputExtension() throws {
        let result = try CLI.run([dir + "/story.txt", "-o", dir + "/story.docx"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("cannot guess the output format"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/story.docx"))
    }

    @Test func unknownFormatName() throws {
        let result = try CLI.run([dir + "/story.txt", "-t", "docx"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown format \"docx\""))
    }

    @Test func badInputDataNamesTheFile() throws {
        try "{ \"stories\": [ }".write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        let result = try CLI.run([dir + "/bad.json", "-o", dir + "/bad.txt"])
        #expect(result.status == 65)
        #expect(result.stderr.hasPrefix("newsconv: \(dir)/bad.json: "))
        #expect(!FileManager.default.fileExists(atPath: dir + "/bad.txt"))
    }

    @Test func outputInMissingDirectory() throws {
        let result = try CLI.run([dir + "/story.txt", "-o", dir + "/missing/story.json"])
        #expect(result.status == 73)
        #expect(result.stderr.contains("does not exist"))
    }

    @Test(.enabled(if: getuid() != 0, "SKIPPED: running as root, which ignores directory permissions"))
    func outputInReadOnlyDirectory() throws {
        try FileManager.default.createDirectory(atPath: dir + "/ro", withIntermediateDirectories: true)
        chmod(dir + "/ro", 0o555)
        let result = try CLI.run([dir + "/story.txt", "-o", dir + "/ro/story.json"])
        #expect(result.status == 73)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "SKIPPED: no /dev/full on this system"))
    func diskFull() throws {
        let result = try CLI.run([dir + "/story.txt", "-t", "json", "-o", "/dev/full"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("/dev/full"))
    }

    @Test func failedRunKeepsThePreviousOutput() throws {
        try "previous".write(toFile: dir + "/keep.json", atomically: true, encoding: .utf8)
        try "{".write(toFile: dir + "/broken.json", atomically: true, encoding: .utf8)
        let result = try CLI.run([dir + "/broken.json", "-o", dir + "/keep.json"])
        #expect(result.status == 65)
        #expect(try String(contentsOfFile: dir + "/keep.json", encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.contains("newsconv-") }.isEmpty)
    }
}

@Suite("newsconv command line: usage errors")
struct CLIUsageTests {
    @Test(arguments: [
        (["--columns", "abc"], "newsconv: The value 'abc' is invalid for '--columns <N>' (see newsconv --help)\n"),
        (["--bogus"], "newsconv: Unknown option '--bogus' (see newsconv --help)\n"),
        (["-M", "lang"], "newsconv: -M needs KEY=VALUE, got \"lang\" (see newsconv --help)\n"),
        (["-o", "a.json", "--output-dir", "d"], "newsconv: use either -o or --output-dir, not both (see newsconv --help)\n"),
        (["validate"], "newsconv: Missing expected argument '<FILE> ...' (see newsconv help validate)\n"),
    ])
    func oneLineUsageErrors(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 64)
        #expect(result.stderr == message)
    }

    @Test func validateHelpNamesTheTool() throws {
        let result = try CLI.run(["help", "validate"])
        #expect(result.status == 0)
        #expect(result.output.contains("USAGE: newsconv validate FILE.xml..."))
    }
}
