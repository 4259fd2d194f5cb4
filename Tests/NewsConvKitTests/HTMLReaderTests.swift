import Foundation
import Testing
@testable import NewsConvKit

@Suite("HTML reader")
struct HTMLReaderTests {
    static func read(_ html: String, baseURL: String? = nil) throws -> Story {
        try read(Array(html.utf8), baseURL: baseURL)
    }

    static func read(_ bytes: [UInt8], baseURL: String? = nil) throws -> Story {
        let context = ReadContext(sourceName: "test.html", options: ReadOptions(baseURL: baseURL))
        let document = try HTMLReader().read(bytes, context: context)
        #expect(document.stories.count == 1)
        return document.stories.first ?? Story()
    }

    /// A paragraph of filler long enough to count as article text.
    static func paragraph(_ n: Int) -> String {
        "<p>Paragraph \(n) of the story, with enough words, commas, and length to look like real copy that a reporter filed, "
            + "not like a menu item or a caption. It goes on for a while, as newspaper paragraphs do.</p>"
    }

    static let furniturePage = """
        <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour reopens after storm | The Gazette</title>
        <script>var tracking = "SCRIPT TEXT";</script><style>.x { color: red }</style></head>
        <body>
        <nav class="site-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
        <div class="ad-banner">Advertisement</div>
        <div id="main"><article class="story">
        <h1>Harbour reopens after storm</h1>
        <div class="share-tools"><a href="https://twitter.com/share">Tweet</a> <a href="https://facebook.com/share">Share</a></div>
        \((1...5).map(paragraph).joined(separator: "\n"))
        </article></div>
        <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story that is popular today</a></li><li><a href="/b">And another one</a></li></ul></aside>
        <div id="comments" class="comments"><p>First comment: this is a reader comment, long enough to be a paragraph, with commas, and more words.</p></div>
        <footer class="site-footer"><p>© The Gazette. Contact us, advertise with us, terms and privacy.</p></footer>
        </body></html>
        """

