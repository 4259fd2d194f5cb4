/// Reads EPUB 2 and 3 books: container → package document → spine order → XHTML.
///
/// A book whose chapters are `<article>`s (as newsconv writes editions) gives one story per
/// article; any other book gives one story. The package metadata (title, creators, language,
/// date, publisher, rights, subjects, identifier, description) describes the story of a
/// one-story book, or the document of an edition. Images packed in the book become `data:` URLs,
/// so they travel with the story.
///
/// Reading is safe: the archive is opened within ``ZIPLimits`` (a zip bomb fails fast), entry
/// names and hrefs that leave the container are refused, and missing or malformed package
/// files give clear errors.
public struct EPUBReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        let warn: (String) -> Void = { context.warn($0) }
        let archive = try ZIPArchive(input)
        if let mimetype = try archive.contents(of: "mimetype"),
           String(decoding: mimetype, as: UTF8.self).trimmingWhitespace != "application/epub+zip" {
            warn("the mimetype file does not say application/epub+zip; reading it as an EPUB anyway")
        }
        let package = try Self.package(in: archive, warn: warn)
        let images = EPUBImageLoader(archive: archive, package: package, warn: warn)

        var stories: [Story] = []
        var bookBlocks: [Block] = []
        var sawArticles = false
        for item in package.spine where !item.properties.contains("nav") {
            guard let document = try Self.contentDocument(item, in: archive, warn: warn) else { continue }
            let directory = EPUBPath.directory(of: item.path)
            let chapterName = context.sourceName + "/" + item.path
            let chapter = EPUBChapterReader { nodes in
                let blocks = try Self.blocks(of: nodes, name: chapterName, context: context)
                return EPUBBodyPreparer(image: { source, _ in images.source(for: source, in: directory) }, keepsLink: { _ in true })
                    .prepare(blocks)
            }
            switch try chapter.read(document) {
            case .frontMatter:
                continue
            case .stories(var found):
                sawArticles = true
                for i in found.indices {
                    guard var hero = found[i].metadata.heroImage else { continue }
                    // A hero image that cannot be read from the book is left out (with a warning).
                    found[i].metadata.heroImage = images.source(for: hero.url, in: directory).map { url in
                        hero.url = url
                        return hero
                    }
                }
                stories += found
            case .blocks(let blocks):
                if !sawArticles {
                    bookBlocks += blocks
                } else if !blocks.isEmpty {
                    stories.append(Story(body: blocks))
                }
            }
        }
        return Self.document(package.metadata, stories: stories, bookBlocks: bookBlocks, sawArticles: sawArticles)
    }

    /// The document: one story for a book of plain chapters; else the stories of its articles,
    /// described by the package metadata (a single story's own metadata coming first).
    private static func document(_ metadata: Metadata, stories: [Story], bookBlocks: [Block], sawArticles: Bool) -> Document {
        var bookBlocks = bookBlocks
        guard sawArticles else {
            // A leading heading repeating the title is the headline.
            if case .heading(_, let content)? = bookBlocks.first, content.plainText.trimmingWhitespace == metadata.headline {
                bookBlocks.removeFirst()
            }
            return Document(story: Story(metadata: metadata, body: bookBlocks))
        }
        var stories = stories
        if !bookBlocks.isEmpty { stories.insert(Story(body: bookBlocks), at: 0) }
        guard stories.count == 1 else { return Document(metadata: metadata, stories: stories) }
        let chapterSubjects = stories[0].metadata.subjects
        stories[0].metadata.fillGaps(from: metadata)
        // The package can say which scheme and code a subject has; a chapter only names it.
        if chapterSubjects.map(\.name) == metadata.subjects.map(\.name) { stories[0].metadata.subjects = metadata.subjects }
        return Document(stories: stories)
    }

    /// The parsed content document of a spine item; nil (with a warning) when it is not XHTML.
    private static func contentDocument(_ item: EPUBPackage.Item, in archive: ZIPArchive,
                                        warn: (String) -> Void) throws -> XMLDocument? {
        guard isXHTML(item.mediaType) else {
            warn("\(item.path): \(item.mediaType) in the spine is not XHTML; skipped")
            return nil
        }
        guard let bytes = try archive.contents(of: item.path) else {
            throw NewsConvError.badInput("\(item.path) is in the spine but missing from the archive")
        }
        do {
            return try XMLDocument.parseXML(bytes)
        } catch let error as NewsConvError {
            warn("\(item.path): not well-formed XHTML (\(error.description)); read as HTML")
            return try XMLDocument.parseHTML(bytes, encoding: "UTF-8")
        }
    }

    /// The blocks of a run of XHTML content nodes, through the HTML format's reader (without its
    /// article finding): the nodes are written out as HTML (``XHTMLSanitizer``) inside an
    /// `<article>` of an untitled page.
    static func blocks(of nodes: [XMLNode], name: String, context: ReadContext) throws -> [Block] {
        guard nodes.contains(where: { $0.isElement || !$0.text.allSatisfy(\.isWhitespace) }) else { return [] }
        guard let reader = Format.html.reader else {
            throw NewsConvError(.unsupported, "reading EPUB needs the HTML reader, which this build lacks")
        }
        var page = Array("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><article>\n".utf8)
        XHTMLSanitizer.passThrough().append(nodes: nodes, to: &page)
        page += Array("\n</article></body></html>\n".utf8)
        // A chapter is clean XHTML, not a web page: all of it is text (no article finding).
        let chapterContext = ReadContext(sourceName: name, options: ReadOptions(settings: ["html.extract": "false"]),
                                         resources: context.resources, diagnostics: context.diagnostics)
        return try reader.read(page, context: chapterContext).stories.flatMap(\.body)
    }

    /// The package document that `META-INF/container.xml` names.
    static func package(in archive: ZIPArchive, warn: (String) -> Void) throws -> EPUBPackage {
        guard let containerBytes = try archive.contents(of: "META-INF/container.xml") else {
            throw NewsConvError.badInput("not an EPUB: META-INF/container.xml is missing")
        }
        let container: XMLDocument
        do { container = try XMLDocument.parseXML(containerBytes) } catch let error as NewsConvError {
            throw NewsConvError.badInput("META-INF/container.xml: \(error.message)", line: error.line, column: error.column)
        }
        let rootfiles = container.root?.element(named: "rootfiles")?.elements(named: "rootfile") ?? []
        let rootfile = rootfiles.first { $0.attribute("media-type") == "application/oebps-package+xml" } ?? rootfiles.first
        guard let fullPath = rootfile?.attribute("full-path") else {
            throw NewsConvError.badInput("META-INF/container.xml names no package document (rootfile full-path)")
        }
        guard let path = EPUBPath.resolve(fullPath, in: "") else {
            throw NewsConvError.badInput("META-INF/container.xml: the package document \"\(fullPath)\" lies outside the container")
        }
        guard let bytes = try archive.contents(of: path) else {
            throw NewsConvError.badInput("the package document \(path) named by META-INF/container.xml is missing")
        }
        return try EPUBPackage(parsing: bytes, path: path, warn: warn)
    }

    static func isXHTML(_ mediaType: String) -> Bool {
        let type = mediaType.lowercased()
        return type == "application/xhtml+xml" || type == "text/html" || type == "application/xml" || type == "text/xml"
    }
}
