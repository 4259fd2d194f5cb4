/// A subject classification of a story, such as an IPTC Media Topic.
public struct Subject: Sendable, Equatable, Hashable, Codable {
    /// The code within its scheme (`20000106`), or a full QCode when no scheme is given.
    public var code: String?
    /// The scheme alias or URI (`medtop`, `http://cv.iptc.org/newscodes/mediatopic/`).
    public var scheme: String?
    /// A human-readable name (`economy, business and finance`).
    public var name: String?

    /// Creates a subject.
    public init(code: String? = nil, scheme: String? = nil, name: String? = nil) {
        self.code = code
        self.scheme = scheme
        self.name = name
    }

    /// The NewsML-G2 QCode `scheme:code`, when both parts are known, or the code alone.
    public var qcode: String? {
        guard let code else { return nil }
        if let scheme, !scheme.isEmpty, !scheme.contains("/") { return "\(scheme):\(code)" }
        return code
    }
}
