import Foundation
import Testing
@testable import NewsConvKit

@Suite("Markdown reader")
struct MarkdownReaderTests {
    func read(_ text: String, extensions: MarkdownExtensions = .gfm, context: ReadContext = ReadContext()) throws -> Story {
        let document = try MarkdownReader(extensions: extensions).read(Array(text.utf8), context: context)
        #expect(document.stories.count == 1)
        return document.stories[0]
    }

    func body(_ text: String, extensions: MarkdownExtensions = .gfm) throws -> [Block] {
        try read(text, extensions: extensions).body
    }

    func html(_ text: String, extensions: MarkdownExtensions = .gfm) throws -> String {
        HTMLBodyRenderer().render(try body(text, extensions: extensions))
    }

    // MARK: Blocks

    @Test func headingsAndParagraphs() throws {
        #expect(try body("# Port strike\n\nDockers walked out *today*.\nTalks resume.\n\nSecond\n---\n") == [
            .heading(level: 1, content: [.text("Port strike")]),
            .paragraph([.text("Dockers walked out "), .emphasis([.text("today")]), .text("."), .softBreak, .text("Talks resume.")]),
            .heading(level: 2, content: [.text("Second")]),
        ])
    }

    @Test func adjacentTextIsMerged() throws {
        // Escapes, entities and unmatched delimiters all end up in one text run.
        #expect(try body("AT\\&T &amp; *Co_ [x] ok!\n") == [.paragraph([.text("AT&T & *Co_ [x] ok!")])])
    }

    @Test func listsKeepMarkersStartAndTightness() throws {
        #expect(try body("3) one\n4) two\n") == [
            .list(ListBlock(kind: .ordered(start: 3, delimiter: ")"), isTight: true, items: [
                ListItem(blocks: [.paragraph([.text("one")])]), ListItem(blocks: [.paragraph([.text("two")])]),
            ])),
        ])
        #expect(try body("* a\n\n* b\n") == [
            .list(ListBlock(kind: .bullet(marker: "*"), isTight: false, items: [
                ListItem(blocks: [.paragraph([.text("a")])]), ListItem(blocks: [.paragraph([.text("b")])]),
            ])),
        ])
        // A change of bullet starts a new list.
        let two = try body("- a\n+ b\n")
        #expect(two.count == 2)
    }

    @Test func taskListItems() throws {
        let blocks = try body("- [ ] call the port authority\n- [x] file the story\n- [y] not a task\n")
        guard case .list(let list) = blocks.first else { Issue.record("expected a list"); return }
        #expect(list.items.map(\.checked) == [false, true, nil])
        #expect(list.items[0].blocks == [.paragraph([.text("call the port authority")])])
        #expect(list.items[2].blocks == [.paragraph([.text("[y] not a task")])])
        #expect(try html("- [x] done\n") == "<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\" /> done</li>\n</ul>\n")
        // Without the extension the brackets are text.
        guard case .list(let plain) = try body("- [x] done\n", extensions: .commonMark).first else { return }
        #expect(plain.items[0].checked == nil)
    }

    @Test func codeBlocks() throws {
        #expect(try body("```swift  extra\nlet x = 1\n```\n\n    indented\n    code\n") == [
            .codeBlock(info: "swift  extra", text: "let x = 1\n"),
            .codeBlock(info: "", text: "indented\ncode\n"),
        ])
        #expect(try html("~~~ ruby\nputs 1\n~~~\n") == "<pre><code class=\"language-ruby\">puts 1\n</code></pre>\n")
    }

    @Test func rawHTMLIsKept() throws {
        #expect(try body("<div class=\"box\">\n*hi*\n</div>\n\nA <b>bold</b> move\n") == [
            .rawHTML("<div class=\"box\">\n*hi*\n</div>\n"),
            .paragraph([.text("A "), .rawHTML("<b>"), .text("bold"), .rawHTML("</b>"), .text(" move")]),
        ])
    }

    @Test func blockQuotesAndLazyContinuation() throws {
        #expect(try body("> quoted\ncontinued\n\nafter\n") == [
            .blockQuote([.paragraph([.text("quoted"), .softBreak, .text("continued")])]),
            .paragraph([.text("after")]),
        ])
    }

    @Test func typeSevenHTMLCannotStartALazyLine() throws {
        // `</b>` could continue the item's paragraph lazily, so it does (as in cmark).
        #expect(try html("1) item\n</b>\n") == "<ol>\n<li>item\n</b></li>\n</ol>\n")
        #expect(try html("> quote\n<div>\n") == "<blockquote>\n<p>quote</p>\n</blockquote>\n<div>\n")
    }

    // MARK: Tables

    @Test func tables() throws {
        let blocks = try body("Intro line\n| Port | Boxes \\| TEU |\n|:--|--:|\n| Rotterdam | `1\\|2` |\n| Hamburg |\n| Antwerp | 3 | extra |\n\nafter\n")
        #expect(blocks == [
            .paragraph([.text("Intro line")]),
            .table(Table(alignments: [.left, .right],
                         header: [[.text("Port")], [.text("Boxes | TEU")]],
                         rows: [[[.text("Rotterdam")], [.code("1|2")]], [[.text("Hamburg")], []], [[.text("Antwerp")], [.text("3")]]])),
            .paragraph([.text("after")]),
        ])
        // A row ends at a blank line or a line that starts another block.
        #expect(try body("| a |\n| - |\n| b |\n> q\n").count == 2)
    }

    @Test func tableNeedsMatchingDelimiterRow() throws {
        #expect(try body("| a | b |\n| --- |\n") == [.paragraph([.text("| a | b |"), .softBreak, .text("| --- |")])])
        #expect(try body("| a |\n| - |\n", extensions: .commonMark) == [.paragraph([.text("| a |"), .softBreak, .text("| - |")])])
    }

    // MARK: Inlines

    @Test func strikethrough() throws {
        #expect(try body("~~gone~~ and ~also~ but ~~~not~~~\n") == [
            .paragraph([.strikethrough([.text("gone")]), .text(" and "), .strikethrough([.text("also")]), .text(" but ~~~not~~~")]),
        ])
        #expect(try body("~~kept~~\n", extensions: .commonMark) == [.paragraph([.text("~~kept~~")])])
    }

    @Test func extendedAutolinks() throws {
        #expect(try body("See www.example.com/a_b, https://example.org/x?y=1. Mail desk@example.com.\n") == [
            .paragraph([
                .text("See "), .link(Link(destination: "http://www.example.com/a_b", content: [.text("www.example.com/a_b")])),
                .text(", "), .link(Link(destination: "https://example.org/x?y=1", content: [.text("https://example.org/x?y=1")])),
                .text(". Mail "), .link(Link(destination: "mailto:desk@example.com", content: [.text("desk@example.com")])),
                .text("."),
            ]),
        ])
        // Not inside link text, and not without the extension.
        #expect(try body("[www.example.com](/x)\n") == [.paragraph([.link(Link(destination: "/x", content: [.text("www.example.com")]))])])
        #expect(try body("www.example.com\n", extensions: .commonMark) == [.paragraph([.text("www.example.com")])])
    }

    @Test func linksImagesAndReferences() throws {
        let text = "[Reuters][wire] and ![Cranes](cranes.jpg \"At dawn\") and [ẞ]\n\n[WIRE]: https://reuters.com 'Agency'\n[SS]: /ss\n"
        #expect(try body(text) == [
            .paragraph([
                .link(Link(destination: "https://reuters.com", title: "Agency", content: [.text("Reuters")])),
                .text(" and "),
                .image(InlineImage(source: "cranes.jpg", title: "At dawn", alt: [.text("Cranes")])),
                .text(" and "),
                .link(Link(destination: "/ss", content: [.text("ẞ")])),
            ]),
        ])
    }

    @Test func linksDoNotNestEvenAfterUnmatchedBrackets() throws {
        #expect(try html("[a [b](c) [d ] ](e)\n") == "<p>[a <a href=\"c\">b</a> [d ] ](e)</p>\n")
        #expect(try html(String(repeating: "![[]()", count: 3) + "\n")
                == "<p>" + String(repeating: "![<a href=\"\"></a>", count: 3) + "</p>\n")
    }

    @Test func underscoreRunsFollowTheSpecificationNotCmarkBugs() throws {
        // cmark 0.30 and commonmark.js leave these as text (commonmark.js issue 271); the
        // rules of the specification, and commonmark-hs, make strong emphasis.
        #expect(try html("__a._.x__\n") == "<p><strong>a._.x</strong></p>\n")
        #expect(try html("__!_!__\n") == "<p><strong>!_!</strong></p>\n")
    }

    @Test func referenceTitleThatIsNotAloneOnItsLineIsDropped() throws {
        // The title is not followed by the end of the line: the definition has none.
        #expect(try html("[x]: /u\n\"title\" ok\n\n[x]\n") == "<p>&quot;title&quot; ok</p>\n<p><a href=\"/u\">x</a></p>\n")
    }

    @Test func entitiesAndNumericReferences() throws {
        #expect(try body("&copy; &#8212; &#x1F600; &#0; &bogus;\n") == [.paragraph([.text("© — 😀 \u{FFFD} &bogus;")])])
    }

    @Test func hardAndSoftBreaks() throws {
        #expect(try body("one  \ntwo\\\nthree\nfour\n") == [
            .paragraph([.text("one"), .hardBreak, .text("two"), .hardBreak, .text("three"), .softBreak, .text("four")]),
        ])
    }

    @Test func imageAltTextRendersBreaksAsSpaces() throws {
        #expect(try html("![a *b*\\\nc\nd](x.png)\n") == "<p><img src=\"x.png\" alt=\"a b c d\" /></p>\n")
    }

    // MARK: Front matter

    @Test func frontMatterBecomesMetadata() throws {
        let story = try read("""
            ---
            title: Port strike halts traffic
            author:
              - Anneke Visser
              - {name: Tom Berger, role: Reuters Staff}
            date: 2020-11-24T09:00:00Z
            keywords: [shipping, strikes]
            lang: nl
            desk: business
            ---
            Body text.

            """)
        #expect(story.metadata.headline == "Port strike halts traffic")
        #expect(story.metadata.bylines == [Byline(name: "Anneke Visser"), Byline(name: "Tom Berger", role: "Reuters Staff")])
        #expect(story.metadata.published == "2020-11-24T09:00:00Z")
        #expect(story.metadata.keywords == ["shipping", "strikes"])
        #expect(story.metadata.language == "nl")
        #expect(story.metadata.extra["desk"] == "business")
        #expect(story.body == [.paragraph([.text("Body text.")])])
    }

    /// Every synonym `-M` accepts for a list field takes a YAML list in front matter too.
    @Test func frontMatterListSynonymsMatchMetadataKeys() throws {
        for key in ["author", "authors", "byline", "bylines", "creator", "by"] {
            let story = try read("---\n\(key): [Ann Lee, Bo Ray]\n---\nBody.\n")
            #expect(story.metadata.bylines == [Byline(name: "Ann Lee"), Byline(name: "Bo Ray")], "\(key)")
        }
        #expect(try read("---\ntags: [ports, rail]\n---\nBody.\n").metadata.keywords == ["ports", "rail"])
        #expect(try read("---\nabout: [Economy]\n---\nBody.\n").metadata.subjects == [Subject(name: "Economy")])
    }

    /// Values YAML 1.1 would read as numbers, dates or booleans stay the text as written, for
    /// keys of ours and keys we do not know; a `version` that is not a story's revision number
    /// (a document's `0.31.2`) is kept as text too rather than rejected.
    @Test func frontMatterScalarsStayTextAsWritten() throws {
        let story = try read("""
            ---
            title: Spec notes
            version: 0.31.2
            date: 2026-11-25
            released: 2026-11-25
            draft: yes
            budget: 1e3
            ratio: .5
            zip: 007
            hex: 0x1F
            time: 12:30:00
            none: ~
            quoted: '0.31.2'
            list: [yes, 1e3, 2026-11-25]
            ---
            Body.

            """)
        let m = story.metadata
        #expect(m.headline == "Spec notes")
        #expect(m.version == nil)
        #expect(m.published == "2026-11-25")
        #expect(m.extra == ["version": "0.31.2", "released": "2026-11-25", "draft": "yes", "budget": "1e3", "ratio": ".5",
                            "zip": "007", "hex": "0x1F", "time": "12:30:00", "none": "~", "quoted": "0.31.2",
                            "list": "- yes\n- 1e3\n- 2026-11-25"])
        #expect(story.body == [.paragraph([.text("Body.")])])
        // A revision number is still the story's version.
        #expect(try read("---\nversion: 3\n---\nBody.\n").metadata.version == 3)
        #expect(try read("---\nversion: '1e3'\n---\nBody.\n").metadata.extra["version"] == "1e3")
        // Written as front matter and read again, the texts come back unchanged.
        let markdown = String(decoding: try MarkdownWriter().write(Document(story: story), context: WriteContext()), as: UTF8.self)
        #expect(try read(markdown).metadata == m, "\(markdown)")
    }

    @Test func frontMatterWithWindowsLineEndings() throws {
        let story = try read("---\r\ntitle: T\r\nauthor: [A, B]\r\n---\r\n# H\r\n")
        #expect(story.metadata.headline == "T")
        #expect(story.metadata.bylines.map(\.name) == ["A", "B"])
        #expect(story.body == [.heading(level: 1, content: [.text("H")])])
    }

    @Test func frontMatterMayCloseWithDots() throws {
        let story = try read("---\ntitle: T\n...\n# Heading\n")
        #expect(story.metadata.headline == "T")
        #expect(story.body == [.heading(level: 1, content: [.text("Heading")])])
    }

    @Test func badYAMLNamesTheFileLine() throws {
        // Line 3 of the file is line 2 of the YAML.
        do {
            _ = try read("---\ntitle: ok\nsummary: a: b\n---\ntext\n")
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.kind == .badInput)
            #expect(error.line == 3)
            #expect(error.message.hasPrefix("YAML front matter"))
        }
        // An unclosed list is noticed where the YAML ends, before the closing fence (line 4).
        do {
            _ = try read("---\ntitle: ok\nauthor: [unclosed\n---\ntext\n")
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.line == 4)
        }
        // A value of the wrong type names its own line.
        do {
            _ = try read("---\ntitle: ok\nurgency: high\n---\n")
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.line == 3)
        }
    }

    @Test func dashedBlocksThatAreNotYAMLStayMarkdown() throws {
        #expect(try body("---\nFoo\n---\nBar\n") == [.thematicBreak, .heading(level: 2, content: [.text("Foo")]), .paragraph([.text("Bar")])])
        #expect(try body("---\n---\n") == [.thematicBreak, .thematicBreak])
        // No closing fence: not front matter either.
        #expect(try read("---\ntitle: x\n").metadata.headline == nil)
    }

    // MARK: Input handling

    @Test func lineEndingsBOMAndNUL() throws {
        #expect(try body("\u{FEFF}# A\r\n\r\nb\rc\n") == [.heading(level: 1, content: [.text("A")]), .paragraph([.text("b"), .softBreak, .text("c")])])
        #expect(try body("a\u{0}b\n") == [.paragraph([.text("a\u{FFFD}b")])])
        // Not UTF-8: read as Windows-1252.
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" \u{93}ok\u{94}".utf8)
        let story = try MarkdownReader().read(latin1, context: ReadContext()).stories[0]
        #expect(story.body.first?.plainText.hasPrefix("café") == true)
    }

    @Test func utf8ValidationAndNULDetection() {
        #expect(MarkdownReader.scan(Array("plain ascii, longer than eight bytes".utf8)) == (true, false))
        #expect(MarkdownReader.scan(Array("0123456\u{0}89abcdef".utf8)) == (true, true))
        #expect(MarkdownReader.scan(Array("é€😀 and more text".utf8)) == (true, false))
        #expect(MarkdownReader.scan([0x61, 0xC0, 0x80]).valid == false)  // overlong
        #expect(MarkdownReader.scan([0xED, 0xA0, 0x80]).valid == false)  // surrogate
        #expect(MarkdownReader.scan([0xE2, 0x82]).valid == false)  // cut short
        #expect(MarkdownReader.scan([0xF4, 0x90, 0x80, 0x80]).valid == false)  // above U+10FFFF
    }

    @Test func commonMarkSettingTurnsExtensionsOff() throws {
        let context = ReadContext(options: ReadOptions(settings: ["markdown.extensions": "commonmark"]))
        #expect(try read("~~x~~\n", context: context).body == [.paragraph([.text("~~x~~")])])
    }

    @Test func registeredAsTheMarkdownFormat() throws {
        let document = try readDocument("*hi*\n", as: .markdown)
        #expect(document.stories.first?.body == [.paragraph([.emphasis([.text("hi")])])])
    }

    // MARK: Hostile input

    @Test func deepBlockQuotesStayShallowAndRenderLikeCmark() throws {
        let diagnostics = Diagnostics()
        let depth = 20_000
        let text = String(repeating: "> ", count: depth) + "a\n"
        let story = try read(text, context: ReadContext(diagnostics: diagnostics))
        let rendered = HTMLBodyRenderer().render(story.body)
        #expect(rendered == String(repeating: "<blockquote>\n", count: depth) + "<p>a</p>\n" + String(repeating: "</blockquote>\n", count: depth))
        #expect(diagnostics.warnings.count == 1)
        // The AST itself is at most 100 quotes deep.
        var levels = 0
        var blocks = story.body
        while case .blockQuote(let inner)? = blocks.first { levels += 1; blocks = inner }
        #expect(levels == MarkdownBlockParser.maxBlockNesting)
    }

    @Test func deepEmphasisStaysShallowAndRendersLikeCmark() throws {
        let n = 20_000
        let text = String(repeating: "*a **a ", count: n) + "b" + String(repeating: " a** a*", count: n) + "\n"
        let rendered = try html(text)
        #expect(rendered == "<p>" + String(repeating: "<em>a <strong>a ", count: n) + "b" + String(repeating: " a</strong> a</em>", count: n) + "</p>\n")
    }

    @Test func deepListsStayShallow() throws {
        let text = (0..<1000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined()
        let blocks = try body(text)
        let rendered = HTMLBodyRenderer().render(blocks)
        #expect(rendered.hasPrefix("<ul>\n<li>a\n<ul>\n<li>a\n"))
        #expect(rendered.components(separatedBy: "<ul>").count - 1 == 1000)
        #expect(blocks == blocks)  // equality walks the whole (shallow) tree
        // Writers that recurse manage the depth the reader allows.
        let document = Document(story: Story(body: blocks))
        let json = try writeDocument(document, as: .json)
        #expect(try readDocument(json, as: .json) == document)
        let markdown = try writeText(document, as: .markdown)
        #expect(MarkdownReader().blocks(markdown).count == blocks.count)
    }
}
