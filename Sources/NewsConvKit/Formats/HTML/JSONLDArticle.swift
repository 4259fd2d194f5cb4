/// The schema.org article (`NewsArticle`, `Article`, `BlogPosting`, …) described by a page's
/// JSON-LD: a top-level object, an array of objects, or an `@graph`.
struct JSONLDArticle {
    private let object: JSONValue
    /// Objects of the same graph by `@id`, to follow references such as `"publisher": {"@id": …}`.
    private let nodesByID: [String: JSONValue]

    /// The first article in `scripts`, as Readability finds it; nil if there is none.
    init?(scripts: [String]) {
        for script in scripts {
            guard let parsed = Self.parse(script) else { continue }
            var candidate: JSONValue?
            var graph: [JSONValue] = []
            if let array = parsed.array {
                graph = array.filter(\.isObject)
                candidate = graph.first(where: { Self.isArticle($0["@type"]) })
            } else if parsed.isObject {
                candidate = parsed
            }
            guard var object = candidate, Self.hasSchemaOrgContext(object["@context"]) else { continue }
            if object["@type"] == nil, let items = object["@graph"]?.array {
                graph = items.filter(\.isObject)
                guard let article = graph.first(where: { Self.isArticle($0["@type"]) }) else { continue }
                object = article
            }
            guard Self.isArticle(object["@type"]) else { continue }
            self.object = object
            var byID: [String: JSONValue] = [:]
            for node in graph { if let id = node["@id"]?.string { byID[id] = node } }
            nodesByID = byID
            return
        }
        return nil
    }

    private static func parse(_ script: String) -> JSONValue? {
        var text = script.trimmingJSWhitespace
        if text.hasPrefix("<![CDATA[") { text.removeFirst(9) }
        if text.hasSuffix("]]>") { text.removeLast(3) }
        return JSONValue.parse(text)
    }

    private static func hasSchemaOrgContext(_ context: JSONValue?) -> Bool {
        func isSchemaOrg(_ value: JSONValue?) -> Bool {
            guard let text = value?.string else { return false }
            return ["http://schema.org", "https://schema.org", "http://schema.org/", "https://schema.org/"].contains(text)
        }
        if isSchemaOrg(context) { return true }
        if let context, context.isObject { return isSchemaOrg(context["@vocab"]) }
        if let array = context?.array { return array.contains(where: { isSchemaOrg($0) }) }
        return false
    }

