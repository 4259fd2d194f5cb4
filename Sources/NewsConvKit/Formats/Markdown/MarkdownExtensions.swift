/// The GitHub Flavored Markdown extensions the Markdown reader can apply on top of CommonMark.
public struct MarkdownExtensions: OptionSet, Sendable, Hashable {
    /// The extensions as bits.
    public let rawValue: Int

    /// Creates a set from its raw value.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Pipe tables.
    public static let tables = MarkdownExtensions(rawValue: 1)
    /// `~~struck~~` text.
    public static let strikethrough = MarkdownExtensions(rawValue: 2)
    /// Links recognised without angle brackets: `www.example.com`, `https://…`, e-mail addresses.
    public static let autolinks = MarkdownExtensions(rawValue: 4)
    /// `- [x] done` list items.
    public static let taskLists = MarkdownExtensions(rawValue: 8)

    /// Every extension: GitHub Flavored Markdown.
    public static let gfm: MarkdownExtensions = [.tables, .strikethrough, .autolinks, .taskLists]
    /// No extension: plain CommonMark.
    public static let commonMark: MarkdownExtensions = []
}
