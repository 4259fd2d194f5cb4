import Foundation
@testable import NewsConvKit

/// Hand-made stories, images and helpers for the EPUB tests.
enum EPUBFixtures {
    /// The time every test book is stamped with (2023-11-14T22:13:20Z).
    static let clock: Int64 = 1_700_000_000

    /// A valid RGB PNG of one colour, made here (zlib-wrapped IDAT, real CRCs).
    static func png(width: Int = 4, height: Int = 3, rgb: (UInt8, UInt8, UInt8) = (200, 30, 30)) -> [UInt8] {
        func be32(_ v: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: v >> UInt32($0)) } }
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let body = Array(type.utf8) + data
            return be32(UInt32(data.count)) + body + be32(ZLib.crc32(body))
        }
        var raw: [UInt8] = []
        for _ in 0..<height {
            raw.append(0)
            for _ in 0..<width { raw += [rgb.0, rgb.1, rgb.2] }
        }
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in raw { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        let idat = [0x78, 0x9C] + ((try? ZLib.deflate(raw)) ?? []) + be32(b << 16 | a)
        let header = be32(UInt32(width)) + be32(UInt32(height)) + [8, 2, 0, 0, 0]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", idat) + chunk("IEND", [])
    }

    static let redPNG = png()
    static let bluePNG = png(width: 6, height: 8, rgb: (20, 40, 200))

    /// Files the test books refer to.
    static let resources = InMemoryResources(files: ["photos/red.png": redPNG, "cover.png": bluePNG], currentTime: clock)

    /// A Markdown-like story with a heading, a table, lists, a figure with a local PNG, an inline
    /// `data:` image, a quote, code and links.
    static let richStory = Story(
        metadata: Metadata(
            id: "urn:newsconv:test:harbour-1", headline: "Harbour cranes idle as talks stall",
            subheadline: "Operators and union to meet again on Friday",
            bylines: [Byline(name: "Ilse Navarro", role: "Staff Writer"), Byline(name: "Omar Quist")],
            dateline: Dateline(place: "KIEL", date: "March 3", agency: "NWS"), language: "en-GB",
            published: "2024-03-03T08:15:00Z", provider: "Northwind Wire Service",
            copyrightNotice: "© 2024 Northwind Wire Service",
            subjects: [Subject(code: "20000106", scheme: "medtop", name: "economy")], keywords: ["ports", "labour"],
            summary: "Cranes stand still for a third day.",
            heroImage: HeroImage(url: "photos/red.png", caption: "Idle cranes at dawn.", credit: "Photo: T. Lind", alt: "Cranes"),
            signoff: "nws/il"),
        body: [
            .paragraph([.text("Cranes at the "), .emphasis([.text("Ostuferhafen")]), .text(" stood still on Sunday,"), .softBreak,
                        .text("the "), .strong([.text("third")]), .text(" day of the dispute, "),
                        .link(Link(destination: "https://example.org/dispute", title: "Background", content: [.text("the union said")])),
                        .text(".")]),
            .heading(level: 2, content: [.text("What is on the table")]),
            .table(Table(alignments: [.left, .right, .center],
                         header: [[.text("Item")], [.text("Offer")], [.text("Demand")]],
                         rows: [[[.text("Pay rise")], [.text("3%")], [.text("6%")]],
                                [[.text("Night shifts")], [.code("2x")], [.text("3x")]]])),
            .list(ListBlock(kind: .bullet(marker: "-"), items: [
                ListItem(blocks: [.paragraph([.text("Job guarantees for crane drivers")])]),
                ListItem(blocks: [.paragraph([.text("Retraining for "), .emphasis([.text("automation")])])]),
            ])),
            .list(ListBlock(kind: .ordered(start: 3, delimiter: "."), isTight: false, items: [
                ListItem(blocks: [.paragraph([.text("Vote on Friday")])]),
                ListItem(checked: true, blocks: [.paragraph([.text("Notify shipping lines")])]),
            ])),
            .figure(Figure(image: ImageReference(source: "photos/red.png", alt: "A red crane", title: "Crane 4"),
                           caption: [.text("Crane 4 at the container terminal.")], credit: "Photo: T. Lind")),
            .blockQuote([.paragraph([.text("We will not move until there is a plan,"), .hardBreak, .text("said a driver.")])]),
            .paragraph([.text("The union's logo "), .image(InlineImage(source: "data:image/png;base64," + Base64.encode(bluePNG), alt: [.text("logo")])),
                        .text(" was on every banner.")]),
            .codeBlock(info: "text", text: "SHIFT  CRANES\nnight  0\n"),
            .thematicBreak,
            .paragraph([.text("Talks resume on Friday.")]),
        ])

    /// Writes `document` as EPUB with the fixture files and clock; returns the bytes and warnings.
    static func write(_ document: Document, options: WriteOptions = WriteOptions(),
                      resources: InMemoryResources = resources) throws -> (bytes: [UInt8], warnings: [String]) {
        let diagnostics = Diagnostics()
        let context = WriteContext(destinationName: "test.epub", options: options, resources: resources, diagnostics: diagnostics)
        let bytes = try EPUBWriter().write(document, context: context)
        return (bytes, diagnostics.warnings.map(\.message))
    }

    /// Reads EPUB bytes; returns the document and warnings.
    static func read(_ bytes: [UInt8]) throws -> (document: Document, warnings: [String]) {
        let diagnostics = Diagnostics()
        let document = try EPUBReader().read(bytes, context: ReadContext(sourceName: "test.epub", diagnostics: diagnostics))
        return (document, diagnostics.warnings.map(\.message))
    }

    /// The text of the entry `name` of the archive `bytes`.
    static func text(_ bytes: [UInt8], _ name: String) throws -> String {
        guard let data = try ZIPArchive(bytes).contents(of: name) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// An archive of the given files, for hand-made (and broken) books.
    static func archive(_ files: [(String, String)]) throws -> [UInt8] {
        var zip = ZIPWriter(modified: clock)
        for (name, text) in files { try zip.add(name, Array(text.utf8), method: name == "mimetype" ? .stored : .deflated) }
        return zip.finish()
    }

    static let container = """
        <?xml version="1.0"?>
        <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
        </container>
        """
}
