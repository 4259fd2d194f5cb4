/// Reads a web page into one story: the article found among the page's navigation, ads and
/// comments (see ``ArticleExtractor``), with its metadata (see ``HTMLMetadataReader``).
///
/// A fragment (HTML with no `<html>`, `<head>` or `<body>` tag, such as a CMS's article body or
/// `newsconv --fragment` output) is not a web page: there is no article finding, and all of it
/// is the story's text, headings and all, line breaks inside paragraphs kept as soft breaks. The setting `html.extract` (``ReadOptions/settings``)
/// decides for any input: `false` reads the whole `<body>` (the EPUB reader reads chapters this
/// way), `true` looks for the article even in a fragment.
///
/// Parsing is libxml2's forgiving HTML parser, in the encoding the page declares (or a byte-order
/// mark shows). Relative links resolve against `<base>` and the page address
/// (``ReadOptions/baseURL``, `--base-url`; else the page's canonical address).
public struct HTMLReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        guard input.contains(where: { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 && $0 != 0x0C }) else {
            throw NewsConvError.badInput("empty input; expected HTML")
        }
        let encoding = HTMLEncodingSniffer.encoding(of: input)
        // The page in newsconv's own DOM, prepared for the article finder; libxml2's tree is
        // freed as soon as it is copied. Returns the JSON-LD scripts too (read before scripts go).
        func prepared() throws -> (dom: HTMLDOM, scripts: [String]) {
            let parsed = try XMLDocument.parseHTML(input, encoding: encoding, sourceName: context.sourceName)
            var extractor = ArticleExtractor(dom: HTMLDOM(parsed, expectedSize: input.count))
            extractor.unwrapNoscriptImages()
            // Only JSON-LD scripts are copied into the DOM.
            let scripts = extractor.dom.descendants(of: extractor.dom.document, named: "script").map { extractor.dom.textContent($0) }
            extractor.prepareDocument()
            return (extractor.dom, scripts)
        }
        let (dom, scripts) = try prepared()
        var extractor = ArticleExtractor(dom: dom)
        let rebuild = { (try? prepared().dom) ?? HTMLDOM() }

        let extracts = context.options.settings["html.extract"].map { $0 != "false" } ?? !Self.isFragment(input)
        let page = HTMLMetadataReader(dom: extractor.dom, jsonLDScripts: scripts, pageURL: context.options.baseURL).read()
        // A lead picture shown apart from the text (`<figure class="hero">`, as newsconv's pages
        // and many sites mark it) is the story's hero image, not the first block of its text.
        // (Looked for before the article finder reshapes the page, and only when there is a hero.)
        let showsHeroApart = extracts && page.metadata.heroImage != nil
            && extractor.dom.descendants(of: extractor.dom.document, named: "figure").contains {
                extractor.dom.className($0).split(separator: " ").contains("hero")
            }
        var metadata = page.metadata
        extractor.articleTitle = page.title
        extractor.metadataHasByline = page.hasByline
        extractor.knownDateline = metadata.dateline?.text

        var body: [Block] = []
        if !extracts {
            let root = extractor.dom.body != HTMLDOM.none ? extractor.dom.body : extractor.dom.document
            var builder = HTMLBlockBuilder(dom: extractor.dom, baseURL: page.baseURL)
            builder.keepsLineBreaks = true
            body = builder.blocks(of: root)
        } else {
            // Read before the article finder reshapes the page.
            let headerTexts = extractor.articleHeaderTexts()
            if let article = extractor.grabArticle(rebuild: rebuild) {
                extractor.takeHeaderFields(from: article, texts: headerTexts, into: &metadata)
                // The finder removed furniture as it walked the page, unless it had to keep
                // unlikely-looking parts to find any text: then from the article it found.
                if !extractor.flags.contains(.stripUnlikelyCandidates) { extractor.removeFurniture(from: article) }
                var builder = HTMLBlockBuilder(dom: extractor.dom, baseURL: page.baseURL)
                body = builder.blocks(of: article)
            }
        }
        if metadata.bylines.isEmpty, let byline = extractor.articleByline {
            metadata.bylines = Bylines.parse(byline)
        }
        if metadata.language == nil { metadata.language = extractor.articleLanguage }
        if let direction = extractor.articleDirection?.lowercased(), direction == "rtl" { metadata.extra["dir"] = direction }
        // What a page repeats in its article for show goes; text read whole stays whole.
        if extracts {
            Self.dropRepeatedHeadline(from: &body, headline: metadata.headline)
            if showsHeroApart, let hero = metadata.heroImage { Self.dropLeadingHero(from: &body, hero: hero) }
            if let dateline = metadata.dateline { Self.dropLeadingDateline(from: &body, dateline: dateline.text) }
            Self.dropBoilerplate(from: &body, metadata: &metadata)
        }
        if body.isEmpty && metadata.headline == nil {
            context.warn("no article text found in the page")
        }
        return Document(story: Story(metadata: metadata, body: body))
    }

    /// True when `input` has no `<!DOCTYPE>`, `<html>`, `<head>`, `<title>` or `<body>` tag (in any
    /// case, with or without attributes): a piece of HTML rather than a page.
    static func isFragment(_ input: [UInt8]) -> Bool {
        let pageTags: Set<String> = ["!doctype", "html", "head", "title", "body"]
        var i = 0
        while i < input.count {
            defer { i += 1 }
            guard input[i] == UInt8(ascii: "<") else { continue }
            if let (name, _) = tagName(in: input[...], at: i), pageTags.contains(name) { return false }
        }
        return true
    }

    /// The lower-cased name of the tag opening at `start` (a `<`) and the index after it: letters
    /// and digits (`h2`), or `!doctype`; nil when no name follows or it is longer than 12.
    static func tagName(in bytes: ArraySlice<UInt8>, at start: Int) -> (String, Int)? {
        var name: [UInt8] = []
        var index = start + 1
        while index < bytes.endIndex, name.count <= 12 {
            let byte = bytes[index], lower = byte | 0x20
            if lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z") {
                name.append(lower)
            } else if (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") && !name.isEmpty) || (byte == UInt8(ascii: "!") && name.isEmpty) {
                name.append(byte)
            } else {
                break
            }
            index += 1
        }
        guard !name.isEmpty, name.count <= 12 else { return nil }
        return (String(decoding: name, as: UTF8.self), index)
    }

    /// Drops the hero picture from the start of the text when it is the metadata's hero image.
    static func dropLeadingHero(from body: inout [Block], hero: HeroImage) {
        guard case .figure(let figure)? = body.first, let image = figure.image, image.source == hero.url else { return }
        body.removeFirst()
    }

    /// Drops the dateline from the start of the first paragraph (after any leading pictures)
    /// when the metadata holds it (`LIMA (AP) — Police said…` becomes `Police said…`), so it is
    /// not printed twice.
    static func dropLeadingDateline(from body: inout [Block], dateline: String) {
        guard let index = body.firstIndex(where: { if case .figure = $0 { return false } else { return true } }),
              !dateline.isEmpty, case .paragraph(var content) = body[index], case .text(let text)? = content.first,
              text.hasPrefix(dateline)
        else { return }
        var rest = Substring(text.dropFirst(dateline.count))
        let separators = [" \u{2014} ", " \u{2013} ", " -- ", " - ", " \u{2014}", ": "]
        guard let separator = separators.first(where: { rest.hasPrefix($0) }) else { return }
        rest = rest.dropFirst(separator.count)
        if rest.isEmpty { content.removeFirst() } else { content[0] = .text(String(rest)) }
        if content.isEmpty { body.remove(at: index) } else { body[index] = .paragraph(content) }
    }

    /// Drops a leading heading that only repeats the headline.
    static func dropRepeatedHeadline(from body: inout [Block], headline: String?) {
        guard let headline, case .heading(_, let content)? = body.first else { return }
        if content.plainText.collapsingWhitespace.lowercased() == headline.collapsingWhitespace.lowercased() {
            body.removeFirst()
        }
    }
}
