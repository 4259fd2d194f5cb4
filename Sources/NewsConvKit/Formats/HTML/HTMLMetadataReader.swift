/// What a web page says about its story, read from (in order of trust) schema.org JSON-LD,
/// Open Graph and `article:*` meta tags, Dublin Core and `name=author` metas, hNews /
/// `itemprop` markup, and finally `<title>` and the first `<h1>`.
///
/// The headline and byline follow Mozilla Readability's choices (Dublin Core titles before Open
/// Graph ones, a `<title>` trimmed of its site name), so they agree with what reader views show.
struct HTMLMetadataReader {
    typealias NodeID = HTMLDOM.NodeID

    let dom: HTMLDOM
    /// Texts of the page's `application/ld+json` scripts (read before scripts are removed).
    let jsonLDScripts: [String]
    /// The page's own address, if known (`--base-url`).
    let pageURL: String?

    /// What was found.
    struct Result {
        /// The story metadata.
        var metadata = Metadata()
        /// The headline the article finder compares headings against.
        var title = ""
        /// True when the metadata names an author.
        var hasByline: Bool { !metadata.bylines.isEmpty }
        /// The address relative links resolve against.
        var baseURL: String?
    }

    func read() -> Result {
        var result = Result()
        let meta = MetaTags(dom: dom)
        let article = JSONLDArticle(scripts: jsonLDScripts)
        let documentTitle = self.documentTitle()

        // The address of the page, then of its links: <base href> resolved against it.
        let canonical = link(rel: "canonical").map { URLReference.resolve($0, against: pageURL) }
        var base = pageURL
        if base == nil {
            base = [canonical, meta.last("og:url")].compactMap { $0 }.first(where: URLReference.isWebAddress)
        }
        if let baseElement = dom.descendants(of: dom.document, named: "base").first, let href = dom.attribute(baseElement, "href"),
            !href.isEmpty
        {
            let resolved = URLReference.resolve(href, against: base)
            if URLReference.isAbsolute(resolved) { base = resolved }
        }
        result.baseURL = base
        func absolute(_ url: String?) -> String? {
            guard let url, !url.trimmingJSWhitespace.isEmpty else { return nil }
            return URLReference.resolve(url, against: base)
        }

        var m = Metadata()

        // Headline, as Readability chooses it.
        var title = article?.title(similarTo: ArticleTitle.fromDocument(dom, title: documentTitle))
        for key in ["dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title", "twitter:title", "parsely-title"]
        where title == nil {
            title = meta.readability(key)
        }
        if title == nil { title = itemprop("headline") ?? firstText(ofClass: "entry-title") }
        if title == nil {
            let fromTitle = ArticleTitle.fromDocument(dom, title: documentTitle)
            title = fromTitle
            // Readability keeps "Short headline | Site" whole; the page's <h1> says which part is the headline.
            if let h1 = dom.descendants(of: dom.document, named: "h1").first.map({ dom.textContent($0).collapsingWhitespace }),
                !h1.isEmpty, fromTitle != h1, fromTitle.hasPrefix(h1), ArticleTitle.startsWithSeparator(fromTitle.dropFirst(h1.count))
            {
                title = h1
            }
        }
        result.title = HTMLEntities.unescapeBasic(title ?? "")
        m.headline = result.title.collapsingWhitespace.isEmpty ? nil : result.title.collapsingWhitespace
        if let alternative = article?.string("alternativeHeadline")?.collapsingWhitespace, !alternative.isEmpty,
            alternative != m.headline
        {
            m.subheadline = alternative
        }

        // Bylines.
        if let authors = article?.authors, !authors.isEmpty {
            m.bylines = authors
        } else {
            let articleAuthor = meta.readability("article:author").flatMap { URLReference.isAbsolute($0) ? nil : $0 }
            let byline = meta.readability("dc:creator") ?? meta.readability("dcterm:creator") ?? meta.readability("author")
                ?? meta.readability("parsely-author") ?? articleAuthor
            if let byline { m.bylines = Bylines.parse(HTMLEntities.unescapeBasic(byline)) }
        }

        // Summary, site, dates.
        var summary = article?.string("description")
        for key in ["dc:description", "dcterm:description", "og:description", "weibo:article:description",
                    "weibo:webpage:description", "description", "twitter:description"] where summary == nil {
            summary = meta.readability(key)
        }
        m.summary = summary.map { HTMLEntities.unescapeBasic($0).collapsingWhitespace }.flatMap { $0.isEmpty ? nil : $0 }
        m.provider = (article?.publisherName ?? meta.readability("og:site_name")).map { HTMLEntities.unescapeBasic($0).collapsingWhitespace }
        let published = article?.string("datePublished") ?? meta.readability("article:published_time") ?? meta.readability("parsely-pub-date")
            ?? meta.last("dc:date") ?? meta.last("dcterms:created") ?? meta.last("dcterms:date") ?? meta.last("date")
            ?? itempropDate("datePublished") ?? hNewsPublished()
        m.published = published.map { Timestamp(HTMLEntities.unescapeBasic($0).trimmingJSWhitespace) }
        let modified = article?.string("dateModified") ?? meta.last("article:modified_time") ?? meta.last("og:updated_time")
            ?? meta.last("dcterms:modified") ?? itempropDate("dateModified")
        m.modified = modified.map { Timestamp($0.trimmingJSWhitespace) }
        if let created = article?.string("dateCreated"), created != published { m.created = Timestamp(created.trimmingJSWhitespace) }

        // Language.
        let htmlLanguage = dom.documentElement == HTMLDOM.none ? nil : dom.attribute(dom.documentElement, "lang")
        let language = article?.language ?? htmlLanguage ?? meta.last("content-language") ?? meta.last("language")
            ?? meta.last("dc:language") ?? meta.last("og:locale").map { String($0.map { $0 == "_" ? "-" : $0 }) }
        m.language = language.map(\.trimmingJSWhitespace).flatMap { $0.isEmpty ? nil : $0 }

        // Image, address, words.
        if let image = article?.image, let url = absolute(image.url) {
            m.heroImage = HeroImage(url: url, caption: image.caption, credit: image.credit, alt: meta.last("og:image:alt"))
        } else if let url = absolute(meta.last("og:image") ?? meta.last("og:image:url") ?? meta.last("og:image:secure_url")
            ?? meta.last("twitter:image") ?? meta.last("twitter:image:src") ?? link(rel: "image_src"))
        {
            m.heroImage = HeroImage(url: url, alt: meta.last("og:image:alt") ?? meta.last("twitter:image:alt"))
        }
        m.url = absolute(article?.url ?? meta.last("og:url") ?? canonical) ?? pageURL
        var keywords = article?.keywords ?? []
        if keywords.isEmpty, let list = meta.last("news_keywords") ?? meta.last("keywords") {
            keywords = list.split(separator: ",").map { String($0).trimmingJSWhitespace }.filter { !$0.isEmpty }
        }
        if keywords.isEmpty { keywords = meta.all("article:tag") }
        m.keywords = Self.unique(keywords.filter { $0 != "null" && $0 != "undefined" })
        m.subjects = article?.about ?? []
        if let section = article?.string("articleSection") ?? meta.last("article:section"), !section.isEmpty {
            m.extra["section"] = section
        }
        m.genre = article?.string("genre")
        if let dateline = article?.string("dateline"), !dateline.isEmpty { m.dateline = Dateline(parsing: dateline) }
        m.copyrightNotice = article?.string("copyrightNotice") ?? meta.last("copyright") ?? meta.last("dc:rights") ?? meta.last("dcterms:rights")
        m.copyrightHolder = article?.copyrightHolder
        if m.copyrightNotice == nil, let year = article?.string("copyrightYear"), let holder = m.copyrightHolder {
            m.copyrightNotice = "© \(year) \(holder)"
        }
        if m.creditLine == nil, let credit = article?.string("creditText") { m.creditLine = credit }

        result.metadata = m
        return result
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0.lowercased()).inserted }
    }

    // MARK: Page markup

    /// `document.title`: the first `<title>`'s text, whitespace collapsed.
    private func documentTitle() -> String {
        guard let title = dom.descendants(of: dom.document, named: "title").first else { return "" }
        return dom.textContent(title).collapsingASCIIWhitespace
    }

    /// The `href` of the first `<link rel=NAME>`.
    private func link(rel name: String) -> String? {
        for link in dom.descendants(of: dom.document, named: "link") {
            let rels = (dom.attribute(link, "rel") ?? "").lowercased().split(separator: " ")
            if rels.contains(Substring(name)), let href = dom.attribute(link, "href"), !href.isEmpty { return href }
        }
        return nil
    }

    /// The first value `value` gives for a node of the page, in document order (the walk stops there).
    private func firstValue(_ value: (NodeID) -> String?) -> String? {
        var found: String?
        _ = dom.firstDescendant(of: dom.document) { node in
            found = value(node)
            return found != nil
        }
        return found
    }

    /// Whether `node` is an element whose `itemprop` names `property`.
    private func hasItemprop(_ node: NodeID, _ property: String) -> Bool {
        guard dom.isElement(node), let props = dom.attribute(node, "itemprop") else { return false }
        return props.split(separator: " ").contains(Substring(property))
    }

    /// The text (or `content`) of the first element with `itemprop` naming `property`.
    private func itemprop(_ property: String) -> String? {
        firstValue { node in
            guard hasItemprop(node, property) else { return nil }
            let value = (dom.attribute(node, "content") ?? dom.textContent(node)).collapsingWhitespace
            return value.isEmpty ? nil : value
        }
    }

    /// A date from `itemprop`: its `content` or `datetime` attribute, else its text.
    private func itempropDate(_ property: String) -> String? {
        firstValue { node in
            guard hasItemprop(node, property) else { return nil }
            let value = (dom.attribute(node, "content") ?? dom.attribute(node, "datetime") ?? dom.textContent(node)).trimmingJSWhitespace
            return value.isEmpty ? nil : value
        }
    }

    /// hNews: `<time pubdate datetime=…>` or `<abbr class="published" title=…>`.
    private func hNewsPublished() -> String? {
        for time in dom.descendants(of: dom.document, named: "time") where dom.hasAttribute(time, "pubdate") {
            if let value = dom.attribute(time, "datetime"), !value.isEmpty { return value }
        }
        for node in dom.descendants(of: dom.document, named: "abbr") where dom.className(node).split(separator: " ").contains("published") {
            if let value = dom.attribute(node, "title"), !value.isEmpty { return value }
        }
        return nil
    }

    private func firstText(ofClass name: String) -> String? {
        firstValue { node in
            guard dom.isElement(node), dom.className(node).split(separator: " ").contains(Substring(name)) else { return nil }
            let text = dom.textContent(node).collapsingWhitespace
            return text.isEmpty ? nil : text
        }
    }
}

