import Foundation
import Testing
@testable import NewsConvKit

@Suite("NewsML-G2 writer")
struct NewsMLWriterTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func oneStoryIsANewsItem() throws {
        let xml = try NewsMLFixtures.writeXML(Document(story: NewsMLFixtures.richStory))
        let item = try #require(xml.root)
        #expect(item.name == "newsItem")
        #expect(item.namespaceURI == "http://iptc.org/std/nar/2006-10-01/")
        #expect(item.attribute("standard") == "NewsML-G2")
        #expect(item.attribute("standardversion") == "2.35")
        #expect(item.attribute("conformance") == "power")
        #expect(item.attribute("guid") == "urn:example:story:port-strike")
        #expect(item.attribute("version") == "3")
        #expect(item.attribute("lang") == "en-GB")
        #expect(item.childNames == ["catalogRef", "catalog", "pubHistory", "rightsInfo", "itemMeta", "contentMeta", "contentSet"])
        #expect(item.element(named: "catalogRef")?.attribute("href")?.hasPrefix("http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_") == true)
        #expect(item.at("catalog/scheme")?.attribute("alias") == "newsconv")
    }

    @Test func metadataGoesWhereTheStandardPutsIt() throws {
        let item = try #require(try NewsMLFixtures.writeXML(Document(story: NewsMLFixtures.richStory)).root)
        #expect(item.at("pubHistory/published/timestamp")?.textContent == "2020-11-24T09:00:00Z")
        #expect(item.at("rightsInfo")?.childNames == ["copyrightHolder", "copyrightNotice", "usageTerms"])
        #expect(item.at("rightsInfo/copyrightHolder/name")?.textContent == "Example Wire Ltd")
        let itemMeta = try #require(item.element(named: "itemMeta"))
        #expect(itemMeta.childNames == ["itemClass", "provider", "versionCreated", "firstCreated", "embargoed", "pubStatus",
                                        "generator", "edNote", "link", "link"])
        #expect(itemMeta.element(named: "itemClass")?.attribute("qcode") == "ninat:text")
        #expect(itemMeta.at("provider/name")?.textContent == "Example Wire")
        #expect(itemMeta.element(named: "versionCreated")?.textContent == "2020-11-24T10:40:00+01:00")
        #expect(itemMeta.element(named: "firstCreated")?.textContent == "2020-11-24T09:00:00Z")
        #expect(itemMeta.element(named: "embargoed")?.textContent == "2020-11-24T12:00:00Z")
        #expect(itemMeta.element(named: "pubStatus")?.attribute("qcode") == "stat:withheld")
        #expect(itemMeta.element(named: "edNote")?.elements.map(\.name) == ["br"])
        let contentMeta = try #require(item.element(named: "contentMeta"))
        #expect(contentMeta.childNames == [
            "urgency", "contentCreated", "contentModified", "located", "creator", "creator", "contributor", "contributor",
            "infoSource", "language", "subject", "subject", "subject", "genre", "keyword", "keyword", "keyword",
            "slugline", "headline", "headline", "dateline", "by", "creditline", "description",
            "contentMetaExtProperty", "contentMetaExtProperty", "contentMetaExtProperty",
        ])
        let subjects = contentMeta.elements(named: "subject")
        #expect(subjects[0].attribute("qcode") == "medtop:20000106")
        #expect(subjects[1].attribute("uri") == "http://cv.iptc.org/newscodes/mediatopic/20000523")
        #expect(subjects[2].attribute("qcode") == nil && subjects[2].at("name")?.textContent == "ports")
        #expect(contentMeta.elements(named: "headline")[1].attribute("role") == "newsconv:subheadline")
        #expect(contentMeta.element(named: "dateline")?.textContent == "ROTTERDAM, Netherlands, Tuesday (Example Wire)")
        #expect(contentMeta.element(named: "dateline")?.elements.map { $0.attribute("class") ?? "" } == ["place", "date", "agency"])
        #expect(contentMeta.element(named: "by")?.textContent == "By Anneke Visser, Port correspondent and Tom Berger")
        #expect(contentMeta.element(named: "description")?.attribute("role") == "drol:summary")
        #expect(contentMeta.elements(named: "contentMetaExtProperty").map { $0.attribute("rel") ?? "" }
            == ["newsconv:signoff", "newsconv:extra.desk", "newsconv:extra.story%20type"])
        #expect(contentMeta.element(named: "language")?.attribute("tag") == "en-GB")
    }

    @Test func xhtmlBodyIsTheDefault() throws {
        let item = try #require(try NewsMLFixtures.writeXML(Document(story: NewsMLFixtures.richStory)).root)
        let inline = try #require(item.at("contentSet/inlineXML"))
        #expect(inline.attribute("contenttype") == "application/xhtml+xml")
        let html = try #require(inline.element(named: "html"))
        #expect(html.namespaceURI == "http://www.w3.org/1999/xhtml")
        let body = try #require(html.element(named: "body"))
        #expect(body.childNames.prefix(4) == ["p", "h2", "h3", "blockquote"])
        #expect(body.childNames.contains("table") && body.childNames.contains("figure") && body.childNames.contains("aside"))
    }

    @Test func nitfBodyOnRequest() throws {
        let item = try #require(try NewsMLFixtures.writeXML(Document(story: NewsMLFixtures.richStory), markup: .nitf).root)
        let inline = try #require(item.at("contentSet/inlineXML"))
        #expect(inline.attribute("contenttype") == "application/nitf+xml")
        let nitf = try #require(inline.element(named: "nitf"))
        #expect(nitf.namespaceURI == "http://iptc.org/std/NITF/2006-10-18/")
        let head = try #require(nitf.at("body/body.head"))
        #expect(head.childNames == ["hedline", "byline", "byline", "dateline", "abstract"])
        #expect(head.at("hedline/hl1")?.textContent == "Port strike halts ships in Rotterdam & Antwerp")
        #expect(head.at("hedline/hl2")?.textContent == "Unions and operators meet again on Monday")
        #expect(head.at("byline/person")?.textContent == "Anneke Visser")
        #expect(head.at("byline/byttl")?.textContent == "Port correspondent")
        #expect(head.at("dateline/location")?.textContent == "ROTTERDAM, Netherlands")
        let content = try #require(nitf.at("body/body.content"))
        #expect(content.childNames == ["p", "hl2", "hl2", "bq", "ul", "ol", "ul", "pre", "hr", "table", "media", "media",
                                       "p", "p", "p"])
        #expect(content.elements(named: "hl2")[1].attribute("class") == "level-3")
        let media = content.elements(named: "media")[0]
        #expect(media.attribute("media-type") == "image")
        #expect(media.element(named: "media-reference")?.attribute("source") == "https://example.com/img/cranes.jpg")
        #expect(media.element(named: "media-caption")?.textContent == "Cranes stand idle")
        #expect(media.element(named: "media-producer")?.textContent == "Jan de Vries")
        #expect(nitf.at("body/body.end/tagline")?.textContent == "av/mh")
    }

    @Test func nitfWarnsAboutWhatItCannotCarry() throws {
        let (_, warnings) = try NewsMLFixtures.write(Document(story: NewsMLFixtures.richStory), markup: .nitf)
        #expect(warnings.contains { $0.contains("no inline images") })
        #expect(warnings.contains { $0.contains("raw HTML") })
        let (_, xhtmlWarnings) = try NewsMLFixtures.write(Document(story: NewsMLFixtures.portableStory), markup: .nitf)
        #expect(xhtmlWarnings.isEmpty)
    }

    @Test func severalStoriesAreANewsMessageStampedWithTheClock() throws {
        var second = Story(metadata: Metadata(id: "urn:example:2", headline: "Second"), body: [.paragraph([.text("Two")])])
        second.metadata.language = "de"
        let document = Document(metadata: Metadata(headline: "Morning Edition", provider: "Example Wire"),
                                stories: [NewsMLFixtures.richStory, second])
        let message = try #require(try NewsMLFixtures.writeXML(document).root)
        #expect(message.name == "newsMessage")
        #expect(message.childNames == ["header", "itemSet"])
        #expect(message.at("header/sent")?.textContent == "2023-11-14T22:13:20Z")
        #expect(message.at("header/sender")?.textContent == "Example Wire")
        let items = try #require(message.element(named: "itemSet")).elements
        #expect(items.map(\.name) == ["packageItem", "newsItem", "newsItem"])
        #expect(items[0].at("contentMeta/headline")?.textContent == "Morning Edition")
        #expect(items[0].at("itemMeta/itemClass")?.attribute("qcode") == "ninat:composite")
        #expect(items[0].at("groupSet/group")?.elements(named: "itemRef").map { $0.attribute("residref") ?? "" }
            == ["urn:example:story:port-strike", "urn:example:2"])
        #expect(items[2].attribute("lang") == "de")
    }

    @Test func aMessageWithoutDocumentMetadataHasNoPackage() throws {
        let stories = (1...3).map { Story(metadata: Metadata(headline: "Story \($0)"), body: [.paragraph([.text("Body \($0)")])]) }
        let message = try #require(try NewsMLFixtures.writeXML(Document(stories: stories)).root)
        #expect(message.element(named: "itemSet")?.childNames == ["newsItem", "newsItem", "newsItem"])
    }

    @Test func generatedGuidsAreStableAndDistinct() throws {
        let story = Story(metadata: Metadata(headline: "No id"), body: [.paragraph([.text("Text")])])
        let first = try NewsMLFixtures.writeXML(Document(story: story)).root?.attribute("guid")
        let again = try NewsMLFixtures.writeXML(Document(story: story)).root?.attribute("guid")
        var edited = story
        edited.body = [.paragraph([.text("Other text")])]
        let other = try NewsMLFixtures.writeXML(Document(story: edited)).root?.attribute("guid")
        #expect(first?.hasPrefix("urn:newsconv:") == true)
        #expect(first == again)
        #expect(first != other)
        let twins = try NewsMLFixtures.writeXML(Document(stories: [story, story])).root
        let guids = twins?.element(named: "itemSet")?.elements.compactMap { $0.attribute("guid") } ?? []
        #expect(guids.count == 2 && Set(guids).count == 2)
    }

    @Test func theClockStampsVersionCreatedOnlyWhenTheStoryHasNoDates() throws {
        let dated = try NewsMLFixtures.writeXML(Document(story: Story(metadata: Metadata(headline: "d", published: "2021-03-04"))))
        #expect(dated.root?.at("itemMeta/versionCreated")?.textContent == "2021-03-04T00:00:00")
        #expect(dated.root?.at("pubHistory/published/timestamp")?.textContent == "2021-03-04")
        let undated = try NewsMLFixtures.writeXML(Document(story: Story(metadata: Metadata(headline: "u"))))
        #expect(undated.root?.at("itemMeta/versionCreated")?.textContent == "2023-11-14T22:13:20Z")
        #expect(undated.root?.at("itemMeta/provider")?.attribute("literal") == "unknown")
    }

    @Test func datesAreConvertedToTheSchemaFormats() {
        #expect(NewsMLDates.dateTime("2020-01-02 03:04") == "2020-01-02T03:04:00")
        #expect(NewsMLDates.dateTime("2020-01-02T03:04:05.25+0100") == "2020-01-02T03:04:05.25+01:00")
        #expect(NewsMLDates.dateTime("Wed, 01 Jan 2020 09:30:00 GMT") == "2020-01-01T09:30:00Z")
        #expect(NewsMLDates.dateTime("1 Jan 2020 09:30 -0500") == "2020-01-01T09:30:00-05:00")
        #expect(NewsMLDates.truncatedDateTime("2020-07") == "2020-07")
        #expect(NewsMLDates.truncatedDateTime("2020") == "2020")
        #expect(NewsMLDates.dateTime("2020-07") == nil)
        #expect(NewsMLDates.dateTime("2021-02-29") == nil)
        #expect(NewsMLDates.dateTime("2020-02-29") == "2020-02-29T00:00:00")
        #expect(NewsMLDates.dateTime("2020-01-01T24:00:00Z") == nil)
        #expect(NewsMLDates.dateTime("Nov 24") == nil)
    }

    @Test func valuesTheSchemaCannotTypeAreKeptWithAWarning() throws {
        let story = Story(metadata: Metadata(headline: "h", language: "français (France)", created: "last Tuesday",
                                             embargo: "2020-05", urgency: 0))
        let (bytes, warnings) = try NewsMLFixtures.write(Document(story: story))
        let item = try #require(try XMLDocument.parseXML(bytes).root)
        let relations = item.at("contentMeta")?.elements(named: "contentMetaExtProperty").compactMap { $0.attribute("rel") }
        #expect(Set(relations ?? []) == ["newsconv:field.language", "newsconv:field.created", "newsconv:field.embargo",
                                         "newsconv:field.urgency"])
        #expect(item.attribute("lang") == nil)
        #expect(warnings.count == 4)
        let back = try NewsMLFixtures.read(bytes).document.stories[0].metadata
        #expect(back.language == "français (France)" && back.created == "last Tuesday" && back.embargo == "2020-05" && back.urgency == 0)
    }

    @Test func rawHTMLIsConvertedToWellFormedXHTML() throws {
        let story = Story(body: [
            .rawHTML("<div class=x><p>One<br>two <b>bold</div><script>alert(1)</script><o:p>Word</o:p>"),
            .paragraph([.text("a "), .rawHTML("<span onclick=\"x()\" @click=\"y\">"), .text("b"), .rawHTML("</span>")]),
        ])
        let (bytes, warnings) = try NewsMLFixtures.write(Document(story: story))
        let body = try #require(try XMLDocument.parseXML(bytes).root?.at("contentSet/inlineXML/html/body"))
        let markup = body.outerXML
        #expect(markup.contains("<div class=\"x\"><p>One<br/>two <b>bold</b></p></div>"))
        #expect(!markup.contains("alert"))
        #expect(markup.contains("Word"))
        #expect(markup.contains("<span onclick=\"x()\">b</span>"))
        #expect(!markup.contains("@click"))
        #expect(warnings.contains { $0.contains("without script") })
    }

    @Test func inlineSVGKeepsItsNamespace() throws {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 2\"><linearGradient id=\"g\"/><circle r=\"1\"/></svg>"
        let (bytes, _) = try NewsMLFixtures.write(Document(story: Story(body: [.rawHTML(svg)])))
        let body = try #require(try XMLDocument.parseXML(bytes).root?.at("contentSet/inlineXML/html/body"))
        let element = try #require(body.element(named: "svg"))
        #expect(element.namespaceURI == "http://www.w3.org/2000/svg")
        #expect(element.element(named: "circle")?.namespaceURI == "http://www.w3.org/2000/svg")
        let back = try NewsMLFixtures.read(bytes).document.stories[0].body
        #expect(back == [.rawHTML("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2 2\">"
            + "<linearGradient id=\"g\"></linearGradient><circle r=\"1\"></circle></svg>")])
    }

    @Test func charactersXMLCannotCarryAreDropped() throws {
        let story = Story(metadata: Metadata(headline: "Bell\u{07} and form\u{0C}feed"),
                          body: [.paragraph([.text("tab\tok, bell\u{07} no, \u{FFFE} no")])])
        for markup in NewsMLWriter.BodyMarkup.allCases {
            let bytes = try NewsMLFixtures.write(Document(story: story), markup: markup).bytes
            let item = try XMLDocument.parseXML(bytes).root
            #expect(item?.at("contentMeta/headline")?.textContent == "Bell and formfeed")
            #expect(!String(decoding: bytes, as: UTF8.self).contains("\u{07}"))
        }
    }

    @Test func unknownBodyMarkupIsAUsageError() {
        let context = WriteContext(options: WriteOptions(settings: ["newsml.body": "docbook"]))
        #expect(throws: NewsConvError.self) { try NewsMLWriter().write(Document(story: Story()), context: context) }
    }

    @Test func anEmptyDocumentGivesAnEmptyItemWithAWarning() throws {
        let (bytes, warnings) = try NewsMLFixtures.write(Document(stories: []))
        #expect(try XMLDocument.parseXML(bytes).root?.name == "newsItem")
        #expect(warnings.count == 1)
    }

    @Test func theFormatIsRegistered() throws {
        let format = try #require(FormatRegistry.builtIn.format(named: "newsml"))
        #expect(format.reader is NewsMLReader)
        #expect(format.writer is NewsMLWriter)
        #expect(FormatRegistry.builtIn.format(forPath: "item.xml")?.name == "newsml")
        let written = try NewsMLFixtures.write(Document(story: NewsMLFixtures.richStory)).bytes
        #expect(FormatRegistry.builtIn.format(sniffing: written)?.name == "newsml")
    }
}
