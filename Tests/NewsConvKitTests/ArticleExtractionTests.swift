import Foundation
import Testing
@testable import NewsConvKit

/// The article finder on 61 real news and blog pages with hand-made article text
/// (`../shared/corpus/extraction/`, a third of scrapinghub's article-extraction benchmark),
/// scored as the benchmark scores (``ShingleScore``), over the text its README defines: paragraphs,
/// headings, lists, quotes, table cells and figure captions. Prints the tally (and, beside it, the
/// tally with captions left out, as the hand-made truth mostly leaves them out) and the worst pages.
/// Issue #17's target is F1 ≥ 0.975 with precision ≥ 0.96 and recall ≥ 0.98; this version reaches
/// F1 0.971, precision 0.955, recall 0.987, and the test keeps it from getting worse than that.
/// `make bench` puts trafilatura beside it on the same pages.
@Suite("Article extraction on the benchmark's pages")
struct ArticleExtractionTests {
    struct Page {
        var key: String
        var url: String
        var truth: String
        var html: [UInt8]
    }

    static func pages() throws -> [Page] {
        let truth = try JSONSerialization.jsonObject(with: Data(try Corpus.bytes("extraction/ground-truth.json"))) as? [String: [String: Any]] ?? [:]
        return try truth.keys.sorted().map { key in
            let entry = truth[key] ?? [:]
            return Page(key: key, url: entry["url"] as? String ?? "", truth: entry["articleBody"] as? String ?? "",
                        html: try gunzip(try Corpus.bytes("extraction/html/\(key).html.gz")))
        }
    }

    /// The member of a gzip file (RFC 1952): its header skipped, its deflate stream inflated.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8] {
        struct NotGzip: Error {}
        guard bytes.count > 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8 else { throw NotGzip() }
        let flags = bytes[3]
        var offset = 10
        if flags & 4 != 0 { offset += 2 + Int(bytes[offset]) + Int(bytes[offset + 1]) << 8 }
        for flag: UInt8 in [8, 16] where flags & flag != 0 {
            while offset < bytes.count, bytes[offset] != 0 { offset += 1 }
            offset += 1
        }
        if flags & 2 != 0 { offset += 2 }
        let size = bytes[(bytes.count - 4)...].reversed().reduce(0) { $0 << 8 | Int($1) }
        guard offset < bytes.count - 8 else { throw NotGzip() }
        return try ZLib.inflate(bytes[offset..<(bytes.count - 8)], limit: size)
    }

    static func story(_ page: Page) throws -> Story {
        // The page alone, as `newsconv page.html` reads it (no --base-url).
        try HTMLReader().read(page.html, context: ReadContext(sourceName: page.key + ".html")).stories.first ?? Story()
    }

    @Test("tally against the hand-made article text", .enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func tally() throws {
        let pages = try Self.pages()
        #expect(pages.count == 61, "expected 61 pages in ../shared/corpus/extraction")
        var scores: [ShingleScore.Page] = [], withCaptions: [ShingleScore.Page] = []
        for page in pages {
            let story = try Self.story(page)
            scores.append(.init(key: page.key, truth: page.truth, extracted: ShingleScore.articleText(story)))
            withCaptions.append(.init(key: page.key, truth: page.truth, extracted: ShingleScore.articleTextWithCaptions(story)))
        }
        let score = ShingleScore(pages: withCaptions), uncaptioned = ShingleScore(pages: scores)
        var report = "Article extraction vs the benchmark's truth: \(score.summary)\n"
        report += "  figure captions left out of the text: \(uncaptioned.summary)\n  worst pages:\n"
        let urls = Dictionary(uniqueKeysWithValues: pages.map { ($0.key, $0.url) })
        for page in withCaptions.sorted(by: { min($0.precision, $0.recall) < min($1.precision, $1.recall) }).prefix(10) {
            report += String(format: "    P %.3f  R %.3f  ", page.precision, page.recall) + (urls[page.key] ?? page.key) + "\n"
        }
        print(report, terminator: "")
        // Floors at what this version reaches (issue #17's target, 0.975 / 0.96 / 0.98, is not met yet).
        #expect(score.f1 >= 0.970, "F1 \(score.f1)")
        #expect(score.precision >= 0.954, "precision \(score.precision)")
        #expect(score.recall >= 0.985, "recall \(score.recall)")
        #expect(uncaptioned.f1 >= 0.984, "F1 with captions left out \(uncaptioned.f1)")
    }

    /// The scorer itself, on texts whose shingles can be counted by hand.
    @Test func scorerCountsShingles() {
        let page = ShingleScore.Page(key: "a", truth: "one two three four five", extracted: "one two three four six")
        // Truth: (one two three four), (two three four five); extracted: (one two three four), (two three four six).
        #expect(page.tp == 1.0 / 3 && page.fp == 1.0 / 3 && page.fn == 1.0 / 3)
        #expect(page.precision == 0.5 && page.recall == 0.5)
        let empty = ShingleScore.Page(key: "b", truth: "", extracted: "")
        #expect(empty.precision == 1 && empty.recall == 1)
        let short = ShingleScore.Page(key: "c", truth: "Hello, world", extracted: "hello world")
        #expect(short.precision == 0 && short.recall == 0, "case counts, as in the benchmark")
        #expect(ShingleScore.words("naïve café_2 — 東京, 3.5").map { String($0) } == ["naïve", "café_2", "東京", "3", "5"])
        let score = ShingleScore(pages: [page, empty])
        #expect(abs(score.precision - 0.75) < 1e-12 && abs(score.f1 - 0.75) < 1e-12)
    }
}
