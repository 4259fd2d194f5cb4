/// The package metadata of a book being written, gathered from the document and its stories.
///
/// A single story describes the book itself; an edition takes the document's metadata (the
/// `--title`, publisher, date) and falls back on what its stories share.
struct EPUBBookMetadata {
    /// `dc:identifier`; nil until the writer makes one from the content.
    var identifier: String?
    /// `dc:title`.
    var title: String
    /// `dc:language`, a BCP 47 tag.
    var language: String
    /// One `dc:creator` each.
    var creators: [Byline]
    /// `dc:date`, when it is ISO 8601.
    var date: Timestamp?
    /// One `dc:publisher` each.
    var publishers: [String]
    /// One `dc:rights` each.
    var rights: [String]
    /// One `dc:subject` each.
    var subjects: [Subject]
    /// `dc:description`.
    var summary: String?
    /// Subtitle for the title page.
    var subtitle: String?
    /// `dcterms:modified`, from the clock.
    var modified: Timestamp

    init(document: Document, title editionTitle: String? = nil, clock: Int64, warn: (String) -> Void) {
        let stories = document.stories
        var own = document.metadata
        if let editionTitle { own.headline = editionTitle }
        let single = stories.count == 1 ? stories[0].metadata : nil

        func distinct<T: Hashable>(_ values: [T]) -> [T] {
            var seen: Set<T> = []
            return values.filter { seen.insert($0).inserted }
        }

        identifier = own.id ?? single?.id
        if let headline = own.headline ?? single?.headline, !headline.trimmingWhitespace.isEmpty {
            title = headline
        } else if let first = stories.lazy.compactMap(\.metadata.headline).first(where: { !$0.trimmingWhitespace.isEmpty }) {
            title = first
            warn("the edition has no title (use --title); using the first headline")
        } else {
            title = "Untitled"
            warn("the book has no title (use --title or -M title=…); calling it \"Untitled\"")
        }
        subtitle = own.subheadline ?? single?.subheadline

        let languages = [own.language] + stories.map(\.metadata.language)
        if let given = languages.lazy.compactMap({ $0 }).first(where: { !$0.trimmingWhitespace.isEmpty }) {
            let tag = given.trimmingWhitespace
            if Self.isLanguageTag(tag) {
                language = tag
            } else {
                language = "en"
                warn("\"\(given)\" is not a language tag (BCP 47, like en or de-CH); declaring \"en\"")
            }
        } else {
            language = "en"
            warn("no language given; declaring \"en\" (set it with -M lang=…)")
        }

        creators = own.bylines.isEmpty
            ? distinct(stories.flatMap(\.metadata.bylines).map { Byline(name: $0.name) }).filter { !$0.name.isEmpty }
            : own.bylines

        let dateText = own.published ?? own.created ?? single?.published ?? single?.created
        if let dateText, dateText.isISO8601 {
            date = dateText
        } else {
            date = nil
            if let dateText { warn("date \"\(dateText)\" is not ISO 8601 (YYYY-MM-DD); left out of the package metadata") }
        }

        publishers = own.provider.map { [$0] } ?? distinct(stories.compactMap(\.metadata.provider))
        rights = own.copyrightNotice.map { [$0] } ?? distinct(stories.compactMap(\.metadata.copyrightNotice))
        subjects = own.subjects.isEmpty ? distinct(stories.flatMap(\.metadata.subjects)) : own.subjects
        summary = own.summary ?? single?.summary
        modified = Timestamp(secondsSince1970: clock)
    }

    /// True for text shaped like a BCP 47 language tag: `en`, `en-US`, `zh-Hant-TW`.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.utf8.count),
              first.utf8.allSatisfy({ ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.utf8.count) && part.utf8.allSatisfy { ($0 | 0x20) >= 97 && ($0 | 0x20) <= 122 || ($0 >= 48 && $0 <= 57) }
        }
    }
}
