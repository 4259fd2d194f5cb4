import Foundation
import NewsConvKit
import Testing

/// External commands (make, xmllint, swift) for the end-to-end tests of the Examples folder.
enum Command {
    /// The full path of `name` on PATH, or nil when it is not installed.
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `executable arguments…` in `directory`, without a parent make's jobserver settings.
    static func run(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var environment = ProcessInfo.processInfo.environment
        for key in ["MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEFILES"] { environment[key] = nil }
        process.environment = environment
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let errorReader = Thread { errorData = error.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorReader.isFinished { Thread.sleep(forTimeInterval: 0.001) }
        return Result(status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
                      stderr: String(decoding: errorData, as: UTF8.self))
    }
}

/// A private copy of the Examples newsroom, and the make targets this build of newsconv can
/// publish: all of them once every format reads and writes, else the parts that work.
struct Newsroom {
    let directory: String
    let make: String
    /// Story sources whose format this build can read (relative to `directory`).
    let sources: [String]
    /// The make targets to build, and the output files (relative to `out/`) each source makes.
    let targets: [String]
    let outputExtensions: [String]
    let aggregates: [String]
    /// What cannot be published yet, for a visible note.
    let missing: [String]

    static var makeMessage: Comment { "SKIPPED: make or python3 is not installed; the Examples Makefile needs both" }
    static var isRunnable: Bool { Command.which("make") != nil && Command.which("python3") != nil }

    /// One copy published with `make -j4`, and what make said; tests work on copies of it.
    static let published: (room: Newsroom, first: Command.Result)? = {
        guard let room = try? Newsroom(), let first = try? room.run(["-j4"]) else { return nil }
        return (room, first)
    }()

