/// Reads a web page into one story: the article found among the page's navigation, ads and
/// comments (see ``ArticleExtractor``), with its metadata (see ``HTMLMetadataReader``).
///
/// Parsing is libxml2's forgiving HTML parser, in the encoding the page declares (or a byte-order
/// mark shows). Relative links resolve against `<base>` and the page address
/// (``ReadOptions/baseURL``, `--base-url`; else the page's canonical address).
public struct HTMLReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        let encoding = HTMLEncodingSniffer.encoding(of: input)
        let parsed = try XMLDocument.parseHTML(input, encoding: encoding, sourceName: context.sourceName)
        var extractor = ArticleExtractor(dom: HTMLDOM(parsed))
        extractor.unwrapNoscriptImages()
        let scripts = extractor.dom.descendants(of: extractor.dom.document, named: "script")
            .filter { extractor.dom.attribute($0, "type")?.trimmingJSWhitespace.lowercased() == "application/ld+json" }
            .map { extractor.dom.textContent($0) }
        extractor.prepareDocument()

        let page = HTMLMetadataReader(dom: extractor.dom, jsonLDScripts: scripts, pageURL: context.options.baseURL).read()
        var metadata = page.metadata
        extractor.articleTitle = page.title
        extractor.metadataHasByline = page.hasByline

        var body: [Block] = []
        if let article = extractor.grabArticle() {
            var builder = HTMLBlockBuilder(dom: extractor.dom, baseURL: page.baseURL)
            body = builder.blocks(of: article)
        }
        if metadata.bylines.isEmpty, let byline = extractor.articleByline {
            metadata.bylines = Bylines.parse(byline)
        }
        if metadata.language == nil { metadata.language = extractor.articleLanguage }
        if let direction = extractor.articleDirection?.lowercased(), direction == "rtl" { metadata.extra["dir"] = direction }
        Self.dropRepeatedHeadline(from: &body, headline: metadata.headline)
        if body.isEmpty && metadata.headline == nil {
            context.warn("no article text found in the page")
        }
        return Document(story: Story(metadata: metadata, body: body))
    }

    /// Drops a leading heading that only repeats the headline.
    static func dropRepeatedHeadline(from body: inout [Block], headline: String?) {
        guard let headline, case .heading(_, let content)? = body.first else { return }
        if content.plainText.collapsingWhitespace.lowercased() == headline.collapsingWhitespace.lowercased() {
            body.removeFirst()
        }
    }
}
