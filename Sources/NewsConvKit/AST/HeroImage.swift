/// The main image of a story.
public struct HeroImage: Sendable, Equatable, Hashable, Codable {
    /// Address of the image: a URL, a path relative to the story, or a `data:` URL.
    public var url: String
    /// The caption, as plain text.
    public var caption: String?
    /// Photographer or agency credit (`AP Photo/Khalid Mohammed`).
    public var credit: String?
    /// Text alternative for readers who cannot see the image.
    public var alt: String?

    /// Creates a hero image.
    public init(url: String, caption: String? = nil, credit: String? = nil, alt: String? = nil) {
        self.url = url
        self.caption = caption
        self.credit = credit
        self.alt = alt
    }
}
