/// One news story: its metadata (headline, byline, dateline, rights, …) and its body.
public struct Story: Sendable, Equatable, Hashable, Codable {
    /// What the story is about and who may use it.
    public var metadata: Metadata
    /// The story text, as blocks in reading order. The headline, byline and dateline live in
    /// ``metadata``, not here.
    public var body: [Block]

    /// Creates a story.
    public init(metadata: Metadata = Metadata(), body: [Block] = []) {
        self.metadata = metadata
        self.body = body
    }

    private enum CodingKeys: String, CodingKey { case metadata, body }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try c.decodeIfPresent(Metadata.self, forKey: .metadata) ?? Metadata()
        body = try c.decodeIfPresent([Block].self, forKey: .body) ?? []
    }
}
