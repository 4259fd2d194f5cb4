/// Reads the metadata of a NewsML-G2 item (`newsItem` or `packageItem`) into ``Metadata``: the
/// inverse of ``NewsMLItemWriter``, and tolerant of what other providers write.
///
/// Names come from `name` children, choosing the one in the item's language when there are
/// several; a party or concept without a name keeps its `literal`, QCode or URI. Text properties
/// have their whitespace collapsed (XML indentation is not content); a `br` in a block property
/// (`edNote`, `description`, `copyrightNotice`) is a line break.
struct NewsMLMetadataReader {
    /// The item's language, for choosing among multilingual names.
    var language: String?
    /// The time the enclosing news message was sent: a `versionCreated` equal to it is the
    /// writer's clock, not a fact about the story.
    var sent: String?

    /// Extra facts found while reading, which only the item reader uses.
    struct Findings {
        /// A `description` with role `drol:caption` (a picture's caption).
        var caption: String?
        /// The `itemClass` QCode (`ninat:text`).
        var itemClass: String?
        /// `by` text, used for bylines when there is no `creator`.
        var by: String?
        /// The text of `versionCreated`.
        var versionCreated: String?
        /// The `itemMeta` title, the headline when `contentMeta` has none.
        var title: String?
    }

    /// The metadata of `item`, with the findings the item reader needs.
    func read(item: XMLNode) -> (Metadata, Findings) {
        var m = Metadata()
        var findings = Findings()
        if let guid = item.attribute("guid")?.trimmingWhitespace, !guid.isEmpty { m.id = guid }
        if let version = item.attribute("version").flatMap({ Int($0.trimmingWhitespace) }) { m.version = version }
        var reader = self
        let contentMeta = item.element(named: "contentMeta")
        let tag = contentMeta?.element(named: "language")?.attribute("tag") ?? item.attribute("lang")
        if let tag, !tag.trimmingWhitespace.isEmpty {
            m.language = tag.trimmingWhitespace
            reader.language = m.language
        }
        for child in item.elements {
            switch child.name {
            case "pubHistory":
                if let stamp = child.element(named: "published")?.element(named: "timestamp") {
                    m.published = Timestamp(stamp.textContent.trimmingWhitespace)
                }
            case "rightsInfo": reader.readRights(child, into: &m)
            case "itemMeta": reader.readItemMeta(child, into: &m, findings: &findings)
            case "contentMeta": reader.readContentMeta(child, into: &m, findings: &findings)
            default: continue
            }
        }
        reader.finish(&m, findings: findings)
        return (m, findings)
    }

    /// Completes metadata after all parts are read: bylines from `by`, and `versionCreated`
    /// kept in ``Metadata/extra`` when it is not the one newsconv's writer would derive.
    func finish(_ m: inout Metadata, findings: Findings) {
        if m.headline == nil { m.headline = findings.title }
        if m.bylines.isEmpty, let by = findings.by { m.bylines = Self.bylines(parsing: by) }
        if let version = findings.versionCreated, !version.isEmpty, m.extra["versionCreated"] == nil,
            version != NewsMLItemWriter.derivedVersionCreated(m), version != sent {
            m.extra["versionCreated"] = version
        }
    }

    // MARK: Parts

    func readRights(_ node: XMLNode, into m: inout Metadata) {
        var notices: [String] = m.copyrightNotice.map { [$0] } ?? []
        var terms: [String] = m.usageTerms.map { [$0] } ?? []
        for child in node.elements {
            switch child.name {
            case "copyrightHolder": m.copyrightHolder = m.copyrightHolder ?? conceptText(child)
            case "copyrightNotice": notices.append(Self.blockText(child))
            case "usageTerms": terms.append(Self.blockText(child))
            case "rightsInfoExtProperty": readExtProperty(child, into: &m)
            default: continue
            }
        }
        m.copyrightNotice = Self.lines(notices)
        m.usageTerms = Self.lines(terms)
    }

    func readItemMeta(_ node: XMLNode, into m: inout Metadata, findings: inout Findings) {
        var notes: [String] = m.editorsNote.map { [$0] } ?? []
        defer { m.editorsNote = Self.lines(notes) }
        for child in node.elements {
            switch child.name {
            case "itemClass": findings.itemClass = child.attribute("qcode")
            case "provider":
                if child.attribute("literal") != NewsMLVocabulary.unknownProvider || child.element(named: "name") != nil {
                    m.provider = m.provider ?? conceptText(child)
                }
            case "versionCreated": findings.versionCreated = child.textContent.trimmingWhitespace
            case "firstCreated":
                if m.published == nil { m.published = Timestamp(child.textContent.trimmingWhitespace) }
            case "embargoed":
                let text = child.textContent.trimmingWhitespace
                if !text.isEmpty { m.embargo = Timestamp(text) }
            case "pubStatus":
                if let status = child.attribute("qcode"), status != "stat:usable" { m.extra["pubStatus"] = status }
            case "title":
                findings.title = findings.title ?? Self.nonEmpty(Self.labelText(child))
            case "edNote": notes.append(Self.blockText(child))
            case "link": readLink(child, into: &m)
            case "itemMetaExtProperty": readExtProperty(child, into: &m)
            default: continue
            }
        }
    }

