import Foundation
import Testing
@testable import NewsConvKit

@Suite("AST")
struct ASTTests {
    static let sample = Document(story: Story(
        metadata: Metadata(id: "urn:newsconv:1", version: 2, headline: "Port strike", bylines: [Byline(name: "A. Visser", role: "Reuters")],
                           dateline: Dateline(place: "ROTTERDAM", date: "Nov 24", agency: "Reuters"), language: "en",
                           published: "2020-11-24T09:00:00Z", subjects: [Subject(code: "20000106", scheme: "medtop", name: "economy")],
                           keywords: ["port"], urgency: 3, heroImage: HeroImage(url: "a.jpg", caption: "Cranes"), extra: ["desk": "biz"]),
        body: [
            .heading(level: 2, content: [.text("Talks")]),
            .paragraph([.text("Hello "), .emphasis([.strong([.text("world")])]), .softBreak, .code("x"), .hardBreak,
                        .link(Link(destination: "https://e.com", title: "t", content: [.text("link")])),
                        .image(InlineImage(source: "i.png", alt: [.text("alt")])), .strikethrough([.text("s")]), .rawHTML("<b>")]),
            .blockQuote([.paragraph([.text("q")])]),
            .list(ListBlock(kind: .ordered(start: 3, delimiter: ")"), isTight: false, items: [ListItem(checked: true, blocks: [.paragraph([.text("i")])])])),
            .list(ListBlock(kind: .bullet(marker: "*"), items: [ListItem(blocks: [])])),
            .codeBlock(info: "swift", text: "let x = 1\n"),
            .thematicBreak,
            .table(Table(alignments: [.left, .none], header: [[.text("a")], [.text("b")]], rows: [[[.text("1")], [.text("2")]]])),
            .figure(Figure(image: ImageReference(source: "p.jpg", alt: "p"), caption: [.text("cap")], credit: "AP")),
            .rawHTML("<div></div>"),
        ]))

    @Test func jsonRoundTripIsExact() throws {
        let json = try writeDocument(Self.sample, as: .json)
        let back = try readDocument(json, as: .json)
        #expect(back == Self.sample)
        #expect(try writeDocument(back, as: .json) == json)
    }

    @Test func jsonShapeUsesTypeTags() throws {
        let text = try writeText(Document(story: Story(body: [.paragraph([.text("Hi")])])), as: .json)
        #expect(text.contains("\"type\" : \"paragraph\""))
        #expect(text.contains("\"type\" : \"text\""))
    }

    @Test func badJSONIsAClearError() throws {
        #expect(throws: NewsConvError.self) { try readDocument("{\"stories\": [{\"body\": [{\"type\": \"nope\"}]}]}", as: .json) }
        #expect(throws: NewsConvError.self) { try readDocument("", as: .json) }
        #expect(throws: NewsConvError.self) { try readDocument("{", as: .json) }
    }

    @Test func metadataKeysMapToFields() throws {
        var m = Metadata()
        try m.set("Title", to: "H")
        try m.set("author", to: "Jane Doe")
        try m.set("date", to: "2020-01-01")
        try m.set("keywords", to: "a, b")
        try m.set("dateline", to: "ROTTERDAM, Nov 24 (Reuters)")
        try m.set("mystery", to: "x")
        #expect(m.headline == "H")
        #expect(m.bylines == [Byline(name: "Jane Doe")])
        #expect(m.published == "2020-01-01")
        #expect(m.keywords == ["a", "b"])
        #expect(m.dateline == Dateline(place: "ROTTERDAM", date: "Nov 24", agency: "Reuters"))
        #expect(m.extra["mystery"] == "x")
        #expect(throws: NewsConvError.self) { try m.set("urgency", to: "high") }
    }

    @Test func metadataYAMLRoundTrips() throws {
        let m = Self.sample.stories[0].metadata
        let yaml = MetadataYAML.yaml(for: m)
        #expect(try MetadataYAML.metadata(fromYAML: yaml) == m)
    }

    @Test func badYAMLNamesTheLine() throws {
        do {
            _ = try MetadataYAML.metadata(fromYAML: "title: a\nauthor: [b\n", lineOffset: 1)
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.line != nil)
            #expect(error.message.hasPrefix("YAML front matter"))
        }
        #expect(throws: NewsConvError.self) { try MetadataYAML.metadata(fromYAML: "- a\n- b\n") }
    }

    @Test func timestamps() {
        #expect(Timestamp(secondsSince1970: 0).rawValue == "1970-01-01T00:00:00Z")
        #expect(Timestamp(secondsSince1970: 1_577_836_800).rawValue == "2020-01-01T00:00:00Z")
        #expect(Timestamp("2020-01-01T09:30:00+01:00").isISO8601)
        #expect(Timestamp("2020-01-01").isISO8601)
        #expect(!Timestamp("Nov 24").isISO8601)
    }
}
