extension NewsMLItemWriter {
    // MARK: pubHistory, rightsInfo, itemMeta

    /// `pubHistory`, `rightsInfo` and `itemMeta`.
    func writeManagement(_ m: Metadata, itemClass: String, depth d: Int, into part: inout ItemPart) {
        if let published = m.published {
            if let value = NewsMLDates.truncatedDateTime(published) {
                part.xml.newline(d)
                part.xml.raw("<pubHistory><published><timestamp>")
                part.xml.text(value)
                part.xml.raw("</timestamp></published></pubHistory>")
            } else {
                keep(published.rawValue, field: "published", reason: "is not an ISO 8601 date", into: &part)
            }
        }
        if m.copyrightHolder != nil || m.copyrightNotice != nil || m.usageTerms != nil {
            part.xml.newline(d)
            part.xml.open("rightsInfo")
            if let holder = m.copyrightHolder { writeConcept("copyrightHolder", holder, depth: d + 1, into: &part.xml) }
            if let notice = m.copyrightNotice { writeBlock("copyrightNotice", notice, depth: d + 1, into: &part.xml) }
            if let terms = m.usageTerms { writeBlock("usageTerms", terms, depth: d + 1, into: &part.xml) }
            part.xml.newline(d)
            part.xml.close("rightsInfo")
        }
        part.xml.newline(d)
        part.xml.open("itemMeta")
        part.xml.emptyLine(d + 1, "itemClass", [("qcode", itemClass)])
        if let provider = m.provider {
            writeConcept("provider", provider, depth: d + 1, into: &part.xml)
        } else {
            part.xml.emptyLine(d + 1, "provider", [("literal", NewsMLVocabulary.unknownProvider)])
        }
        let version = m.extra["versionCreated"].flatMap { NewsMLDates.dateTime(Timestamp($0)) }
            ?? Self.derivedVersionCreated(m)
            ?? Timestamp(secondsSince1970: context.resources.currentTime).rawValue
        part.xml.line(d + 1, "versionCreated", text: version)
        if let published = m.published, let value = NewsMLDates.dateTime(published) {
            part.xml.line(d + 1, "firstCreated", text: value)
        }
        if let embargo = m.embargo {
            if let value = NewsMLDates.dateTime(embargo) {
                part.xml.line(d + 1, "embargoed", text: value)
            } else {
                keep(embargo.rawValue, field: "embargo", reason: "is not an ISO 8601 date-time", into: &part)
            }
        }
        let status = m.extra["pubStatus"].flatMap { NewsMLVocabulary.isQCode($0) ? $0 : nil } ?? "stat:usable"
        part.xml.emptyLine(d + 1, "pubStatus", [("qcode", status)])
        part.xml.line(d + 1, "generator", text: "newsconv")
        if let note = m.editorsNote { writeBlock("edNote", note, depth: d + 1, into: &part.xml) }
        if let url = m.url {
            part.xml.emptyLine(d + 1, "link", [
                ("rel", part.own(NewsMLVocabulary.canonicalRelation)), ("href", NewsMLVocabulary.uriReference(url)),
            ])
        }
        if let hero = m.heroImage {
            part.xml.newline(d + 1)
            part.xml.open("link", [
                ("rel", part.own(NewsMLVocabulary.heroImageRelation)),
                ("href", NewsMLVocabulary.uriReference(hero.url)),
                ("contenttype", NewsMLVocabulary.imageMediaType(forPath: hero.url)),
                ("title", hero.alt.map(NewsMLVocabulary.normalized)),
            ])
            if let caption = hero.caption { writeBlock("description", caption, role: NewsMLVocabulary.captionRole, depth: d + 2, into: &part.xml) }
            if let credit = hero.credit { part.xml.line(d + 2, "creditline", text: NewsMLVocabulary.normalized(credit)) }
            part.xml.newline(d + 1)
            part.xml.close("link")
        }
        part.xml.newline(d)
        part.xml.close("itemMeta")
    }