    func readContentMeta(_ node: XMLNode, into m: inout Metadata, findings: inout Findings) {
        for child in node.elements {
            switch child.name {
            case "urgency": m.urgency = Int(child.textContent.trimmingWhitespace) ?? m.urgency
            case "contentCreated": m.created = Timestamp(child.textContent.trimmingWhitespace)
            case "contentModified": m.modified = Timestamp(child.textContent.trimmingWhitespace)
            case "located": m.located = m.located ?? conceptText(child)
            case "creator":
                if let name = conceptText(child) {
                    m.bylines.append(Byline(name: name, role: roleName(child, NewsMLVocabulary.jobTitleRole)))
                }
            case "contributor":
                if let name = conceptText(child) {
                    let role = roleName(child, NewsMLVocabulary.taskRole)
                        ?? child.attribute("role").map { $0.split(separator: " ").first.map(Self.code) ?? $0 } ?? ""
                    m.contributors.append(Contributor(role: role, name: name))
                }
            case "infoSource":
                if m.extra["infoSource"] == nil, let source = conceptText(child) { m.extra["infoSource"] = source }
            case "language":
                if m.language == nil, let tag = child.attribute("tag") { m.language = tag.trimmingWhitespace }
            case "genre": m.genre = m.genre ?? conceptText(child)
            case "keyword":
                let keyword = child.textContent.collapsingWhitespace
                if !keyword.isEmpty { m.keywords.append(keyword) }
            case "subject":
                if let subject = subject(child) { m.subjects.append(subject) }
            case "slugline": m.slugline = m.slugline ?? Self.nonEmpty(child.textContent.collapsingWhitespace)
            case "headline":
                let text = Self.labelText(child)
                let roles = child.attribute("role") ?? ""
                if roles.contains(NewsMLVocabulary.subheadlineRole) || roles.lowercased().contains("sub") {
                    m.subheadline = m.subheadline ?? text
                } else if m.headline == nil {
                    m.headline = text
                } else if m.subheadline == nil {
                    m.subheadline = text
                }
            case "dateline":
                m.dateline = Self.dateline(child) ?? m.dateline
            case "by": findings.by = Self.nonEmpty(Self.labelText(child))
            case "creditline": m.creditLine = Self.nonEmpty(child.textContent.collapsingWhitespace)
            case "description":
                let text = Self.blockText(child)
                if (child.attribute("role") ?? "").contains("caption") {
                    findings.caption = findings.caption ?? text
                } else if m.summary == nil {
                    m.summary = Self.nonEmpty(text)
                }
            case "contentMetaExtProperty": readExtProperty(child, into: &m)
            default: continue
            }
        }
    }

    private func readLink(_ link: XMLNode, into m: inout Metadata) {
        guard let href = link.attribute("href") else { return }
        switch link.attribute("rel") {
        case NewsMLVocabulary.canonicalRelation:
            m.url = href
        case NewsMLVocabulary.heroImageRelation:
            m.heroImage = HeroImage(
                url: href,
                caption: link.element(named: "description").map(Self.blockText).flatMap(Self.nonEmpty),
                credit: link.element(named: "creditline").flatMap { Self.nonEmpty($0.textContent.collapsingWhitespace) },
                alt: link.attribute("title"))
        default:
            return
        }
    }

    /// `contentMetaExtProperty` and its siblings: newsconv's own relations back to their
    /// fields; any other relation into ``Metadata/extra`` under the relation's QCode.
    private func readExtProperty(_ node: XMLNode, into m: inout Metadata) {
        guard let relation = node.attribute("rel") ?? node.attribute("reluri") else { return }
        let value = node.attribute("value") ?? node.attribute("literal") ?? node.attribute("qcode")
            ?? preferredName(node) ?? ""
        if relation == NewsMLVocabulary.signoffRelation {
            m.signoff = value
        } else if let key = NewsMLVocabulary.extraKey(fromRelation: relation) {
            m.extra[key] = value
        } else if relation.hasPrefix("newsconv:field.") {
            try? m.set(String(relation.dropFirst("newsconv:field.".count)), to: value)
        } else {
            m.extra[relation] = value
        }
    }

    // MARK: Concepts and names

