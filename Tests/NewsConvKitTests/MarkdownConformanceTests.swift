import Foundation
import Testing
@testable import NewsConvKit

/// The CommonMark 0.31.2 spec and the GFM 0.29 extension examples, rendered as
/// `newsconv -f markdown -t html --fragment` does (the Markdown reader, then the HTML body
/// renderer), compared after normalising whitespace and attribute order.
@Suite("Markdown conformance", .enabled(if: Corpus.isAvailable, Corpus.skipMessage))
struct MarkdownConformanceTests {
    static let commonMarkSpec = "commonmark/commonmark-spec-0.31.2.txt"
    static let gfmSpec = "commonmark/gfm-spec-0.29.txt"
    /// GFM extension examples; task lists are the ones marked `disabled`. The tag filter is
    /// left out: newsconv keeps raw HTML as written.
    static let gfmKinds: Set<String> = ["table", "strikethrough", "autolink", "disabled"]

    static func html(_ markdown: String, _ extensions: MarkdownExtensions) throws -> String {
        let document = try MarkdownReader(extensions: extensions).read(Array(markdown.utf8), context: ReadContext())
        return HTMLBodyRenderer().render(document.stories.first?.body ?? [])
    }

    /// Runs `examples`; returns the failures as messages and prints the tally.
    static func run(_ examples: [SpecExample], _ extensions: MarkdownExtensions, _ name: String) throws -> [String] {
        var failures: [String] = []
        var exact = 0
        for example in examples {
            let actual = try html(example.markdown, extensions)
            if actual == example.html {
                exact += 1
            } else if HTMLNormalizer.normalize(actual) != HTMLNormalizer.normalize(example.html) {
                failures.append("example \(example.number) (line \(example.line)):\n--- markdown\n\(example.markdown)--- expected\n\(example.html)--- actual\n\(actual)")
            }
        }
        let passed = examples.count - failures.count
        print("\(name): \(passed) of \(examples.count) examples pass (\(exact) byte for byte)")
        return failures
    }

    @Test func commonMarkSpec() throws {
        let examples = try SpecExample.load(Self.commonMarkSpec)
        #expect(examples.count == 655)
        // The loader reads real examples (tabs restored), not empty strings.
        #expect(examples.first?.markdown == "\tfoo\tbaz\t\tbim\n")
        #expect(examples.first?.html == "<pre><code>foo\tbaz\t\tbim\n</code></pre>\n")
        let failures = try Self.run(examples, .commonMark, "CommonMark 0.31.2")
        for failure in failures.prefix(30) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty)
    }

    /// With the GFM extensions on (newsconv's default), plain CommonMark examples differ only
    /// where a bare URL or e-mail address becomes a link (examples 604, 608, 610, 613, 614).
    @Test func commonMarkSpecWithExtensions() throws {
        let examples = try SpecExample.load(Self.commonMarkSpec)
        let failures = try Self.run(examples, .gfm, "CommonMark 0.31.2 with GFM extensions on")
        #expect(failures.count <= 5)
        for failure in failures { #expect(failure.contains("<a href=\"")) }
    }

    @Test func gfmExtensionExamples() throws {
        let examples = try SpecExample.load(Self.gfmSpec).filter { Self.gfmKinds.contains($0.kind) }
        #expect(examples.count == 23)
        let failures = try Self.run(examples, .gfm, "GFM 0.29 extensions (tables, strikethrough, autolinks, task lists)")
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty)
    }

    /// Markdown → AST → Markdown → AST gives the same AST, for every example of both specs,
    /// read with and without the GFM extensions.
    @Test(arguments: [MarkdownExtensions.gfm, .commonMark])
    func roundTripOfEveryExample(_ extensions: MarkdownExtensions) throws {
        let examples = try SpecExample.load(Self.commonMarkSpec)
            + SpecExample.load(Self.gfmSpec).filter { Self.gfmKinds.contains($0.kind) }
        let reader = MarkdownReader(extensions: extensions)
        var failures: [String] = []
        for example in examples {
            let first = try reader.read(Array(example.markdown.utf8), context: ReadContext())
            let markdown = try MarkdownWriter().write(first, context: WriteContext())
            let second = try reader.read(markdown, context: ReadContext())
            if first != second {
                failures.append("example \(example.number) (line \(example.line)):\n--- markdown\n\(example.markdown)--- written\n"
                                + String(decoding: markdown, as: UTF8.self) + "--- first AST\n\(first.stories.first?.body ?? [])\n--- second AST\n\(second.stories.first?.body ?? [])")
            }
        }
        let name = extensions == .gfm ? "GFM" : "CommonMark"
        print("Markdown round trip (\(name) reader): \(examples.count - failures.count) of \(examples.count) examples give the same AST")
        for failure in failures.prefix(40) { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty)
    }
}