    // MARK: contentMeta

    /// `contentMeta`, when there is anything to put in it.
    func writeContentMeta(_ m: Metadata, depth d: Int, into part: inout ItemPart) {
        var x = XMLBuilder()
        let e = d + 1
        if let urgency = m.urgency {
            if (1...9).contains(urgency) {
                x.line(e, "urgency", text: String(urgency))
            } else {
                keep(String(urgency), field: "urgency", reason: "is not an urgency from 1 to 9", into: &part)
            }
        }
        for (field, element, timestamp) in [("created", "contentCreated", m.created), ("modified", "contentModified", m.modified)] {
            guard let timestamp else { continue }
            if let value = NewsMLDates.truncatedDateTime(timestamp) {
                x.line(e, element, text: value)
            } else {
                keep(timestamp.rawValue, field: field, reason: "is not an ISO 8601 date", into: &part)
            }
        }
        if let located = m.located { writeConcept("located", located, depth: e, into: &x) }
        for byline in m.bylines {
            x.newline(e)
            x.open("creator")
            x.line(e + 1, "name", text: NewsMLVocabulary.normalized(byline.name))
            if let role = byline.role {
                x.line(e + 1, "name", [("role", part.own(NewsMLVocabulary.jobTitleRole))], text: NewsMLVocabulary.normalized(role))
            }
            x.newline(e)
            x.close("creator")
        }
        for contributor in m.contributors {
            x.newline(e)
            x.open("contributor")
            x.line(e + 1, "name", text: NewsMLVocabulary.normalized(contributor.name))
            if !contributor.role.isEmpty {
                x.line(e + 1, "name", [("role", part.own(NewsMLVocabulary.taskRole))], text: NewsMLVocabulary.normalized(contributor.role))
            }
            x.newline(e)
            x.close("contributor")
        }
        if let source = m.extra["infoSource"] { writeConcept("infoSource", source, depth: e, into: &x) }
        if let language = m.language {
            if let tag = Self.languageTag(language) {
                x.emptyLine(e, "language", [("tag", tag)])
            } else {
                keep(language, field: "language", reason: "is not a language tag", into: &part)
            }
        }
        for subject in m.subjects { writeSubject(subject, depth: e, into: &x) }
        if let genre = m.genre { writeConcept("genre", genre, depth: e, into: &x) }
        for keyword in m.keywords { x.line(e, "keyword", text: NewsMLVocabulary.normalized(keyword)) }
        if let slugline = m.slugline { x.line(e, "slugline", text: NewsMLVocabulary.normalized(slugline)) }
        if let headline = m.headline { x.line(e, "headline", text: headline) }
        if let subheadline = m.subheadline {
            x.line(e, "headline", [("role", part.own(NewsMLVocabulary.subheadlineRole))], text: subheadline)
        }
        if let dateline = m.dateline, !dateline.text.isEmpty { writeDateline(dateline, depth: e, into: &x) }
        if !m.bylines.isEmpty {
            let names = m.bylines.map { byline in byline.role.map { "\(byline.name), \($0)" } ?? byline.name }
            x.line(e, "by", text: "By " + names.joined(separator: " and "))
        }
        if let credit = m.creditLine { x.line(e, "creditline", text: NewsMLVocabulary.normalized(credit)) }
        if let summary = m.summary { writeBlock("description", summary, role: NewsMLVocabulary.summaryRole, depth: e, into: &x) }
        if let signoff = m.signoff { part.properties.append((part.own(NewsMLVocabulary.signoffRelation), signoff)) }
        for key in m.extra.keys.sorted() {
            guard let value = m.extra[key] else { continue }
            if key == "infoSource" { continue }
            if key == "versionCreated", NewsMLDates.dateTime(Timestamp(value)) != nil { continue }
            if key == "pubStatus", NewsMLVocabulary.isQCode(value) { continue }
            part.properties.append((part.own(NewsMLVocabulary.extraRelation(key)), value))
        }
        for property in part.properties {
            x.emptyLine(e, "contentMetaExtProperty", [("rel", property.relation), ("value", property.value)])
        }
        guard !x.bytes.isEmpty else { return }
        part.xml.newline(d)
        part.xml.open("contentMeta")
        part.xml.bytes += x.bytes
        part.xml.newline(d)
        part.xml.close("contentMeta")
    }