    private func subject(_ node: XMLNode) -> Subject? {
        var subject = Subject(name: preferredName(node))
        if let qcode = node.attribute("qcode"), let colon = qcode.firstIndex(of: ":") {
            subject.scheme = String(qcode[..<colon])
            subject.code = String(qcode[qcode.index(after: colon)...])
        } else if let uri = node.attribute("uri") {
            if let cut = uri.lastIndex(where: { $0 == "/" || $0 == "#" }), uri.index(after: cut) != uri.endIndex {
                subject.scheme = String(uri[...cut])
                subject.code = String(uri[uri.index(after: cut)...])
            } else {
                subject.code = uri
            }
        } else if let literal = node.attribute("literal") {
            subject.code = literal
        }
        return subject.code == nil && subject.name == nil ? nil : subject
    }

    /// The name of a party or concept, else its literal, QCode or URI.
    func conceptText(_ node: XMLNode) -> String? {
        preferredName(node) ?? Self.nonEmpty(node.attribute("literal") ?? "") ?? node.attribute("qcode") ?? node.attribute("uri")
    }

    /// The text of the `name` child whose role includes `role`.
    private func roleName(_ node: XMLNode, _ role: String) -> String? {
        node.elements(named: "name").first { ($0.attribute("role") ?? "").split(separator: " ").contains(Substring(role)) }
            .flatMap { Self.nonEmpty($0.textContent.collapsingWhitespace) }
    }

    /// Among the `name` children without a role (or all, if every one has a role), the one in
    /// the item's language, else one without a language, else the first.
    func preferredName(_ node: XMLNode) -> String? {
        let all = node.elements(named: "name")
        guard !all.isEmpty else { return nil }
        let plain = all.filter { $0.attribute("role") == nil }
        let candidates = plain.isEmpty ? all : plain
        let chosen: XMLNode
        if let language = language?.lowercased(),
            let exact = candidates.first(where: { $0.attribute("lang")?.lowercased() == language }) {
            chosen = exact
        } else if let primary = language?.lowercased().split(separator: "-").first,
            let close = candidates.first(where: { $0.attribute("lang")?.lowercased().split(separator: "-").first == primary }) {
            chosen = close
        } else {
            chosen = candidates.first { $0.attribute("lang") == nil } ?? candidates[0]
        }
        return Self.nonEmpty(chosen.textContent.collapsingWhitespace)
    }

    // MARK: Text

    static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    /// The non-empty texts one per line, or nil when there are none.
    static func lines(_ texts: [String]) -> String? {
        let kept = texts.filter { !$0.isEmpty }
        return kept.isEmpty ? nil : kept.joined(separator: "\n")
    }

    /// The code part of a QCode (`ctrol:descrWriter` → `descrWriter`).
    static func code(_ qcode: Substring) -> String {
        qcode.firstIndex(of: ":").map { String(qcode[qcode.index(after: $0)...]) } ?? String(qcode)
    }

    /// The text of a label property (`headline`, `dateline`, `by`): whitespace collapsed.
    static func labelText(_ node: XMLNode) -> String { node.textContent.collapsingWhitespace }

    /// The text of a block property: whitespace collapsed within lines, `br` as a line break.
    static func blockText(_ node: XMLNode) -> String {
        var lines: [String] = []
        var current = ""
        func walk(_ node: XMLNode, depth: Int) {
            for child in node.children {
                switch child.kind {
                case .text: current += child.text
                case .element where child.name == "br":
                    lines.append(current)
                    current = ""
                case .element where depth < 64: walk(child, depth: depth + 1)
                default: continue
                }
            }
        }
        walk(node, depth: 0)
        lines.append(current)
        return lines.map(\.collapsingWhitespace).joined(separator: "\n").trimmingWhitespace
    }

    /// A dateline from its `<span class="place|date|agency">` parts (as newsconv writes it),
    /// else parsed from its text.
    static func dateline(_ node: XMLNode) -> Dateline? {
        let spans = node.elements(named: "span")
        if !spans.isEmpty {
            var dateline = Dateline()
            for span in spans {
                let text = nonEmpty(span.textContent.collapsingWhitespace)
                switch span.attribute("class") {
                case "place": dateline.place = text
                case "date": dateline.date = text
                case "agency": dateline.agency = text
                default: continue
                }
            }
            if dateline != Dateline() { return dateline }
        }
        return nonEmpty(labelText(node)).map(Dateline.init(parsing:))
    }

    /// Bylines from printed text: `By Jane Doe, AP Business Writer and John Roe`.
    static func bylines(parsing text: String) -> [Byline] {
        var rest = text.trimmingWhitespace
        if rest.lowercased().hasPrefix("by ") { rest = String(rest.dropFirst(3)) }
        return rest.split(separator: " and ").flatMap { $0.split(separator: ";") }.compactMap { part in
            let pieces = part.split(separator: ",", maxSplits: 1).map { String($0).trimmingWhitespace }
            guard let name = pieces.first, !name.isEmpty else { return nil }
            return Byline(name: name, role: pieces.count > 1 && !pieces[1].isEmpty ? pieces[1] : nil)
        }
    }
}
