import Foundation

/// Writes IPTC NewsML-G2 2.35 (Power conformance): one story as a `newsItem`, several as a
/// `newsMessage` whose `header` is stamped with the ``Resources`` clock (so `SOURCE_DATE_EPOCH`
/// makes it reproducible) and whose `itemSet` holds one `newsItem` per story, led by a
/// `packageItem` carrying the document's own metadata when it has any.
///
/// Where each ``Metadata`` field goes:
///
/// | field | NewsML-G2 |
/// | --- | --- |
/// | `id`, `version`, `language` | `guid`, `version`, `xml:lang` and `contentMeta/language` |
/// | `published` | `pubHistory/published/timestamp` and `itemMeta/firstCreated` |
/// | `copyrightHolder`, `copyrightNotice`, `usageTerms` | `rightsInfo` |
/// | `provider`, `embargo`, `editorsNote` | `itemMeta/provider`, `embargoed`, `edNote` |
/// | `url`, `heroImage` | `itemMeta/link` (relations `newsconv:canonical`, `newsconv:heroImage`) |
/// | `urgency`, `created`, `modified`, `located` | `contentMeta/urgency`, `contentCreated`, `contentModified`, `located` |
/// | `bylines`, `contributors` | a `creator` per byline, a `contributor` per credit; also `by` |
/// | `subjects`, `genre`, `keywords` | `subject` (QCode or URI, and `name`), `genre`, `keyword` |
/// | `slugline`, `headline`, `subheadline` | `slugline`, `headline`, `headline role="newsconv:subheadline"` |
/// | `dateline`, `creditLine`, `summary` | `dateline`, `creditline`, `description role="drol:summary"` |
/// | `signoff`, `extra` | `contentMetaExtProperty` (`extra["pubStatus"]`, `["infoSource"]`, `["versionCreated"]` go to their own elements) |
///
/// The body goes in `contentSet/inlineXML` as XHTML (the default) or NITF 3.6
/// (`WriteOptions.settings["newsml.body"] == "nitf"`, `--newsml-body nitf`). The output
/// validates against the NewsML-G2 2.35 Power schema (`newsconv validate`); ``NewsMLReader``
/// reads all of it back.
public struct NewsMLWriter: DocumentWriter {
    /// The markup of story bodies.
    public enum BodyMarkup: String, Sendable, CaseIterable {
        /// XHTML (`application/xhtml+xml`).
        case xhtml
        /// NITF 3.6 (`application/nitf+xml`).
        case nitf
    }

    /// The setting that chooses the body markup (`xhtml` or `nitf`).
    public static let bodySetting = "newsml.body"

    /// Creates the writer.
    public init() {}

    public func write(_ document: Document, context: WriteContext) throws -> [UInt8] {
        let markupName = context.options.settings[Self.bodySetting]?.lowercased() ?? BodyMarkup.xhtml.rawValue
        guard let markup = BodyMarkup(rawValue: markupName) else {
            throw NewsConvError(.usage, "unknown NewsML-G2 body markup \"\(markupName)\"; use xhtml or nitf")
        }
        let writer = NewsMLItemWriter(context: context, markup: markup)
        var out = XMLBuilder()
        out.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        if document.stories.count <= 1 {
            var story = document.stories.first ?? Story()
            if document.stories.isEmpty { context.warn("the document has no story; writing an empty NewsML-G2 news item") }
            if let title = document.metadata.headline, let headline = story.metadata.headline, title != headline {
                context.warn("a single NewsML-G2 news item has no place for the document title \"\(title)\"")
            }
            story.metadata.fillGaps(from: document.metadata)
            writer.writeNewsItem(story, guid: Self.guid(for: story), depth: 0, isRoot: true, into: &out)
        } else {
            writeMessage(document, writer: writer, context: context, into: &out)
        }
        out.bytes.append(10)
        return out.bytes
    }

    private func writeMessage(_ document: Document, writer: NewsMLItemWriter, context: WriteContext, into out: inout XMLBuilder) {
        var guids: [String] = []
        var seen: Set<String> = []
        for story in document.stories {
            var guid = Self.guid(for: story)
            if story.metadata.id?.trimmingWhitespace.isEmpty != false {
                var n = 2
                let base = guid
                while seen.contains(guid) { guid = "\(base)-\(n)"; n += 1 }
            }
            seen.insert(guid)
            guids.append(guid)
        }
        let m = document.metadata
        out.newline(0)
        out.open("newsMessage", [("xmlns", NewsMLVocabulary.narNamespace)])
        out.newline(1)
        out.open("header")
        out.line(2, "sent", text: Timestamp(secondsSince1970: context.resources.currentTime).rawValue)
        out.emptyLine(2, "catalogRef", [("href", NewsMLVocabulary.iptcCatalog)])
        if let provider = m.provider { out.line(2, "sender", text: provider) }
        if let id = m.id { out.line(2, "transmitId", text: id) }
        if let urgency = m.urgency, (1...9).contains(urgency) { out.line(2, "priority", text: String(urgency)) }
        out.newline(1)
        out.close("header")
        out.newline(1)
        out.open("itemSet")
        if !m.isEmpty {
            let items = zip(guids, document.stories).map { (guid: $0, headline: $1.metadata.headline) }
            let packageGUID = m.id ?? "urn:newsconv:package:" + Self.hash(guids.joined(separator: "\n").utf8)
            writer.writePackageItem(m, guid: packageGUID, items: items, depth: 2, into: &out)
        }
        for (story, guid) in zip(document.stories, guids) {
            writer.writeNewsItem(story, guid: guid, depth: 2, isRoot: false, into: &out)
        }
        out.newline(1)
        out.close("itemSet")
        out.newline(0)
        out.close("newsMessage")
    }

    /// The story's id, or a stable one made from its content: `urn:newsconv:` and a hash of the
    /// story, so that writing the same story twice gives the same guid. (Give stories an `id`
    /// to keep the guid across edits.)
    static func guid(for story: Story) -> String {
        if let id = story.metadata.id?.trimmingWhitespace, !id.isEmpty { return id }
        if let canonical = try? canonicalEncoder.encode(story) { return "urn:newsconv:" + hash(canonical) }
        return "urn:newsconv:" + hash(((story.metadata.headline ?? "") + "\n" + story.plainText).utf8)
    }

    /// The story's JSON with sorted keys: the same story, the same bytes. (One encoder for all
    /// the stories of a message.)
    private static let canonicalEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    /// 64-bit FNV-1a of `bytes`, as 16 hex digits.
    static func hash(_ bytes: some Sequence<UInt8>) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
