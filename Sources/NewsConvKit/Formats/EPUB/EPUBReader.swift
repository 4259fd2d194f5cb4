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

        var images: [String: String?] = [:]
        var stories: [Story] = []
        var bookBlocks: [Block] = []
        var sawArticles = false
        for item in package.spine {
            if item.properties.contains("nav") { continue }
            guard Self.isXHTML(item.mediaType) else {
                warn("\(item.path): \(item.mediaType) in the spine is not XHTML; skipped")
                continue
            }
            guard let bytes = try archive.contents(of: item.path) else {
                throw NewsConvError.badInput("\(item.path) is in the spine but missing from the archive")
            }
            let document: XMLDocument
            do {
                document = try XMLDocument.parseXML(bytes)
            } catch let error as NewsConvError {
                warn("\(item.path): not well-formed XHTML (\(error.description)); read as HTML")
                document = try XMLDocument.parseHTML(bytes, encoding: "UTF-8")
            }
            let directory = EPUBPath.directory(of: item.path)
            let image: (String) -> String? = { src in
                if let known = images[directory + "\u{0}" + src] { return known }
                let source = Self.imageSource(src, directory: directory, archive: archive, package: package, warn: warn)
                images[directory + "\u{0}" + src] = source
                return source
            }
            let chapterName = context.sourceName + "/" + item.path
            let body: ([XMLNode]) throws -> [Block] = { nodes in
                let blocks = try Self.blocks(of: nodes, name: chapterName, context: context)
                return EPUBBodyPreparer(image: { source, _ in image(source) }, keepsLink: { _ in true }).prepare(blocks)
            }
            switch try EPUBChapterReader(body: body).read(document) {
            case .frontMatter:
                continue
            case .stories(var found):
                sawArticles = true
                for i in found.indices {
                    if let hero = found[i].metadata.heroImage {
                        found[i].metadata.heroImage?.url = image(hero.url) ?? ""
                        if found[i].metadata.heroImage?.url == "" { found[i].metadata.heroImage = nil }
                    }
                }
                stories += found
            case .blocks(let blocks):
                bookBlocks += blocks
                if sawArticles && !blocks.isEmpty { stories.append(Story(body: blocks)); bookBlocks = [] }
            }
        }

        let metadata = package.metadata
        if !sawArticles {
            // One story for the whole book; a leading heading repeating the title is the headline.
            if case .heading(_, let content)? = bookBlocks.first, content.plainText.trimmingWhitespace == metadata.headline {
                bookBlocks.removeFirst()
            }
            return Document(story: Story(metadata: metadata, body: bookBlocks))
        }
        if !bookBlocks.isEmpty { stories.insert(Story(body: bookBlocks), at: 0) }
        if stories.count == 1 {
            let chapterSubjects = stories[0].metadata.subjects
            stories[0].metadata.fillGaps(from: metadata)
            // The package can say which scheme and code a subject has; a chapter only names it.
            if chapterSubjects.map(\.name) == metadata.subjects.map(\.name) { stories[0].metadata.subjects = metadata.subjects }
            return Document(stories: stories)
        }
        return Document(metadata: metadata, stories: stories)
    }

    /// The blocks of a run of XHTML content nodes, through the HTML format's reader: the nodes
    /// are written out as HTML (``XHTMLSanitizer``) inside an `<article>` of an untitled page.
    static func blocks(of nodes: [XMLNode], name: String, context: ReadContext) throws -> [Block] {
        guard nodes.contains(where: { $0.isElement || !$0.text.allSatisfy(\.isWhitespace) }) else { return [] }
        guard let reader = Format.html.reader else {
            throw NewsConvError(.unsupported, "reading EPUB needs the HTML reader, which this build lacks")
        }
        var page = Array("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body><article>\n".utf8)
        XHTMLSanitizer.passThrough().append(nodes: nodes, to: &page)
        page += Array("\n</article></body></html>\n".utf8)
        let chapterContext = ReadContext(sourceName: name, resources: context.resources, diagnostics: context.diagnostics)
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

    /// The AST source for an image `src` in a content document in `directory`: a packed image as
    /// a `data:` URL, a web address as it is, or nil (with a warning) for anything else.
    static func imageSource(_ src: String, directory: String, archive: ZIPArchive, package: EPUBPackage,
                            warn: (String) -> Void) -> String? {
        if let scheme = EPUBResourceLinker.scheme(of: src) {
            return scheme == "http" || scheme == "https" || scheme == "data" ? src : nil
        }
        guard let path = EPUBPath.resolve(src, in: directory) else {
            warn("image \"\(src)\" points outside the book; using its alt text")
            return nil
        }
        let data: [UInt8]
        do {
            guard let found = try archive.contents(of: path) else {
                warn("image \(path) is missing from the book; using its alt text")
                return nil
            }
            data = found
        } catch {
            warn("image \(path): \(error); using its alt text")
            return nil
        }
        let declared = package.manifest.values.first { $0.path == path }?.mediaType
        guard let type = ImageMediaType(sniffing: data)?.rawValue ?? declared else {
            warn("image \(path) is of an unknown type; using its alt text")
            return nil
        }
        return DataURL.make(mediaType: type, data: data)
    }
}
