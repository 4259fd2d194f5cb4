import Foundation
import Testing
@testable import NewsConvKit

@Suite("HTML writer")
struct HTMLWriterTests {
    static let hostile = "<script>alert(\"x\")</script> & </script><!-- \u{2028} end"

    static let story = Story(
        metadata: Metadata(
            id: "urn:newsconv:test:1", headline: "Port strike halts traffic", subheadline: "Dock workers walk out",
            bylines: [Byline(name: "Anneke Visser"), Byline(name: "Tom Berger", role: "Reuters Staff")],
            contributors: [Contributor(role: "Editing", name: "Mark Holloway")],
            dateline: Dateline(place: "ROTTERDAM", date: "Nov 24", agency: "Reuters"), language: "nl",
            modified: "2020-11-24T14:05:00Z", published: "2020-11-24T09:30:00Z", provider: "Newsconv Wire",
            copyrightNotice: "© 2020 Newsconv Wire", copyrightHolder: "Newsconv Wire BV",
            subjects: [Subject(code: "20000106", scheme: "medtop", name: "economy")], keywords: ["shipping", "strikes"],
            summary: "A strike stops the port.",
            heroImage: HeroImage(url: "https://example.com/cranes.jpg", caption: "Idle cranes", credit: "Jean Martin/AFP", alt: "Cranes"),
            url: "https://example.com/strike", extra: ["section": "Business"]),
        body: [
            .paragraph([.text("Dock workers walked off the job on Tuesday.")]),
            .figure(Figure(image: ImageReference(source: "ships.jpg", alt: "Ships"), caption: [.text("Ships wait")], credit: "AP")),
            .table(Table(alignments: [.left, .right], header: [[.text("Terminal")], [.text("Ships")]], rows: [[[.text("Maasvlakte")], [.text("9")]]])),
            .paragraph([.text("Talks resume on Thursday.")]),
        ])

    static func page(_ document: Document, options: WriteOptions = WriteOptions(), resources: any Resources = InMemoryResources()) throws -> String {
        String(decoding: try HTMLWriter().write(document, context: WriteContext(options: options, resources: resources)), as: UTF8.self)
    }

