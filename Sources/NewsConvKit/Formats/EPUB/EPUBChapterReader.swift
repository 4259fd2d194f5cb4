import Foundation

/// Reads one XHTML content document of a book: front matter (cover, title page, contents) is
/// recognised and skipped; each `<article>` becomes a story, its metadata taken from the
/// `<header>`, `<footer>` and `<meta>` elements that ``EPUBContentDocuments`` writes; a document
/// without articles gives its blocks, to join the book's single story. The text itself is turned
/// into blocks by ``body``: the HTML format's reader.
struct EPUBChapterReader {
    /// What a content document holds.
    enum Content {
        /// Cover, title page or table of contents.
        case frontMatter
        /// Stories, one per `<article>`.
        case stories([Story])
        /// Plain book content.
        case blocks([Block])
    }

    /// The blocks of a run of content nodes.
    let body: (_ nodes: [XMLNode]) throws -> [Block]

    func read(_ document: XMLDocument) throws -> Content {
        guard let root = document.root else { return .blocks([]) }
        let bodyElement = root.name == "body" ? root : (root.element(named: "body") ?? root)
        if Self.isFrontMatter(bodyElement) { return .frontMatter }
        let articles = Self.articles(in: bodyElement)
        guard !articles.isEmpty else {
            return .blocks(try body(bodyElement.children.filter { $0.name != "nav" }))
        }

        var language = root.attributes.first { $0.name == "lang" && $0.prefix == "xml" }?.value ?? root.attribute("lang")
        if language?.isEmpty == true { language = nil }
        let head = root.element(named: "head")
        return .stories(try articles.map { article in
            var story = try self.story(article)
            if story.metadata.language == nil { story.metadata.language = language }
            if articles.count == 1, let head { Self.readMeta(head, into: &story.metadata) }
            return story
        })
    }

    /// True for a cover, title page or navigation document.
    static func isFrontMatter(_ body: XMLNode) -> Bool {
        let marks = ["cover", "titlepage", "toc", "landmarks"]
        func marked(_ node: XMLNode) -> Bool {
            let types = epubType(node)
            return marks.contains { types.contains($0) }
        }
        if marked(body) { return true }
        let elements = body.elements
        return !elements.isEmpty && elements.allSatisfy { marked($0) || $0.name == "nav" }
    }

    /// The `epub:type` values of `node`.
    static func epubType(_ node: XMLNode) -> [String] {
        guard let value = node.attributes.first(where: { $0.name == "type" && $0.prefix == "epub" })?.value else { return [] }
        return value.split(separator: " ").map(String.init)
    }

    /// The outermost `<article>` elements below `node`.
    private static func articles(in node: XMLNode, depth: Int = 0) -> [XMLNode] {
        guard depth < 50 else { return [] }
        var found: [XMLNode] = []
        for child in node.elements {
            if child.name == "article" { found.append(child) } else { found += articles(in: child, depth: depth + 1) }
        }
        return found
    }

    private func story(_ article: XMLNode) throws -> Story {
        var metadata = Metadata()
        var bodyNodes: [XMLNode] = []
        var trailing: [XMLNode] = []
        var seenContent = false
        for child in article.children {
            if child.isElement && child.name == "header" && !seenContent {
                bodyNodes += readHeader(child, into: &metadata)
            } else if child.isElement && child.name == "figure" && child.attribute("class") == "hero" && metadata.heroImage == nil {
                metadata.heroImage = readHero(child)
            } else if child.isElement && child.name == "footer" {
                trailing += readFooter(child, into: &metadata)
            } else {
                if child.isElement { seenContent = true }
                bodyNodes.append(child)
            }
        }
        return Story(metadata: metadata, body: try body(bodyNodes + trailing))
    }

    /// Reads the headline, deck, byline, dateline and date; returns what it did not recognise.
    private func readHeader(_ header: XMLNode, into m: inout Metadata) -> [XMLNode] {
        var rest: [XMLNode] = []
        for child in header.elements {
            let className = child.attribute("class") ?? ""
            switch (child.name, className) {
            case ("h1", _) where m.headline == nil, ("h2", _) where m.headline == nil:
                m.headline = Self.collapsed(child.textContent)
            case ("p", "deck"):
                m.subheadline = Self.collapsed(child.textContent)
            case ("p", "byline"):
                m.bylines = Self.bylines(child)
            case ("p", "dateline"):
                let spans = Self.spans(child)
                if spans.isEmpty {
                    m.dateline = Dateline(parsing: Self.collapsed(child.textContent))
                } else {
                    m.dateline = Dateline(place: spans.first { $0.0 == "place" }?.1, date: spans.first { $0.0 == "date" }?.1,
                                          agency: spans.first { $0.0 == "agency" }?.1)
                }
            case ("p", "published"):
                if let time = child.element(named: "time"), let datetime = time.attribute("datetime") {
                    m.published = Timestamp(datetime)
                } else {
                    m.published = Timestamp(Self.collapsed(child.textContent))
                }
            default:
                rest.append(child)
            }
        }
        return rest
    }

