import Foundation
import Testing
@testable import NewsConvKit

@Suite("NewsML-G2 reader")
struct NewsMLReaderTests {
    // MARK: Round trips

    @Test func xhtmlRoundTripKeepsEveryFieldAndTheBody() throws {
        let (bytes, _) = try NewsMLFixtures.write(Document(story: NewsMLFixtures.richStory), markup: .xhtml)
        let (back, warnings) = try NewsMLFixtures.read(bytes)
        #expect(warnings.isEmpty)
        #expect(back.metadata.isEmpty)
        let story = try #require(back.stories.first)
        #expect(story.metadata == NewsMLFixtures.richMetadata)
        #expect(story.body.count == NewsMLFixtures.fullBody.count)
        for (read, written) in zip(story.body, NewsMLFixtures.fullBody) { #expect(read == written) }
        #expect(back == Document(story: NewsMLFixtures.richStory))
    }

    @Test func nitfRoundTripKeepsEveryFieldAndTheBodyNITFCanCarry() throws {
        let (bytes, writeWarnings) = try NewsMLFixtures.write(Document(story: NewsMLFixtures.portableStory), markup: .nitf)
        #expect(writeWarnings.isEmpty)
        let story = try #require(try NewsMLFixtures.read(bytes).document.stories.first)
        #expect(story.metadata == NewsMLFixtures.richMetadata)
        for (read, written) in zip(story.body, NewsMLFixtures.portableBody) { #expect(read == written) }
        #expect(story == NewsMLFixtures.portableStory)
    }

    @Test func nitfHeadFillsMetadataContentMetaLacks() throws {
        let (bytes, _) = try NewsMLFixtures.write(Document(story: NewsMLFixtures.portableStory), markup: .nitf)
        var xml = String(decoding: bytes, as: UTF8.self)
        let start = try #require(xml.range(of: "<contentMeta>"))
        let end = try #require(xml.range(of: "</contentMeta>"))
        xml.removeSubrange(start.lowerBound..<end.upperBound)
        let m = try #require(try NewsMLFixtures.read(xml).stories.first).metadata
        #expect(m.headline == NewsMLFixtures.richMetadata.headline)
        #expect(m.subheadline == NewsMLFixtures.richMetadata.subheadline)
        #expect(m.bylines == NewsMLFixtures.richMetadata.bylines)
        #expect(m.dateline == NewsMLFixtures.richMetadata.dateline)
        #expect(m.summary == NewsMLFixtures.richMetadata.summary)
        #expect(m.signoff == NewsMLFixtures.richMetadata.signoff)
    }

    @Test(arguments: NewsMLWriter.BodyMarkup.allCases)
    func messageRoundTripKeepsDocumentMetadataAndEveryStory(markup: NewsMLWriter.BodyMarkup) throws {
        let stories = [
            NewsMLFixtures.portableStory,
            Story(metadata: Metadata(id: "urn:example:2", version: 1, headline: "Second story", language: "de"),
                  body: [.paragraph([.text("Zweiter Text.")])]),
            Story(metadata: Metadata(id: "urn:example:3", version: 2, headline: "Third story"), body: []),
        ]
        let document = Document(metadata: Metadata(id: "urn:example:edition:1", headline: "Morning Edition", language: "en",
                                                   provider: "Example Wire", urgency: 2),
                                stories: stories)
        let (bytes, _) = try NewsMLFixtures.write(document, markup: markup)
        let back = try NewsMLFixtures.read(bytes).document
        #expect(back.metadata == document.metadata)
        #expect(back.stories == stories)
    }

    @Test func aStoryWithoutIdOrDatesKeepsEveryFieldItHad() throws {
        let story = Story(metadata: Metadata(headline: "Plain", bylines: [Byline(name: "A. Writer")]),
                          body: [.paragraph([.text("One.")]), .paragraph([.text("Two.")])])
        let (bytes, _) = try NewsMLFixtures.write(Document(story: story))
        let back = try #require(try NewsMLFixtures.read(bytes).document.stories.first)
        #expect(back.body == story.body)
        #expect(back.metadata.headline == "Plain" && back.metadata.bylines == story.metadata.bylines)
        #expect(back.metadata.id?.hasPrefix("urn:newsconv:") == true)
        #expect(back.metadata.version == 1)
        #expect(back.metadata.extra == ["versionCreated": "2023-11-14T22:13:20Z"])
    }

    /// True when `back` has every field `original` has, with the same value (it may have more,
    /// such as a generated guid).
    private func keepsEveryField(_ original: Metadata, _ back: Metadata) -> Bool {
        var expected = original
        expected.fillGaps(from: back)
        return expected == back
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func theStoriesCorpusRoundTrips() throws {
        let reader = try Format.plainText.requireReader()
        for path in Corpus.stories {
            let document = try reader.read(try Corpus.bytes(path), context: ReadContext(sourceName: path))
            #expect(!document.stories.isEmpty && !document.stories[0].body.isEmpty)
            for markup in NewsMLWriter.BodyMarkup.allCases {
                let back = try NewsMLFixtures.read(try NewsMLFixtures.write(document, markup: markup).bytes).document
                #expect(back.stories.count == document.stories.count, "\(path) [\(markup)]")
                for (read, original) in zip(back.stories, document.stories) {
                    #expect(read.body == original.body, "\(path) [\(markup)]")
                    #expect(keepsEveryField(original.metadata, read.metadata), "\(path) [\(markup)]: \(read.metadata)")
                }
            }
        }
    }

    /// `blocks` without what Markdown can say and HTML cannot: bullet markers, ordered-list
    /// delimiters, the words of a code block's info string after the language; and with link
    /// and image addresses percent-encoded as the CommonMark HTML renderer writes them.
    private func withoutMarkdownPresentation(_ blocks: [Block], imagesAsText: Bool = false) -> [Block] {
        blocks.map { withoutMarkdownPresentation($0, imagesAsText: imagesAsText) }.filter { $0 != .paragraph([]) }
    }

    private func withoutMarkdownPresentation(_ block: Block, imagesAsText: Bool) -> Block {
        switch block {
        case .paragraph(let c): return .paragraph(withoutMarkdownPresentation(c, imagesAsText: imagesAsText))
        case .heading(let level, let c): return .heading(level: level, content: withoutMarkdownPresentation(c, imagesAsText: imagesAsText))
        case .blockQuote(let blocks): return .blockQuote(withoutMarkdownPresentation(blocks, imagesAsText: imagesAsText))
        case .list(let list):
            var copy = list
            switch list.kind {
            case .bullet: copy.kind = .bullet(marker: "-")
            case .ordered(let start, _): copy.kind = .ordered(start: start, delimiter: ".")
            }
            copy.items = list.items.map { ListItem(checked: $0.checked, blocks: withoutMarkdownPresentation($0.blocks, imagesAsText: imagesAsText)) }
            return .list(copy)
        case .codeBlock(let info, let text):
            return .codeBlock(info: info.split(separator: " ").first.map(String.init) ?? "", text: text)
        case .table(let table):
            var copy = table
            copy.header = table.header.map { withoutMarkdownPresentation($0, imagesAsText: imagesAsText) }
            copy.rows = table.rows.map { $0.map { withoutMarkdownPresentation($0, imagesAsText: imagesAsText) } }
            copy.caption = withoutMarkdownPresentation(table.caption, imagesAsText: imagesAsText)
            return .table(copy)
        case .figure(let figure):
            var copy = figure
            copy.caption = withoutMarkdownPresentation(figure.caption, imagesAsText: imagesAsText)
            if let image = figure.image { copy.image?.source = Self.renderedAddress(image.source) }
            return .figure(copy)
        case .thematicBreak, .rawHTML:
            return block
        }
    }

    private func withoutMarkdownPresentation(_ inlines: [Inline], imagesAsText: Bool = false) -> [Inline] {
        let mapped: [[Inline]] = inlines.map { inline in
            switch inline {
            case .emphasis(let c): return [.emphasis(withoutMarkdownPresentation(c, imagesAsText: imagesAsText))]
            case .strong(let c): return [.strong(withoutMarkdownPresentation(c, imagesAsText: imagesAsText))]
            case .strikethrough(let c): return [.strikethrough(withoutMarkdownPresentation(c, imagesAsText: imagesAsText))]
            case .link(let link):
                return [.link(Link(destination: Self.renderedAddress(link.destination), title: link.title,
                                   content: withoutMarkdownPresentation(link.content, imagesAsText: imagesAsText)))]
            case .image(let image):
                // HTML's alt is plain text; NITF has no inline images and keeps the alt text.
                if imagesAsText { return withoutMarkdownPresentation(image.alt, imagesAsText: true) }
                let alt = image.alt.plainText
                return [.image(InlineImage(source: Self.renderedAddress(image.source), title: image.title,
                                           alt: alt.isEmpty ? [] : [.text(alt)]))]
            case .text, .code, .softBreak, .hardBreak, .rawHTML:
                return [inline]
            }
        }
        return NewsMLBodyReader.merged(mapped.flatMap { $0 })
    }

    /// A link address as the CommonMark renderer percent-encodes it.
    private static func renderedAddress(_ url: String) -> String {
        Escaping.href(url).replacing("&amp;", with: "&").replacing("&#x27;", with: "'")
    }

    @Test(.enabled(if: Corpus.isAvailable && Format.markdown.reader != nil, "SKIPPED: needs ../shared/corpus and the Markdown reader"))
    func theCommonMarkExamplesRoundTrip() throws {
        // Every example without raw HTML comes back with the same body in both markups, apart
        // from Markdown-only presentation; two examples put a tab or line breaks into a text
        // with character references (`&#9;foo`, `foo&#10;&#10;bar`), which markup reads as
        // indentation and a soft break.
        let reader = try Format.markdown.requireReader()
        var exact = 0, same = 0, total = 0
        for example in try NewsMLSchemaTests.commonMarkExamples("commonmark/commonmark-spec-0.31.2.txt") {
            let body = try reader.read(Array(example.markdown.utf8), context: ReadContext()).stories.first?.body ?? []
            guard !body.contains(where: \.containsRawHTML) else { continue }
            total += 1
            for markup in NewsMLWriter.BodyMarkup.allCases {
                let back = try NewsMLFixtures.read(try NewsMLFixtures.write(Document(story: Story(body: body)), markup: markup).bytes)
                    .document.stories.first?.body ?? []
                if back == body { exact += 1 }
                let nitf = markup == .nitf
                if withoutMarkdownPresentation(back, imagesAsText: nitf) == withoutMarkdownPresentation(body, imagesAsText: nitf) {
                    same += 1
                } else if !example.markdown.contains("&#9;") && !example.markdown.contains("&#10;") {
                    Issue.record("[\(markup)] \(example.markdown)\n\(body)\n\(back)")
                }
            }
        }
        #expect(total > 550)
        #expect(same == 2 * total - 4)
        print("CommonMark examples without raw HTML: \(total); round trips identical \(exact)/\(2 * total), identical but for Markdown presentation \(same)/\(2 * total)")
    }

    @Test(.enabled(if: Corpus.isAvailable && Format.html.reader != nil, "SKIPPED: needs ../shared/corpus and the HTML reader"))
    func theHTMLCorpusRoundTrips() throws {
        // Bodies come back identical (NITF: inline images as their text); metadata keeps every
        // field, with dates in ISO 8601 form (`2016-02-01 01:28:49` → `2016-02-01T01:28:49`).
        let reader = try Format.html.requireReader()
        var documents = 0
        for page in Corpus.list("html") where !page.hasSuffix(".txt") {
            for file in ["source.html", "expected.html"] {
                let path = "html/\(page)/\(file)"
                let document = try reader.read(try Corpus.bytes(path), context: ReadContext(sourceName: path))
                var original = try #require(document.stories.first)
                for field in [\Metadata.created, \.modified, \.published, \.embargo] {
                    if let date = original.metadata[keyPath: field], let iso = NewsMLDates.truncatedDateTime(date) {
                        original.metadata[keyPath: field] = Timestamp(iso)
                    }
                }
                documents += 1
                for markup in NewsMLWriter.BodyMarkup.allCases {
                    let back = try #require(try NewsMLFixtures.read(try NewsMLFixtures.write(document, markup: markup).bytes).document.stories.first)
                    if markup == .xhtml {
                        #expect(back.body == original.body, "\(path)")
                    } else {
                        #expect(withoutMarkdownPresentation(back.body, imagesAsText: true)
                            == withoutMarkdownPresentation(original.body, imagesAsText: true), "\(path) [nitf]")
                    }
                    #expect(keepsEveryField(original.metadata, back.metadata), "\(path) [\(markup)]")
                }
            }
        }
        #expect(documents >= 60)
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func rawHTMLRoundTripsOnceConverted() throws {
        // Raw HTML becomes XHTML and, on reading, AST nodes where it maps; from then on a round
        // trip changes nothing, except that link and image addresses come back percent-encoded
        // as the CommonMark renderer writes them (`ö.html` → `%C3%B6.html`), after which they
        // are stable too.
        let examples = try NewsMLSchemaTests.commonMarkExamples("commonmark/commonmark-spec-0.31.2.txt")
        var exact = 0
        for (index, example) in examples.enumerated() {
            let document = Document(story: Story(metadata: Metadata(id: "e\(index)", version: 1), body: [.rawHTML(example.html)]))
            let once = try NewsMLFixtures.read(try NewsMLFixtures.write(document).bytes).document
            let twice = try NewsMLFixtures.read(try NewsMLFixtures.write(once).bytes).document
            let thrice = try NewsMLFixtures.read(try NewsMLFixtures.write(twice).bytes).document
            #expect(twice == thrice, "CommonMark example \(index + 1): \(example.html)")
            if !example.html.contains("href=") && !example.html.contains("src=") {
                #expect(once == twice, "CommonMark example \(index + 1): \(example.html)")
                exact += 1
            }
        }
        #expect(exact > 500)
    }

    // MARK: Other providers' NewsML-G2

    @Test func multilingualNamesPreferTheItemLanguage() throws {
        let xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35" xml:lang="de">
              <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:EXA"/><versionCreated>2020-01-01T00:00:00Z</versionCreated>
                <title>LOHN-RUNDE</title></itemMeta>
              <contentMeta>
                <subject qcode="medtop:20000523"><name xml:lang="en-GB">labour market</name><name xml:lang="de">Arbeitsmarkt</name></subject>
                <subject uri="http://cv.iptc.org/newscodes/mediatopic/04000000"><name xml:lang="en">economy</name></subject>
                <genre qcode="genre:interview"/>
                <located type="cptype:city" qcode="geo:345678"><name xml:lang="en">Munich</name><name xml:lang="de-DE">München</name></located>
                <headline>Lohnrunde</headline>
              </contentMeta>
            </newsItem>
            """
        let m = try #require(try NewsMLFixtures.read(xml).stories.first).metadata
        #expect(m.language == "de")
        #expect(m.subjects == [Subject(code: "20000523", scheme: "medtop", name: "Arbeitsmarkt"),
                               Subject(code: "04000000", scheme: "http://cv.iptc.org/newscodes/mediatopic/", name: "economy")])
        #expect(m.subjects[0].qcode == "medtop:20000523")
        #expect(m.genre == "genre:interview")
        #expect(m.provider == "nprov:EXA")
        #expect(m.located == "München")
        #expect(m.headline == "Lohnrunde" && m.subheadline == nil)
        #expect(m.extra["versionCreated"] == "2020-01-01T00:00:00Z")
    }

    @Test func foreignXHTMLBodiesMapOntoTheAST() throws {
        let xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35">
              <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>
              <contentSet><inlineXML contenttype="application/xhtml+xml">
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>
                <body><div class="story">
                  <h1>Big   news</h1>
                  <p>It <i>really</i> <b>happened</b>, <del>maybe</del>.
                     Then <a href="https://e.example/">more</a><br/>
                     after a break.</p>
                  <figure><img src="p.jpg" alt="A photo"/><figcaption><p>Caption</p></figcaption></figure>
                  <dl><dt>Term</dt><dd>Meaning</dd></dl>
                  <p>H<sub>2</sub>O</p>
                  <pre>  keep   this
            </pre>
                </div></body></html>
              </inlineXML></contentSet>
            </newsItem>
            """
        let body = try #require(try NewsMLFixtures.read(xml).stories.first).body
        #expect(body == [
            .heading(level: 1, content: [.text("Big   news")]),
            .paragraph([.text("It "), .emphasis([.text("really")]), .text(" "), .strong([.text("happened")]), .text(", "),
                        .strikethrough([.text("maybe")]), .text("."), .softBreak, .text("Then "),
                        .link(Link(destination: "https://e.example/", content: [.text("more")])), .hardBreak, .text("after a break.")]),
            .figure(Figure(image: ImageReference(source: "p.jpg", alt: "A photo"), caption: [.text("Caption")])),
            .rawHTML("<dl><dt>Term</dt><dd>Meaning</dd></dl>"),
            .paragraph([.text("H"), .rawHTML("<sub>2</sub>"), .text("O")]),
            .codeBlock(info: "", text: "  keep   this\n"),
        ])
    }

    @Test func plainInlineDataBecomesParagraphs() throws {
        let xml = """
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35">
              <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>
              <contentSet><inlineData contenttype="text/plain">First line
            continues here.

            Second &amp; last.</inlineData></contentSet>
            </newsItem>
            """
        let body = try #require(try NewsMLFixtures.read(xml).stories.first).body
        #expect(body == [.paragraph([.text("First line"), .softBreak, .text("continues here.")]),
                         .paragraph([.text("Second & last.")])])
    }

    @Test func aPackageLedMessageKeepsTextItemsAndAttachesTheirPicture() throws {
        let xml = """
            <newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
              <header><sent>2020-01-01T10:00:00Z</sent><sender>wire.example</sender><transmitId>T-1</transmitId><priority>3</priority></header>
              <itemSet>
                <packageItem guid="P" standard="NewsML-G2" standardversion="2.35">
                  <itemMeta><itemClass qcode="ninat:composite"/><provider literal="unknown"/><versionCreated>2020-01-01T10:00:00Z</versionCreated></itemMeta>
                  <contentMeta><headline>Top stories</headline></contentMeta>
                  <groupSet root="G1"><group id="G1"><itemRef residref="T"/><itemRef residref="PIC"/></group></groupSet>
                </packageItem>
                <newsItem guid="T" standard="NewsML-G2" standardversion="2.35">
                  <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2020-01-01T10:00:00Z</versionCreated></itemMeta>
                  <contentMeta><headline>Flood waters recede</headline></contentMeta>
                  <contentSet><inlineXML><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Text.</p></body></html></inlineXML></contentSet>
                </newsItem>
                <newsItem guid="PIC" standard="NewsML-G2" standardversion="2.35">
                  <itemMeta><itemClass qcode="ninat:picture"/><provider literal="x"/><versionCreated>2020-01-01T10:00:00Z</versionCreated></itemMeta>
                  <contentMeta><headline>Flooded street</headline><creditline>Photo: A. Lens</creditline>
                    <description role="drol:caption">Water in the old town.</description></contentMeta>
                  <contentSet><remoteContent href="small.jpg" width="80"/><remoteContent href="big.jpg" width="1500"/></contentSet>
                </newsItem>
                <newsItem guid="VID" standard="NewsML-G2" standardversion="2.35">
                  <itemMeta><itemClass qcode="ninat:video"/><provider literal="x"/><versionCreated>2020-01-01T10:00:00Z</versionCreated></itemMeta>
                </newsItem>
              </itemSet>
            </newsMessage>
            """
        let (document, warnings) = try NewsMLFixtures.read(Array(xml.utf8))
        #expect(document.metadata == Metadata(id: "P", headline: "Top stories", provider: "wire.example", urgency: 3))
        #expect(document.stories.count == 1)
        let story = try #require(document.stories.first)
        #expect(story.metadata.headline == "Flood waters recede")
        #expect(story.body == [.paragraph([.text("Text.")])])
        #expect(story.metadata.heroImage == HeroImage(url: "big.jpg", caption: "Water in the old town.", credit: "Photo: A. Lens",
                                                      alt: "Flooded street"))
        #expect(warnings.contains { $0.contains("video") })
    }

    // MARK: IPTC examples

    /// Each IPTC example: its text stories' headlines and body paragraph counts.
    static let iptcExamples: [(file: String, headlines: [String?], paragraphs: [Int])] = [
        ("LISTING_1_A_NewsML-G2_News_Item.xml", ["Fed to halt QE to avert \"bubble\""], [0]),
        ("LISTING_2_NewsML-G2_Text_Document.xml", ["Fed to halt QE to avert \"bubble\""], [2]),
        ("LISTING_22_Sports_story_in_NewsML-G2NITF.xml",
         ["Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."], [6]),
        ("LISTING_24_News_Message_conveying_a_complete_News_Package.xml", [nil, nil, nil, nil], [0, 0, 0, 0]),
        ("LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml",
         ["Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."], [1]),
        ("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml", [nil], [0]),
        ("LISTING_3_Photo_in_NewsML-G2.xml", ["Variety Of Recessionary Forces Leave Las Vegas Economy Scarred"], [0]),
        ("LISTING_6_Simple_NewsML-G2_Package.xml", ["Obama annonce son équipe"], [0]),
        ("ap_metadata_example.xml", [nil], [0]),
    ]

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage), arguments: iptcExamples.map(\.file))
    func readsEveryIPTCExample(file: String) throws {
        let expected = try #require(Self.iptcExamples.first { $0.file == file })
        let document = try NewsMLFixtures.read(try Corpus.bytes("newsml-g2/examples/" + file)).document
        #expect(document.stories.map(\.metadata.headline) == expected.headlines)
        #expect(document.stories.map { $0.body.filter { if case .paragraph = $0 { true } else { false } }.count } == expected.paragraphs)
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func iptcExampleDetails() throws {
        func read(_ file: String) throws -> Document { try NewsMLFixtures.read(try Corpus.bytes("newsml-g2/examples/" + file)).document }
        let item = try read("LISTING_1_A_NewsML-G2_News_Item.xml").stories[0].metadata
        #expect(item.id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED" && item.version == 11 && item.language == "en-GB")
        #expect(item.subjects.map(\.qcode) == ["medtop:04000000", "medtop:20000523"])
        #expect(item.subjects.map(\.name) == ["economy, business and finance", "labour market"])
        #expect(item.located == "Berlin" && item.genre == "Interview" && item.slugline == "US-Finance-Fed")
        #expect(item.embargo == "2018-10-23T12:00:00Z" && item.published == "2016-10-18T13:12:21-05:00")
        #expect(item.provider == "nprov:REUTERS" && item.copyrightHolder == "Example Enews LLP")

        let nitf = try read("LISTING_2_NewsML-G2_Text_Document.xml").stories[0]
        #expect(nitf.metadata.bylines == [Byline(name: "Meredith Jameson")])
        guard case .paragraph(let first)? = nitf.body.first else { Issue.record("no paragraph"); return }
        #expect(first.plainText.hasPrefix("(New York, NY - October 21) Et, sent luptat"))

        let sports = try read("LISTING_22_Sports_story_in_NewsML-G2NITF.xml").stories[0].metadata
        #expect(sports.summary?.hasPrefix("A pair of teams coming off big weekend sweeps will square off") == true)
        #expect(sports.slugline == "AAV!PREVIEW-ARI-PHI")

        let located = try read("LISTING_28_Illustrating_Located_Subject_and_Dateline.xml").stories[0].metadata
        #expect(located.dateline?.agency == "Reuters" && located.located == "city:Moscow")

        let photo = try read("LISTING_3_Photo_in_NewsML-G2.xml").stories[0]
        guard case .figure(let figure)? = photo.body.first else { Issue.record("no figure"); return }
        #expect(figure.image?.source == "./GYI0062134533.jpg" && figure.credit == "Getty Images")
        #expect(figure.caption.plainText.hasPrefix("A general view of part of downtown"))
        #expect(photo.metadata.subjects.first { $0.code == "20000523" }?.name == "labour market")

        let message = try read("LISTING_24_News_Message_conveying_a_complete_News_Package.xml")
        #expect(message.metadata.id == "tag:reuters.com,2016:newsml_OVE48850O-PKG" && message.metadata.urgency == 4)
        #expect(message.stories.map(\.metadata.id) == ["N1", "N2", "N3", "N4"])
    }

    // MARK: Safety and errors

    @Test func externalEntitiesAreNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-xxe-\(getpid()).txt")
        try "TOP-SECRET-PAYLOAD".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE newsItem [
              <!ENTITY xxe SYSTEM "\(secret.absoluteString)">
              <!ENTITY % remote SYSTEM "\(secret.absoluteString)">
              %remote;
            ]>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35">
              <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>
              <contentMeta><headline>Leak: &xxe;</headline></contentMeta>
              <contentSet><inlineData>&xxe;</inlineData></contentSet>
            </newsItem>
            """
        do {
            let document = try NewsMLFixtures.read(xml)
            let json = String(decoding: try writeDocument(document, as: .json), as: UTF8.self)
            #expect(!json.contains("TOP-SECRET-PAYLOAD"))
        } catch let error as NewsConvError {
            #expect(error.kind == .badInput)
            #expect(!error.message.contains("TOP-SECRET-PAYLOAD"))
        }
        let dtd = """
            <?xml version="1.0"?>
            <!DOCTYPE newsItem SYSTEM "\(secret.absoluteString)">
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35"/>
            """
        let document = try NewsMLFixtures.read(dtd)
        #expect(!String(decoding: try writeDocument(document, as: .json), as: UTF8.self).contains("TOP-SECRET-PAYLOAD"))
    }

    @Test func billionLaughsIsNotExpanded() throws {
        var entities = "<!ENTITY lol0 \"lol\">"
        for i in 1...12 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE newsItem [\(entities)]>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35">
              <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>
              <contentMeta><headline>&lol12;</headline></contentMeta>
              <contentSet><inlineData>&lol12;&lol12;</inlineData></contentSet>
            </newsItem>
            """
        let clock = ContinuousClock()
        let start = clock.now
        do {
            let document = try NewsMLFixtures.read(xml)
            let size = try writeDocument(document, as: .json).count
            #expect(size < 10_000)
        } catch let error as NewsConvError {
            #expect(error.kind == .badInput)
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test func malformedXMLIsAnErrorWithLineAndColumn() throws {
        let xml = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\">\n  <itemMeta>\n    <headline>Oops</itemMeta>\n</newsItem>\n"
        do {
            _ = try NewsMLFixtures.read(xml)
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.kind == .badInput)
            #expect(error.line == 3)
            #expect(error.column != nil)
        }
        let converter = Converter(resources: InMemoryResources())
        #expect(throws: NewsConvError.self) { try converter.read(bytes: Array(xml.utf8), path: "bad.xml") }
    }

    @Test func damagedInputGivesADocumentOrAnErrorNeverACrash() throws {
        let message = Document(metadata: Metadata(headline: "Edition"), stories: [NewsMLFixtures.richStory, NewsMLFixtures.portableStory])
        for markup in NewsMLWriter.BodyMarkup.allCases {
            let bytes = try NewsMLFixtures.write(message, markup: markup).bytes
            var outcomes = (documents: 0, errors: 0)
            var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
            for cut in stride(from: 0, to: bytes.count, by: 41) {
                var damaged = Array(bytes[..<cut])
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                if cut % 2 == 0, !damaged.isEmpty { damaged[Int(seed % UInt64(damaged.count))] = UInt8(truncatingIfNeeded: seed >> 33) }
                do {
                    _ = try NewsMLFixtures.read(damaged)
                    outcomes.documents += 1
                } catch let error as NewsConvError {
                    #expect(error.kind == .badInput)
                    outcomes.errors += 1
                }
            }
            #expect(outcomes.errors > 0)
        }
    }

    @Test func otherXMLIsRejectedClearly() throws {
        do {
            _ = try NewsMLFixtures.read("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>")
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.message.contains("<rss> is not a NewsML-G2"))
            #expect(error.line == 2)
        }
        #expect(throws: NewsConvError.self) { try NewsMLFixtures.read("") }
    }
}
