import Foundation

/// The schema.org article (`NewsArticle`, `Article`, `BlogPosting`, …) described by a page's
/// JSON-LD: a top-level object, an array of objects, or an `@graph`.
struct JSONLDArticle {
    private let object: [String: Any]
    /// Objects of the same graph by `@id`, to follow references such as `"publisher": {"@id": …}`.
    private let nodesByID: [String: [String: Any]]

    /// The first article in `scripts`, as Readability finds it; nil if there is none.
    init?(scripts: [String]) {
        for script in scripts {
            guard let parsed = Self.parse(script) else { continue }
            var candidate: [String: Any]?
            var graph: [[String: Any]] = []
            if let array = parsed as? [Any] {
                graph = array.compactMap { $0 as? [String: Any] }
                candidate = graph.first(where: { Self.isArticle($0["@type"]) })
            } else {
                candidate = parsed as? [String: Any]
            }
            guard var object = candidate, Self.hasSchemaOrgContext(object["@context"]) else { continue }
            if object["@type"] == nil, let items = object["@graph"] as? [Any] {
                graph = items.compactMap { $0 as? [String: Any] }
                guard let article = graph.first(where: { Self.isArticle($0["@type"]) }) else { continue }
                object = article
            }
            guard Self.isArticle(object["@type"]) else { continue }
            self.object = object
            var byID: [String: [String: Any]] = [:]
            for node in graph { if let id = node["@id"] as? String { byID[id] = node } }
            nodesByID = byID
            return
        }
        return nil
    }

    private static func parse(_ script: String) -> Any? {
        var text = script.trimmingJSWhitespace
        if text.hasPrefix("<![CDATA[") { text.removeFirst(9) }
        if text.hasSuffix("]]>") { text.removeLast(3) }
        guard let data = text.data(using: .utf8) else { return nil }
        return try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
    }

    private static func hasSchemaOrgContext(_ context: Any?) -> Bool {
        func isSchemaOrg(_ value: Any?) -> Bool {
            guard let text = value as? String else { return false }
            return ["http://schema.org", "https://schema.org", "http://schema.org/", "https://schema.org/"].contains(text)
        }
        if isSchemaOrg(context) { return true }
        if let object = context as? [String: Any] { return isSchemaOrg(object["@vocab"]) }
        if let array = context as? [Any] { return array.contains(where: isSchemaOrg) }
        return false
    }

    private static let articleTypes = [
        "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle", "AskPublicNewsArticle", "BackgroundNewsArticle",
        "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
        "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
    ]

    /// Readability's `jsonLdArticleTypes` test on `@type` (a name or a list of names).
    static func isArticle(_ type: Any?) -> Bool {
        if let list = type as? [Any] { return list.contains(where: { isArticle($0) }) }
        guard let name = type as? String else { return false }
        return name.hasPrefix("Article") || name.hasSuffix("APIReference") || articleTypes.contains(where: { name.contains($0) })
    }

    // MARK: Fields

    /// A text property (trimmed), or the first text of a list.
    func string(_ key: String) -> String? {
        Self.text(object[key])
    }

    private static func text(_ value: Any?) -> String? {
        if let text = value as? String {
            let trimmed = text.trimmingJSWhitespace
            return trimmed.isEmpty ? nil : trimmed
        }
        if let number = value as? NSNumber { return number.stringValue }
        if let list = value as? [Any] { return list.lazy.compactMap { text($0) }.first }
        return nil
    }

    /// The object at `key`, following an `{"@id": …}` reference into the graph.
    private func node(_ value: Any?) -> [String: Any]? {
        if let list = value as? [Any] { return list.lazy.compactMap { node($0) }.first }
        guard let object = value as? [String: Any] else { return nil }
        if object.count == 1, let id = object["@id"] as? String, let target = nodesByID[id] { return target }
        return object
    }

    private func name(_ value: Any?) -> String? {
        if let text = value as? String { return text.trimmingJSWhitespace.isEmpty ? nil : text.trimmingJSWhitespace }
        return Self.text(node(value)?["name"])
    }

    /// The headline: `name` and `headline` when they agree; when they differ, whichever matches
    /// the page title (Readability's rule, for sites that put their own name in `name`).
    func title(similarTo documentTitle: @autoclosure () -> String) -> String? {
        let name = object["name"] as? String, headline = object["headline"] as? String
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
        let list: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return list.compactMap { item -> Byline? in
            if let text = item as? String { return text.trimmingJSWhitespace.isEmpty ? nil : Byline(name: text.trimmingJSWhitespace) }
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
        if let list = object["keywords"] as? [Any] { return list.compactMap { Self.text($0) } }
        guard let text = object["keywords"] as? String else { return nil }
        return text.split(separator: ",").map { String($0).trimmingJSWhitespace }.filter { !$0.isEmpty }
    }

    /// `about`: the names of the things the story is about.
    var about: [String] {
        let value = object["about"]
        let list: [Any] = (value as? [Any]) ?? (value.map { [$0] } ?? [])
        return list.compactMap { name($0) }
    }
}
