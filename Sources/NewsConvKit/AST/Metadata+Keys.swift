extension Metadata {
    /// Sets the field that `key` names (as in YAML front matter, `-M key=value` or a metadata file)
    /// from its text value. Keys are matched without regard to case, `-` or `_`; common synonyms
    /// are accepted (`title` = `headline`, `author` = `byline`, `date` = `published`, `rights` =
    /// `copyright`). An unknown key is kept in ``extra``. List fields (`author`, `keywords`,
    /// `subjects`) append one entry per call; `keywords` and `subjects` also split on commas.
    /// Throws when a number field gets a value that is not a number.
    public mutating func set(_ key: String, to value: String) throws {
        let v = value.trimmingWhitespace
        let canonical = Self.canonicalKey(key)
        switch canonical {
        case "id", "guid", "identifier", "uid": id = v
        case "version":
            guard let n = Int(v), n >= 1 else { throw NewsConvError.badInput("metadata \"\(key)\": expected a version number, got \"\(value)\"") }
            version = n
        case "title", "headline": headline = v
        case "subtitle", "subheadline", "deck", "standfirst", "alternativeheadline": subheadline = v
        case _ where Self.bylineKeys.contains(canonical):
            if !v.isEmpty { bylines.append(Byline(name: v)) }
        case "dateline": dateline = Dateline(parsing: v)
        case "slug", "slugline": slugline = v
        case "lang", "language", "inlanguage": language = v
        case "date", "published", "datepublished", "pubdate", "publishedtime": published = Timestamp(v)
        case "created", "datecreated", "firstcreated": created = Timestamp(v)
        case "modified", "updated", "datemodified", "versioncreated": modified = Timestamp(v)
        case "embargo", "embargoed": embargo = Timestamp(v)
        case "provider", "publisher", "agency", "sitename": provider = v
        case "credit", "creditline": creditLine = v
        case "copyright", "rights", "copyrightnotice": copyrightNotice = v
        case "copyrightholder", "rightsholder": copyrightHolder = v
        case "usageterms", "usage", "license", "licence": usageTerms = v
        case _ where Self.keywordKeys.contains(canonical):
            keywords += v.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        case _ where Self.subjectKeys.contains(canonical):
            subjects += v.split(separator: ",").map { Subject(name: String($0).trimmingWhitespace) }.filter { $0.name?.isEmpty == false }
        case "genre": genre = v
        case "urgency", "priority":
            guard let n = Int(v), (0...9).contains(n) else { throw NewsConvError.badInput("metadata \"\(key)\": expected an urgency from 1 to 9, got \"\(value)\"") }
            urgency = n
        case "editorsnote", "ednote", "note": editorsNote = v
        case "located", "location": located = v
        case "summary", "description", "abstract", "excerpt", "teaser": summary = v
        case _ where Self.imageKeys.contains(canonical): heroImage = HeroImage(url: v)
        case "url", "canonical", "link": url = v
        case "signoff": signoff = v
        default: extra[key] = value
        }
    }

    /// The canonical keys (``canonicalKey(_:)``) of the fields that take lists or structure, which
    /// front matter may also give as YAML lists or mappings (``MetadataYAML``).
    static let bylineKeys: Set<String> = ["author", "authors", "byline", "bylines", "creator", "by"]
    static let keywordKeys: Set<String> = ["keywords", "keyword", "tags"]
    static let subjectKeys: Set<String> = ["subjects", "subject", "about"]
    static let imageKeys: Set<String> = ["image", "heroimage", "photo"]

    /// `key` lower-cased without `-`, `_` and spaces, for matching synonyms.
    static func canonicalKey(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0 != "-" && $0 != "_" && $0 != " " })
    }
}

extension Dateline {
    /// Parses a dateline as printed, without its closing dash: `ROTTERDAM, Nov 24 (Reuters)`,
    /// `BAGHDAD (AP)`, `PORTLAND, Maine`.
    public init(parsing text: String) {
        var rest = text.trimmingWhitespace
        var agency: String?
        if rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") {
            agency = String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]).trimmingWhitespace
            rest = String(rest[..<open]).trimmingWhitespace
        }
        var place: String? = rest
        var date: String?
        if let comma = rest.lastIndex(of: ",") {
            let tail = String(rest[rest.index(after: comma)...]).trimmingWhitespace
            if Dateline.looksLikeDate(tail) {
                date = tail
                place = String(rest[..<comma]).trimmingWhitespace
            }
        } else if Dateline.looksLikeDate(rest) {
            date = rest
            place = nil
        }
        self.init(place: place?.isEmpty == true ? nil : place, date: date, agency: agency?.isEmpty == true ? nil : agency)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                                 "january", "february", "march", "april", "june", "july", "august", "september",
                                 "october", "november", "december"]

    /// True for date text such as `Nov 24`, `Nov. 24`, `24 November`, `2020-01-01`.
    static func looksLikeDate(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "." })
        if words.contains(where: { months.contains(String($0)) }) && words.count <= 4
            && words.contains(where: { $0.allSatisfy(\.isNumber) }) { return true }
        return Timestamp(text).datePart != nil
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
