/// Writes one NewsML-G2 item: a `newsItem` for a story, or the `packageItem` that carries a
/// news message's own metadata.
///
/// Each field goes where the standard puts it, in the schema's order:
/// `pubHistory` (published); `rightsInfo` (copyright holder, notice, usage terms); `itemMeta`
/// (`itemClass`, `provider`, `versionCreated`, `firstCreated`, `embargoed`, `pubStatus`,
/// `generator`, `edNote`, and `link`s for the canonical URL and the hero image); `contentMeta`
/// (`urgency`, `contentCreated`, `contentModified`, `located`, a `creator` per byline, a
/// `contributor` per closing credit, `infoSource`, `language`, `subject`s with QCode and name,
/// `genre`, `keyword`s, `slugline`, `headline`, the subheadline as a second `headline`,
/// `dateline`, `by`, `creditline`, the summary as `description`, and `contentMetaExtProperty`
/// for the sign-off and any other metadata); then the body in `contentSet`.
///
/// Values the schema's types cannot hold (a date that is not ISO 8601, an urgency outside 1–9,
/// a language that is not a language tag) are kept in a `contentMetaExtProperty` with a warning,
/// so that newsconv reads them back. Codes of newsconv's own (``NewsMLVocabulary``) are declared
/// in an inline catalog of the item that uses them.
struct NewsMLItemWriter {
    let context: WriteContext
    let markup: NewsMLWriter.BodyMarkup

    /// The `versionCreated` newsconv derives from a story's dates when `extra` does not give
    /// one: the modification, publication or creation time, as `xs:dateTime`.
    static func derivedVersionCreated(_ m: Metadata) -> String? {
        for timestamp in [m.modified, m.published, m.created] {
            if let timestamp, let value = NewsMLDates.dateTime(timestamp) { return value }
        }
        return nil
    }

    /// What is being built for one item: the markup after the catalogs, and whether it used
    /// newsconv's own scheme.
    struct ItemPart {
        var xml = XMLBuilder()
        var usesOwnScheme = false
        /// `contentMetaExtProperty` relations and values to write at the end of `contentMeta`.
        var properties: [(relation: String, value: String)] = []

        /// `code` (a `newsconv:` QCode), noting that the scheme must be declared.
        mutating func own(_ code: String) -> String {
            usesOwnScheme = true
            return code
        }
    }

    // MARK: Items

    /// Appends the `newsItem` of `story`.
    func writeNewsItem(_ story: Story, guid: String, depth: Int, isRoot: Bool, into out: inout XMLBuilder) {
        var part = ItemPart()
        let m = story.metadata
        writeManagement(m, itemClass: "ninat:text", depth: depth + 1, into: &part)
        writeContentMeta(m, depth: depth + 1, into: &part)
        part.xml.newline(depth + 1)
        part.xml.open("contentSet")
        switch markup {
        case .xhtml: XHTMLBodyWriter(context: context).write(story, into: &part.xml, depth: depth + 2)
        case .nitf: NITFBodyWriter(context: context).write(story, into: &part.xml, depth: depth + 2)
        }
        part.xml.newline(depth + 1)
        part.xml.close("contentSet")
        assemble("newsItem", m, guid: guid, depth: depth, isRoot: isRoot, alwaysVersion: true, part: part, into: &out)
    }

    /// Appends a `packageItem` with the document's metadata and a group referencing each item.
    func writePackageItem(_ m: Metadata, guid: String, items: [(guid: String, headline: String?)], depth: Int,
                          into out: inout XMLBuilder) {
        var part = ItemPart()
        writeManagement(m, itemClass: "ninat:composite", depth: depth + 1, into: &part)
        writeContentMeta(m, depth: depth + 1, into: &part)
        let x = depth + 1
        part.xml.newline(x)
        part.xml.open("groupSet", [("root", "G1")])
        part.xml.newline(x + 1)
        part.xml.open("group", [("id", "G1"), ("role", "group:main")])
        for item in items {
            part.xml.newline(x + 2)
            part.xml.open("itemRef", [("residref", item.guid), ("contenttype", NewsMLVocabulary.newsItemContentType)])
            part.xml.open("itemClass", [("qcode", "ninat:text")], empty: true)
            if let headline = item.headline {
                part.xml.open("title")
                part.xml.text(headline)
                part.xml.close("title")
            }
            part.xml.close("itemRef")
        }
        part.xml.newline(x + 1)
        part.xml.close("group")
        part.xml.newline(x)
        part.xml.close("groupSet")
        assemble("packageItem", m, guid: guid, depth: depth, isRoot: false, alwaysVersion: false, part: part, into: &out)
    }

    /// The item element with its attributes and catalogs around `part`. A news item always
    /// states its version; a package only when the document has one.
    private func assemble(_ name: String, _ m: Metadata, guid: String, depth: Int, isRoot: Bool, alwaysVersion: Bool,
                          part: ItemPart, into out: inout XMLBuilder) {
        var version = m.version
        if let v = version, v < 1 {
            context.warn("NewsML-G2 versions count from 1; version \(v) written as 1")
            version = 1
        }
        out.newline(depth)
        out.open(name, [
            ("xmlns", isRoot ? NewsMLVocabulary.narNamespace : nil),
            ("guid", guid),
            ("version", version.map(String.init) ?? (alwaysVersion ? "1" : nil)),
            ("standard", "NewsML-G2"),
            ("standardversion", "2.35"),
            ("conformance", "power"),
            ("xml:lang", Self.languageTag(m.language)),
        ])
        out.emptyLine(depth + 1, "catalogRef", [("href", NewsMLVocabulary.iptcCatalog)])
        if part.usesOwnScheme {
            out.newline(depth + 1)
            out.open("catalog")
            out.open("scheme", [("alias", NewsMLVocabulary.schemeAlias), ("uri", NewsMLVocabulary.schemeURI)], empty: true)
            out.close("catalog")
        }
        out.bytes += part.xml.bytes
        out.newline(depth)
        out.close(name)
    }

    /// `language` as an `xs:language` tag (`en_US` becomes `en-US`), or nil.
    static func languageTag(_ language: String?) -> String? {
        guard let language else { return nil }
        let tag = language.trimmingWhitespace.replacing("_", with: "-")
        return NewsMLVocabulary.isLanguageTag(tag) ? tag : nil
    }
}