    /// A fresh copy of the published newsroom, modification times kept.
    static func publishedCopy() throws -> Newsroom {
        let (template, first) = try #require(published, "could not copy and publish the Examples folder")
        try #require(first.status == 0, "make failed:\n\(first.stderr)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-examples-\(UUID().uuidString)").path
        let copy = try Command.run(try #require(Command.which("cp")), ["-a", template.directory, directory])
        try #require(copy.status == 0, "cp -a failed: \(copy.stderr)")
        return Newsroom(copying: template, directory: directory, sources: template.sources)
    }

    init() throws {
        make = try #require(Command.which("make"))
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-examples-\(UUID().uuidString)").path
        let examples = CLI.projectRoot.appendingPathComponent("Examples").path
        let fm = FileManager.default
        try fm.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for entry in try fm.contentsOfDirectory(atPath: examples) where !["out", "LibraryUse"].contains(entry) {
            try fm.copyItem(atPath: examples + "/" + entry, toPath: directory + "/" + entry)
        }

        let registry = FormatRegistry.builtIn
        func canRead(_ path: String) -> Bool { registry.format(forPath: path)?.reader != nil }
        func canWrite(_ format: Format) -> Bool { format.writer != nil }
        let all = try fm.contentsOfDirectory(atPath: directory + "/stories").filter { !$0.hasSuffix(".yaml") }.sorted()
        sources = all.filter(canRead).map { "stories/" + $0 }
        var missing = all.filter { !canRead($0) }.map { "reading stories/\($0)" }
        var targets = ["json"], extensions = ["json/%.json"], aggregates: [String] = []
        if canWrite(.html) { targets += ["pages", "front"]; extensions.append("%.html"); aggregates += ["frontpage.json", "index.html"] }
        else { missing.append("writing html (pages, front page)") }
        if canWrite(.newsML) { targets.append("day"); extensions.append("%.xml"); aggregates.append("day.xml") }
        else { missing.append("writing newsml (items, day.xml)") }
        if canWrite(.epub) { targets.append("edition"); extensions.append("%.epub"); aggregates.append("edition.epub") }
        else { missing.append("writing epub (books, edition.epub)") }
        if canWrite(.newsML) { targets.append("items") }
        if canWrite(.epub) { targets.append("books") }
        self.targets = missing.isEmpty ? ["all"] : targets
        self.outputExtensions = extensions
        self.aggregates = aggregates
        self.missing = missing
        if !missing.isEmpty {
            print("note: Examples tests publish only what this build supports; not yet: \(missing.joined(separator: "; "))")
        }
    }

    /// `make` in the copy with this build's binary and the readable sources.
    func run(_ arguments: [String] = [], targets: [String]? = nil) throws -> Command.Result {
        try Command.run(make, ["-C", directory, "NEWSCONV=\(CLI.binary)", "SOURCES=\(sources.joined(separator: " "))"]
                        + arguments + (targets ?? self.targets))
    }

    /// The outputs of the story at `source` (relative to `out/`).
    func outputs(of source: String) -> [String] {
        let name = source.split(separator: "/").last!.split(separator: ".").first.map(String.init)!
        return outputExtensions.map { $0.replacingOccurrences(of: "%", with: name) }
    }

    /// Modification times of every file under `out/`, by path relative to it.
    func outputTimes() throws -> [String: Date] {
        let out = directory + "/out"
        var times: [String: Date] = [:]
        for path in FileManager.default.subpaths(atPath: out) ?? [] {
            let attributes = try FileManager.default.attributesOfItem(atPath: out + "/" + path)
            if attributes[.type] as? FileAttributeType == .typeRegular { times[path] = attributes[.modificationDate] as? Date }
        }
        return times
    }

    /// Sets the modification time of `path` (relative to the copy) to now, after every output.
    func touch(_ path: String) throws {
        Thread.sleep(forTimeInterval: 0.05)
        try FileManager.default.setAttributes([.modificationDate: Date()], ofItemAtPath: directory + "/" + path)
    }
}

@Suite("Examples newsroom (make)", .serialized, .enabled(if: Newsroom.isRunnable, Newsroom.makeMessage))
struct ExamplesTests {
    @Test func publishesEveryStoryThenDoesNothingTheSecondTime() throws {
        let (_, first) = try #require(Newsroom.published)
        #expect(first.status == 0, "make failed:\n\(first.stderr)")
        let room = try Newsroom.publishedCopy()
        let produced = try room.outputTimes()
        for source in room.sources {
            for output in room.outputs(of: source) {
                #expect(produced[output] != nil, "\(source) did not produce out/\(output)")
            }
        }
        for aggregate in room.aggregates { #expect(produced[aggregate] != nil, "missing out/\(aggregate)") }
        #expect(!produced.keys.contains { $0.contains(".newsconv-") || $0.hasSuffix(".tmp") }, "temporary files left in out/")

        let question = try room.run(["-q"])
        let wouldDo = try room.run(["-n"]).stdout
        #expect(question.status == 0, "a second make would do something:\n\(wouldDo)")
        let again = try room.run()
        #expect(again.status == 0)
        #expect(try room.outputTimes() == produced, "a second make rewrote outputs")
    }

    @Test func touchingOneStoryRebuildsOnlyItsOutputsAndTheAggregates() throws {
        let room = try Newsroom.publishedCopy()
        var before = try room.outputTimes()
        // A story with a sidecar: touching either file must rebuild the same outputs.
        for touched in ["stories/night-market.txt", "stories/night-market.yaml"] {
            try room.touch(touched)
            let rebuild = try room.run(["-j4"])
            #expect(rebuild.status == 0, "\(rebuild.stderr)")
            let after = try room.outputTimes()
            let changed = Set(after.keys.filter { after[$0] != before[$0] })
            let expected = Set(room.outputs(of: "stories/night-market.txt") + room.aggregates)
            #expect(changed == expected, "touching \(touched) rebuilt \(changed.sorted()), expected \(expected.sorted())")
            #expect(try room.run(["-q"]).status == 0, "make is not done after rebuilding \(touched)")
            before = after
        }
    }

    @Test func aBrokenStoryFailsWithNewsconvsMessageAndLeavesNoOutput() throws {
        let room = try Newsroom.publishedCopy()
        let before = try room.outputTimes()

        // A new story that is not text at all.
        let broken = room.directory + "/stories/zz-broken.txt"
        try Data("Headline\n\nBODY \u{0}\u{1} of a damaged file\n".utf8).write(to: URL(fileURLWithPath: broken))
        let withBroken = Newsroom(copying: room, sources: room.sources + ["stories/zz-broken.txt"])
        let result = try withBroken.run(["-k"])
        #expect(result.status != 0, "make succeeded with a broken story")
        #expect(result.stderr.contains("newsconv: stories/zz-broken.txt:3: binary data"), "stderr: \(result.stderr)")
        let after = try withBroken.outputTimes()
        #expect(!after.keys.contains { $0.contains("zz-broken") }, "output left for the broken story: \(after.keys.sorted())")
        #expect(!after.keys.contains { $0.contains(".newsconv-") || $0.hasSuffix(".tmp") }, "temporary files left in out/")

        // A broken sidecar: the story's outputs fail, and the previous ones stay as they were.
        try FileManager.default.removeItem(atPath: broken)
        try Data("summary: [unclosed\n".utf8).write(to: URL(fileURLWithPath: room.directory + "/stories/night-market.yaml"))
        let sidecar = try room.run()
        #expect(sidecar.status != 0)
        #expect(sidecar.stderr.contains("newsconv: stories/night-market.yaml:"), "stderr: \(sidecar.stderr)")
        let kept = try room.outputTimes()
        for output in room.outputs(of: "stories/night-market.txt") {
            #expect(kept[output] == before[output], "out/\(output) changed although its story is broken")
        }
    }

    @Test(.enabled(if: FormatRegistry.builtIn.format(named: "newsml")?.writer != nil, "SKIPPED: this build cannot write NewsML-G2 yet"))
    func everyNewsMLOutputValidates() throws {
        let schema = CLI.projectRoot.deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd").path
        guard let xmllint = Command.which("xmllint"), FileManager.default.fileExists(atPath: schema) else {
            print("SKIPPED: NewsML-G2 validation of the Examples needs xmllint and ../shared/corpus")
            return
        }
        let room = try Newsroom.publishedCopy()
        let files = try room.outputTimes().keys.filter { $0.hasSuffix(".xml") && !$0.contains("/") }.sorted()
        #expect(files.count == room.sources.count + 1)
        let check = try Command.run(xmllint, ["--noout", "--nonet", "--schema", schema] + files, in: room.directory + "/out")
        #expect(check.status == 0, "\(check.stderr)")
    }
}

extension Newsroom {
    /// The same newsroom in `directory` (default: the same folder) with another list of sources.
    init(copying other: Newsroom, directory: String? = nil, sources: [String]) {
        self.directory = directory ?? other.directory
        make = other.make
        self.sources = sources
        targets = other.targets
        outputExtensions = other.outputExtensions
        aggregates = other.aggregates
        missing = other.missing
    }
}
