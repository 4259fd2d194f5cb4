/// A converted unit of news: one story, a news message of several stories, or an edition.
///
/// Every reader produces a `Document` and every writer consumes one; it is the only contract
/// between formats. A plain-text wire story gives a document with one story; a NewsML-G2
/// `newsMessage` or an EPUB edition gives several.
public struct Document: Sendable, Equatable, Hashable, Codable {
    /// Metadata of the document as a whole: the edition's or news message's title (`headline`),
    /// identifier, language, publisher (`provider`), date and cover (`heroImage`).
    /// For a single story it is usually empty: the story's own metadata describes it.
    public var metadata: Metadata
    /// The stories, in reading order.
    public var stories: [Story]

    /// Creates a document from its stories and optional edition metadata.
    public init(metadata: Metadata = Metadata(), stories: [Story]) {
        self.metadata = metadata
        self.stories = stories
    }

    /// Creates a document holding one story.
    public init(story: Story) {
        self.init(stories: [story])
    }

    private enum CodingKeys: String, CodingKey { case metadata, stories }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.decodeIfPresent(Metadata.self, forKey: .metadata) ?? Metadata()
        stories = try c.decodeIfPresent([Story].self, forKey: .stories) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        if !metadata.isEmpty { try c.encode(metadata, forKey: .metadata) }
        try c.encode(stories, forKey: .stories)
    }
}
