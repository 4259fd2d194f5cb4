/// A person credited at the top of a story.
public struct Byline: Sendable, Equatable, Hashable, Codable {
    /// The person's name as printed (`Anneke Visser`).
    public var name: String
    /// Their title or role, if printed (`AP Business Writer`, `Photographer`).
    public var role: String?

    /// Creates a byline.
    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}