    /// The hero image: `<figure class="hero"><img …/><figcaption>caption <span class="credit">…</span></figcaption></figure>`.
    private func readHero(_ figure: XMLNode) -> HeroImage? {
        guard let img = figure.element(named: "img"), let src = img.attribute("src") else { return nil }
        var caption = ""
        var credit: String?
        for node in figure.element(named: "figcaption")?.children ?? [] {
            if node.name == "span" && node.attribute("class") == "credit" {
                credit = Self.collapsed(node.textContent)
            } else {
                caption += node.kind == .text ? node.text : node.textContent
            }
        }
        caption = Self.collapsed(caption)
        let alt = img.attribute("alt") ?? ""
        return HeroImage(url: src, caption: caption.isEmpty ? nil : caption, credit: credit, alt: alt.isEmpty ? nil : alt)
    }

    /// Reads the closing credits, sign-off and copyright; returns what it did not recognise.
    private func readFooter(_ footer: XMLNode, into m: inout Metadata) -> [XMLNode] {
        var rest: [XMLNode] = []
        for child in footer.elements {
            switch (child.name, child.attribute("class") ?? "") {
            case ("p", "contributors"):
                for credit in child.elements where credit.attribute("class") == "contributor" {
                    let spans = Self.spans(credit)
                    if let name = spans.first(where: { $0.0 == "name" })?.1 {
                        m.contributors.append(Contributor(role: spans.first { $0.0 == "role" }?.1 ?? "", name: name))
                    }
                }
            case ("p", "signoff"): m.signoff = Self.collapsed(child.textContent)
            case ("p", "copyright"): m.copyrightNotice = Self.collapsed(child.textContent)
            default: rest.append(child)
            }
        }
        return rest
    }

    /// Story metadata from `<meta name=… content=…>` in the head.
    static func readMeta(_ head: XMLNode, into m: inout Metadata) {
        for meta in head.elements(named: "meta") {
            guard let rawName = meta.attribute("name"), let content = meta.attribute("content") else { continue }
            let name = rawName.lowercased()
            let value = content.trimmingWhitespace
            guard !value.isEmpty else { continue }
            if name.hasPrefix("newsconv.") {
                readNewsconvMeta(key: String(rawName.dropFirst("newsconv.".count)), content, into: &m)
                continue
            }
            switch name {
            case "dcterms.identifier": m.id = m.id ?? value
            case "dcterms.publisher": m.provider = m.provider ?? value
            case "dcterms.created": m.created = m.created ?? Timestamp(value)
            case "dcterms.modified": m.modified = m.modified ?? Timestamp(value)
            case "dcterms.subject": m.subjects.append(Subject(name: value))
            case "keywords":
                m.keywords += value.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
            case "description": m.summary = m.summary ?? value
            case "author": if m.bylines.isEmpty { m.bylines.append(Byline(name: value)) }
            default: break
            }
        }
    }

    /// A `newsconv.KEY` meta (``EPUBContentDocuments/newsconvMeta(_:)``); one that does not
    /// read is left out.
    private static func readNewsconvMeta(key: String, _ content: String, into m: inout Metadata) {
        if key.hasPrefix("extra.") {
            m.extra[String(key.dropFirst("extra.".count))] = content
        } else if key == "subjects" {
            if let subjects = try? JSONDecoder().decode([Subject].self, from: Data(content.utf8)) { m.subjects = subjects }
        } else {
            try? m.set(key, to: content)
        }
    }

    /// Bylines from `<span class="author">` (each followed by an optional `<span class="role">`),
    /// or from the text (`By A and B`) when there are no spans.
    private static func bylines(_ p: XMLNode) -> [Byline] {
        var result: [Byline] = []
        for (className, text) in spans(p) {
            if className == "author" {
                result.append(Byline(name: text))
            } else if className == "role", !result.isEmpty, result[result.count - 1].role == nil {
                result[result.count - 1].role = text
            }
        }
        if result.isEmpty {
            var text = collapsed(p.textContent)
            if text.lowercased().hasPrefix("by ") { text = String(text.dropFirst(3)) }
            if !text.isEmpty { result.append(Byline(name: text)) }
        }
        return result
    }

    /// The classed `<span>` children of `node`, as (class, collapsed text).
    private static func spans(_ node: XMLNode) -> [(String, String)] {
        node.elements.compactMap { child in
            guard child.name == "span", let className = child.attribute("class") else { return nil }
            return (className, collapsed(child.textContent))
        }
    }

    /// `text` with whitespace runs collapsed to single spaces and trimmed.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
