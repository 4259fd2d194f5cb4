import Foundation
import Testing
@testable import NewsConvKit

/// Every story of the Examples newsroom through every format that reads and writes: what comes
/// back once must come back the same the second time (nothing drifts), and the formats that
/// carry everything (JSON, Markdown, NewsML-G2) give the story back unchanged the first time.
@Suite("Round trips across formats")
struct CrossFormatRoundTripTests {
    static let storiesDirectory = Corpus.projectRoot.appendingPathComponent("Examples/stories").path

    /// The Examples' stories, by file name.
    static let sources: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: storiesDirectory)) ?? [])
        .filter { name in [".txt", ".md", ".html", ".xml"].contains { name.hasSuffix($0) } }
        .sorted()

    static let formats: [Format] = [.plainText, .markdown, .html, .newsML, .epub, .json]

    static func source(_ name: String) throws -> Document {
        let path = storiesDirectory + "/" + name
        let format = try #require(FormatRegistry.builtIn.format(forPath: path))
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        return try format.requireReader().read(bytes, context: ReadContext(sourceName: name))
    }

    /// Writes and reads back `document` in `format`, with the stories folder for images.
    static func roundTrip(_ document: Document, _ format: Format) throws -> Document {
        let resources = FileResources(baseDirectory: storiesDirectory, fixedTime: 0)
        let bytes = try format.requireWriter().write(document, context: WriteContext(resources: resources))
        return try format.requireReader().read(bytes, context: ReadContext(sourceName: "round-trip", resources: resources))
    }

    @Test func theExamplesAreThere() {
        #expect(Self.sources.count >= 12, "Examples/stories has \(Self.sources.count) stories")
    }

    @Test(arguments: sources)
    func aSecondRoundTripChangesNothing(_ name: String) throws {
        let story = try Self.source(name)
        for format in Self.formats {
            let once = try Self.roundTrip(story, format)
            let twice = try Self.roundTrip(once, format)
            #expect(twice == once, "\(name) through \(format.name) drifts on the second round trip")
        }
    }

    @Test(arguments: sources)
    func jsonGivesTheDocumentBackExactly(_ name: String) throws {
        let document = try Self.source(name)
        #expect(try Self.roundTrip(document, .json) == document)
    }

    /// NewsML-G2 carries every field and block; an item must have a guid, a version and a
    /// version time, so the writer supplies those a story lacks.
    @Test(arguments: sources)
    func newsMLGivesTheStoriesBack(_ name: String) throws {
        let document = try Self.source(name)
        var back = try Self.roundTrip(document, .newsML)
        #expect(back.stories.count == document.stories.count)
        for (index, original) in document.stories.enumerated() where index < back.stories.count {
            if original.metadata.id == nil { back.stories[index].metadata.id = nil }
            if original.metadata.version == nil { back.stories[index].metadata.version = nil }
            if original.metadata.extra["versionCreated"] == nil { back.stories[index].metadata.extra["versionCreated"] = nil }
            #expect(back.stories[index] == original, "\(name), story \(index + 1)")
        }
    }

    /// Markdown keeps a story's metadata in its front matter (figures become an image and a
    /// caption paragraph, which the second-round-trip test covers).
    @Test(arguments: sources)
    func markdownKeepsTheMetadata(_ name: String) throws {
        let document = try Self.source(name)
        guard document.stories.count == 1 else { return }
        let back = try Self.roundTrip(document, .markdown)
        var expected = document.stories[0].metadata
        expected.fillGaps(from: document.metadata)
        #expect(back.stories.first?.metadata == expected)
    }

    /// The body alone as HTML (`--fragment`) reads back as the same blocks.
    @Test(arguments: sources)
    func anHTMLFragmentGivesTheBodyBack(_ name: String) throws {
        let document = try Self.source(name)
        for story in document.stories {
            let html = try Format.html.requireWriter().write(Document(story: Story(body: story.body)),
                                                            context: WriteContext(options: WriteOptions(standalone: false)))
            let back = try Format.html.requireReader().read(html, context: ReadContext(sourceName: "fragment"))
            #expect(back.stories.first?.body == story.body, "\(name): \(story.metadata.headline ?? "")")
        }
    }


    /// An EPUB keeps each story's metadata (the book must have an identifier and a language, so
    /// the writer supplies those; the hero picture comes back packed, or not at all when it
    /// could not be found, which the writer reports).
    @Test(arguments: sources)
    func epubKeepsTheMetadata(_ name: String) throws {
        let document = try Self.source(name)
        let back = try Self.roundTrip(document, .epub)
        #expect(back.stories.count == document.stories.count)
        for (index, original) in document.stories.enumerated() where index < back.stories.count {
            var expected = original.metadata
            if document.stories.count == 1 { expected.fillGaps(from: document.metadata) }
            var got = back.stories[index].metadata
            if expected.id == nil { got.id = nil }
            if expected.language == nil { got.language = nil }
            expected.heroImage = nil
            got.heroImage = nil
            #expect(got == expected, "\(name), story \(index + 1)")
        }
    }

}
