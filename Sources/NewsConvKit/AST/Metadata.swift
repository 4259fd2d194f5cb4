/// News metadata of a story (or of a whole document, for an edition or news message).
///
/// Field names follow newsroom usage. Every field is optional; readers fill what their format
/// carries and writers put each field where their format expects it. Anything a reader finds that
/// has no field of its own goes to ``extra`` so that nothing is lost.
public struct Metadata: Sendable, Equatable, Hashable, Codable {
    /// Globally unique identifier of the story (NewsML-G2 `guid`, EPUB `dc:identifier`).
    public var id: String?
    /// Version of the story, counting from 1.
    public var version: Int?
    /// The headline.
    public var headline: String?
    /// A secondary headline, also called the deck or standfirst.
    public var subheadline: String?
    /// The people credited at the top of the story.
    public var bylines: [Byline]
    /// People credited at the end of the story: `(Reporting by …; Editing by …)`.
    public var contributors: [Contributor]
    /// Where and when the story was filed, and by which agency.
    public var dateline: Dateline?
    /// A short internal label for the story (`MIDEAST-IRAQ/PROTESTS`).
    public var slugline: String?
    /// BCP 47 language tag (`en`, `en-US`, `de`).
    public var language: String?
    /// When the content was first created.
    public var created: Timestamp?
    /// When the content was last modified.
    public var modified: Timestamp?
    /// When the story was published.
    public var published: Timestamp?
    /// Not to be published before this time.
    public var embargo: Timestamp?
    /// The agency or publisher that provides the story (`Associated Press`, `Reuters`).
    public var provider: String?
    /// Credit line to print with the story (`AP`, `Reuters/Jane Doe`).
    public var creditLine: String?
    /// The copyright notice as printed (`Copyright 2020 Associated Press. All rights reserved.`).
    public var copyrightNotice: String?
    /// Who holds the copyright.
    public var copyrightHolder: String?
    /// Terms under which the story may be used.
    public var usageTerms: String?
    /// Subject classification codes.
    public var subjects: [Subject]
    /// Free keywords.
    public var keywords: [String]
    /// Journalistic genre (`Analysis`, `Feature`, `Obituary`).
    public var genre: String?
    /// News urgency, 1 (most urgent) to 9.
    public var urgency: Int?
    /// A note from the desk to editors; not for publication.
    public var editorsNote: String?
    /// The place the story is about, when different from the dateline.
    public var located: String?
    /// A short summary or teaser of the story.
    public var summary: String?
    /// The main image of the story.
    public var heroImage: HeroImage?
    /// The canonical address of the story on the web.
    public var url: String?
    /// Agency sign-off and desk codes printed at the end of wire copy (`abc/xyz/lt`, `AP-WF-0101`).
    public var signoff: String?
    /// Any other metadata, by key. Keys are kept as the source spelled them.
    public var extra: [String: String]

    /// Creates metadata; every field defaults to empty.
    public init(
        id: String? = nil, version: Int? = nil, headline: String? = nil, subheadline: String? = nil,
        bylines: [Byline] = [], contributors: [Contributor] = [], dateline: Dateline? = nil,
        slugline: String? = nil, language: String? = nil, created: Timestamp? = nil,
        modified: Timestamp? = nil, published: Timestamp? = nil, embargo: Timestamp? = nil,
        provider: String? = nil, creditLine: String? = nil, copyrightNotice: String? = nil,
        copyrightHolder: String? = nil, usageTerms: String? = nil, subjects: [Subject] = [],
        keywords: [String] = [], genre: String? = nil, urgency: Int? = nil,
        editorsNote: String? = nil, located: String? = nil, summary: String? = nil,
        heroImage: HeroImage? = nil, url: String? = nil, signoff: String? = nil,
        extra: [String: String] = [:]
    ) {
        self.id = id; self.version = version; self.headline = headline
        self.subheadline = subheadline; self.bylines = bylines; self.contributors = contributors
        self.dateline = dateline; self.slugline = slugline; self.language = language
        self.created = created; self.modified = modified; self.published = published
        self.embargo = embargo; self.provider = provider; self.creditLine = creditLine
        self.copyrightNotice = copyrightNotice; self.copyrightHolder = copyrightHolder
        self.usageTerms = usageTerms; self.subjects = subjects; self.keywords = keywords
        self.genre = genre; self.urgency = urgency; self.editorsNote = editorsNote
        self.located = located; self.summary = summary; self.heroImage = heroImage
        self.url = url; self.signoff = signoff; self.extra = extra
    }

    /// True when no field is set.
    public var isEmpty: Bool { self == Metadata() }

