import Foundation
import Testing
@testable import NewsConvKit

/// The HTML reader against Mozilla Readability's own test pages (`../shared/corpus/html/`):
/// each folder holds a real page and what Readability extracts from it. Prints a tally and
/// passes when the headline is Readability's title on every page, the byline Readability's on
/// every page where it finds one, and the body text's word-level F1 averages at least 0.99 with
/// no page below 0.9.
@Suite("HTML reader on Readability's test pages")
struct HTMLReadabilityTests {
    struct Outcome {
        var name: String
        var headlineMatches: Bool
        var expectedByline: String?
        var bylineMatches: Bool
        var f1: Double
        var detail: String
    }

    static var pages: [String] {
        Corpus.list("html").filter { FileManager.default.fileExists(atPath: Corpus.url("html/\($0)/source.html").path) }
    }

    /// Whitespace collapsed and trimmed.
    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// How a byline compares: case, whitespace and a leading "By" do not count.
    static func bylineKey(_ text: String) -> String {
        var key = normalized(text).lowercased()
        if key.hasPrefix("by ") { key.removeFirst(3) }
        return key
    }

    /// Lower-case words: runs of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Word-level F1 of two bags of words.
    static func f1(_ ours: [String], _ theirs: [String]) -> Double {
        if ours.isEmpty && theirs.isEmpty { return 1 }
        guard !ours.isEmpty, !theirs.isEmpty else { return 0 }
        var counts: [String: Int] = [:]
        for word in theirs { counts[word, default: 0] += 1 }
        var overlap = 0
        for word in ours where (counts[word] ?? 0) > 0 {
            counts[word]! -= 1
            overlap += 1
        }
        let precision = Double(overlap) / Double(ours.count)
        let recall = Double(overlap) / Double(theirs.count)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// The text of Readability's article, with block elements kept apart by spaces.
    static func expectedText(_ bytes: [UInt8]) throws -> String {
        let document = try XMLDocument.parseHTML(bytes, encoding: "UTF-8")
        var out = ""
        func walk(_ node: XMLNode) {
            switch node.kind {
            case .text: out += node.text
            case .element:
                let block = HTMLBlockBuilder.blockElements.contains(node.name) || node.name == "br"
                if block { out += " " }
                for child in node.children { walk(child) }
                if block { out += " " }
            case .comment, .other: break
            }
        }
        if let root = document.root { walk(root) }
        return out
    }

    static func evaluate(_ name: String) throws -> Outcome {
        let source = try Corpus.bytes("html/\(name)/source.html")
        let expected = try JSONSerialization.jsonObject(with: Data(try Corpus.bytes("html/\(name)/expected-metadata.json"))) as? [String: Any] ?? [:]
        let document = try readDocument(source, as: .html, name: name)
        let story = document.stories.first ?? Story()
        let title = expected["title"] as? String ?? ""
        let headlineMatches = normalized(story.metadata.headline ?? "") == normalized(title)
        let byline = expected["byline"] as? String
        let ours = story.metadata.bylines.map(\.name).joined(separator: ", ")
        let bylineMatches = byline.map { bylineKey($0) == bylineKey(ours) } ?? true
        let expectedWords = words(try expectedText(try Corpus.bytes("html/\(name)/expected.html")))
        let score = f1(words(story.plainText), expectedWords)
        var detail = ""
        if !headlineMatches { detail += " headline: \"\(story.metadata.headline ?? "")\" vs \"\(title)\";" }
        if !bylineMatches { detail += " byline: \"\(ours)\" vs \"\(byline ?? "")\";" }
        return Outcome(name: name, headlineMatches: headlineMatches, expectedByline: byline, bylineMatches: bylineMatches,
                       f1: score, detail: detail)
    }

    @Test("tally against Readability", .enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func tally() throws {
        let outcomes = try Self.pages.map(Self.evaluate)
        #expect(outcomes.count >= 30, "expected 30 pages in ../shared/corpus/html")
        var report = "HTML reader vs Readability (\(outcomes.count) pages)\n"
        for o in outcomes {
            let mark = (o.headlineMatches ? "H" : "-") + (o.expectedByline == nil ? " " : o.bylineMatches ? "B" : "-")
            report += "  \(mark) F1 \(String(format: "%.3f", o.f1))  \(o.name)\(o.detail)\n"
        }
        let headlines = outcomes.filter(\.headlineMatches).count
        let withByline = outcomes.filter { $0.expectedByline != nil }
        let bylines = withByline.filter(\.bylineMatches).count
        let meanF1 = outcomes.map(\.f1).reduce(0, +) / Double(max(outcomes.count, 1))
        let worst = outcomes.min { $0.f1 < $1.f1 }
        report += "  headline: \(headlines)/\(outcomes.count)  byline: \(bylines)/\(withByline.count)"
        report += "  mean F1: \(String(format: "%.3f", meanF1))  lowest F1: \(String(format: "%.3f", worst?.f1 ?? 0)) (\(worst?.name ?? "-"))"
        print(report)
        #expect(headlines == outcomes.count, "headline matches Readability's title on \(headlines) of \(outcomes.count) pages")
        #expect(bylines == withByline.count, "byline matches on \(bylines) of \(withByline.count)")
        // Readability keeps some furniture that newsconv drops (related-story lines, author bios,
        // "Read more" links), so its text is not matched word for word.
        #expect(meanF1 >= 0.99, "mean body F1 \(meanF1)")
        #expect((worst?.f1 ?? 0) >= 0.9, "lowest body F1 \(worst?.f1 ?? 0) on \(worst?.name ?? "-")")
    }

    /// HTML → AST → HTML (the writer's page, which tidy must find valid) → AST keeps the
    /// article: the same words in the
    /// body, the same headline (where the page had one: a page needs a title, so one without
    /// comes back titled "Untitled") and bylines.
    @Test("round trip through newsconv's own page", .enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func roundTrip() throws {
        var report = "HTML → AST → HTML → AST (\(Self.pages.count) pages)\n"
        var scores: [Double] = []
        for name in Self.pages {
            let first = try readDocument(try Corpus.bytes("html/\(name)/source.html"), as: .html, name: name)
            let page = try writeDocument(first, as: .html)
            if let tidy = which("tidy") {
                let (status, output) = try HTMLWriterTests.run(tidy, ["-errors", "-q"], input: String(decoding: page, as: UTF8.self))
                #expect(status == 0 && output.isEmpty, "\(name): the written page is not valid HTML5: \(output)")
            }
            let second = try readDocument(page, as: .html, name: name + " (written)")
            let a = first.stories.first ?? Story(), b = second.stories.first ?? Story()
            let score = Self.f1(Self.words(b.plainText), Self.words(a.plainText))
            scores.append(score)
            report += "  F1 \(String(format: "%.3f", score))  \(name)\n"
            if a.metadata.headline != nil { #expect(b.metadata.headline == a.metadata.headline, "\(name): headline") }
            #expect(b.metadata.bylines.map(\.name) == a.metadata.bylines.map(\.name), "\(name): bylines")
        }
        let mean = scores.reduce(0, +) / Double(max(scores.count, 1))
        report += "  mean F1 \(String(format: "%.4f", mean)), lowest \(String(format: "%.4f", scores.min() ?? 0))"
        print(report)
        #expect((scores.min() ?? 0) >= 0.99, "a page lost text on the round trip")
    }

    /// HTML → Markdown → HTML keeps the article text: the page read, written as Markdown with
    /// front matter, read back, written as a page and read again has the same words and headline.
    @Test("round trip through Markdown", .enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func roundTripThroughMarkdown() throws {
        var scores: [Double] = []
        for name in Self.pages {
            let first = try readDocument(try Corpus.bytes("html/\(name)/source.html"), as: .html, name: name)
            let markdown = try writeDocument(first, as: .markdown)
            let page = try writeDocument(try readDocument(markdown, as: .markdown, name: name + ".md"), as: .html)
            let second = try readDocument(page, as: .html, name: name + " (via Markdown)")
            let a = first.stories.first ?? Story(), b = second.stories.first ?? Story()
            scores.append(Self.f1(Self.words(b.plainText), Self.words(a.plainText)))
            if a.metadata.headline != nil { #expect(b.metadata.headline == a.metadata.headline, "\(name): headline") }
        }
        print("HTML → Markdown → HTML (\(scores.count) pages): mean F1 \(String(format: "%.4f", scores.reduce(0, +) / Double(max(scores.count, 1)))), lowest \(String(format: "%.4f", scores.min() ?? 0))")
        #expect((scores.min() ?? 0) >= 0.99, "a page lost text going through Markdown")
    }
}
