import Foundation
import NewsConvKit

/// Hand-made stories for the NewsML-G2 tests: one that uses every metadata field and every
/// block and inline kind, and small helpers to write and inspect NewsML-G2.
enum NewsMLFixtures {
    /// Every field of ``Metadata`` set, with values that exercise escaping, line breaks in block
    /// properties, a URI scheme, a name-only subject and `extra` keys with spaces.
    static let richMetadata = Metadata(
        id: "urn:example:story:port-strike", version: 3, headline: "Port strike halts ships in Rotterdam & Antwerp",
        subheadline: "Unions and operators meet again on Monday",
        bylines: [Byline(name: "Anneke Visser", role: "Port correspondent"), Byline(name: "Tom Berger")],
        contributors: [Contributor(role: "Additional reporting", name: "Lena Ortiz in Antwerp"),
                       Contributor(role: "Editing", name: "Mark Holloway")],
        dateline: Dateline(place: "ROTTERDAM, Netherlands", date: "Tuesday", agency: "Example Wire"),
        slugline: "NETHERLANDS-PORT/STRIKE", language: "en-GB",
        created: "2020-11-24T08:15:00Z", modified: "2020-11-24T10:40:00+01:00", published: "2020-11-24T09:00:00Z",
        embargo: "2020-11-24T12:00:00Z", provider: "Example Wire", creditLine: "Example Wire/Anneke Visser",
        copyrightNotice: "Copyright 2020 Example Wire.\nAll rights reserved.", copyrightHolder: "Example Wire Ltd",
        usageTerms: "Not for use before 12:00 GMT <embargo>.",
        subjects: [Subject(code: "20000106", scheme: "medtop", name: "economy, business and finance"),
                   Subject(code: "20000523", scheme: "http://cv.iptc.org/newscodes/mediatopic/", name: "labour market"),
                   Subject(name: "ports")],
        keywords: ["port", "strike", "Rotterdam harbour"], genre: "Current", urgency: 3,
        editorsNote: "Updates with the union's statement.\nCorrects the spelling of Visser.", located: "Rotterdam",
        summary: "Dockworkers stopped work on Tuesday, leaving dozens of ships waiting.",
        heroImage: HeroImage(url: "https://example.com/img/port.jpg", caption: "Idle cranes at the port",
                             credit: "Jan de Vries / Example", alt: "Container cranes"),
        url: "https://example.com/news/port-strike?ref=wire&id=7", signoff: "av/mh",
        extra: ["desk": "business", "story type": "spot news", "pubStatus": "stat:withheld", "infoSource": "Example Wire Pool"])

    /// Every inline kind except the two NITF cannot carry (inline images, raw HTML).
    static let portableInlines: [Inline] = [
        .text("Dockworkers "), .emphasis([.text("stopped")]), .text(" work, "), .strong([.text("halting")]),
        .text(" ships."), .softBreak, .text("Talks "), .strikethrough([.text("failed")]), .text(" stalled; see "),
        .link(Link(destination: "https://example.com/a?b=1&c=2", title: "Background,\nwith notes", content: [.text("background")])),
        .text(" and "), .code("ETA <14:00>"), .text("."), .hardBreak, .text("More \"soon\"."),
    ]

