/// The values a theme's page template sees. Every text is already HTML-escaped (through
/// ``Escaping``) and every address already escaped for an attribute, so templates put them in
/// with triple braces: `{{{headline}}}`. Documented for theme authors in `Themes/README.md`.
///
/// Page: `lang`, `dir`, `title`, `description`, `siteName`, `isEdition`, `editionTitle`,
/// `metaTags` (description, author, keywords, canonical link and Open Graph tags), `jsonLD` (the
/// schema.org script), `stylesheet` (the theme's CSS), `stylesheets` (`href` of each `--css`),
/// `generator`, `stories`, and each `-M key=value` as `key` (unless a page value has that name)
/// and as `variables.key`.
///
/// Story: `index`, `anchor`, `storyLang` (when it differs from the page), `headline`, `subheadline`, `kicker`, `hasMeta` (bylines or dates to show), `hasBylines`,
/// `bylines` (`name`, `role`, `separator`), `published` and `modified` (`iso`, `display`),
/// `dateline`, `heroImage` (`src`, `alt`, `caption`, `credit`, `hasCaption`, `hasCaptionAndCredit`), `body`,
/// `hasFooter` (any of the next to show), `contributors`, `copyright`, `credit`, `usageTerms`, `hasKeywords`, `keywords` (`keyword`),
/// `url`, `provider`, `summary`.
struct HTMLPageModel {
    let values: [String: Any]

    init(document: Document, options: WriteOptions) {
        let stories = document.stories
        let first = stories.first?.metadata ?? Metadata()
        let edition = document.metadata
        let isEdition = stories.count > 1
        let language = edition.language ?? first.language ?? options.variables["lang"] ?? "und"
        let title = options.title ?? edition.headline ?? (isEdition ? nil : first.headline) ?? first.headline ?? "Untitled"

        var values: [String: Any] = [:]
        for (key, value) in options.variables { values[key] = Escaping.html(value) }
        values["variables"] = options.variables.mapValues { Escaping.html($0) }
        values["lang"] = Escaping.html(language)
        let direction = edition.extra["dir"] ?? first.extra["dir"]
        if let direction, direction == "rtl" || direction == "ltr" { values["dir"] = direction }
        values["title"] = Escaping.html(title)
        if let summary = isEdition ? edition.summary : first.summary { values["description"] = Escaping.html(summary) }
        if let site = edition.provider ?? first.provider { values["siteName"] = Escaping.html(site) }
        values["isEdition"] = isEdition
        if isEdition { values["editionTitle"] = Escaping.html(title) }
        values["metaTags"] = Self.metaTags(document: document, title: title, language: language, isEdition: isEdition)
        values["jsonLD"] = HTMLWriter.jsonLDScript(for: document)
        values["stylesheets"] = options.stylesheets.map { ["href": Escaping.href($0)] }
        values["generator"] = "newsconv"
        values["stories"] = stories.enumerated().map { index, story in
            Self.storyValues(story, index: index + 1, pageLanguage: language)
        }
        self.values = values
    }

    // MARK: Head