    // MARK: Helpers

    /// Keeps a value the schema's type cannot hold as a `newsconv:field.NAME` property.
    private func keep(_ value: String, field: String, reason: String, into part: inout ItemPart) {
        context.warn("NewsML-G2: \(field) \"\(value)\" \(reason); kept as a contentMetaExtProperty")
        part.properties.append((part.own(NewsMLVocabulary.fieldRelation(field)), value))
    }

    /// A party or concept property: `uri`, `qcode` or a `<name>`.
    private func writeConcept(_ element: String, _ text: String, depth: Int, into x: inout XMLBuilder) {
        let reference = NewsMLVocabulary.conceptReference(text)
        var attributes = reference.attributes
        if let index = attributes.firstIndex(where: { $0.0 == "uri" }) {
            attributes[index].1 = attributes[index].1.map(NewsMLVocabulary.uriReference)
        }
        guard let name = reference.name else {
            x.emptyLine(depth, element, attributes)
            return
        }
        x.newline(depth)
        x.open(element, attributes)
        x.open("name")
        x.text(name)
        x.close("name")
        x.close(element)
    }

    /// `<dateline>` as printed (`ROTTERDAM, Nov 24 (Reuters)`), its parts marked with
    /// `<span class="place|date|agency">` so that they read back exactly.
    private func writeDateline(_ dateline: Dateline, depth: Int, into x: inout XMLBuilder) {
        x.newline(depth)
        x.open("dateline")
        dateline.forEachPart { part, before, value, after in
            x.text(before)
            x.open("span", [("class", "\(part)")])
            x.text(value)
            x.close("span")
            x.text(after)
        }
        x.close("dateline")
    }

    /// A block property: lines separated by `<br/>`.
    private func writeBlock(_ element: String, _ text: String, role: String? = nil, depth: Int, into x: inout XMLBuilder) {
        x.newline(depth)
        x.open(element, [("role", role)])
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { x.raw("<br/>") }
            x.text(String(line))
        }
        x.close(element)
    }

    private func writeSubject(_ subject: Subject, depth: Int, into x: inout XMLBuilder) {
        var attributes: [(String, String?)] = []
        if let code = subject.code, !code.isEmpty {
            if let scheme = subject.scheme, !scheme.isEmpty {
                if scheme.contains("/") || NewsMLVocabulary.isURI(scheme) {
                    attributes.append(("uri", NewsMLVocabulary.uriReference(scheme + code)))
                } else if !scheme.contains(":"), NewsMLVocabulary.isQCode(scheme + ":" + code) {
                    attributes.append(("qcode", scheme + ":" + code))
                } else {
                    context.warn("NewsML-G2: subject scheme \"\(scheme)\" cannot be part of a QCode; the code \"\(code)\" is kept alone")
                    attributes.append(("literal", NewsMLVocabulary.normalized(code)))
                }
            } else if NewsMLVocabulary.isQCode(code) {
                attributes.append(("qcode", code))
            } else {
                attributes.append(("literal", NewsMLVocabulary.normalized(code)))
            }
        }
        guard let name = subject.name else {
            if !attributes.isEmpty { x.emptyLine(depth, "subject", attributes) }
            return
        }
        x.newline(depth)
        x.open("subject", attributes)
        x.open("name")
        x.text(NewsMLVocabulary.normalized(name))
        x.close("name")
        x.close("subject")
    }
}
