import Foundation
import Testing
@testable import NewsConvKit

@Suite("Plain-text wire writer")
struct PlainTextWriterTests {
    static let story = Story(
        metadata: Metadata(headline: "Port strike enters second day", bylines: [Byline(name: "Anneke Visser")],
                           contributors: [Contributor(role: "Editing", name: "Mark Holloway")],
                           dateline: Dateline(place: "ROTTERDAM", date: "Nov 24", agency: "Reuters"),
                           copyrightNotice: "Copyright 2024 Example News.", copyrightHolder: "Example News", signoff: "ab/cd"),
        body: [
            .paragraph([.text("Dock workers extended a strike into a second day on Tuesday, leaving more than forty ships at anchor.")]),
            .heading(level: 2, content: [.text("Talks")]),
            .paragraph([.text("Talks broke down.")]),
            .figure(Figure(caption: [.text("Ships at anchor.")], credit: "Photo by A. Visser")),
        ])

    @Test func wireLayoutWrappedAtColumns() throws {
        let text = try writeText(Document(story: Self.story), as: .plainText, options: WriteOptions(columns: 40))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "Port strike enters second day")
        #expect(text.contains("\nBy Anneke Visser\n"))
        #expect(text.contains("ROTTERDAM, Nov 24 (Reuters) - Dock"))
        #expect(text.contains("\n- Talks -\n"))
        #expect(text.contains("(Editing by Mark Holloway)"))
        #expect(text.hasSuffix("ab/cd\n"))
        #expect(lines.allSatisfy { $0.count <= 40 })
    }

    @Test func readingTheOutputGivesTheSameStory() throws {
        let text = try writeDocument(Document(story: Self.story), as: .plainText)
        let back = try readDocument(text, as: .plainText)
        #expect(back.stories == [Self.story])
    }

    @Test func severalStoriesRoundTrip() throws {
        var second = Self.story
        second.metadata.headline = "Second story"
        let document = Document(stories: [Self.story, second])
        let back = try readDocument(try writeDocument(document, as: .plainText), as: .plainText)
        #expect(back.stories == document.stories)
    }

    /// Sluglines the reader knows come back, AP's versioned form included; others are reported.
    @Test func sluglinesRoundTrip() throws {
        for slug in ["BC-US--Port-Strike,1st Ld-Writethru", "NETHERLANDS-PORTS/STRIKE"] {
            var story = Self.story
            story.metadata.slugline = slug
            let back = try readDocument(try writeDocument(Document(story: story), as: .plainText), as: .plainText)
            #expect(back.stories == [story], "\(slug)")
        }
        var story = Self.story
        story.metadata.slugline = "port strike"
        let diagnostics = Diagnostics()
        _ = try Format.plainText.requireWriter().write(Document(story: story), context: WriteContext(diagnostics: diagnostics))
        #expect(diagnostics.warnings.contains { $0.message.contains("the slugline \"port strike\"") })
    }

    @Test func lostContentIsReported() throws {
        let story = Story(metadata: Metadata(headline: "H", keywords: ["k"]),
                          body: [.paragraph([.link(Link(destination: "https://e.com", content: [.text("site")]))])])
        let diagnostics = Diagnostics()
        let bytes = try Format.plainText.requireWriter().write(Document(story: story), context: WriteContext(diagnostics: diagnostics))
        #expect(String(decoding: bytes, as: UTF8.self).contains("site <https://e.com>"))
        let message = try #require(diagnostics.warnings.first?.message)
        #expect(message.contains("links"))
        #expect(message.contains("keywords"))
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage), arguments: Corpus.stories)
    func corpusStoryRoundTrips(path: String) throws {
        let first = try readDocument(try Corpus.bytes(path), as: .plainText)
        let text = try writeDocument(first, as: .plainText)
        let second = try readDocument(text, as: .plainText)
        #expect(second == first, "text → AST → text → AST changed \(path)")
    }
}