    /// Fills every field that is empty here from `other`; fields set here win.
    /// Arrays and `extra` entries are taken from `other` only when empty here.
    public mutating func fillGaps(from other: Metadata) {
        func fill<T>(_ path: WritableKeyPath<Metadata, T?>) {
            if self[keyPath: path] == nil { self[keyPath: path] = other[keyPath: path] }
        }
        func fill<T>(_ path: WritableKeyPath<Metadata, [T]>) {
            if self[keyPath: path].isEmpty { self[keyPath: path] = other[keyPath: path] }
        }
        fill(\.id); fill(\.version); fill(\.headline); fill(\.subheadline); fill(\.bylines)
        fill(\.contributors); fill(\.dateline); fill(\.slugline); fill(\.language); fill(\.created)
        fill(\.modified); fill(\.published); fill(\.embargo); fill(\.provider); fill(\.creditLine)
        fill(\.copyrightNotice); fill(\.copyrightHolder); fill(\.usageTerms); fill(\.subjects)
        fill(\.keywords); fill(\.genre); fill(\.urgency); fill(\.editorsNote); fill(\.located)
        fill(\.summary); fill(\.heroImage); fill(\.url); fill(\.signoff)
        for (key, value) in other.extra where extra[key] == nil { extra[key] = value }
    }

    private enum CodingKeys: String, CodingKey {
        case id, version, headline, subheadline, bylines, contributors, dateline, slugline
        case language, created, modified, published, embargo, provider, creditLine
        case copyrightNotice, copyrightHolder, usageTerms, subjects, keywords, genre, urgency
        case editorsNote, located, summary, heroImage, url, signoff, extra
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id)
        version = try c.decodeIfPresent(Int.self, forKey: .version)
        headline = try c.decodeIfPresent(String.self, forKey: .headline)
        subheadline = try c.decodeIfPresent(String.self, forKey: .subheadline)
        bylines = try c.decodeIfPresent([Byline].self, forKey: .bylines) ?? []
        contributors = try c.decodeIfPresent([Contributor].self, forKey: .contributors) ?? []
        dateline = try c.decodeIfPresent(Dateline.self, forKey: .dateline)
        slugline = try c.decodeIfPresent(String.self, forKey: .slugline)
        language = try c.decodeIfPresent(String.self, forKey: .language)
        created = try c.decodeIfPresent(Timestamp.self, forKey: .created)
        modified = try c.decodeIfPresent(Timestamp.self, forKey: .modified)
        published = try c.decodeIfPresent(Timestamp.self, forKey: .published)
        embargo = try c.decodeIfPresent(Timestamp.self, forKey: .embargo)
        provider = try c.decodeIfPresent(String.self, forKey: .provider)
        creditLine = try c.decodeIfPresent(String.self, forKey: .creditLine)
        copyrightNotice = try c.decodeIfPresent(String.self, forKey: .copyrightNotice)
        copyrightHolder = try c.decodeIfPresent(String.self, forKey: .copyrightHolder)
        usageTerms = try c.decodeIfPresent(String.self, forKey: .usageTerms)
        subjects = try c.decodeIfPresent([Subject].self, forKey: .subjects) ?? []
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? []
        genre = try c.decodeIfPresent(String.self, forKey: .genre)
        urgency = try c.decodeIfPresent(Int.self, forKey: .urgency)
        editorsNote = try c.decodeIfPresent(String.self, forKey: .editorsNote)
        located = try c.decodeIfPresent(String.self, forKey: .located)
        summary = try c.decodeIfPresent(String.self, forKey: .summary)
        heroImage = try c.decodeIfPresent(HeroImage.self, forKey: .heroImage)
        url = try c.decodeIfPresent(String.self, forKey: .url)
        signoff = try c.decodeIfPresent(String.self, forKey: .signoff)
        extra = try c.decodeIfPresent([String: String].self, forKey: .extra) ?? [:]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(id, forKey: .id)
        try c.encodeIfPresent(version, forKey: .version)
        try c.encodeIfPresent(headline, forKey: .headline)
        try c.encodeIfPresent(subheadline, forKey: .subheadline)
        if !bylines.isEmpty { try c.encode(bylines, forKey: .bylines) }
        if !contributors.isEmpty { try c.encode(contributors, forKey: .contributors) }
        try c.encodeIfPresent(dateline, forKey: .dateline)
        try c.encodeIfPresent(slugline, forKey: .slugline)
        try c.encodeIfPresent(language, forKey: .language)
        try c.encodeIfPresent(created, forKey: .created)
        try c.encodeIfPresent(modified, forKey: .modified)
        try c.encodeIfPresent(published, forKey: .published)
        try c.encodeIfPresent(embargo, forKey: .embargo)
        try c.encodeIfPresent(provider, forKey: .provider)
        try c.encodeIfPresent(creditLine, forKey: .creditLine)
        try c.encodeIfPresent(copyrightNotice, forKey: .copyrightNotice)
        try c.encodeIfPresent(copyrightHolder, forKey: .copyrightHolder)
        try c.encodeIfPresent(usageTerms, forKey: .usageTerms)
        if !subjects.isEmpty { try c.encode(subjects, forKey: .subjects) }
        if !keywords.isEmpty { try c.encode(keywords, forKey: .keywords) }
        try c.encodeIfPresent(genre, forKey: .genre)
        try c.encodeIfPresent(urgency, forKey: .urgency)
        try c.encodeIfPresent(editorsNote, forKey: .editorsNote)
        try c.encodeIfPresent(located, forKey: .located)
        try c.encodeIfPresent(summary, forKey: .summary)
        try c.encodeIfPresent(heroImage, forKey: .heroImage)
        try c.encodeIfPresent(url, forKey: .url)
        try c.encodeIfPresent(signoff, forKey: .signoff)
        if !extra.isEmpty { try c.encode(extra, forKey: .extra) }
    }
}