    /// The text of every `application/ld+json` script in `html`, parsed back with libxml2.
    static func jsonLD(_ html: String) throws -> [[String: Any]] {
        let document = try XMLDocument.parseHTML(Array(html.utf8), encoding: "UTF-8")
        var scripts: [String] = []
        func walk(_ node: XMLNode) {
            if node.isElement, node.name == "script" {
                #expect(node.attribute("type") == "application/ld+json", "only the JSON-LD script is allowed")
                scripts.append(node.textContent)
            }
            for child in node.children where child.isElement { walk(child) }
        }
        if let root = document.root { walk(root) }
        return try scripts.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:] }
    }

    @Test func fragmentIsTheBodyAlone() throws {
        let one = try Self.page(Document(story: Self.story), options: WriteOptions(standalone: false))
        #expect(one == HTMLBodyRenderer().render(Self.story.body))
        let two = try Self.page(Document(stories: [Self.story, Story(body: [.paragraph([.text("Second")])])]), options: WriteOptions(standalone: false))
        #expect(two.hasPrefix("<article>\n<p>Dock workers"))
        #expect(two.hasSuffix("<article>\n<p>Second</p>\n</article>\n"))
        #expect(!two.contains("<html"))
    }

    @Test func standalonePageHasNewsSemantics() throws {
        let html = try Self.page(Document(story: Self.story))
        for expected in [
            "<!DOCTYPE html>", "<html lang=\"nl\">", "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>Port strike halts traffic</title>", "<article class=\"story\"", "<header class=\"story-header\">",
            "<h1 class=\"headline\">Port strike halts traffic</h1>", "<p class=\"deck\">Dock workers walk out</p>",
            "rel=\"author\"", ">Anneke Visser</a>", ">Tom Berger</a>", "<span class=\"role\">Reuters Staff</span>",
            "<time class=\"published\" datetime=\"2020-11-24T09:30:00Z\">24 November 2020, 09:30 UTC</time>",
            "<time class=\"updated\" datetime=\"2020-11-24T14:05:00Z\">",
            "<p><span class=\"dateline\">ROTTERDAM, Nov 24 (Reuters)</span> \u{2014} Dock workers walked off the job on Tuesday.</p>",
            "<figure class=\"hero\">", "<img src=\"https://example.com/cranes.jpg\" alt=\"Cranes\">",
            "<figcaption>Idle cranes <span class=\"credit\">Jean Martin/AFP</span></figcaption>",
            "<figcaption>Ships wait <span class=\"credit\">AP</span></figcaption>",
            "<th style=\"text-align: left\">Terminal</th>", "<td style=\"text-align: right\">9</td>",
            "<footer class=\"story-footer\">", "© 2020 Newsconv Wire", "(Editing by Mark Holloway)",
            "<meta property=\"og:type\" content=\"article\">", "<meta property=\"og:title\" content=\"Port strike halts traffic\">",
            "<meta property=\"og:image\" content=\"https://example.com/cranes.jpg\">", "<meta property=\"og:locale\" content=\"nl\">",
            "<meta property=\"article:published_time\" content=\"2020-11-24T09:30:00Z\">",
            "<link rel=\"canonical\" href=\"https://example.com/strike\">",
        ] {
            #expect(html.contains(expected), "missing \(expected)")
        }
        #expect(!html.contains(" align=\""), "HTML5 has no align attribute")
    }

    @Test func jsonLDCarriesTheMetadataUnderSchemaOrgNames() throws {
        let objects = try Self.jsonLD(try Self.page(Document(story: Self.story)))
        #expect(objects.count == 1)
        let article = objects.first ?? [:]
        #expect(article["@context"] as? String == "https://schema.org")
        #expect(article["@type"] as? String == "NewsArticle")
        #expect(article["headline"] as? String == "Port strike halts traffic")
        #expect(article["alternativeHeadline"] as? String == "Dock workers walk out")
        let authors = article["author"] as? [[String: Any]] ?? []
        #expect(authors.map { $0["@type"] as? String } == ["Person", "Person"])
        #expect(authors.map { $0["name"] as? String } == ["Anneke Visser", "Tom Berger"])
        #expect(article["dateline"] as? String == "ROTTERDAM, Nov 24 (Reuters)")
        #expect(article["datePublished"] as? String == "2020-11-24T09:30:00Z")
        #expect(article["dateModified"] as? String == "2020-11-24T14:05:00Z")
        #expect(article["inLanguage"] as? String == "nl")
        #expect((article["publisher"] as? [String: Any])?["name"] as? String == "Newsconv Wire")
        #expect((article["copyrightHolder"] as? [String: Any])?["name"] as? String == "Newsconv Wire BV")
        #expect(article["copyrightNotice"] as? String == "© 2020 Newsconv Wire")
        #expect(article["keywords"] as? [String] == ["shipping", "strikes"])
        #expect((article["about"] as? [[String: Any]])?.first?["name"] as? String == "economy")
        #expect(article["description"] as? String == "A strike stops the port.")
        #expect((article["image"] as? [String: Any])?["url"] as? String == "https://example.com/cranes.jpg")
        #expect(article["url"] as? String == "https://example.com/strike")
    }

    @Test func severalStoriesAreArticlesInOneGraph() throws {
        var second = Self.story
        second.metadata.headline = "Second story"
        let html = try Self.page(Document(metadata: Metadata(headline: "Morning Edition"), stories: [Self.story, second]))
        #expect(html.components(separatedBy: "<article class=\"story\"").count == 3)
        #expect(html.contains("<title>Morning Edition</title>"))
        let objects = try Self.jsonLD(html)
        let graph = objects.first?["@graph"] as? [[String: Any]] ?? []
        #expect(graph.map { $0["headline"] as? String } == ["Port strike halts traffic", "Second story"])
    }

    @Test func markupInMetadataComesOutAsText() throws {
        var story = Self.story
        story.metadata.headline = Self.hostile
        story.metadata.bylines = [Byline(name: "<b>Eve</b>")]
        story.metadata.summary = "\"quoted\" <i>summary</i>"
        story.metadata.heroImage = HeroImage(url: "x.jpg\" onerror=\"alert(1)", caption: "<script>c</script>")
        story.metadata.keywords = ["</script><script>alert(1)</script>"]
        let html = try Self.page(Document(story: story))
        #expect(html.contains("<h1 class=\"headline\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;/script&gt;&lt;!-- \u{2028} end</h1>"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<b>Eve</b>"))
        #expect(!html.contains("onerror=\"alert"))
        // The JSON-LD block survives intact and reads back the exact text.
        let article = try Self.jsonLD(html).first ?? [:]
        #expect(article["headline"] as? String == Self.hostile)
        #expect(article["keywords"] as? [String] == ["</script><script>alert(1)</script>"])
        // And the page reads back through the HTML reader with the same headline.
        let back = try HTMLReader().read(Array(html.utf8), context: ReadContext())
        #expect(back.stories.first?.metadata.headline == Self.hostile.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    }

    @Test(.enabled(if: which("tidy") != nil, "SKIPPED: tidy is not installed"))
    func pagesAreValidHTML5ForTidy() throws {
        let tidy = which("tidy") ?? "tidy"
        var hostile = Self.story
        hostile.metadata.headline = Self.hostile
        let documents = [Document(story: Self.story), Document(story: hostile),
                         Document(metadata: Metadata(headline: "Edition"), stories: [Self.story, hostile]),
                         Document(story: Story(body: [.paragraph([.text("Bare")])]))]
        var checked = 0
        for theme in Theme.builtIn.map(\.name) {
            for (index, document) in documents.enumerated() {
                let html = try Self.page(document, options: WriteOptions(theme: theme, stylesheets: ["extra.css"]))
                let (status, output) = try Self.run(tidy, ["-errors", "-q"], input: html)
                #expect(status == 0 && output.isEmpty, "tidy on theme \(theme), document \(index): \(output)")
                checked += 1
            }
        }
        #expect(checked == Theme.builtIn.count * documents.count)
    }

    static func run(_ tool: String, _ arguments: [String], input: String) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    /// The hero's caption and credit are set apart by one space, and only when both are there.
    @Test(arguments: Theme.builtIn.map(\.name))
    func heroCaptionAndCreditInEveryTheme(_ theme: String) throws {
        func figcaption(caption: String?, credit: String?) throws -> String? {
            let story = Story(metadata: Metadata(headline: "Pier reopens", heroImage: HeroImage(url: "pier.jpg", caption: caption, credit: credit)),
                              body: [.paragraph([.text("The pier opened.")])])
            let html = try Self.page(Document(story: story), options: WriteOptions(theme: theme))
            guard let start = html.range(of: "<figcaption>"), let end = html.range(of: "</figcaption>", range: start.upperBound..<html.endIndex) else { return nil }
            return String(html[start.lowerBound..<end.upperBound])
        }
        #expect(try figcaption(caption: nil, credit: "Photo: J. Kim") == "<figcaption><span class=\"credit\">Photo: J. Kim</span></figcaption>")
        #expect(try figcaption(caption: "The pier at dawn", credit: nil) == "<figcaption>The pier at dawn</figcaption>")
        #expect(try figcaption(caption: "The pier at dawn", credit: "Photo: J. Kim")
                == "<figcaption>The pier at dawn <span class=\"credit\">Photo: J. Kim</span></figcaption>")
        #expect(try figcaption(caption: nil, credit: nil) == nil)
    }

    /// Inside a section named for a text, the built-in templates write the text as `{{{.}}}`:
    /// looking the name up again from inside makes swift-mustache reflect the text with `Mirror`.
    @Test func builtInTemplatesUseTheSectionsOwnText() throws {
        for theme in Theme.builtIn {
            for (file, template) in [("page", theme.pageTemplate)] + theme.partials.sorted(by: { $0.key < $1.key }) {
                var rest = Substring(template)
                while let open = rest.range(of: "{{#") {
                    rest = rest[open.upperBound...]
                    guard let close = rest.range(of: "}}") else { break }
                    let name = rest[..<close.lowerBound]
                    guard let end = rest.range(of: "{{/\(name)}}") else { continue }
                    let inside = rest[close.upperBound..<end.lowerBound]
                    #expect(!inside.contains("{{{\(name)}}}") && !inside.contains("{{\(name)}}"),
                            "\(theme.name)/\(file).mustache: write {{{.}}} inside {{#\(name)}}")
                }
            }
        }
    }

    @Test func themesChooseTheLook() throws {
        let document = Document(story: Self.story)
        #expect(Set(Theme.builtIn.map(\.name)).isSuperset(of: ["default", "broadsheet", "midnight"]))
        for theme in Theme.builtIn {
            let html = try Self.page(document, options: WriteOptions(theme: theme.name))
            #expect(html.contains(String(theme.stylesheet.prefix(40))), "theme \(theme.name) stylesheet")
            #expect(html.contains("<h1 class=\"headline\">Port strike halts traffic</h1>"))
        }
        #expect(throws: NewsConvError.self) { try Self.page(document, options: WriteOptions(theme: "no-such-theme")) }
    }

    @Test func themeFromADirectoryWithVariablesAndStylesheets() throws {
        let resources = InMemoryResources(files: [
            "mytheme/page.mustache": Array("<!DOCTYPE html><html lang=\"{{{lang}}}\"><head><title>{{{title}}}</title><style>{{{stylesheet}}}</style>{{#stylesheets}}<link rel=\"stylesheet\" href=\"{{{href}}}\">{{/stylesheets}}</head><body><p class=\"edition\">{{{edition}}}</p>{{#stories}}{{> article}}{{/stories}}</body></html>".utf8),
            "mytheme/style.css": Array("body { color: teal } </style>".utf8),
        ])
        let html = try Self.page(Document(story: Self.story),
                                 options: WriteOptions(theme: "mytheme", stylesheets: ["house style.css"], variables: ["edition": "Late <b>City</b>"]),
                                 resources: resources)
        #expect(html.contains("<p class=\"edition\">Late &lt;b&gt;City&lt;/b&gt;</p>"))
        #expect(html.contains("<style>body { color: teal } <\\/style></style>"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"house%20style.css\">"))
        // The partial the directory lacks comes from the default theme.
        #expect(html.contains("<h1 class=\"headline\">Port strike halts traffic</h1>"))
    }

    /// Parsed templates are kept per theme for later pages: two themes of the same name but
    /// different templates must each render their own.
    @Test func parsedThemesAreKeptByContentNotName() throws {
        func theme(_ marker: String) -> InMemoryResources {
            InMemoryResources(files: ["same/page.mustache": Array("<!DOCTYPE html><title>{{{title}}}</title><p>\(marker)</p>".utf8)])
        }
        let document = Document(story: Self.story)
        for _ in 0..<2 {
            #expect(try Self.page(document, options: WriteOptions(theme: "same"), resources: theme("first")).contains("<p>first</p>"))
            #expect(try Self.page(document, options: WriteOptions(theme: "same"), resources: theme("second")).contains("<p>second</p>"))
        }
    }

    @Test func brokenTemplateIsAUsageError() throws {
        let resources = InMemoryResources(files: ["bad/page.mustache": Array("{{#stories}}unclosed".utf8)])
        #expect(throws: NewsConvError.self) {
            try Self.page(Document(story: Self.story), options: WriteOptions(theme: "bad"), resources: resources)
        }
    }

    @Test func heroImageIsNotRepeatedWhenTheBodyOpensWithAPicture() throws {
        var story = Self.story
        story.body.insert(.figure(Figure(image: ImageReference(source: "lead.jpg"), caption: [.text("Lead")])), at: 0)
        let html = try Self.page(Document(story: story))
        #expect(!html.contains("<figure class=\"hero\">"))
    }

    /// The compiled-in themes (made at build time by the EmbedResources plugin) are exactly the files in `Themes/`.
    @Test func embeddedThemesMatchTheThemesFolder() throws {
        let folder = Corpus.projectRoot.appendingPathComponent("Themes")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).appendingPathComponent("page.mustache").path) }
            .sorted()
        #expect(Theme.embedded.map(\.name) == names, "the compiled-in themes and Themes/ differ: the EmbedResources plugin did not pick up a theme")
        for name in names {
            let dir = folder.appendingPathComponent(name)
            func file(_ file: String) throws -> String { try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8) }
            let embedded = Theme.embedded.first { $0.name == name }
            #expect(embedded?.pageTemplate == (try file("page.mustache")), "\(name)/page.mustache differs from its compiled-in copy")
            #expect(embedded?.stylesheet == (try file("style.css")), "\(name)/style.css differs from its compiled-in copy")
            #expect(embedded?.epubStylesheet == (try file("epub.css")), "\(name)/epub.css differs from its compiled-in copy")
            let partials = try FileManager.default.contentsOfDirectory(atPath: dir.path)
                .filter { $0.hasSuffix(".mustache") && $0 != "page.mustache" }
            #expect(Set(embedded?.partials.keys.map { $0 + ".mustache" } ?? []) == Set(partials))
            for partial in partials {
                #expect(embedded?.partials[String(partial.dropLast(9))] == (try file(partial)), "\(name)/\(partial) differs from its compiled-in copy")
            }
        }
    }

    @Test func timestampsForReaders() {
        #expect(Timestamp("2020-11-24").displayText == "24 November 2020")
        #expect(Timestamp("2020-11-24T09:30:00Z").displayText == "24 November 2020, 09:30 UTC")
        #expect(Timestamp("2020-11-24T09:30:00.123-05:00").displayText == "24 November 2020, 09:30 -05:00")
        #expect(Timestamp("Tuesday morning").displayText == "Tuesday morning")
    }
}