    private static func metaTags(document: Document, title: String, language: String, isEdition: Bool) -> String {
        let m = isEdition ? document.metadata : (document.stories.first?.metadata ?? Metadata())
        var out: [UInt8] = []
        func meta(_ attribute: StaticString, _ name: String, _ content: String?) {
            guard let content, !content.trimmingJSWhitespace.isEmpty else { return }
            out += Array("<meta ".utf8)
            out.append(contentsOf: UnsafeBufferPointer(start: attribute.utf8Start, count: attribute.utf8CodeUnitCount))
            out += Array("=\"".utf8)
            Escaping.appendHTML(name, to: &out)
            out += Array("\" content=\"".utf8)
            Escaping.appendHTML(content, to: &out)
            out += Array("\">\n".utf8)
        }
        meta("name", "description", m.summary)
        meta("name", "author", m.bylines.isEmpty ? nil : m.bylines.map(\.name).joined(separator: ", "))
        meta("name", "keywords", m.keywords.isEmpty ? nil : m.keywords.joined(separator: ", "))
        meta("name", "generator", "newsconv")
        if let url = m.url, !url.isEmpty {
            out += Array("<link rel=\"canonical\" href=\"".utf8)
            Escaping.appendHref(url, to: &out)
            out += Array("\">\n".utf8)
        }
        meta("property", "og:type", isEdition ? "website" : "article")
        meta("property", "og:title", isEdition ? title : m.headline)
        meta("property", "og:description", m.summary)
        meta("property", "og:url", m.url)
        meta("property", "og:site_name", m.provider)
        meta("property", "og:locale", language == "und" ? nil : language.replacingHyphensWithUnderscores)
        if let hero = m.heroImage {
            meta("property", "og:image", hero.url)
            meta("property", "og:image:alt", hero.alt ?? hero.caption)
        }
        if !isEdition {
            meta("property", "article:published_time", m.published?.rawValue)
            meta("property", "article:modified_time", m.modified?.rawValue)
            for byline in m.bylines { meta("property", "article:author", byline.name) }
            meta("property", "article:section", m.extra["section"])
            for keyword in m.keywords { meta("property", "article:tag", keyword) }
        }
        if out.last == 10 { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: Stories

    private static func storyValues(_ story: Story, index: Int, pageLanguage: String) -> [String: Any] {
        let m = story.metadata
        var values: [String: Any] = ["index": index, "anchor": "story-\(index)"]
        if let language = m.language, language != pageLanguage { values["storyLang"] = Escaping.html(language) }
        if let headline = m.headline, !headline.isEmpty { values["headline"] = Escaping.html(headline) }
        if let deck = m.subheadline { values["subheadline"] = Escaping.html(deck) }
        if let kicker = m.extra["section"] ?? m.genre { values["kicker"] = Escaping.html(kicker) }
        values["hasBylines"] = !m.bylines.isEmpty
        values["bylines"] = m.bylines.enumerated().map { i, byline -> [String: Any] in
            var entry: [String: Any] = ["name": Escaping.html(byline.name)]
            if let role = byline.role, !role.isEmpty { entry["role"] = Escaping.html(role) }
            let remaining = m.bylines.count - i - 1
            entry["separator"] = remaining == 0 ? "" : remaining == 1 ? (m.bylines.count == 2 ? " and " : ", and ") : ", "
            return entry
        }
        if let published = m.published { values["published"] = timeValues(published) }
        if let modified = m.modified, modified != m.published { values["modified"] = timeValues(modified) }
        values["hasMeta"] = !m.bylines.isEmpty || m.published != nil || m.modified != nil
        let dateline = m.dateline.map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        if let dateline { values["dateline"] = Escaping.html(dateline) }

        var body = story.body
        // The hero picture, unless the body shows it already (or opens with a picture of its own).
        let bodyShowsHero = body.enumerated().contains { index, block in
            guard case .figure(let figure) = block, let image = figure.image else { return false }
            return index == 0 || image.source == m.heroImage?.url
        }
        if let hero = m.heroImage, !bodyShowsHero {
            var image: [String: Any] = ["src": Escaping.href(hero.url), "alt": Escaping.html(hero.alt ?? hero.caption ?? "")]
            if let caption = hero.caption, !caption.isEmpty { image["caption"] = Escaping.html(caption) }
            if let credit = hero.credit, !credit.isEmpty { image["credit"] = Escaping.html(credit) }
            image["hasCaption"] = image["caption"] != nil || image["credit"] != nil
            // The space between the two, so a credit alone does not open with one.
            image["hasCaptionAndCredit"] = image["caption"] != nil && image["credit"] != nil
            values["heroImage"] = image
        }
        values["body"] = renderBody(&body, dateline: dateline)

        if !m.contributors.isEmpty {
            let credits = m.contributors.map { $0.role.isEmpty ? $0.name : "\($0.role) by \($0.name)" }.joined(separator: "; ")
            values["contributors"] = Escaping.html("(\(credits))")
        }
        let copyright = m.copyrightNotice ?? m.copyrightHolder.map { "© \($0)" }
        if let copyright { values["copyright"] = Escaping.html(copyright) }
        if let credit = m.creditLine { values["credit"] = Escaping.html(credit) }
        if let terms = m.usageTerms { values["usageTerms"] = Escaping.html(terms) }
        values["hasKeywords"] = !m.keywords.isEmpty
        values["hasFooter"] = ["contributors", "copyright", "credit", "usageTerms"].contains { values[$0] != nil } || !m.keywords.isEmpty
        values["keywords"] = m.keywords.map { ["keyword": Escaping.html($0)] }
        if let url = m.url { values["url"] = Escaping.href(url) }
        if let provider = m.provider { values["provider"] = Escaping.html(provider) }
        if let summary = m.summary { values["summary"] = Escaping.html(summary) }
        return values
    }

    private static func timeValues(_ timestamp: Timestamp) -> [String: String] {
        ["iso": Escaping.html(timestamp.rawValue), "display": Escaping.html(timestamp.displayText)]
    }

    /// The body's HTML, the dateline leading the first paragraph as wire copy prints it.
    private static func renderBody(_ body: inout [Block], dateline: String?) -> String {
        let renderer = HTMLBodyRenderer(alignsWithStyle: true)
        var out: [UInt8] = []
        if let dateline {
            out += Array("<p><span class=\"dateline\">".utf8)
            Escaping.appendHTML(dateline, to: &out)
            out += Array("</span>".utf8)
            if case .paragraph(let first)? = body.first {
                out += Array(" \u{2014} ".utf8)
                renderer.render(first, into: &out)
                body.removeFirst()
            }
            out += Array("</p>\n".utf8)
        }
        renderer.render(body, into: &out)
        if out.last == 10 { out.removeLast() }
        return String(decoding: replacingAlignAttributes(out), as: UTF8.self)
    }

    /// HTML5 has no `align`: a story's raw HTML tables (`<td align="right">`) get
    /// `<td style="text-align: right">` too, as the renderer writes its own.
    static func replacingAlignAttributes(_ html: [UInt8]) -> [UInt8] {
        let patterns = [Array("<td align=\"".utf8), Array("<th align=\"".utf8)]
        let replacements = [Array("<td style=\"text-align: ".utf8), Array("<th style=\"text-align: ".utf8)]
        guard html.contains(UInt8(ascii: "<")) else { return html }
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 64)
        var i = 0
        outer: while i < html.count {
            if html[i] == UInt8(ascii: "<") {
                for (pattern, replacement) in zip(patterns, replacements) where html[i...].starts(with: pattern) {
                    out += replacement
                    i += pattern.count
                    continue outer
                }
            }
            out.append(html[i])
            i += 1
        }
        return out
    }
}

extension String {
    fileprivate var replacingHyphensWithUnderscores: String {
        String(unicodeScalars.map { $0 == "-" ? "_" : Character($0) })
    }
}

extension Timestamp {
    private static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                                     "October", "November", "December"]

    /// The timestamp for readers: `24 November 2020, 09:30 UTC`, or the text as given when it
    /// is not ISO 8601.
    var displayText: String {
        guard let date = datePart else { return rawValue }
        let parts = date.split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]) else { return rawValue }
        var text = "\(day) \(Self.monthNames[month - 1]) \(parts[0])"
        if hasDateTimeShape {
            let chars = Array(rawValue)
            text += ", " + String(chars[11..<16])
            var zone = ""
            if let index = chars.lastIndex(where: { $0 == "Z" || $0 == "+" }) ?? (chars.count > 19 ? chars[19...].lastIndex(of: "-") : nil),
                index >= 19
            {
                zone = String(chars[index...])
            }
            if zone == "Z" || zone == "+00:00" { text += " UTC" } else if !zone.isEmpty { text += " " + zone }
        }
        return text
    }
}
