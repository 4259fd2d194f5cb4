import Testing
@testable import NewsConvKit

@Suite("Markdown writer")
struct MarkdownWriterTests {
    func markdown(_ body: [Block], metadata: Metadata = Metadata(), diagnostics: Diagnostics = Diagnostics()) throws -> String {
        let document = Document(story: Story(metadata: metadata, body: body))
        let bytes = try MarkdownWriter().write(document, context: WriteContext(diagnostics: diagnostics))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `body`, reads it back with the GFM and the CommonMark reader, and expects the
    /// same blocks; returns the Markdown.
    @discardableResult
    func roundTrip(_ body: [Block], sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let text = try markdown(body)
        for extensions in [MarkdownExtensions.gfm, .commonMark] where extensions == .gfm || !usesExtensions(body) {
            let back = MarkdownReader(extensions: extensions).blocks(text)
            #expect(back == body, "read back with \(extensions == .gfm ? "GFM" : "CommonMark"):\n\(text)", sourceLocation: sourceLocation)
        }
        return text
    }

    private func usesExtensions(_ body: [Block]) -> Bool {
        body.contains { block in
            switch block {
            case .table: return true
            case .list(let list): return list.items.contains { $0.checked != nil }
            default: return "\(block)".contains("strikethrough")
            }
        }
    }

    // MARK: Metadata

    @Test func metadataBecomesFrontMatter() throws {
        let metadata = Metadata(headline: "Port strike", bylines: [Byline(name: "Anneke Visser"), Byline(name: "Tom Berger", role: "Reuters")],
                                language: "en", published: "2020-11-24", keywords: ["port", "strike"])
        let text = try markdown([.paragraph([.text("Body.")])], metadata: metadata)
        #expect(text == """
            ---
            title: Port strike
            author:
            - Anneke Visser
            - name: Tom Berger
              role: Reuters
            lang: en
            date: 2020-11-24
            keywords:
            - port
            - strike
            ---

            Body.

            """)
        let back = try MarkdownReader().read(Array(text.utf8), context: ReadContext()).stories[0]
        #expect(back.metadata == metadata)
        #expect(back.body == [.paragraph([.text("Body.")])])
    }

    @Test func noMetadataNoFrontMatter() throws {
        #expect(try markdown([.paragraph([.text("x")])]) == "x\n")
    }

    /// `--fragment`: the body alone, without the front matter.
    @Test func aFragmentHasNoFrontMatter() throws {
        let document = Document(story: Story(metadata: Metadata(headline: "Title", language: "en"), body: [.paragraph([.text("x")])]))
        let bytes = try MarkdownWriter().write(document, context: WriteContext(options: WriteOptions(standalone: false)))
        #expect(String(decoding: bytes, as: UTF8.self) == "x\n")
    }

    // MARK: Escaping

    @Test func specialCharactersAreEscapedInContext() throws {
        let text = try roundTrip([.paragraph([.text("2*3 = 6, snake_case, _lead, [note] <b> `x` ~y~ C:\\dir & &amp; AT&T")])])
        #expect(text == "2\\*3 = 6, snake_case, \\_lead, \\[note\\] \\<b> \\`x\\` \\~y\\~ C:\\\\dir & \\&amp; AT&T\n")
    }

    @Test func lineStartsThatWouldOpenBlocks() throws {
        let lines = ["# not a heading", "> not a quote", "- not a list", "+ no", "1986. A good year", "3) three",
                     "---", "===", "| --- | :-: |", ":--", "- - -", "    four spaces", "\ttab", "<div>", "[ref]: /url", "~~~", "***"]
        var inlines: [Inline] = []
        for (i, line) in lines.enumerated() {
            if i > 0 { inlines.append(.softBreak) }
            inlines.append(.text(line))
        }
        // As the first line of a paragraph and as continuation lines.
        for line in lines { try roundTrip([.paragraph([.text(line)])]) }
        try roundTrip([.paragraph(inlines)])
        try roundTrip([.paragraph([.text("intro"), .softBreak] + inlines)])
    }

    @Test func spacesThatReadersWouldStrip() throws {
        let text = try roundTrip([.paragraph([.text("  indented"), .softBreak, .text(" next "), .hardBreak, .text("end ")])])
        #expect(text == "&#32; indented\n&#32;next&#32;\\\nend&#32;\n")
    }

    @Test func autolinkLookalikesStayText() throws {
        let text = try roundTrip([.paragraph([.text("see www.example.com or https://example.org today")])])
        #expect(text == "see www\\.example.com or https\\://example.org today\n")
        try roundTrip([.paragraph([.text("(www.example.com)")])])
    }

    @Test func exclamationBeforeLink() throws {
        let text = try roundTrip([.paragraph([.text("Wow!"), .link(Link(destination: "/x", content: [.text("x")]))])])
        #expect(text == "Wow\\![x](/x)\n")
    }

    @Test func linksAndImages() throws {
        let text = try roundTrip([.paragraph([
            .link(Link(destination: "https://example.com/a b(c)", title: "Say \"hi\"", content: [.text("the "), .strong([.text("site")])])),
            .text(" "),
            .image(InlineImage(source: "p.jpg", title: nil, alt: [.text("A "), .emphasis([.text("photo")])])),
            .text(" "),
            .link(Link(destination: "", content: [.text("empty")])),
        ])])
        #expect(text == "[the **site**](<https://example.com/a b(c)> \"Say \\\"hi\\\"\") ![A *photo*](p.jpg) [empty](<>)\n")
    }

    @Test func codeSpansAvoidTheirContentsBackticks() throws {
        let text = try roundTrip([.paragraph([.code("a `b` c"), .text(" "), .code("``"), .text(" "), .code(" padded "), .text(" "), .code("`edge")])])
        #expect(text == "``a `b` c`` ` `` ` `  padded  ` `` `edge ``\n")
    }

    @Test func emphasisNestingAndNeighbours() throws {
        try roundTrip([.paragraph([.emphasis([.strong([.text("both")])])])])
        try roundTrip([.paragraph([.strong([.emphasis([.text("both")])])])])
        try roundTrip([.paragraph([.emphasis([.emphasis([.text("twice")])])])])
        try roundTrip([.paragraph([.strong([.strong([.text("twice")])])])])
        try roundTrip([.paragraph([.text("in"), .emphasis([.text("side")]), .text("word")])])
        try roundTrip([.paragraph([.emphasis([.text("a")]), .text(" "), .strong([.text("b")]), .text(" "), .strikethrough([.text("c")])])])
        try roundTrip([.paragraph([.strong([.text("lead "), .emphasis([.text("end")])])])])
        #expect(try markdown([.paragraph([.emphasis([.emphasis([.text("x")])])])]) == "*_x_*\n")
    }

    // MARK: Blocks

    @Test func headings() throws {
        #expect(try roundTrip([.heading(level: 2, content: [.text("C#")]), .heading(level: 1, content: [.text("Two"), .softBreak, .text("lines")])])
                == "## C# #\n\nTwo\nlines\n===\n")
        let diagnostics = Diagnostics()
        #expect(try markdown([.heading(level: 3, content: [.text("a"), .softBreak, .text("b")])], diagnostics: diagnostics) == "### a b\n")
        #expect(diagnostics.warnings.count == 1)
    }

    @Test func codeBlockFencesOutgrowTheirContent() throws {
        let text = try roundTrip([.codeBlock(info: "md", text: "```\nnested\n````\n"), .codeBlock(info: "a`b", text: "x\n"), .codeBlock(info: "", text: "")])
        #expect(text == "`````md\n```\nnested\n````\n`````\n\n~~~a`b\nx\n~~~\n\n```\n```\n")
    }

    @Test func listsKeepMarkersAndStayApart() throws {
        let a = ListItem(blocks: [.paragraph([.text("a")])])
        let b = ListItem(blocks: [.paragraph([.text("b")])])
        let text = try roundTrip([
            .list(ListBlock(kind: .ordered(start: 7, delimiter: ")"), isTight: true, items: [a, b])),
            .list(ListBlock(kind: .bullet(marker: "+"), isTight: false, items: [a, b])),
        ])
        #expect(text == "7) a\n8) b\n\n+ a\n\n+ b\n")
        // Two adjacent lists of the same kind get different markers so they stay two lists.
        let same = ListBlock(kind: .bullet(marker: "-"), items: [a])
        let written = try markdown([.list(same), .list(same)])
        #expect(written == "- a\n\n* a\n")
        #expect(MarkdownReader().blocks(written).count == 2)
    }

    @Test func nestedContainers() throws {
        try roundTrip([
            .blockQuote([
                .paragraph([.text("quoted")]),
                .list(ListBlock(kind: .bullet(marker: "*"), isTight: true, items: [
                    ListItem(blocks: [.paragraph([.text("one")]), .codeBlock(info: "", text: "code\n\n  indented\n")]),
                    ListItem(blocks: [.blockQuote([.paragraph([.text("deeper")])]), .thematicBreak]),
                    ListItem(blocks: []),
                ])),
            ]),
            .list(ListBlock(kind: .ordered(start: 1, delimiter: "."), isTight: true, items: [
                ListItem(checked: true, blocks: [.paragraph([.text("done")])]),
                ListItem(checked: false, blocks: [.paragraph([.text("todo")]), .list(ListBlock(kind: .bullet(marker: "-"), items: [ListItem(blocks: [.thematicBreak])]))]),
            ])),
            .rawHTML("<div>\nraw\n</div>\n"),
            .thematicBreak,
        ])
    }

    @Test func tablesAsPipeTables() throws {
        let text = try roundTrip([.table(Table(alignments: [.left, .none, .right],
                                               header: [[.text("Port")], [.text("a|b")], []],
                                               rows: [[[.code("x|y")], [.emphasis([.text("e")])], [.text(" 3 ")]]]))])
        #expect(text == "| Port | a\\|b |  |\n| :-- | --- | --: |\n| `x\\|y` | *e* | &#32;3&#32; |\n")
    }

    @Test func figuresBecomeImageAndCaption() throws {
        let text = try markdown([.figure(Figure(image: ImageReference(source: "cranes.jpg", alt: "Cranes", title: "Dawn"),
                                                caption: [.text("Cranes at dawn.")], credit: "Jean Martin / AFP"))])
        #expect(text == "![Cranes](cranes.jpg \"Dawn\")\n\nCranes at dawn. *Jean Martin / AFP*\n")
    }

    @Test func lossIsReported() throws {
        let diagnostics = Diagnostics()
        _ = try markdown([.table(Table(alignments: [.none], header: [[.text("h")]], rows: [[[.text("a"), .softBreak, .text("b")]]],
                                       caption: [.text("cap")])),
                          .paragraph([.code(""), .text("x"), .hardBreak])], diagnostics: diagnostics)
        let messages = diagnostics.warnings.map(\.message)
        #expect(messages.contains { $0.contains("caption") })
        #expect(messages.contains { $0.contains("table cells") })
        #expect(messages.contains { $0.contains("empty inline code") })
        #expect(messages.contains { $0.contains("end of a paragraph") })
    }

    @Test func registeredAsTheMarkdownFormat() throws {
        #expect(try writeText(Document(story: Story(body: [.paragraph([.strong([.text("hi")])])])), as: .markdown) == "**hi**\n")
    }
}
