import Foundation
import Testing
@testable import NewsConvKit

@Suite("EPUB writer")
struct EPUBWriterTests {
    typealias F = EPUBFixtures

    static let wire = Story(
        metadata: Metadata(headline: "Glacier loses record ice", bylines: [Byline(name: "Marta Ruiz")], language: "en",
                           published: "2024-10-08", provider: "Alpine Press"),
        body: [.paragraph([.text("The glacier shrank again.")])])

    @Test func aSingleStoryBookHasTheRequiredLayout() throws {
        let (bytes, _) = try F.write(Document(story: F.richStory))
        let archive = try ZIPArchive(bytes)
        #expect(archive.entries.map(\.name) == [
            "mimetype", "META-INF/container.xml", "EPUB/package.opf", "EPUB/nav.xhtml", "EPUB/toc.ncx",
            "EPUB/styles/epub.css", "EPUB/text/title.xhtml", "EPUB/text/story-001.xhtml",
            "EPUB/images/image-001.png", "EPUB/images/image-002.png",
        ])
        #expect(archive.entries[0].method == .stored)
        #expect(Array(bytes[30..<58]) == Array("mimetypeapplication/epub+zip".utf8))
        #expect(try F.text(bytes, "META-INF/container.xml").contains("full-path=\"EPUB/package.opf\""))
        // Every XML file is well-formed.
        for entry in archive.entries where entry.name.hasSuffix(".xhtml") || entry.name.hasSuffix(".opf") || entry.name.hasSuffix(".ncx") || entry.name.hasSuffix(".xml") {
            #expect(throws: Never.self, "\(entry.name)") { _ = try XMLDocument.parseXML(try archive.contents(of: entry)) }
        }
    }

    @Test func packageMetadataComesFromTheStory() throws {
        let (bytes, warnings) = try F.write(Document(story: F.richStory))
        let opf = try F.text(bytes, "EPUB/package.opf")
        for expected in [
            "<dc:identifier id=\"book-id\">urn:newsconv:test:harbour-1</dc:identifier>",
            "<dc:title id=\"title\">Harbour cranes idle as talks stall</dc:title>",
            "<dc:language>en-GB</dc:language>",
            "<dc:creator id=\"creator-1\">Ilse Navarro</dc:creator>",
            "<dc:creator id=\"creator-2\">Omar Quist</dc:creator>",
            "<meta refines=\"#creator-1\" property=\"role\" scheme=\"marc:relators\">aut</meta>",
            "<dc:date>2024-03-03T08:15:00Z</dc:date>",
            "<dc:publisher>Northwind Wire Service</dc:publisher>",
            "<dc:rights>© 2024 Northwind Wire Service</dc:rights>",
            "<dc:subject id=\"subject-1\">economy</dc:subject>",
            "<meta refines=\"#subject-1\" property=\"term\">20000106</meta>",
            "<dc:description>Cranes stand still for a third day.</dc:description>",
            "<meta property=\"dcterms:modified\">2023-11-14T22:13:20Z</meta>",
        ] {
            #expect(opf.contains(expected), "\(expected)")
        }
        #expect(try F.text(bytes, "EPUB/toc.ncx").contains("<meta name=\"dtb:uid\" content=\"urn:newsconv:test:harbour-1\" />"))
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func theTitlePageAndChapterCarryTheStoryHeader() throws {
        let (bytes, _) = try F.write(Document(story: F.richStory))
        let title = try F.text(bytes, "EPUB/text/title.xhtml")
        #expect(title.contains("epub:type=\"titlepage\""))
        #expect(title.contains("<h1 class=\"title\">Harbour cranes idle as talks stall</h1>"))
        #expect(title.contains("<p class=\"subtitle\">Operators and union to meet again on Friday</p>"))
        #expect(title.contains("<span class=\"author\">Ilse Navarro</span>, <span class=\"role\">Staff Writer</span> and <span class=\"author\">Omar Quist</span>"))
        #expect(title.contains("<span class=\"place\">KIEL</span>, <span class=\"date\">March 3</span> (<span class=\"agency\">NWS</span>)"))
        #expect(title.contains("<time datetime=\"2024-03-03T08:15:00Z\">2024-03-03</time>"))
        let chapter = try F.text(bytes, "EPUB/text/story-001.xhtml")
        #expect(chapter.contains("<h1 class=\"headline\">Harbour cranes idle as talks stall</h1>"))
        #expect(chapter.contains("<link rel=\"stylesheet\" type=\"text/css\" href=\"../styles/epub.css\" />"))
        #expect(chapter.contains("lang=\"en-GB\" xml:lang=\"en-GB\""))
        #expect(chapter.contains("<p class=\"signoff\">nws/il</p>"))
        // The body as the HTML renderer writes it, images pointing at their packed copies.
        #expect(chapter.contains("<p>Cranes at the <em>Ostuferhafen</em> stood still on Sunday,\nthe <strong>third</strong>"))
        #expect(chapter.contains("<img src=\"../images/image-001.png\" alt=\"A red crane\" title=\"Crane 4\" />"))
        #expect(chapter.contains("<img src=\"../images/image-002.png\" alt=\"logo\" />"))
        #expect(chapter.contains("<ol start=\"3\">"))
    }

    @Test func tableAlignmentIsWrittenAsStyle() throws {
        let (bytes, _) = try F.write(Document(story: F.richStory))
        let chapter = try F.text(bytes, "EPUB/text/story-001.xhtml")
        #expect(!chapter.contains("align="))
        #expect(chapter.contains("<th style=\"text-align: left\">Item</th>"))
        #expect(chapter.contains("<td style=\"text-align: center\">6%</td>"))
        // A table inside a quote too.
        let quoted = Story(metadata: Metadata(headline: "Quoted", language: "en"), body: [
            .blockQuote([.table(Table(alignments: [.right], header: [[.text("n")]], rows: [[[.text("1")]]]))]),
        ])
        let nested = try F.text(try F.write(Document(story: quoted)).bytes, "EPUB/text/story-001.xhtml")
        #expect(nested.contains("<blockquote>\n<table>"))
        #expect(!nested.contains("align=") && nested.contains("<td style=\"text-align: right\">1</td>"))
    }

    @Test func theThemesEPUBStylesheetIsPacked() throws {
        let (bytes, _) = try F.write(Document(story: Self.wire))
        let css = try F.text(bytes, "EPUB/styles/epub.css")
        #expect(css.contains(Theme.defaultTheme.epubStylesheet))
        var resources = F.resources
        resources.files["extra.css"] = Array("p.deck { color: gray; }".utf8)
        let (withExtra, _) = try F.write(Document(story: Self.wire), options: WriteOptions(stylesheets: ["extra.css"]), resources: resources)
        #expect(try F.text(withExtra, "EPUB/styles/epub.css").hasSuffix("p.deck { color: gray; }\n"))
    }

    @Test func twoRunsGiveTheSameBytesAndTheClockIsHonoured() throws {
        let document = Document(stories: [F.richStory, Self.wire])
        let options = WriteOptions(title: "Morning Edition", cover: "cover.png")
        let first = try F.write(document, options: options).bytes
        #expect(try F.write(document, options: options).bytes == first)
        var later = F.resources
        later.currentTime = F.clock + 3600
        let other = try F.write(document, options: options, resources: later).bytes
        #expect(other != first)
        #expect(try F.text(other, "EPUB/package.opf").contains("2023-11-14T23:13:20Z"))
        // The ZIP entries carry the same clock: 2023-11-14 22:13:20 UTC in DOS fields.
        let (date, time) = ZIPWriter.dosDateTime(F.clock)
        #expect(Array(first[10..<14]) == [UInt8(time & 0xFF), UInt8(time >> 8), UInt8(date & 0xFF), UInt8(date >> 8)])
    }

    @Test func aBookWithoutIdentifierGetsAStableOneFromItsContent() throws {
        func identifier(_ story: Story) throws -> String {
            let opf = try F.text(try F.write(Document(story: story)).bytes, "EPUB/package.opf")
            let start = try #require(opf.range(of: "<dc:identifier id=\"book-id\">")).upperBound
            return String(opf[start...].prefix { $0 != "<" })
        }
        let a = try identifier(Self.wire)
        #expect(a.hasPrefix("urn:uuid:"))
        #expect(a.count == "urn:uuid:".count + 36)
        #expect(try identifier(Self.wire) == a)
        var changed = Self.wire
        changed.body.append(.paragraph([.text("More ice was lost.")]))
        #expect(try identifier(changed) != a)
    }

    @Test func madeIdentifiersAreNameBasedUUIDs() {
        let hex = SHA1.hash(Array("abc".utf8)).map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
        #expect(hex == "a9993e364706816aba3e25717850c26c9cd0d89d")
        // Python: uuid.uuid5(uuid.NAMESPACE_URL, "https://newsconv.invalid/book/abc")
        #expect(StableIdentifier.urn(for: Array("abc".utf8)) == "urn:uuid:c39cc1b0-08ce-59d3-9567-df5c39467718")
    }

    @Test func aMissingLanguageIsDeclaredEnglishWithAWarning() throws {
        var story = Self.wire
        story.metadata.language = nil
        let (bytes, warnings) = try F.write(Document(story: story))
        #expect(try F.text(bytes, "EPUB/package.opf").contains("<dc:language>en</dc:language>"))
        #expect(warnings.contains { $0.contains("no language given") })
        story.metadata.language = "English please"
        let (bad, badWarnings) = try F.write(Document(story: story))
        #expect(try F.text(bad, "EPUB/package.opf").contains("<dc:language>en</dc:language>"))
        #expect(badWarnings.contains { $0.contains("not a language tag") })
    }

    @Test func anEditionHasAChapterPerStoryAContentsPageAndACover() throws {
        var third = Self.wire
        third.metadata.headline = "Ferry timetable changes"
        third.metadata.bylines = [Byline(name: "Ana Lind"), Byline(name: "Bo Ek"), Byline(name: "Cy Fo")]
        let document = Document(metadata: Metadata(headline: "Morning Edition"), stories: [F.richStory, Self.wire, third])
        let (bytes, warnings) = try F.write(document, options: WriteOptions(title: "Morning Edition", cover: "cover.png"))
        let archive = try ZIPArchive(bytes)
        #expect(archive.entries.map(\.name).filter { $0.hasPrefix("EPUB/text/") } == [
            "EPUB/text/cover.xhtml", "EPUB/text/title.xhtml", "EPUB/text/story-001.xhtml",
            "EPUB/text/story-002.xhtml", "EPUB/text/story-003.xhtml",
        ])
        #expect(try archive.contents(of: "EPUB/images/cover.png") == F.bluePNG)
        let opf = try F.text(bytes, "EPUB/package.opf")
        #expect(opf.contains("<dc:title id=\"title\">Morning Edition</dc:title>"))
        #expect(opf.contains("<item id=\"cover-image\" href=\"images/cover.png\" media-type=\"image/png\" properties=\"cover-image\" />"))
        #expect(opf.contains("<meta name=\"cover\" content=\"cover-image\" />"))
        let spineStart = try #require(opf.range(of: "<spine")).lowerBound
        let spine = opf[spineStart...]
        #expect(spine.contains("<itemref idref=\"cover-page\" />\n<itemref idref=\"title-page\" />\n<itemref idref=\"nav\" />\n<itemref idref=\"story-001\" />"))
        // Creators: every distinct byline of the edition.
        #expect(opf.contains("<dc:creator id=\"creator-6\">Cy Fo</dc:creator>"))
        let nav = try F.text(bytes, "EPUB/nav.xhtml")
        #expect(nav.contains("<a href=\"text/story-001.xhtml\">Harbour cranes idle as talks stall<span class=\"toc-byline\"> — Ilse Navarro and Omar Quist</span></a>"))
        #expect(nav.contains("<a href=\"text/story-003.xhtml\">Ferry timetable changes<span class=\"toc-byline\"> — Ana Lind, Bo Ek and Cy Fo</span></a>"))
        let ncx = try F.text(bytes, "EPUB/toc.ncx")
        #expect(ncx.contains("<navLabel><text>Ferry timetable changes</text></navLabel><content src=\"text/story-003.xhtml\" />"))
        #expect(try F.text(bytes, "EPUB/text/cover.xhtml").contains("<img src=\"../images/cover.png\" alt=\"Cover: Morning Edition\" />"))
        #expect(!warnings.contains { $0.contains("title") }, "\(warnings)")
    }

    @Test func anEditionWithoutTitleUsesTheFirstHeadlineAndSaysSo() throws {
        let (bytes, warnings) = try F.write(Document(stories: [Self.wire, F.richStory]))
        #expect(try F.text(bytes, "EPUB/package.opf").contains("<dc:title id=\"title\">Glacier loses record ice</dc:title>"))
        #expect(warnings.contains { $0.contains("use --title") })
    }

    @Test func aMissingCoverFileIsAnError() throws {
        #expect(throws: NewsConvError.self) {
            _ = try F.write(Document(story: Self.wire), options: WriteOptions(cover: "no-such-cover.jpg"))
        }
    }

    @Test(arguments: [
        ([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10] as [UInt8], "image/jpeg", "jpg"),
        (Array("GIF89a\u{1}\u{0}\u{1}\u{0}".utf8), "image/gif", "gif"),
        (Array("RIFF\u{0}\u{0}\u{0}\u{0}WEBPVP8 ".utf8), "image/webp", "webp"),
        (Array("<?xml version=\"1.0\"?>\n<!-- logo -->\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8), "image/svg+xml", "svg"),
        (EPUBFixtures.redPNG, "image/png", "png"),
    ])
    func imagesArePackedWithTheMediaTypeTheirBytesShow(bytes: [UInt8], mediaType: String, ext: String) throws {
        // The name says .dat: only the bytes tell the type.
        var resources = F.resources
        resources.files["pictures/photo.dat"] = bytes
        let story = Story(metadata: Metadata(headline: "Pictures", language: "en"),
                          body: [.figure(Figure(image: ImageReference(source: "pictures/photo.dat", alt: "photo")))])
        let (book, warnings) = try F.write(Document(story: story), resources: resources)
        #expect(try F.text(book, "EPUB/package.opf").contains("href=\"images/image-001.\(ext)\" media-type=\"\(mediaType)\""))
        #expect(try ZIPArchive(book).contents(of: "EPUB/images/image-001.\(ext)") == bytes)
        #expect(warnings.isEmpty, "\(warnings)")
    }

    @Test func remoteMissingAndUnknownImagesGiveWarningsAndAltText() throws {
        var resources = F.resources
        resources.files["notes.txt"] = Array("not an image".utf8)
        let story = Story(metadata: Metadata(headline: "Pictures", language: "en"), body: [
            .figure(Figure(image: ImageReference(source: "https://cdn.example.org/a.jpg", alt: "Remote photo"))),
            .paragraph([.text("See "), .image(InlineImage(source: "missing/b.png", alt: [.text("the chart")])), .text(".")]),
            .figure(Figure(image: ImageReference(source: "notes.txt", alt: ""), caption: [.text("A caption stays")])),
            .paragraph([.image(InlineImage(source: "data:image/png;base64,@@@", alt: [.text("broken")]))]),
        ])
        let (bytes, warnings) = try F.write(Document(story: story), resources: resources)
        let chapter = try F.text(bytes, "EPUB/text/story-001.xhtml")
        #expect(!chapter.contains("<img"))
        #expect(chapter.contains("<figure>\n<figcaption>Remote photo</figcaption>\n</figure>"))
        #expect(chapter.contains("<p>See the chart.</p>"))
        #expect(chapter.contains("<figcaption>A caption stays</figcaption>"))
        #expect(warnings.contains { $0.contains("remote image \"https://cdn.example.org/a.jpg\" left out") })
        #expect(warnings.contains { $0.contains("image \"missing/b.png\" not found") })
        #expect(warnings.contains { $0.contains("\"notes.txt\" is not a JPEG, PNG, GIF, WebP or SVG image") })
        #expect(warnings.contains { $0.contains("malformed data: URL") })
        #expect(try ZIPArchive(bytes).entries.allSatisfy { !$0.name.hasPrefix("EPUB/images/") })
    }

    @Test func theSameImageIsPackedOnce() throws {
        let story = Story(metadata: Metadata(headline: "Twice", language: "en"), body: [
            .paragraph([.image(InlineImage(source: "photos/red.png", alt: [.text("one")]))]),
            .paragraph([.image(InlineImage(source: "photos/red.png", alt: [.text("two")]))]),
        ])
        let (bytes, _) = try F.write(Document(story: story))
        #expect(try ZIPArchive(bytes).entries.filter { $0.name.hasPrefix("EPUB/images/") }.count == 1)
    }

    @Test func rawHTMLIsMadeWellFormedXHTML() throws {
        let story = Story(metadata: Metadata(headline: "Raw", language: "en"), body: [
            .rawHTML("<div class=box><p>Open paragraph<br><center>centred</center><script>alert(1)</script><img src=photos/red.png></div>"),
            .paragraph([.text("Some "), .rawHTML("<b>"), .text("bold"), .rawHTML("</b>"), .text(" text & more")]),
            .rawHTML("<table><tr><td align=right onclick=x()>1</td></tr></table>"),
        ])
        let (bytes, warnings) = try F.write(Document(story: story))
        let chapter = try F.text(bytes, "EPUB/text/story-001.xhtml")
        _ = try XMLDocument.parseXML(Array(chapter.utf8))
        #expect(chapter.contains("<div class=\"box\"><p>Open paragraph<br />"))
        #expect(chapter.contains("<div>centred</div>"))
        #expect(!chapter.contains("script") && !chapter.contains("alert"))
        #expect(chapter.contains("<img src=\"../images/image-001.png\" alt=\"\" />"))
        #expect(chapter.contains("<p>Some <b>bold</b> text &amp; more</p>"))
        #expect(chapter.contains("<td style=\"text-align: right\">1</td>"))
        #expect(!chapter.contains("onclick"))
        #expect(warnings.contains { $0.contains("left out: <script>") })
    }

    /// Raw HTML nested too deep for reading systems loses its markup, not its text.
    @Test func overDeepRawHTMLKeepsItsText() throws {
        let deep = String(repeating: "<div>", count: 250) + "deep text" + String(repeating: "</div>", count: 250)
        let story = Story(metadata: Metadata(headline: "Deep", language: "en"), body: [.rawHTML(deep)])
        let (bytes, warnings) = try F.write(Document(story: story))
        let chapter = try F.text(bytes, "EPUB/text/story-001.xhtml")
        _ = try XMLDocument.parseXML(Array(chapter.utf8))
        #expect(chapter.contains("deep text"))
        #expect(warnings.contains { $0.contains("nested deeper than 200 levels") })
    }

    /// The subjects meta decodes back to the same subjects, whatever their text holds.
    @Test func subjectsJSONDecodesBack() throws {
        let subjects = [Subject(code: "20000106", scheme: "medtop", name: "economy \"and\" <trade> \\ café\n"),
                        Subject(code: "x"), Subject(name: "Lighthouses")]
        let json = EPUBContentDocuments.subjectsJSON(subjects)
        #expect(try JSONDecoder().decode([Subject].self, from: Data(json.utf8)) == subjects)
    }

    @Test func linksOutOfTheBookAreUnlinked() throws {
        let story = Story(metadata: Metadata(headline: "Links", language: "en"), body: [
            .paragraph([.link(Link(destination: "https://example.org/", content: [.text("web")])), .text(" "),
                        .link(Link(destination: "mailto:desk@example.org", content: [.text("mail")])), .text(" "),
                        .link(Link(destination: "other-story.md", content: [.text("file")])), .text(" "),
                        .link(Link(destination: "#section", content: [.text("anchor")])), .text(" "),
                        .link(Link(destination: "javascript:alert(1)", content: [.text("script")]))]),
        ])
        let (bytes, warnings) = try F.write(Document(story: story))
        let chapter = try F.text(bytes, "EPUB/text/story-001.xhtml")
        #expect(chapter.contains("<p><a href=\"https://example.org/\">web</a> <a href=\"mailto:desk@example.org\">mail</a> file anchor script</p>"))
        #expect(warnings.filter { $0.contains("points outside the book") }.count == 3)
    }

    @Test func aFragmentBookHasNoTitlePage() throws {
        let (bytes, _) = try F.write(Document(story: Self.wire), options: WriteOptions(standalone: false))
        let names = try ZIPArchive(bytes).entries.map(\.name)
        #expect(!names.contains("EPUB/text/title.xhtml"))
        #expect(names.contains("EPUB/text/story-001.xhtml"))
    }

    @Test func theFormatIsRegisteredForReadingAndWriting() throws {
        let format = try #require(FormatRegistry.builtIn.format(forPath: "today.epub"))
        #expect(format.name == "epub")
        #expect(format.writer is EPUBWriter)
        #expect(format.reader is EPUBReader)
        let bytes = try F.write(Document(story: Self.wire)).bytes
        #expect(FormatRegistry.builtIn.format(sniffing: bytes)?.name == "epub")
    }
}
