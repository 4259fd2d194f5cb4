// The schema.org description of written pages: one `NewsArticle` per story, under the
// schema.org names, so search engines and other tools (newsconv's own HTML reader included)
// read the metadata back.
extension HTMLWriter {
    /// The `<script type="application/ld+json">` element for `document`.
    static func jsonLDScript(for document: Document) -> String {
        let articles = document.stories.map(newsArticle)
        let root: JSONLD
        if articles.count == 1, case .object(let pairs) = articles[0] {
            root = .object([("@context", .string("https://schema.org"))] + pairs)
        } else {
            root = .object([("@context", .string("https://schema.org")), ("@graph", .array(articles))])
        }
        var out = Array("<script type=\"application/ld+json\">\n".utf8)
        root.append(to: &out)
        out += Array("\n</script>".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    static func newsArticle(_ story: Story) -> JSONLD {
        let m = story.metadata
        let words = story.plainText.split(whereSeparator: { $0.isWhitespace }).count
        var image: JSONLD?
        if let hero = m.heroImage {
            image = .fields([
                ("@type", .string("ImageObject")), ("url", .text(hero.url)), ("caption", .text(hero.caption)),
                ("creditText", .text(hero.credit)), ("description", .text(hero.alt)),
            ])
        }
        return .fields([
            ("@type", .string("NewsArticle")),
            ("identifier", .text(m.id)),
            ("headline", .text(m.headline)),
            ("alternativeHeadline", .text(m.subheadline)),
            ("author", .array(m.bylines.map { byline in
                .fields([("@type", .string("Person")), ("name", .string(byline.name)), ("jobTitle", .text(byline.role))])
            })),
            ("contributor", .array(m.contributors.map { contributor in
                .fields([("@type", .string("Person")), ("name", .string(contributor.name)), ("description", .text(contributor.role))])
            })),
            ("dateline", .text(m.dateline?.text)),
            ("dateCreated", .text(m.created?.rawValue)),
            ("datePublished", .text(m.published?.rawValue)),
            ("dateModified", .text(m.modified?.rawValue)),
            ("inLanguage", .text(m.language)),
            ("publisher", m.provider.map { .object([("@type", .string("Organization")), ("name", .string($0))]) }),
            ("copyrightHolder", m.copyrightHolder.map { .object([("@type", .string("Organization")), ("name", .string($0))]) }),
            ("copyrightNotice", .text(m.copyrightNotice)),
            ("creditText", .text(m.creditLine)),
            ("usageInfo", .text(m.usageTerms)),
            ("keywords", .array(m.keywords.map { .string($0) })),
            ("about", .array(m.subjects.compactMap { subject in
                guard subject.name != nil || subject.code != nil else { return nil }
                return .fields([("@type", .string("Thing")), ("name", .text(subject.name)), ("identifier", .text(subject.qcode))])
            })),
            ("articleSection", .text(m.extra["section"])),
            ("genre", .text(m.genre)),
            ("description", .text(m.summary)),
            ("image", image),
            ("url", .text(m.url)),
            ("mainEntityOfPage", .text(m.url)),
            ("wordCount", words > 0 ? .number(words) : nil),
        ])
    }
}
