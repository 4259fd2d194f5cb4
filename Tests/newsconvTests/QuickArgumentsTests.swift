import ArgumentParser
import Testing
@testable import newsconv

/// The quick parser must never disagree with swift-argument-parser: whenever it answers, the full
/// parser accepts the same command line and gives the same options.
@Suite("quick command-line parser")
struct QuickArgumentsTests {
    /// What swift-argument-parser makes of a command line, or `nil` when it rejects it.
    static func full(_ arguments: [String]) -> ConvertOptions? {
        guard let command = try? NewsConv.parseAsRoot(arguments) as? NewsConv, !command.listFormats else { return nil }
        return command.options
    }

    static let everyday: [[String]] = [
        ["story.txt", "-o", "story.epub"],
        ["story.txt", "-o", "story.html", "--theme", "broadsheet"],
        ["page.html", "-o", "story.md"],
        ["a.txt", "b.md", "c.xml", "-o", "today.epub", "--title", "Morning Edition"],
        ["stories/a.txt", "stories/b.txt", "-t", "html", "--output-dir", "public/"],
        ["-t", "newsml"],
        ["-", "-t", "text", "-o", "-"],
        ["story.txt", "-o", "out.html", "--metadata-file", "story.yaml", "--css", "a.css", "--css", "b.css"],
        ["story.md", "-f", "markdown", "-t", "html", "--fragment", "-q"],
        ["story.txt", "--to=newsml", "--newsml-body", "nitf", "--output=item.xml"],
        ["story.txt", "-M", "lang=de", "--metadata", "section=Sport", "--columns", "60", "-t", "text"],
        ["story.html", "--base-url", "https://example.com/news/", "-o", "s.md", "--standalone"],
        ["a.txt", "b.txt", "-o", "e.epub", "--cover", "cover.jpg", "--quiet"],
        ["story.txt"],
        [],
    ]

    @Test(arguments: everyday)
    func everydayCommandLinesTakeTheQuickPath(_ arguments: [String]) throws {
        let quick = try #require(QuickArguments.parse(arguments), "quick parser declined \(arguments)")
        #expect(quick == Self.full(arguments), "\(arguments)")
    }

    static let declined: [[String]] = [
        ["--help"], ["-h"], ["--version"], ["--list-formats"], ["validate", "item.xml"], ["help", "validate"],
        ["story.txt", "-o"], ["story.txt", "-o", "a.html", "-o", "b.html"], ["-qo", "x.html"],
        ["story.txt", "--", "-weird.txt"], ["story.txt", "--columns", "5"], ["story.txt", "--columns", "x"],
        ["story.txt", "-M", "novalue"], ["story.txt", "--newsml-body", "html"],
        ["story.txt", "-o", "a.html", "--output-dir", "out"], ["story.txt", "--standalone", "--fragment"],
        ["story.txt", "--unknown"], ["story.txt", "-o", "--theme"], ["story.txt", "-x"],
        ["--generate-completion-script", "bash"],
    ]

    @Test(arguments: declined)
    func unusualCommandLinesGoToTheFullParser(_ arguments: [String]) {
        #expect(QuickArguments.parse(arguments) == nil, "\(arguments)")
    }

    /// Random command lines from a pool of tokens, good and bad: the two parsers never disagree.
    @Test func agreesWithTheFullParserOnRandomCommandLines() {
        let pool = [
            "story.txt", "b.md", "-", "--", "", "x=y", "-o", "--output", "--output=o.html", "-f", "--from=text",
            "-t", "--to", "html", "epub", "--theme", "--theme=midnight", "--css", "s.css", "-M", "--metadata",
            "k=v", "--metadata-file", "m.yaml", "--columns", "--columns=80", "12", "9", "-3", "--output-dir",
            "out", "--title", "--cover", "--base-url", "--newsml-body", "nitf", "xhtml", "--standalone",
            "--fragment", "-q", "--quiet", "--list-formats", "--help", "-h", "--version", "validate", "-x",
            "-qt", "--to=", "=", "--=x", "-o=x", "--quiet=1",
        ]
        var generator = SplitMix(seed: 20261125)
        var quickAnswers = 0
        for _ in 0..<4000 {
            let count = Int(generator.next() % 7)
            let arguments = (0..<count).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }
            guard let quick = QuickArguments.parse(arguments) else { continue }
            quickAnswers += 1
            #expect(quick == Self.full(arguments), "parsers disagree on \(arguments)")
        }
        #expect(quickAnswers > 200, "the random command lines barely exercised the quick parser")
    }
}

/// A small deterministic random number generator, so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
