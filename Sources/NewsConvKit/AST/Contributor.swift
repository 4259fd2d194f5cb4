/// A person credited in a story's closing credits: `(Reporting by Anneke Visser; Editing by Mark Holloway)`.
public struct Contributor: Sendable, Equatable, Hashable, Codable {
    /// What they did, as printed before "by" (`Reporting`, `Additional reporting`, `Editing`).
    public var role: String
    /// The person's name, with any qualifier printed after it (`Tom Berger in Hamburg`).
    public var name: String

    /// Creates a contributor credit.
    public init(role: String, name: String) {
        self.role = role
        self.name = name
    }
}