    private static let articleTypes = [
        "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
        "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    ]

    /// Readability's `jsonLdArticleTypes` test on `@type` (a name or a list of names).
    static func isArticle(_ type: JSONValue?) -> Bool {
        if let list = type?.array { return list.contains(where: { isArticle($0) }) }
        guard let name = type?.string else { return false }
        return name.hasPrefix("Article") || name.hasSuffix("APIReference") || articleTypes.contains(where: { name.contains($0) })
    }

    // MARK: Fields

    /// A text property (trimmed), or the first text of a list.
    func string(_ key: String) -> String? {
        Self.text(object[key])
    }

    private static func text(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text)?:
            let trimmed = text.trimmingJSWhitespace
            return trimmed.isEmpty ? nil : trimmed
        case .number(let number)?: return number
        case .array(let list)?: return list.lazy.compactMap { text($0) }.first
        default: return nil
        }
    }

    /// The object at `key`, following an `{"@id": …}` reference into the graph.
    private func node(_ value: JSONValue?) -> JSONValue? {
        if let list = value?.array { return list.lazy.compactMap { node($0) }.first }
        guard let object = value, case .object(let pairs) = object else { return nil }
        if pairs.count == 1, let id = object["@id"]?.string, let target = nodesByID[id] { return target }
        return object
    }

    private func name(_ value: JSONValue?) -> String? {
        if let text = value?.string { return text.trimmingJSWhitespace.isEmpty ? nil : text.trimmingJSWhitespace }
        return Self.text(node(value)?["name"])
    }

    /// The headline: `name` and `headline` when they agree; when they differ, whichever matches
    /// the page title (Readability's rule, for sites that put their own name in `name`).
    func title(similarTo documentTitle: @autoclosure () -> String) -> String? {
        let name = object["name"]?.string, headline = object["headline"]?.string
        if let name, let headline, name != headline {
            let title = documentTitle()
            let nameMatches = ArticleExtractor.textSimilarity(name, title) > 0.75
            let headlineMatches = ArticleExtractor.textSimilarity(headline, title) > 0.75
            let chosen = headlineMatches && !nameMatches ? headline : name
            return chosen.isEmpty ? nil : chosen
        }
        let chosen = (name ?? headline)?.trimmingJSWhitespace
        return chosen?.isEmpty == false ? chosen : nil
    }

    /// `author`: one or several people or organisations.
    var authors: [Byline] {
        let value = object["author"] ?? object["creator"]
        let list: [JSONValue] = value?.array ?? (value.map { [$0] } ?? [])
        return list.compactMap { item -> Byline? in
            if let text = item.string { return text.trimmingJSWhitespace.isEmpty ? nil : Byline(name: text.trimmingJSWhitespace) }
            guard let person = node(item), let name = Self.text(person["name"]) else { return nil }
            return Byline(name: name, role: Self.text(person["jobTitle"]))
        }
    }

    /// `publisher.name`.
    var publisherName: String? { name(object["publisher"]) }

    /// `copyrightHolder`: a name or an organisation.
    var copyrightHolder: String? { name(object["copyrightHolder"]) }

    /// `inLanguage`: a language tag or a `Language` object.
    var language: String? {
        if let text = Self.text(object["inLanguage"]) { return text }
        guard let language = node(object["inLanguage"]) else { return nil }
        return Self.text(language["alternateName"]) ?? Self.text(language["name"])
    }

    /// `image` (or `thumbnailUrl`): the address with caption and credit when given.
    var image: (url: String, caption: String?, credit: String?)? {
        if let url = Self.text(object["image"]) { return (url, nil, nil) }
        if let image = node(object["image"]), let url = Self.text(image["url"]) ?? Self.text(image["contentUrl"]) {
            return (url, Self.text(image["caption"]), Self.text(image["creditText"]) ?? name(image["copyrightHolder"]))
        }
        if let url = Self.text(object["thumbnailUrl"]) { return (url, nil, nil) }
        return nil
    }

    /// `url`, else `mainEntityOfPage`.
    var url: String? {
        if let url = Self.text(object["url"]) { return url }
        if let page = Self.text(object["mainEntityOfPage"]) { return page }
        return Self.text(node(object["mainEntityOfPage"])?["@id"])
    }

    /// `keywords`: a list, or one comma-separated text.
    var keywords: [String]? {
        if let list = object["keywords"]?.array { return list.compactMap { Self.text($0) } }
        guard let text = object["keywords"]?.string else { return nil }
        return text.split(separator: ",").map { String($0).trimmingJSWhitespace }.filter { !$0.isEmpty }
    }

    /// `about`: the things the story is about, by name, with the code of a `Thing` whose
    /// `identifier` is a QCode (`medtop:20000106`, as newsconv's pages write it).
    var about: [Subject] {
        let value = object["about"]
        let list: [JSONValue] = value?.array ?? (value.map { [$0] } ?? [])
        return list.compactMap { entry in
            guard let name = name(entry) else { return nil }
            var subject = Subject(name: name)
            if let identifier = Self.text(node(entry)?["identifier"]), !identifier.contains("/"),
               let colon = identifier.firstIndex(of: ":"), colon != identifier.startIndex,
               identifier.index(after: colon) != identifier.endIndex {
                subject.scheme = String(identifier[..<colon])
                subject.code = String(identifier[identifier.index(after: colon)...])
            }
            return subject
        }
    }
}
