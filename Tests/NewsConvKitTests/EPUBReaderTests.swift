import Foundation
import Testing
@testable import NewsConvKit

@Suite("EPUB reader")
struct EPUBReaderTests {
    typealias F = EPUBFixtures

    static func message(_ body: () throws -> Void) -> String {
        do { try body() } catch let error as NewsConvError { return error.message } catch { return "\(error)" }
        return "no error"
    }

    /// A minimal EPUB 2 book in the style of older tools: OPF 2 metadata, an NCX, two chapters.
    static func epub2(package: String? = nil, chapter1: String? = nil, chapter2: String? = nil,
                      extra: [(String, String)] = []) throws -> [UInt8] {
        let opf = package ?? """
            <?xml version="1.0" encoding="UTF-8"?>
            <package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="uid">
            <metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
            <dc:title>The Lighthouse Keepers</dc:title>
            <dc:creator opf:role="aut">Rosa Imhof</dc:creator>
            <dc:language>de</dc:language>
            <dc:identifier id="isbn">urn:isbn:0000000000</dc:identifier>
            <dc:identifier id="uid">urn:uuid:0b5a3f7e-1111-4222-8333-444455556666</dc:identifier>
            <dc:date opf:event="modification">2021-05-05</dc:date>
            <dc:date opf:event="publication">2019-04-01</dc:date>
            <dc:publisher>Harbour Books</dc:publisher>
            <dc:rights>All rights reserved</dc:rights>
            <dc:subject>Lighthouses</dc:subject>
            </metadata>
            <manifest>
            <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
            <item id="c2" href="Text/chapter%202.xhtml" media-type="application/xhtml+xml"/>
            <item id="c1" href="Text/chapter1.xhtml" media-type="application/xhtml+xml"/>
            <item id="pic" href="Images/lamp.png" media-type="image/png"/>
            </manifest>
            <spine toc="ncx"><itemref idref="c1"/><itemref idref="c2"/></spine>
            </package>
            """
        return try F.archive([
            ("mimetype", "application/epub+zip"),
            ("META-INF/container.xml", F.container),
            ("OEBPS/content.opf", opf),
            ("OEBPS/Text/chapter1.xhtml", chapter1 ?? """
                <?xml version="1.0" encoding="utf-8"?>
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.1//EN" "http://www.w3.org/TR/xhtml11/DTD/xhtml11.dtd">
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head>
                <body><div class="chapter">
                  <h2>The first night</h2>
                  <p>The lamp was lit
                     at <i>dusk</i>.</p>
                  <p><img src="../Images/lamp.png" alt="The lamp"/></p>
                </div></body></html>
                """),
            ("OEBPS/Text/chapter 2.xhtml", chapter2 ?? """
                <?xml version="1.0" encoding="utf-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Two</title></head>
                <body><h2>The storm</h2><p>Waves broke <b>over</b> the rail.</p></body></html>
                """),
        ] + extra)
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func pandocsEPUBGivesTitleAuthorHeadingsAndParagraphs() throws {
        let (document, warnings) = try F.read(try Corpus.bytes("peers/pandoc-2.17-story.epub"))
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(document.stories.count == 1)
        let story = try #require(document.stories.first)
        let m = story.metadata
        #expect(m.headline == "Militiamen withdraw from US Embassy but Iraq tensions linger")
        #expect(m.bylines == [Byline(name: "Associated Press")])
        #expect(m.language == "en-US")
        #expect(m.published == "2020-01-01")
        #expect(m.id == "urn:uuid:ab9a73a6-1684-49f4-bac0-78aab30e2e59")
        // The title page is skipped and the chapter's own copy of the title is the headline.
        #expect(story.body.count == 5)
        #expect(story.body.first == .paragraph([
            .strong([.text("BAGHDAD (AP)")]),
            .text(" — Iran-backed militiamen have withdrawn from the U.S. Embassy compound in Baghdad after two days of clashes with American security forces."),
        ]))
        #expect(story.body.contains(.heading(level: 2, content: [.text("Deployment")])))
        guard case .list(let list)? = story.body.dropFirst(3).first else {
            Issue.record("expected a list, got \(story.body)")
            return
        }
        #expect(list.items.count == 2)
        #expect(list.isTight)
        guard case .blockQuote(let quote)? = story.body.last else {
            Issue.record("expected a quote")
            return
        }
        #expect(quote.count == 1)
    }

    @Test func aNewsconvBookReadsBackItsStory() throws {
        let (bytes, _) = try F.write(Document(story: F.richStory))
        let (document, warnings) = try F.read(bytes)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(document.stories.count == 1)
        let story = try #require(document.stories.first)
        var expected = F.richStory.metadata
        // Images come back packed, as data: URLs.
        expected.heroImage?.url = DataURL.make(mediaType: "image/png", data: F.redPNG)
        #expect(story.metadata == expected)
        // The body is the same but for the packed images.
        var body = F.richStory.body
        body[5] = .figure(Figure(image: ImageReference(source: DataURL.make(mediaType: "image/png", data: F.redPNG), alt: "A red crane", title: "Crane 4"),
                                 caption: [.text("Crane 4 at the container terminal.")], credit: "Photo: T. Lind"))
        body[7] = .paragraph([.text("The union's logo "), .image(InlineImage(source: DataURL.make(mediaType: "image/png", data: F.bluePNG), alt: [.text("logo")])),
                              .text(" was on every banner.")])
        #expect(story.body.count == body.count)
        for (got, want) in zip(story.body, body) { #expect(got == want) }
    }

    @Test func epubToStoryToEPUBIsStable() throws {
        let edition = Document(metadata: Metadata(headline: "Morning Edition"),
                               stories: [F.richStory, EPUBWriterTests.wire])
        for document in [Document(story: F.richStory), edition] {
            let options = WriteOptions(title: document.stories.count > 1 ? "Morning Edition" : nil)
            let first = try F.read(try F.write(document, options: options).bytes).document
            let secondBytes = try F.write(first, options: options).bytes
            let second = try F.read(secondBytes).document
            #expect(second == first)
            #expect(try F.write(second, options: options).bytes == secondBytes)
        }
    }

    @Test func anEditionGivesOneStoryPerChapterAndEditionMetadata() throws {
        let document = Document(metadata: Metadata(headline: "Morning Edition", provider: "Northwind Wire Service"),
                                stories: [F.richStory, EPUBWriterTests.wire])
        let (bytes, _) = try F.write(document, options: WriteOptions(title: "Morning Edition", cover: "cover.png"))
        let (back, warnings) = try F.read(bytes)
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(back.stories.map(\.metadata.headline) == ["Harbour cranes idle as talks stall", "Glacier loses record ice"])
        #expect(back.metadata.headline == "Morning Edition")
        #expect(back.metadata.provider == "Northwind Wire Service")
        #expect(back.metadata.bylines.map(\.name) == ["Ilse Navarro", "Omar Quist", "Marta Ruiz"])
        #expect(back.stories[1].metadata.bylines == [Byline(name: "Marta Ruiz")])
        #expect(back.stories[1].metadata.provider == "Alpine Press")
        #expect(back.stories[1].body == EPUBWriterTests.wire.body)
    }

    @Test func anEPUB2BookIsOneStoryInSpineOrder() throws {
        let (document, warnings) = try F.read(try Self.epub2().patchingLamp())
        #expect(warnings.isEmpty, "\(warnings)")
        let story = try #require(document.stories.first)
        #expect(document.stories.count == 1)
        #expect(story.metadata.headline == "The Lighthouse Keepers")
        #expect(story.metadata.bylines == [Byline(name: "Rosa Imhof")])
        #expect(story.metadata.language == "de")
        #expect(story.metadata.id == "urn:uuid:0b5a3f7e-1111-4222-8333-444455556666")
        #expect(story.metadata.published == "2019-04-01")
        #expect(story.metadata.provider == "Harbour Books")
        #expect(story.metadata.copyrightNotice == "All rights reserved")
        #expect(story.metadata.subjects == [Subject(name: "Lighthouses")])
        #expect(story.body == [
            .heading(level: 2, content: [.text("The first night")]),
            .paragraph([.text("The lamp was lit"), .softBreak, .text("at "), .emphasis([.text("dusk")]), .text(".")]),
            // `<p><img/></p>`: a paragraph holding an image, as the book has it.
            .paragraph([.image(InlineImage(source: DataURL.make(mediaType: "image/png", data: F.redPNG), alt: [.text("The lamp")]))]),
            .heading(level: 2, content: [.text("The storm")]),
            .paragraph([.text("Waves broke "), .strong([.text("over")]), .text(" the rail.")]),
        ])
    }

    /// Chapters are clean XHTML, read whole: top-level headings stay, task lists keep their
    /// boxes, and a chapter that is only a picture is kept.
    @Test func chaptersAreReadWholeNotAsWebPages() throws {
        let chapter1 = """
            <?xml version="1.0" encoding="utf-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>One</title></head>
            <body><h1>Part one of the long voyage</h1><p>Short.</p>
            <ul><li><input type="checkbox" checked="checked" disabled="disabled"/> Trim the wick</li>
            <li><input type="checkbox" disabled="disabled"/> Log the weather</li></ul></body></html>
            """
        let chapter2 = """
            <?xml version="1.0" encoding="utf-8"?>
            <html xmlns="http://www.w3.org/1999/xhtml"><head><title>Two</title></head>
            <body><div><img src="../Images/lamp.png" alt="The lamp"/></div></body></html>
            """
        let (document, warnings) = try F.read(try Self.epub2(chapter1: chapter1, chapter2: chapter2).patchingLamp())
        #expect(warnings.isEmpty, "\(warnings)")
        #expect(document.stories.first?.body == [
            .heading(level: 1, content: [.text("Part one of the long voyage")]),
            .paragraph([.text("Short.")]),
            .list(ListBlock(kind: .bullet(marker: "-"), items: [
                ListItem(checked: true, blocks: [.paragraph([.text("Trim the wick")])]),
                ListItem(checked: false, blocks: [.paragraph([.text("Log the weather")])]),
            ])),
            .figure(Figure(image: ImageReference(source: DataURL.make(mediaType: "image/png", data: F.redPNG), alt: "The lamp"))),
        ])
    }

    @Test func aMissingImageFallsBackToItsAltText() throws {
        let (document, warnings) = try F.read(try Self.epub2())
        #expect(document.stories.first?.body.dropFirst(2).first == .paragraph([.text("The lamp")]))
        #expect(warnings.contains { $0.contains("OEBPS/Images/lamp.png is missing") })
    }

    @Test func missingPackageFilesGiveClearErrors() throws {
        let noContainer = try F.archive([("mimetype", "application/epub+zip"), ("OEBPS/content.opf", "<package/>")])
        #expect(Self.message { _ = try F.read(noContainer) } == "not an EPUB: META-INF/container.xml is missing")

        let noPackage = try F.archive([("mimetype", "application/epub+zip"), ("META-INF/container.xml", F.container)])
        #expect(Self.message { _ = try F.read(noPackage) } == "the package document OEBPS/content.opf named by META-INF/container.xml is missing")

        let badContainer = try F.archive([("META-INF/container.xml", "<container><rootfiles>")])
        #expect(Self.message { _ = try F.read(badContainer) }.hasPrefix("META-INF/container.xml: "))

        var bytes = try Self.epub2()
        let archive = try ZIPArchive(bytes)
        let files = try archive.entries.filter { $0.name != "OEBPS/Text/chapter1.xhtml" }
            .map { ($0.name, String(decoding: try archive.contents(of: $0), as: UTF8.self)) }
        bytes = try F.archive(files)
        #expect(Self.message { _ = try F.read(bytes) } == "OEBPS/Text/chapter1.xhtml is in the spine but missing from the archive")

        let emptySpine = try Self.epub2(package: """
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/><manifest/><spine/></package>
            """)
        #expect(Self.message { _ = try F.read(emptySpine) }.contains("the spine lists no content documents"))
    }

    @Test func pathsThatLeaveTheContainerAreRejected() throws {
        let climbing = try F.archive([
            ("mimetype", "application/epub+zip"),
            ("META-INF/container.xml", F.container.replacingOccurrences(of: "OEBPS/content.opf", with: "../../etc/content.opf")),
        ])
        #expect(Self.message { _ = try F.read(climbing) }.contains("lies outside the container"))

        let manifest = try Self.epub2(package: """
            <package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>
            <manifest><item id="c1" href="../../../home/user/secret.xhtml" media-type="application/xhtml+xml"/></manifest>
            <spine><itemref idref="c1"/></spine></package>
            """)
        #expect(Self.message { _ = try F.read(manifest) }.contains("points outside the container"))

        // A zip-slip entry anywhere in the archive refuses the whole book.
        let slip = try F.archive([("mimetype", "application/epub+zip"), ("META-INF/container.xml", F.container),
                                  ("../../.bashrc", "echo owned")])
        #expect(Self.message { _ = try F.read(slip) }.contains("refusing an archive that writes outside its folder"))

        // An image that climbs out is not read; its alt text stands in.
        let image = try Self.epub2().replacingChapter1(with: """
            <html xmlns="http://www.w3.org/1999/xhtml"><body><p>The keeper's notes:</p><p><img src="../../../../etc/passwd" alt="secret"/></p></body></html>
            """)
        let (document, warnings) = try F.read(image)
        #expect(document.stories.first?.body.dropFirst().first == .paragraph([.text("secret")]))
        #expect(warnings.contains { $0.contains("points outside the book") })
    }

    @Test func aZipBombBookFailsFast() throws {
        var zip = ZIPWriter(modified: 0)
        try zip.add("mimetype", Array("application/epub+zip".utf8), method: .stored)
        try zip.add("META-INF/container.xml", Array(F.container.utf8), method: .deflated)
        try zip.addRaw("OEBPS/content.opf", method: .deflated, data: try ZIPTests.zeroBomb(mebibytes: 1024), crc32: 0,
                       uncompressedSize: 1 << 30)
        let bytes = zip.finish()
        let clock = ContinuousClock()
        var message = ""
        let elapsed = clock.measure { message = Self.message { _ = try F.read(bytes) } }
        #expect(message.contains("zip bomb"), "\(message)")
        #expect(elapsed < .milliseconds(500))
    }

    @Test func notAnEPUBGivesAClearError() throws {
        #expect(Self.message { _ = try F.read(Array("Just text.".utf8)) } == "ZIP: not a ZIP archive")
        #expect(Self.message { _ = try F.read([]) }.contains("empty input"))
        let (bytes, _) = try F.write(Document(story: EPUBWriterTests.wire))
        #expect(Self.message { _ = try F.read(Array(bytes.prefix(bytes.count - 30))) }.contains("truncated"))
    }

    @Test func throughTheConverterAnEPUBIsDetectedByContent() throws {
        let (bytes, _) = try F.write(Document(story: EPUBWriterTests.wire))
        let document = try Converter(resources: F.resources).read(bytes: bytes, path: "-")
        #expect(document.stories.first?.metadata.headline == "Glacier loses record ice")
    }
}

extension Array where Element == UInt8 {
    /// The EPUB 2 fixture with `OEBPS/Images/lamp.png` holding the red PNG.
    fileprivate func patchingLamp() throws -> [UInt8] {
        try replacing("OEBPS/Images/lamp.png", with: EPUBFixtures.redPNG)
    }

    /// The EPUB 2 fixture with its first chapter replaced.
    fileprivate func replacingChapter1(with xhtml: String) throws -> [UInt8] {
        try replacing("OEBPS/Text/chapter1.xhtml", with: Array(xhtml.utf8))
    }

    private func replacing(_ name: String, with data: [UInt8]) throws -> [UInt8] {
        let archive = try ZIPArchive(self)
        var zip = ZIPWriter(modified: EPUBFixtures.clock)
        for entry in archive.entries where entry.name != name {
            try zip.add(entry.name, try archive.contents(of: entry), method: entry.name == "mimetype" ? .stored : .deflated)
        }
        try zip.add(name, data, method: .deflated)
        return zip.finish()
    }
}