/// The page's `<meta>` tags by name: `property` tokens (`og:title`) and `name`s (`author`,
/// `DC.creator` as `dc:creator`), lower case.
struct MetaTags {
    private var values: [String: [String]] = [:]
    private var readabilityValues: [String: String] = [:]

    init(dom: HTMLDOM) {
        for meta in dom.descendants(of: dom.document, named: "meta") {
            guard let content = dom.attribute(meta, "content"), !content.isEmpty else { continue }
            let trimmed = content.trimmingJSWhitespace
            var matchedProperty = false
            if let property = dom.attribute(meta, "property") {
                let lower = property.lowercased()
                for token in lower.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                    values[String(token), default: []].append(trimmed)
                }
                if let key = Self.readabilityKey(property: lower) {
                    readabilityValues[key] = trimmed
                    if values[key]?.last != trimmed { values[key, default: []].append(trimmed) }
                    matchedProperty = true
                }
            }
            if let name = dom.attribute(meta, "name") ?? dom.attribute(meta, "http-equiv") ?? dom.attribute(meta, "itemprop") {
                let key = String(name.lowercased().unicodeScalars.filter { !JSWhitespace.contains($0) }.map { $0 == "." ? ":" : Character($0) })
                values[key, default: []].append(trimmed)
                if !matchedProperty, dom.hasAttribute(meta, "name"), Self.isReadabilityName(key) { readabilityValues[key] = trimmed }
            }
        }
    }

    /// The last value for `key`, as Readability keeps it (only the keys it reads).
    func readability(_ key: String) -> String? { readabilityValues[key].flatMap { $0.isEmpty ? nil : $0 } }

    /// The last value for `key`.
    func last(_ key: String) -> String? { values[key]?.last(where: { !$0.isEmpty }) }

    /// Every value for `key`, in page order.
    func all(_ key: String) -> [String] { values[key] ?? [] }

    private static let readabilityPrefixes = ["article", "dc", "dcterm", "og", "twitter"]
    private static let readabilityFields = ["author", "creator", "description", "published_time", "title", "site_name"]

    /// The first `prefix:field` in a `property` value (`og:article:author` gives
    /// `article:author`), as Readability's property pattern finds it.
    static func readabilityKey(property: String) -> String? {
        guard property.utf8.contains(UInt8(ascii: ":")) else { return nil }
        let text = Array(property.utf8.filter { $0 != 32 && $0 != 9 && $0 != 10 && $0 != 13 && $0 != 12 })
        for start in text.indices {
            for (prefix, bytes) in zip(readabilityPrefixes, prefixBytes) {
                let colon = start + bytes.count
                guard colon < text.count, text[colon] == UInt8(ascii: ":"), text[start..<colon].elementsEqual(bytes) else { continue }
                let rest = text[(colon + 1)...]
                if let field = readabilityFields.first(where: { rest.starts(with: $0.utf8) }) {
                    return prefix + ":" + field
                }
            }
        }
        return nil
    }

    private static let prefixBytes = readabilityPrefixes.map { Array($0.utf8) }

    private static func isReadabilityName(_ key: String) -> Bool {
        let fields = ["author", "creator", "pub-date", "description", "title", "site_name"]
        if fields.contains(key) { return true }
        for prefix in ["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"] {
            for separator in ["-", ":"] where key.hasPrefix(prefix + separator) {
                if fields.contains(String(key.dropFirst(prefix.count + 1))) { return true }
            }
        }
        return false
    }
}

extension String {
    /// ASCII whitespace stripped at both ends and collapsed to single spaces inside
    /// (`document.title`'s rule).
    var collapsingASCIIWhitespace: String {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }).joined(separator: " ")
    }
}
