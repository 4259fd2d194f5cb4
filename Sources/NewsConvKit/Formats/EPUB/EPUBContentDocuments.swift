/// The XHTML content documents of a book: one chapter per story, the title page and the cover.
///
/// A chapter is an `<article>` whose `<header>` carries the headline, deck, byline, dateline and
/// date in marked-up spans and whose `<footer>` carries the closing credits, so ``EPUBReader``
/// gets the story's metadata back; the rest of the story's metadata rides in `<meta>` elements.
enum EPUBContentDocuments {
    /// Where content documents link the stylesheet from.
    static let stylesheetHref = "../styles/epub.css"

    /// A whole content document around `body`.
    static func page(title: String, language: String, stylesheet: String? = stylesheetHref,
                     head: [(name: String, content: String)] = [], bodyType: String? = nil,
                     body: (inout [UInt8]) -> Void) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out += Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\" lang=\"".utf8)
        Escaping.appendXML(language, to: &out)
        out += Array("\" xml:lang=\"".utf8)
        Escaping.appendXML(language, to: &out)
        out += Array("\">\n<head>\n<title>".utf8)
        Escaping.appendXML(title, to: &out)
        out += Array("</title>\n".utf8)
        if let stylesheet {
            out += Array("<link rel=\"stylesheet\" type=\"text/css\" href=\"\(stylesheet)\" />\n".utf8)
        }
        for (name, content) in head {
            out += Array("<meta name=\"\(name)\" content=\"".utf8)
            Escaping.appendXML(content, to: &out)
            out += Array("\" />\n".utf8)
        }
        out += Array("</head>\n<body".utf8)
        if let bodyType { out += Array(" epub:type=\"\(bodyType)\"".utf8) }
        out += Array(">\n".utf8)
        body(&out)
        if out.last != 10 { out.append(10) }
        out += Array("</body>\n</html>\n".utf8)
        return out
    }

    /// The chapter of one story. `body` is the story's body, already rendered as XHTML;
    /// `heroHref` the packed hero image, if any.
    static func chapter(_ story: Story, language: String, fallbackTitle: String, body: [UInt8], heroHref: String?) -> [UInt8] {
        let m = story.metadata
        var head: [(String, String)] = []
        if let id = m.id { head.append(("dcterms.identifier", id)) }
        if let provider = m.provider { head.append(("dcterms.publisher", provider)) }
        if let created = m.created { head.append(("dcterms.created", created.rawValue)) }
        if let modified = m.modified { head.append(("dcterms.modified", modified.rawValue)) }
        for subject in m.subjects {
            if let name = subject.name ?? subject.qcode { head.append(("dcterms.subject", name)) }
        }
        if !m.keywords.isEmpty { head.append(("keywords", m.keywords.joined(separator: ", "))) }
        if let summary = m.summary { head.append(("description", summary)) }
        head += newsconvMeta(m)
        let title = m.headline.flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 } ?? fallbackTitle
        return page(title: title, language: language, head: head, bodyType: "bodymatter") { out in
            out += Array("<article class=\"story\" epub:type=\"chapter\">\n".utf8)
            appendHeader(m, to: &out)
            if let hero = m.heroImage {
                appendHero(hero, href: heroHref, to: &out)
            }
            out += body
            if out.last != 10 { out.append(10) }
            appendFooter(m, to: &out)
            out += Array("</article>\n".utf8)
        }
    }

    /// What neither the header and footer nor the standard `<meta>` names carry, in
    /// `newsconv.KEY` metas (KEY as in front matter and `-M`), so that a book read back has the
    /// story's whole metadata: `newsconv.version`, `newsconv.editors-note`, …, the subjects with
    /// their codes as JSON (`newsconv.subjects`), and each extra field as `newsconv.extra.KEY`.
    /// `[{"code":…,"name":…,"scheme":…}]`, the subjects as their `Codable` form decodes (written
    /// by hand: Foundation's encoder costs more at start-up than the whole chapter).
    static func subjectsJSON(_ subjects: [Subject]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, subject) in subjects.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in [("code", subject.code), ("name", subject.name), ("scheme", subject.scheme)] {
                guard let value else { continue }
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                out += Array("\"\(key)\":".utf8)
                Escaping.appendJSONStringForScript(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }

    static func newsconvMeta(_ m: Metadata) -> [(String, String)] {
        var metas: [(String, String)] = []
        func add(_ key: String, _ value: String?) {
            if let value, !value.isEmpty { metas.append(("newsconv." + key, value)) }
        }
        add("version", m.version.map(String.init))
        add("slugline", m.slugline)
        add("urgency", m.urgency.map(String.init))
        add("genre", m.genre)
        add("editors-note", m.editorsNote)
        add("copyright-holder", m.copyrightHolder)
        add("credit", m.creditLine)
        add("usage-terms", m.usageTerms)
        add("located", m.located)
        add("embargo", m.embargo?.rawValue)
        add("url", m.url)
        if m.subjects.contains(where: { $0.code != nil || $0.scheme != nil || $0.name == nil }) {
            add("subjects", subjectsJSON(m.subjects))
        }
        for (key, value) in m.extra.sorted(by: { $0.key < $1.key }) { add("extra." + key, value) }
        return metas
    }

    /// The title page: the headline (or the edition's title), deck, byline, dateline and date.
    static func titlePage(_ book: EPUBBookMetadata, story: Metadata?) -> [UInt8] {
        page(title: book.title, language: book.language, bodyType: "frontmatter") { out in
            out += Array("<section class=\"titlepage\" epub:type=\"titlepage\">\n".utf8)
            element("h1", class: "title", book.title, to: &out)
            if let subtitle = book.subtitle { element("p", class: "subtitle", subtitle, to: &out) }
            if let story {
                if !story.bylines.isEmpty { appendByline(story.bylines, to: &out) }
                if let dateline = story.dateline { appendDateline(dateline, to: &out) }
                if let date = story.published ?? story.created { appendDate(date, to: &out) }
            } else {
                if let date = book.date { appendDate(date, to: &out) }
                for publisher in book.publishers { element("p", class: "publisher", publisher, to: &out) }
            }
            out += Array("</section>\n".utf8)
        }
    }

    /// The cover page: the cover image alone.
    static func coverPage(imageHref: String, title: String, language: String) -> [UInt8] {
        page(title: title, language: language, bodyType: "cover") { out in
            out += Array("<section class=\"cover\" epub:type=\"cover\">\n<img src=\"".utf8)
            Escaping.appendHref(imageHref, to: &out)
            out += Array("\" alt=\"".utf8)
            Escaping.appendXML("Cover: " + title, to: &out)
            out += Array("\" />\n</section>\n".utf8)
        }
    }

    private static func appendHeader(_ m: Metadata, to out: inout [UInt8]) {
        guard m.headline != nil || m.subheadline != nil || !m.bylines.isEmpty || m.dateline != nil || m.published != nil else {
            return
        }
        out += Array("<header>\n".utf8)
        if let headline = m.headline { element("h1", class: "headline", headline, to: &out) }
        if let deck = m.subheadline { element("p", class: "deck", deck, to: &out) }
        if !m.bylines.isEmpty { appendByline(m.bylines, to: &out) }
        if let dateline = m.dateline { appendDateline(dateline, to: &out) }
        if let date = m.published { appendDate(date, to: &out) }
        out += Array("</header>\n".utf8)
    }

    /// `<p class="byline">By <span class="author">A</span>, <span class="role">AP</span> and …</p>`
    static func appendByline(_ bylines: [Byline], to out: inout [UInt8]) {
        out += Array("<p class=\"byline\">By ".utf8)
        for (i, byline) in bylines.enumerated() {
            if i > 0 { out += Array((i == bylines.count - 1 ? " and " : ", ").utf8) }
            span("author", byline.name, to: &out)
            if let role = byline.role {
                out += Array(", ".utf8)
                span("role", role, to: &out)
            }
        }
        out += Array("</p>\n".utf8)
    }

    /// `<p class="dateline"><span class="place">ROTTERDAM</span>, <span class="date">Nov 24</span> (<span class="agency">Reuters</span>)</p>`
    static func appendDateline(_ dateline: Dateline, to out: inout [UInt8]) {
        out += Array("<p class=\"dateline\">".utf8)
        var empty = true
        if let place = dateline.place {
            span("place", place, to: &out)
            empty = false
        }
        if let date = dateline.date {
            if !empty { out += Array(", ".utf8) }
            span("date", date, to: &out)
            empty = false
        }
        if let agency = dateline.agency {
            out += Array((empty ? "(" : " (").utf8)
            span("agency", agency, to: &out)
            out.append(UInt8(ascii: ")"))
        }
        out += Array("</p>\n".utf8)
    }

    /// `<p class="published"><time datetime="2020-01-01">2020-01-01</time></p>`, or the text in a
    /// span when it is not an ISO 8601 date.
    static func appendDate(_ date: Timestamp, to out: inout [UInt8]) {
        out += Array("<p class=\"published\">".utf8)
        if date.isISO8601 {
            out += Array("<time datetime=\"".utf8)
            Escaping.appendXML(date.rawValue, to: &out)
            out += Array("\">".utf8)
            Escaping.appendXML(date.datePart ?? date.rawValue, to: &out)
            out += Array("</time>".utf8)
        } else {
            span("date", date.rawValue, to: &out)
        }
        out += Array("</p>\n".utf8)
    }

    private static func appendHero(_ hero: HeroImage, href: String?, to out: inout [UInt8]) {
        guard href != nil || hero.caption != nil || hero.credit != nil else { return }
        out += Array("<figure class=\"hero\">\n".utf8)
        if let href {
            out += Array("<img src=\"".utf8)
            Escaping.appendHref(href, to: &out)
            out += Array("\" alt=\"".utf8)
            Escaping.appendXML(hero.alt ?? "", to: &out)
            out += Array("\" />\n".utf8)
        }
        if hero.caption != nil || hero.credit != nil {
            out += Array("<figcaption>".utf8)
            if let caption = hero.caption { Escaping.appendXML(caption, to: &out) }
            if let credit = hero.credit {
                if hero.caption != nil { out.append(32) }
                span("credit", credit, to: &out)
            }
            out += Array("</figcaption>\n".utf8)
        }
        out += Array("</figure>\n".utf8)
    }

    private static func appendFooter(_ m: Metadata, to out: inout [UInt8]) {
        guard !m.contributors.isEmpty || m.signoff != nil || m.copyrightNotice != nil else { return }
        out += Array("<footer>\n".utf8)
        if !m.contributors.isEmpty {
            out += Array("<p class=\"contributors\">(".utf8)
            for (i, contributor) in m.contributors.enumerated() {
                if i > 0 { out += Array("; ".utf8) }
                out += Array("<span class=\"contributor\">".utf8)
                span("role", contributor.role, to: &out)
                out += Array(" by ".utf8)
                span("name", contributor.name, to: &out)
                out += Array("</span>".utf8)
            }
            out += Array(")</p>\n".utf8)
        }
        if let signoff = m.signoff { element("p", class: "signoff", signoff, to: &out) }
        if let copyright = m.copyrightNotice { element("p", class: "copyright", copyright, to: &out) }
        out += Array("</footer>\n".utf8)
    }

    private static func element(_ name: String, class className: String, _ text: String, to out: inout [UInt8]) {
        out += Array("<\(name) class=\"\(className)\">".utf8)
        Escaping.appendXML(text, to: &out)
        out += Array("</\(name)>\n".utf8)
    }

    private static func span(_ className: String, _ text: String, to out: inout [UInt8]) {
        out += Array("<span class=\"\(className)\">".utf8)
        Escaping.appendXML(text, to: &out)
        out += Array("</span>".utf8)
    }
}
