import Foundation
import Testing
@testable import NewsConvKit

/// The article finder's furniture rules (issue #17), each on a hand-made page: what a page's
/// markup names furniture, what the text shows to be furniture, and what must stay.
@Suite("HTML reader: furniture left in the article")
struct HTMLReaderBoilerplateTests {
    /// A page whose article is five paragraphs of filler with `inside` among them (after the
    /// second) and `head` above them, with the byline and date in its metadata.
    static func page(head: String = "", inside: String = "", end: String = "", headline: String = "Harbour reopens after storm") -> String {
        let paragraphs = (1...5).map(HTMLReaderTests.paragraph)
        return """
            <!DOCTYPE html><html lang="en"><head><title>\(headline)</title>
            <meta name="author" content="Jane Doe"><meta property="article:published_time" content="2019-11-19T10:48:00Z">
            <meta name="description" content="The harbour reopened on Tuesday after a week of storms.">
            </head><body><div id="main"><article>
            <h1>\(headline)</h1>
            \(head)
            \(paragraphs[0...1].joined(separator: "\n"))
            \(inside)
            \(paragraphs[2...].joined(separator: "\n"))
            \(end)
            </article></div></body></html>
            """
    }

    static func texts(_ story: Story) -> [String] { story.body.map(\.plainText) }

    @Test func boxesNamedFurnitureGo() throws {
        let story = try HTMLReaderTests.read(Self.page(
            inside: """
                <div class="newsletter-signup"><h3>Morning Briefing</h3><p>Get the day's news in your inbox, every morning, for free.</p></div>
                <aside class="recirc"><h3>Read next</h3><p>Another story that is popular today, with a long teaser under it.</p></aside>
                """,
            end: """
                <div class="author-bio"><p>Jane Doe covers the harbour, the port authority and the city's ferries for the Gazette.</p></div>
                """))
        let text = story.plainText
        #expect(!text.contains("inbox") && !text.contains("Morning Briefing"))
        #expect(!text.contains("covers the harbour"))
        #expect(story.body.count == 5, "the five paragraphs stay: \(Self.texts(story))")
    }

    @Test func stateWordsNameNothing() throws {
        // `has-caption` and `hasnt-bio` say what a part holds, not what it is.
        let story = try HTMLReaderTests.read(Self.page(inside: """
            <div class="story-text hasnt-bio"><p>The ferry company said services would resume on Wednesday, weather permitting, and that tickets bought for the cancelled sailings would be honoured.</p></div>
            """))
        #expect(story.plainText.contains("tickets bought for the cancelled sailings"))
    }

    @Test func aStoryNamedLikeFurnitureStays() throws {
        let paragraphs = (1...8).map(HTMLReaderTests.paragraph).joined(separator: "\n")
        let html = """
            <html><head><title>Harbour reopens</title></head><body>
            <nav><a href="/">Home</a></nav>
            <div class="subscriber-content promo">\(paragraphs)</div>
            </body></html>
            """
        let story = try HTMLReaderTests.read(html)
        #expect(story.body.count == 8, "the story is not a promo box because its class says so")
    }

    @Test func looseCaptionBecomesAFigure() throws {
        let story = try HTMLReaderTests.read(Self.page(inside: """
            <div class="photo"><p><img src="https://example.com/pier.jpg" alt="The pier"></p>
            <span class="image-caption">Boats wait at the pier on Monday.</span><span class="image-credit">Photo: Jean Martin</span></div>
            """))
        let figures = story.body.compactMap { block -> Figure? in if case .figure(let figure) = block { figure } else { nil } }
        #expect(figures.count == 1)
        #expect(figures.first?.image?.source == "https://example.com/pier.jpg")
        #expect(figures.first?.caption.plainText == "Boats wait at the pier on Monday.")
        #expect(figures.first?.credit == "Photo: Jean Martin")
        #expect(story.body.count == 6, "five paragraphs and the figure: \(Self.texts(story))")
    }

    @Test func linkLinesAndStoryListsGo() throws {
        let story = try HTMLReaderTests.read(Self.page(
            inside: #"<p><strong>READ MORE:</strong> <a href="/other">Storm closes the harbour for a week as gales batter the coast</a></p>"#,
            end: """
                <h3>More from the Gazette</h3>
                <ul><li><a href="/a">Council votes on the ferry budget</a></li><li>Opinion: <a href="/b">why the pier matters</a></li></ul>
                """))
        let text = story.plainText
        #expect(!text.contains("READ MORE") && !text.contains("Storm closes"))
        #expect(!text.contains("More from the Gazette") && !text.contains("ferry budget"))
        #expect(story.body.count == 5)
    }

    @Test func theHeadAboveTheDateGoes() throws {
        let story = try HTMLReaderTests.read(Self.page(head: """
            <p class="lede-kicker">Harbour traffic resumes after seven days of gales, the port says.</p>
            <p>By Jane Doe</p>
            <p>Published: 10:48, Tue, Nov 19, 2019</p>
            """))
        let text = story.plainText
        #expect(!text.contains("By Jane Doe") && !text.contains("Published"))
        #expect(!text.contains("seven days of gales"))
        #expect(story.metadata.subheadline == "Harbour traffic resumes after seven days of gales, the port says.")
        #expect(story.body.count == 5)
    }

    @Test func aDatelineParagraphStays() throws {
        // A short first line that is not a timestamp or a byline is the story's own.
        let story = try HTMLReaderTests.read(Self.page(head: "<p><em>Portsmouth</em></p>"))
        #expect(story.plainText.hasPrefix("Portsmouth"))
    }

    @Test func pullQuotesAndTablesOfContentsGo() throws {
        let quote = "the harbour is the heart of this town and it has been closed for far too long"
        let story = try HTMLReaderTests.read(Self.page(
            head: """
                <ul><li><a href="#background">Background</a></li><li><a href="#what-next">What next</a></li></ul>
                """,
            inside: """
                <p>The mayor said that \(quote), adding that the council would review the port's storm plans.</p>
                <blockquote>\(quote.prefix(1).uppercased() + quote.dropFirst())</blockquote>
                """))
        #expect(!story.plainText.contains("What next"))
        #expect(!story.body.contains { if case .blockQuote = $0 { true } else { false } })
        #expect(story.plainText.contains("The mayor said that \(quote)"))
    }

    @Test func advertisementLabelsGo() throws {
        let story = try HTMLReaderTests.read(Self.page(inside: "<p>Advertisement</p>"))
        #expect(!story.plainText.contains("Advertisement"))
        #expect(story.body.count == 5)
    }

    @Test func repeatedTextInTheStoryStays() throws {
        // A story may say the same sentence twice; only a highlight above the text goes.
        let line = "<p>Ferries will run every hour from Wednesday, the company said in a statement.</p>"
        let story = try HTMLReaderTests.read(Self.page(inside: line + line))
        #expect(story.body.count == 7)
    }
}
