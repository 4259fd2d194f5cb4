/// Writes an EPUB 3.3 book (with an EPUB 2 NCX for older readers): one story as a book, or
/// several as an edition with a table of contents and an optional cover.
///
/// The book is reproducible: the same document, options, files and clock give the same bytes.
/// Entries come in a fixed order and carry the time of ``Resources/currentTime`` (which honours
/// `SOURCE_DATE_EPOCH`), as does `dcterms:modified`; a book without an identifier gets one made
/// from its content. Story bodies are rendered by ``HTMLBodyRenderer``; raw HTML is cleaned up
/// into well-formed XHTML; images are packed when they are local files or `data:` URLs and
/// otherwise replaced by their alt text with a warning.
///
/// ```
/// mimetype                   stored, first
/// META-INF/container.xml
/// EPUB/package.opf           metadata, manifest, spine
/// EPUB/nav.xhtml             contents and landmarks
/// EPUB/toc.ncx               EPUB 2 contents
/// EPUB/styles/epub.css       the theme's EPUB stylesheet (and any --css files)
/// EPUB/text/cover.xhtml      with --cover
/// EPUB/text/title.xhtml      title page (not with --fragment)
/// EPUB/text/story-001.xhtml  one per story
/// EPUB/images/…              packed images
/// ```
public struct EPUBWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}

    /// Rules every book's stylesheet starts with, before the theme's own.
    static let baseStylesheet = """
        /* newsconv EPUB base */
        img { max-width: 100%; height: auto; }
        figure { margin: 1em 0; }
        .titlepage, .cover { text-align: center; }
        .cover img { max-height: 95%; }
        .byline, .dateline, .published, .credit, .toc-byline { font-style: italic; }

        """

    public func write(_ document: Document, context: WriteContext) throws -> [UInt8] {
        let warn: (String) -> Void = { context.warn($0) }
        let options = context.options
        let linker = EPUBResourceLinker(resources: context.resources, warn: warn)
        let preparer = EPUBBodyPreparer(linker: linker)
        var book = EPUBBookMetadata(document: document, title: options.title, clock: context.resources.currentTime, warn: warn)
        let stories = document.stories
        if stories.isEmpty { warn("there are no stories; the book has a title page only") }

        // Cover: --cover, or an edition's own image.
        var coverIndex: Int?
        if let path = options.cover {
            let bytes: [UInt8]
            do { bytes = try context.resources.contents(of: path) } catch let error as NewsConvError {
                throw NewsConvError(.missingInput, "cover image: \(error.message)", file: path)
            }
            coverIndex = linker.packCover(bytes, source: path)
        } else if stories.count > 1, let hero = document.metadata.heroImage {
            coverIndex = linker.pack(hero.url)
        }

        // Chapters.
        let renderer = HTMLBodyRenderer(alignsWithStyle: true)
        let sanitizer = XHTMLSanitizer(linker: linker, warn: warn)
        var chapters: [(id: String, href: String, bytes: [UInt8])] = []
        var entries: [EPUBNavigation.Entry] = []
        for (i, story) in stories.enumerated() {
            let number = i + 1
            let stem = "story-" + (number < 10 ? "00" : number < 100 ? "0" : "") + String(number)
            var body: [UInt8] = []
            body.reserveCapacity(story.body.count * 256)
            for block in preparer.prepare(story.body) {
                if EPUBBodyPreparer.containsRawHTML(block) {
                    var html: [UInt8] = []
                    renderer.render([block], into: &html)
                    sanitizer.append(html: html, to: &body)
                    if body.last != 10 { body.append(10) }
                } else {
                    renderer.render([block], into: &body)
                }
            }
            let heroHref = story.metadata.heroImage.flatMap { linker.image($0.url, alt: $0.alt ?? "") }
            let title = story.metadata.headline.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 } ?? "Story \(number)"
            let language = story.metadata.language.flatMap { EPUBBookMetadata.isLanguageTag($0) ? $0 : nil } ?? book.language
            let bytes = EPUBContentDocuments.chapter(story, language: language, fallbackTitle: title, body: body, heroHref: heroHref)
            chapters.append((stem, "text/\(stem).xhtml", bytes))
            entries.append(.init(href: "text/\(stem).xhtml", title: title, bylines: story.metadata.bylines))
        }

        let cover = coverIndex.map { linker.items[$0] }
        let coverPage = cover.map {
            EPUBContentDocuments.coverPage(imageHref: "../" + $0.href, title: book.title, language: book.language)
        }
        let titlePage = options.standalone || stories.isEmpty
            ? EPUBContentDocuments.titlePage(book, story: stories.count == 1 ? stories[0].metadata : nil)
            : nil
        let landmarks = EPUBNavigation.Landmarks(
            cover: coverPage == nil ? nil : "text/cover.xhtml",
            titlePage: titlePage == nil ? nil : "text/title.xhtml",
            contents: stories.count > 1 ? "#toc" : nil,
            bodyMatter: chapters.first?.href)
        let navigation = EPUBNavigation.navigationDocument(title: book.title, language: book.language, entries: entries, landmarks: landmarks)
        let stylesheet = try Self.stylesheet(options: options, resources: context.resources)

        if book.identifier == nil {
            // A digest of the content: the title, then the size and CRC-32 of every chapter and image.
            var content = Array(book.title.utf8)
            for data in chapters.map(\.bytes) + linker.items.map(\.data) {
                let crc = ZLib.crc32(data)
                for value in [UInt32(truncatingIfNeeded: data.count), crc] {
                    content += [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> UInt32($0)) }
                }
            }
            book.identifier = StableIdentifier.urn(for: content)
        }
        let identifier = book.identifier ?? ""
        var points: [(label: String, href: String)] = []
        if titlePage != nil { points.append(("Title page", "text/title.xhtml")) }
        points += entries.map { ($0.title, $0.href) }
        let ncx = EPUBNavigation.ncx(title: book.title, language: book.language, identifier: identifier, points: points)

        // Manifest and spine.
        typealias Item = EPUBPackageDocument.Item
        var items: [Item] = [
            Item(id: "nav", href: "nav.xhtml", mediaType: "application/xhtml+xml", properties: "nav"),
            Item(id: "ncx", href: "toc.ncx", mediaType: "application/x-dtbncx+xml"),
            Item(id: "css", href: "styles/epub.css", mediaType: "text/css"),
        ]
        var spine: [EPUBPackageDocument.SpineEntry] = []
        if coverPage != nil {
            items.append(Item(id: "cover-page", href: "text/cover.xhtml", mediaType: "application/xhtml+xml"))
            spine.append(.init(id: "cover-page"))
        }
        if titlePage != nil {
            items.append(Item(id: "title-page", href: "text/title.xhtml", mediaType: "application/xhtml+xml"))
            spine.append(.init(id: "title-page"))
        }
        if landmarks.contents != nil { spine.append(.init(id: "nav")) }
        for chapter in chapters {
            items.append(Item(id: chapter.id, href: chapter.href, mediaType: "application/xhtml+xml"))
            spine.append(.init(id: chapter.id))
        }
        for (i, item) in linker.items.enumerated() {
            items.append(Item(id: item.id, href: item.href, mediaType: item.mediaType.rawValue,
                              properties: i == coverIndex ? "cover-image" : nil))
        }
        let package = EPUBPackageDocument.render(book, identifier: identifier, items: items, spine: spine,
                                                 coverImageID: cover?.id)

        // The archive, in a fixed order.
        var zip = ZIPWriter(modified: context.resources.currentTime)
        try zip.add("mimetype", Array("application/epub+zip".utf8), method: .stored)
        try zip.add("META-INF/container.xml", EPUBPackageDocument.container, method: .deflated)
        try zip.add(EPUBPackageDocument.path, package, method: .deflated)
        try zip.add("EPUB/nav.xhtml", navigation, method: .deflated)
        try zip.add("EPUB/toc.ncx", ncx, method: .deflated)
        try zip.add("EPUB/styles/epub.css", stylesheet, method: .deflated)
        if let coverPage { try zip.add("EPUB/text/cover.xhtml", coverPage, method: .deflated) }
        if let titlePage { try zip.add("EPUB/text/title.xhtml", titlePage, method: .deflated) }
        for chapter in chapters { try zip.add("EPUB/" + chapter.href, chapter.bytes, method: .deflated) }
        for item in linker.items { try zip.add("EPUB/" + item.href, item.data, method: .deflated) }
        return zip.finish()
    }

    /// The base rules, the theme's EPUB stylesheet, then each `--css` file.
    static func stylesheet(options: WriteOptions, resources: any Resources) throws -> [UInt8] {
        let theme = try Theme.resolve(options.theme, resources: resources)
        var css = Array(baseStylesheet.utf8)
        css += Array(theme.epubStylesheet.utf8)
        for path in options.stylesheets {
            let bytes: [UInt8]
            do { bytes = try resources.contents(of: path) } catch let error as NewsConvError {
                throw NewsConvError(.missingInput, "stylesheet: \(error.message)", file: path)
            }
            if css.last != 10 { css.append(10) }
            css += Array("/* \(path.replacing("*/", with: "* /")) */\n".utf8)
            css += Array(TextDecoding.decode(bytes).text.utf8)
        }
        if css.last != 10 { css.append(10) }
        return css
    }
}