    @Test func findsTheArticleNotTheFurniture() throws {
        let story = try Self.read(Self.furniturePage)
        let text = story.plainText
        for n in 1...5 { #expect(text.contains("Paragraph \(n) of the story")) }
        for furniture in ["Home", "Advertisement", "Tweet", "Most read", "First comment", "SCRIPT TEXT", "Contact us", "color: red"] {
            #expect(!text.contains(furniture), "\(furniture) should not be in the body")
        }
        #expect(story.metadata.headline == "Harbour reopens after storm")
        #expect(story.metadata.language == "en")
        // The title heading is the headline, not body text.
        if case .heading? = story.body.first { Issue.record("the headline heading was kept in the body") }
    }

    @Test func metadataFromJSONLDComesFirst() throws {
        let html = """
            <html><head><title>Page title - Site</title>
            <meta property="og:title" content="OG headline"><meta name="author" content="Meta Author">
            <meta property="og:site_name" content="OG Site"><meta property="og:image" content="/og.jpg">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "JSON-LD headline",
             "@context": "https://schema.org", "alternativeHeadline": "The deck", "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Bo Chen"}],
             "datePublished": "2021-03-04T05:06:07Z", "dateModified": "2021-03-05T00:00:00Z", "inLanguage": "es",
             "publisher": {"@type": "Organization", "name": "El Diario"}, "description": "What happened.",
             "image": {"@type": "ImageObject", "url": "https://example.com/hero.jpg", "caption": "The scene"},
             "keywords": ["ports", "weather"], "url": "https://example.com/story", "dateline": "MADRID",
             "copyrightHolder": {"@type": "Organization", "name": "El Diario SA"}, "copyrightNotice": "© 2021 El Diario"}
            </script></head>
            <body><article>\((1...4).map(Self.paragraph).joined())</article></body></html>
            """
        let m = try Self.read(html).metadata
        #expect(m.headline == "JSON-LD headline")
        #expect(m.subheadline == "The deck")
        #expect(m.bylines == [Byline(name: "Ana Ruiz"), Byline(name: "Bo Chen")])
        #expect(m.published == "2021-03-04T05:06:07Z")
        #expect(m.modified == "2021-03-05T00:00:00Z")
        #expect(m.language == "es")
        #expect(m.provider == "El Diario")
        #expect(m.summary == "What happened.")
        #expect(m.heroImage == HeroImage(url: "https://example.com/hero.jpg", caption: "The scene"))
        #expect(m.keywords == ["ports", "weather"])
        #expect(m.url == "https://example.com/story")
        #expect(m.dateline == Dateline(place: "MADRID"))
        #expect(m.copyrightHolder == "El Diario SA")
        #expect(m.copyrightNotice == "© 2021 El Diario")
    }

    @Test func jsonLDGraphIsSearched() throws {
        let html = """
            <html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [
              {"@type": "WebSite", "@id": "#site", "name": "Site"},
              {"@type": "Organization", "@id": "#org", "name": "Graph Publisher"},
              {"@type": "BlogPosting", "headline": "Graph headline", "author": {"@type": "Person", "name": "Kim Lee"},
               "publisher": {"@id": "#org"}, "datePublished": "2020-01-01"}]}
            </script></head><body><div>\((1...4).map(Self.paragraph).joined())</div></body></html>
            """
        let m = try Self.read(html).metadata
        #expect(m.headline == "Graph headline")
        #expect(m.bylines == [Byline(name: "Kim Lee")])
        #expect(m.provider == "Graph Publisher")
        #expect(m.published == "2020-01-01")
    }

    @Test func openGraphAndArticleTags() throws {
        let html = """
            <html lang="fr"><head><title>Ignored | Site</title>
            <meta property="og:title" content="Le port rouvre">
            <meta property="og:description" content="Après la tempête.">
            <meta property="og:site_name" content="La Gazette">
            <meta property="og:image" content="/images/port.jpg">
            <meta property="og:url" content="https://gazette.example/port">
            <meta property="article:published_time" content="2022-02-02T10:00:00+01:00">
            <meta property="article:tag" content="ports"><meta property="article:tag" content="météo">
            </head><body><article>\((1...4).map(Self.paragraph).joined())</article></body></html>
            """
        let m = try Self.read(html).metadata
        #expect(m.headline == "Le port rouvre")
        #expect(m.summary == "Après la tempête.")
        #expect(m.provider == "La Gazette")
        #expect(m.heroImage?.url == "https://gazette.example/images/port.jpg")
        #expect(m.published == "2022-02-02T10:00:00+01:00")
        #expect(m.keywords == ["ports", "météo"])
        #expect(m.language == "fr")
        #expect(m.url == "https://gazette.example/port")
    }

    @Test func dublinCoreAndAuthorMetas() throws {
        let html = """
            <html><head><title>T</title><meta name="DC.title" content="Dublin title"><meta name="DC.creator" content="Dee Creator">
            <meta name="author" content="Other Author"><meta name="description" content="Plain description">
            </head><body><div>\((1...4).map(Self.paragraph).joined())</div></body></html>
            """
        let m = try Self.read(html).metadata
        #expect(m.headline == "Dublin title")
        #expect(m.bylines == [Byline(name: "Dee Creator")])
        #expect(m.summary == "Plain description")
    }

    @Test func bylineFromTheMarkupIsTakenOutOfTheBody() throws {
        let html = """
            <html><head><title>A long enough headline for the page</title></head><body><article>
            <h1>A long enough headline for the page</h1>
            <p class="byline">By <a rel="author" href="/staff/jo">Jo March</a></p>
            \((1...4).map(Self.paragraph).joined())
            </article></body></html>
            """
        let story = try Self.read(html)
        #expect(story.metadata.bylines == [Byline(name: "Jo March")])
        #expect(!story.plainText.contains("Jo March"))
    }

    static func headerPage(head: String = "", header: String) -> String {
        """
        <html><head><title>Ferry pier reopens after repairs | Harbour Gazette</title>\(head)</head><body>
        <header class="site-header"><a href="/">Harbour Gazette</a> <time datetime="2025-03-05">Today</time></header>
        <article><header>
        <h1>Ferry pier reopens after repairs</h1>
        \(header)
        </header>
        \((1...4).map(Self.paragraph).joined(separator: "\n"))
        </article></body></html>
        """
    }

    @Test func articleHeaderGivesDeckBylineAndDate() throws {
        let story = try Self.read(Self.headerPage(header: """
            <p class="standfirst">Repairs to the old timber pier took nine weeks.</p>
            <p class="byline">By Lena Ortiz</p>
            <time datetime="2025-03-04T10:00:00Z">4 March 2025</time>
            """))
        #expect(story.metadata.headline == "Ferry pier reopens after repairs")
        #expect(story.metadata.subheadline == "Repairs to the old timber pier took nine weeks.")
        #expect(story.metadata.bylines == [Byline(name: "Lena Ortiz")])
        #expect(story.metadata.published == "2025-03-04T10:00:00Z")
        #expect(story.body.count == 4)
        #expect(story.body.first?.plainText.hasPrefix("Paragraph 1 of the story") == true)
        for gone in ["Repairs to the old", "Lena Ortiz", "4 March 2025"] { #expect(!story.plainText.contains(gone), "\(gone) stayed in the body") }

        // A date inside a paragraph of its own, and a deck named by a BEM class.
        let wrapped = try Self.read(Self.headerPage(header: """
            <div class="article__dek">Nine weeks of repairs.</div>
            <p class="meta"><time datetime="2025-03-04">4 March</time></p>
            """))
        #expect(wrapped.metadata.subheadline == "Nine weeks of repairs.")
        #expect(wrapped.metadata.published == "2025-03-04")
        #expect(wrapped.body.count == 4)
    }

    /// With the author in JSON-LD already, the header's byline naming that author is dropped too.
    @Test func articleHeaderBylineAgreeingWithTheMetadataIsDropped() throws {
        let head = """
            <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "Ferry pier reopens after repairs", "author": {"@type": "Person", "name": "Lena Ortiz"}}</script>
            """
        let story = try Self.read(Self.headerPage(head: head, header: """
            <p class="byline">By <a rel="author" href="/staff/lena">Lena Ortiz</a>, Staff writer</p>
            """))
        #expect(story.metadata.bylines == [Byline(name: "Lena Ortiz")])
        #expect(!story.plainText.contains("Lena Ortiz"))
        #expect(story.body.count == 4)
        // A byline naming someone else stays.
        let other = try Self.read(Self.headerPage(head: head, header: "<p class=\"byline\">By Sam Pike</p>"))
        #expect(other.plainText.contains("By Sam Pike"))
    }

    @Test func articleHeaderThatDisagreesWithTheMetadataStaysInTheBody() throws {
        let head = """
            <script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry pier reopens after repairs",
            "@context": "https://schema.org", "alternativeHeadline": "A different deck", "datePublished": "2025-03-01T08:00:00Z"}</script>
            """
        let story = try Self.read(Self.headerPage(head: head, header: """
            <p class="standfirst">Repairs to the old timber pier took nine weeks.</p>
            <p><time datetime="2025-03-04T10:00:00Z">Updated 4 March 2025</time></p>
            """))
        #expect(story.metadata.subheadline == "A different deck")
        #expect(story.metadata.published == "2025-03-01T08:00:00Z")
        #expect(story.plainText.contains("Repairs to the old timber pier took nine weeks."))
        #expect(story.plainText.contains("Updated 4 March 2025"))
    }

    /// Only the article's own header counts: a deck-like paragraph in the body, and a time mixed
    /// with other text, stay text.
    @Test func deckAndTimeOutsideTheArticleHeaderStay() throws {
        let story = try Self.read(Self.headerPage(header: """
            <p class="byline">By Lena Ortiz · <time datetime="2025-03-04">4 March</time></p>
            """).replacingOccurrences(of: "</header>\n<p>Paragraph 1", with: "</header>\n<p class=\"standfirst\">A paragraph marked standfirst in the body.</p><p>Paragraph 1"))
        #expect(story.metadata.subheadline == nil)
        #expect(story.metadata.published == nil)
        #expect(story.plainText.contains("A paragraph marked standfirst in the body."))
    }

    @Test func headlineFromTitleWithoutSiteName() throws {
        let page = { (title: String, h1: String) in
            "<html><head><title>\(title)</title></head><body><article><h1>\(h1)</h1>\((1...4).map(Self.paragraph).joined())</article></body></html>"
        }
        #expect(try Self.read(page("Storm closes the harbour for two days | The Gazette", "x")).metadata.headline
            == "Storm closes the harbour for two days")
        #expect(try Self.read(page("Storm closes the old harbour again – The Gazette", "x")).metadata.headline
            == "Storm closes the old harbour again")
        // Too short to be a headline: the one <h1> is.
        #expect(try Self.read(page("Gazette", "Storm closes the harbour for two days")).metadata.headline
            == "Storm closes the harbour for two days")
        // A short headline keeps its site name in Readability's rule; the <h1> shows where it ends.
        #expect(try Self.read(page("Harbour reopens | The Gazette", "Harbour reopens")).metadata.headline == "Harbour reopens")
        #expect(try Self.read(page("Harbour reopens | The Gazette", "Something else")).metadata.headline
            == "Harbour reopens | The Gazette")
    }

    @Test func bodyStructure() throws {
        let html = """
            <html><head><title>Structure test page title here</title></head><body><article>
            \(Self.paragraph(1))
            <h2>A subhead</h2>
            <p>Text with <em>emphasis</em>, <strong>strong words</strong>, <code>code()</code>, a <a href="/rel/link">relative link</a>,
            a <a href="javascript:void(0)">script link</a> and a <a href="#note">note link</a>.</p>
            <blockquote><p>A quoted passage that is long enough to matter in the story.</p></blockquote>
            <ol start="3"><li>Third item</li><li>Fourth item</li></ol>
            <ul><li><p>Loose item one</p></li><li><p>Loose item two</p></li></ul>
            <pre><code class="language-swift">let x = 1
            print(x)</code></pre>
            <table><caption>Results</caption><thead><tr><th>Team</th><th align="right">Points</th></tr></thead>
            <tbody><tr><td>Ajax</td><td>3</td></tr><tr><td>PSV</td><td>1</td></tr></tbody></table>
            <figure><img src="/img/photo.jpg" alt="A photo"><figcaption>Boats in the harbour. <span class="credit">Photo: Jan Smit</span></figcaption></figure>
            \(Self.paragraph(2))
            <hr>
            \(Self.paragraph(3))
            </article></body></html>
            """
        let story = try Self.read(html, baseURL: "https://news.example/2024/story.html")
        let body = story.body
        #expect(body.contains(.heading(level: 2, content: [.text("A subhead")])))
        #expect(body.contains(.blockQuote([.paragraph([.text("A quoted passage that is long enough to matter in the story.")])])))
        #expect(body.contains(.list(ListBlock(kind: .ordered(start: 3, delimiter: "."), isTight: true, items: [
            ListItem(blocks: [.paragraph([.text("Third item")])]), ListItem(blocks: [.paragraph([.text("Fourth item")])]),
        ]))))
        #expect(body.contains { if case .list(let l) = $0 { return !l.isTight } else { return false } })
        #expect(body.contains(.codeBlock(info: "swift", text: "let x = 1\nprint(x)\n")))
        #expect(body.contains(.table(Table(alignments: [.none, .right], header: [[.text("Team")], [.text("Points")]],
                                           rows: [[[.text("Ajax")], [.text("3")]], [[.text("PSV")], [.text("1")]]],
                                           caption: [.text("Results")]))))
        #expect(body.contains(.figure(Figure(image: ImageReference(source: "https://news.example/img/photo.jpg", alt: "A photo"),
                                             caption: [.text("Boats in the harbour.")], credit: "Photo: Jan Smit"))))
        #expect(body.contains(.thematicBreak))
        let inlines = body.compactMap { block -> [Inline]? in
            if case .paragraph(let content) = block, content.plainText.hasPrefix("Text with") { return content }
            return nil
        }.first ?? []
        #expect(inlines.contains(.emphasis([.text("emphasis")])))
        #expect(inlines.contains(.strong([.text("strong words")])))
        #expect(inlines.contains(.code("code()")))
        #expect(inlines.contains(.link(Link(destination: "https://news.example/rel/link", content: [.text("relative link")]))))
        #expect(inlines.contains(.link(Link(destination: "#note", content: [.text("note link")]))))
        #expect(inlines.plainText.contains("a script link and"))
        #expect(!inlines.contains { if case .link(let l) = $0 { return l.destination.hasPrefix("javascript") } else { return false } })
    }

    @Test func lazyImagesAndBaseElement() throws {
        let html = """
            <html><head><title>Lazy images in a story page</title><base href="https://cdn.example/a/b/"></head><body><article>
            \(Self.paragraph(1))
            <figure><img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="pics/one.jpg" alt="One"></figure>
            <figure><img srcset="pics/small.jpg 400w, pics/large.jpg 1600w, pics/mid.jpg 800w" alt="Two"></figure>
            <figure><picture><source srcset="../pics/three.webp 2x, ../pics/three-1x.webp 1x"><img alt="Three"></picture></figure>
            \(Self.paragraph(2))
            </article></body></html>
            """
        let sources = try Self.read(html).body.compactMap { block -> String? in
            if case .figure(let figure) = block { return figure.image?.source }
            return nil
        }
        #expect(sources == ["https://cdn.example/a/b/pics/one.jpg", "https://cdn.example/a/b/pics/large.jpg",
                            "https://cdn.example/a/pics/three.webp"])
    }

    @Test func urlResolution() {
        let base = "https://example.com/a/b/c?q=1#f"
        #expect(URLReference.resolve("d", against: base) == "https://example.com/a/b/d")
        #expect(URLReference.resolve("../d", against: base) == "https://example.com/a/d")
        #expect(URLReference.resolve("/d", against: base) == "https://example.com/d")
        #expect(URLReference.resolve("//other.org/x", against: base) == "https://other.org/x")
        #expect(URLReference.resolve("?z=2", against: base) == "https://example.com/a/b/c?z=2")
        #expect(URLReference.resolve("#top", against: base) == "#top")
        #expect(URLReference.resolve("mailto:a@b.c", against: base) == "mailto:a@b.c")
        #expect(URLReference.resolve("./d/./e/../f", against: base) == "https://example.com/a/b/d/f")
        #expect(URLReference.resolve("d", against: nil) == "d")
        #expect(URLReference.bestCandidate(inSrcset: "https://x.org/w_400,f_auto/a.jpg 400w, https://x.org/w_900,f_auto/a.jpg 900w")
            == "https://x.org/w_900,f_auto/a.jpg")
    }

    @Test func windows1252ByMetaCharset() throws {
        var bytes = Array("<html><head><meta charset=\"windows-1252\"><title>Caf".utf8)
        bytes += [0xE9]  // é
        bytes += Array(" owner says the terrace will reopen</title></head><body><div><p>".utf8)
        bytes += [0x93] + Array("Smart quotes".utf8) + [0x94] + Array(" and a euro sign ".utf8) + [0x80]
        bytes += Array(" survive the trip, as the owner of the caf".utf8) + [0xE9]
        bytes += Array(" said on Monday, with some commas, to be sure.</p></div></body></html>".utf8)
        let story = try Self.read(bytes)
        #expect(story.metadata.headline == "Café owner says the terrace will reopen")
        #expect(story.plainText.contains("\u{201C}Smart quotes\u{201D} and a euro sign € survive"))
        #expect(story.plainText.contains("the café said"))
    }

    @Test func latin1ByHTTPEquivAndUndeclared() throws {
        var declared = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"><title>Na".utf8)
        declared += [0xEF] + Array("ve headline about a small town</title></head><body><p>x</p></body></html>".utf8)
        #expect(try Self.read(declared).metadata.headline == "Naïve headline about a small town")

        var undeclared = Array("<html><head><title>Se".utf8)
        undeclared += [0xF1] + Array("or Ortega returns to the town hall</title></head><body><p>x</p></body></html>".utf8)
        #expect(try Self.read(undeclared).metadata.headline == "Señor Ortega returns to the town hall")
    }

    @Test func utf8WithByteOrderMark() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<html><head><title>Zürich council votes on the new tram line</title></head><body><p>ü</p></body></html>".utf8)
        #expect(try Self.read(bytes).metadata.headline == "Zürich council votes on the new tram line")
        #expect(HTMLEncodingSniffer.encoding(of: bytes) == "UTF-8")
        #expect(HTMLEncodingSniffer.encoding(of: Array("<meta charset='Shift_JIS'>".utf8)) == "shift_jis")
    }

    @Test func entitiesInMetadataAreDecoded() throws {
        let html = """
            <html><head><meta property="og:title" content="Caf&amp;eacute; &amp;amp; bar &amp;#8212; review"></head><body><p>x</p></body></html>
            """
        #expect(try Self.read(html).metadata.headline == "Caf&eacute; & bar — review")
    }

    @Test func entityDecodingTakesLinearTime() throws {
        #expect(HTMLEntities.unescapeBasic("a &amp; b &#x263A; &#9731; &bogus; &#0; &#xD800; &#999999999; &#99999999999; &#x; &lt;&gt;&quot;&apos; &")
                == "a & b \u{263A} \u{2603} &bogus; \u{FFFD} \u{FFFD} \u{FFFD} &#99999999999; &#x; <>\"' &")
        #expect(HTMLEntities.unescapeBasic("Zoë &amp;amp; Łódź &#128512;&") == "Zoë &amp; Łódź \u{1F600}&")
        func decode(_ copies: Int) -> (Duration, String) {
            let text = String(repeating: "Caf&#233; &amp; bar, ", count: copies)
            var result = ""
            let elapsed = ContinuousClock().measure { result = HTMLEntities.unescapeBasic(text) }
            return (elapsed, result)
        }
        // 16 times the text: linear takes about 16 times as long, quadratic far longer
        // (appending to a String.UnicodeScalarView in a loop took 0.06 s and 6 s here).
        let short = (0..<3).map { _ in decode(8_000).0 }.min()!
        let (long, text) = decode(128_000)
        #expect(text.utf8.count == 128_000 * "Café & bar, ".utf8.count)
        #expect(long < short * 40, "8,000 copies: \(short), 128,000 copies: \(long)")
    }

    @Test func hostileAndEmptyInput() throws {
        #expect(throws: NewsConvError.self) { try Self.read([UInt8]()) }
        // Garbage, unclosed markup, deep nesting and very many siblings: no crash, no hang.
        _ = try Self.read(Array((0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        _ = try Self.read("<html><body><p>unclosed <b>bold <i>italic <a href=x>link")
        _ = try Self.read(String(repeating: "<div>", count: 5000) + "deep text" + String(repeating: "</div>", count: 5000))
        let many = try Self.read("<html><body><div>" + String(repeating: "<p>Short line, with a comma, and more words.</p>", count: 5_000) + "</div></body></html>")
        #expect(many.body.count > 1000)
        // Shapes that once took time growing with depth × text or with pieces²: nested
        // byline-like containers around long text, and one paragraph of many small pieces.
        let nested = String(repeating: "<div class=\"author\">", count: 100) + String(repeating: "word, ", count: 3000)
            + String(repeating: "</div>", count: 100)
        #expect(try Self.read("<html><body>" + nested + "</body></html>").plainText.count > 15_000)
        let pieces = try Self.read("<html><body><p>" + String(repeating: "word<b></b> ", count: 8_000) + "</p></body></html>")
        #expect(pieces.plainText.count == 8_000 * 5 - 1)
    }

    @Test func textOnlyPageKeepsItsText() throws {
        let story = try Self.read("<html><body>Just some text in the body.</body></html>")
        #expect(story.plainText == "Just some text in the body.")
    }

    @Test func ourOwnPagesReadBack() throws {
        let original = Story(
            metadata: Metadata(headline: "Headline with </script> and <b>tags</b> & more", subheadline: "Deck",
                               bylines: [Byline(name: "Ana Ruiz", role: "Staff"), Byline(name: "Bo Chen")],
                               dateline: Dateline(place: "LIMA", agency: "AP"), language: "es", published: "2023-01-02T03:04:05Z",
                               provider: "Agencia", copyrightNotice: "© 2023 Agencia", keywords: ["a", "b"], summary: "Sum",
                               url: "https://example.com/s"),
            body: [.paragraph([.text("First paragraph of the story, long enough to read as copy, with commas, and more words.")]),
                   .paragraph([.text("Second paragraph, "), .emphasis([.text("also")]), .text(" long enough to count as copy in a story page.")]),
                   .heading(level: 2, content: [.text("Later")]),
                   .paragraph([.text("Third paragraph after a subhead, which is long enough to count as article text as well.")])])
        let html = try HTMLWriter().write(Document(story: original), context: WriteContext())
        let back = try Self.read(html)
        let m = back.metadata
        #expect(m.headline == original.metadata.headline)
        #expect(m.subheadline == "Deck")
        #expect(m.bylines == original.metadata.bylines)
        #expect(m.dateline == original.metadata.dateline)
        #expect(m.language == "es")
        #expect(m.published == original.metadata.published)
        #expect(m.provider == "Agencia")
        #expect(m.copyrightNotice == "© 2023 Agencia")
        #expect(m.keywords == ["a", "b"])
        #expect(back.body == original.body)
    }

    @Test func jsonValuesForJSONLD() {
        let value = JSONValue.parse(#" {"a": [1, -2.5e3, true, false, null], "s": "x\"\u00e9\ud83d\ude00\n", "o": {}, "a2": []} "#)
        #expect(value?["a"] == .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null]))
        #expect(value?["s"]?.string == "x\"é😀\n")
        #expect(value?["o"] == .object([]))
        #expect(value?["a2"] == .array([]))
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "\"unterminated", "tru", "{} extra", String(repeating: "[", count: 1000)] {
            #expect(JSONValue.parse(bad) == nil, "\(bad.prefix(20)) should not parse")
        }
    }

    @Test func fastUTF8CheckAgreesWithTheDecoder() {
        var samples: [[UInt8]] = [[], Array("plain ascii text that is long".utf8), Array("café ☕ 😀 mixed".utf8),
                                  [0xC3], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]]
        var seed: UInt64 = 42
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(seed % 40) {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                bytes.append(UInt8(truncatingIfNeeded: seed >> 56) | (seed % 3 == 0 ? 0 : 0x80))
            }
            samples.append(bytes)
            samples.append(Array("prefix ok ".utf8) + bytes)
        }
        for sample in samples {
            // Against the standard library's own UTF-8 validation; the non-contiguous path too.
            let reference = String(validating: sample, as: UTF8.self) != nil
            #expect(TextDecoding.isValidUTF8(sample) == reference, "\(sample)")
            #expect(TextDecoding.isValidUTF8(sample.lazy.map { $0 }) == reference, "\(sample)")
        }
    }

    /// `html.extract = false`: no article finding, the whole body is the text, task lists keep
    /// their boxes (as GFM and newsconv's own writers put them).
    @Test func withoutExtractionTheWholeBodyIsTheText() throws {
        let html = """
            <!DOCTYPE html><html><head><title>Checklist</title></head><body>
            <h1>Storm checklist</h1>
            <ul><li><input type="checkbox" checked disabled> Close the shutters</li>
            <li><p><input type="checkbox"> Fill the tank</p></li><li>Plain item</li></ul>
            </body></html>
            """
        let context = ReadContext(sourceName: "t.html", options: ReadOptions(settings: ["html.extract": "false"]))
        let body = try HTMLReader().read(Array(html.utf8), context: context).stories.first?.body
        #expect(body == [
            .heading(level: 1, content: [.text("Storm checklist")]),
            .list(ListBlock(kind: .bullet(marker: "-"), isTight: false, items: [
                ListItem(checked: true, blocks: [.paragraph([.text("Close the shutters")])]),
                ListItem(checked: false, blocks: [.paragraph([.text("Fill the tank")])]),
                ListItem(blocks: [.paragraph([.text("Plain item")])]),
            ])),
        ])
    }


    /// A fragment (no page tags) is read whole, the way a CMS body or `--fragment` output is meant;
    /// a page, even one that leaves out `<html>` and `<body>`, still has its article found.
    @Test func aFragmentIsReadWhole() throws {
        let fragment = "<h1>Council votes to close the pier</h1>\n<p>The council voted 5-2.</p>\n<ul><li>One</li><li>Two</li></ul>"
        #expect(try Self.read(fragment).body == [
            .heading(level: 1, content: [.text("Council votes to close the pier")]),
            .paragraph([.text("The council voted 5-2.")]),
            .list(ListBlock(kind: .bullet(marker: "-"), items: [
                ListItem(blocks: [.paragraph([.text("One")])]), ListItem(blocks: [.paragraph([.text("Two")])]),
            ])),
        ])
        for page in ["<!DOCTYPE html>", "<HTML>", "<head>", "<title>Votes</title>", "<body class=x>"] {
            #expect(!HTMLReader.isFragment(Array((page + fragment).utf8)), "\(page)")
        }
        for notAPage in ["<header>", "<bodyguard>", "<p>html body</p>", "<titles>", "< html>"] {
            #expect(HTMLReader.isFragment(Array((notAPage + fragment).utf8)), "\(notAPage)")
        }
        // The setting overrides the guess both ways.
        let extracting = ReadContext(options: ReadOptions(settings: ["html.extract": "true"]))
        let extracted = try HTMLReader().read(Array(fragment.utf8), context: extracting).stories[0].body
        #expect(extracted.first != .heading(level: 1, content: [.text("Council votes to close the pier")]))
    }


    /// A newsconv page read back: subjects keep their codes (JSON-LD `identifier`), the hero
    /// picture stays the hero (not the first block of the text), and the dateline is not repeated.
    @Test func ourOwnPageGivesTheStoryBack() throws {
        let original = HTMLWriterTests.story
        let page = try HTMLWriter().write(Document(story: original), context: WriteContext())
        let story = try Self.read(page)
        #expect(story.metadata.subjects == original.metadata.subjects)
        #expect(story.metadata.heroImage?.url == original.metadata.heroImage?.url)
        #expect(story.body.first == original.body.first)
        #expect(story.body.count == original.body.count)
    }


    /// A figure that is only its caption (newsconv writes one for a picture it could not show)
    /// stays a figure with its caption and credit.
    @Test func aCaptionOnlyFigureStaysAFigure() throws {
        let html = "<p>Text.</p><figure><figcaption>Pier at dawn. <span class=\"credit\">Photo by A. Lind</span></figcaption></figure>"
        #expect(try Self.read(html).body == [
            .paragraph([.text("Text.")]),
            .figure(Figure(caption: [.text("Pier at dawn.")], credit: "Photo by A. Lind")),
        ])
    }


    /// In clean HTML (a fragment), a line break inside a paragraph is a soft break, as in the
    /// Markdown the HTML came from; on a web page it stays a space.
    @Test func lineBreaksInCleanHTMLAreSoftBreaks() throws {
        let html = "<p>one\ntwo <em>\nthree</em>\n four <a href=\"x\">five\n six</a></p>"
        #expect(try Self.read(html).body == [.paragraph([
            .text("one"), .softBreak, .text("two "), .emphasis([.text("three")]), .softBreak, .text("four "),
            .link(Link(destination: "x", content: [.text("five"), .softBreak, .text("six")])),
        ])])
        let page = "<!DOCTYPE html><html><body><article>" + Self.paragraph(1).replacingOccurrences(of: ", with", with: ",\nwith") + "</article></body></html>"
        let body = try Self.read(page).body
        #expect(!body.isEmpty)
        #expect(!body.contains { block in if case .paragraph(let content) = block { content.contains(.softBreak) } else { false } })
    }

}