    /// Every block kind except raw HTML, for both body markups.
    static let portableBody: [Block] = [
        .paragraph(portableInlines),
        .heading(level: 2, content: [.text("What happened")]),
        .heading(level: 3, content: [.text("Timeline")]),
        .blockQuote([.paragraph([.text("We will not back down.")]), .paragraph([.text("— a union leader")])]),
        .list(ListBlock(kind: .bullet(marker: "-"), isTight: true, items: [
            ListItem(blocks: [.paragraph([.text("Monday: talks")])]),
            ListItem(blocks: [.paragraph([.text("Tuesday: strike")]),
                              .list(ListBlock(kind: .ordered(start: 1, delimiter: "."), items: [
                                  ListItem(blocks: [.paragraph([.text("morning shift")])]),
                                  ListItem(blocks: [.paragraph([.text("night shift")])]),
                              ]))]),
        ])),
        .list(ListBlock(kind: .ordered(start: 3, delimiter: "."), isTight: false, items: [
            ListItem(blocks: [.paragraph([.text("Third point")])]),
            ListItem(blocks: [.paragraph([.text("Fourth point")]), .paragraph([.text("with a second paragraph")])]),
        ])),
        .list(ListBlock(kind: .bullet(marker: "-"), isTight: true, items: [
            ListItem(checked: true, blocks: [.paragraph([.text("berths cleared")])]),
            ListItem(checked: false, blocks: [.paragraph([.text("cranes restarted")])]),
        ])),
        .codeBlock(info: "text", text: "ETA 14:00\nBerth 7 & 8\n"),
        .thematicBreak,
        .table(Table(alignments: [.left, .center, .right],
                     header: [[.text("Ship")], [.text("Berth")], [.strong([.text("Delay")])]],
                     rows: [[[.text("Maersk Essen")], [.text("7")], [.text("2 days")]],
                            [[.text("CMA Rhone")], [.text("8")], [.text("1 day")]]],
                     caption: [.text("Ships waiting")])),
        .figure(Figure(image: ImageReference(source: "https://example.com/img/cranes.jpg", alt: "Cranes", title: "Cranes at dusk"),
                       caption: [.text("Cranes stand "), .emphasis([.text("idle")])], credit: "Jan de Vries")),
        .figure(Figure(image: nil, caption: [.text("A caption without its photo")], credit: "Example Wire")),
        .paragraph([.text("Last line.")]),
    ]

    /// Every block and inline kind, including an inline image and raw HTML.
    static let fullBody: [Block] = portableBody + [
        .paragraph([.text("Map: "), .image(InlineImage(source: "map.png", title: "Port map", alt: [.text("port map")])), .text(" (above)")]),
        .rawHTML("<aside class=\"factbox\"><p>Rotterdam is Europe's largest port.</p></aside>"),
    ]

    /// A story using every metadata field and every block and inline kind.
    static let richStory = Story(metadata: richMetadata, body: fullBody)

    /// The same metadata with the body NITF can carry.
    static let portableStory = Story(metadata: richMetadata, body: portableBody)

    /// Write options choosing the body markup.
    static func options(_ markup: NewsMLWriter.BodyMarkup) -> WriteOptions {
        WriteOptions(settings: [NewsMLWriter.bodySetting: markup.rawValue])
    }

    /// Writes `document` as NewsML-G2 with a fixed clock; returns the bytes and the warnings.
    static func write(_ document: Document, markup: NewsMLWriter.BodyMarkup = .xhtml,
                      time: Int64 = 1_700_000_000) throws -> (bytes: [UInt8], warnings: [String]) {
        let diagnostics = Diagnostics()
        let context = WriteContext(options: options(markup), resources: InMemoryResources(currentTime: time),
                                   diagnostics: diagnostics)
        let bytes = try NewsMLWriter().write(document, context: context)
        return (bytes, diagnostics.warnings.map(\.message))
    }

    /// Reads NewsML-G2; returns the document and the warnings.
    static func read(_ bytes: [UInt8]) throws -> (document: Document, warnings: [String]) {
        let diagnostics = Diagnostics()
        let document = try NewsMLReader().read(bytes, context: ReadContext(sourceName: "test.xml", diagnostics: diagnostics))
        return (document, diagnostics.warnings.map(\.message))
    }

    /// Reads NewsML-G2 given as text.
    static func read(_ text: String) throws -> Document { try read(Array(text.utf8)).document }

    /// Writes `document` and parses the result, for looking at the XML.
    static func writeXML(_ document: Document, markup: NewsMLWriter.BodyMarkup = .xhtml) throws -> XMLDocument {
        try XMLDocument.parseXML(try write(document, markup: markup).bytes)
    }
}

extension XMLNode {
    /// The element at a path of local names below this one (`itemMeta/provider/name`).
    func at(_ path: String) -> XMLNode? {
        var node: XMLNode? = self
        for name in path.split(separator: "/") { node = node?.element(named: String(name)) }
        return node
    }

    /// The local names of the child elements, in order.
    var childNames: [String] { elements.map(\.name) }
}
