/// Writes the shared AST in one format.
///
/// A writer is pure: a ``Document`` in, bytes out. Images, stylesheets, theme files and the
/// clock come through ``WriteContext/resources``. Content the format cannot carry is reported
/// with ``WriteContext/warn(_:)``, never dropped silently.
public protocol DocumentWriter: Sendable {
    /// Writes `document`.
    func write(_ document: Document, context: WriteContext) throws -> [UInt8]
}

/// What a writer gets besides the document.
public struct WriteContext: Sendable {
    /// The output's name as the user gave it, for messages (`-` for standard output).
    public var destinationName: String
    /// Options that shape writing.
    public var options: WriteOptions
    /// Files and clock.
    public var resources: any Resources
    /// Where warnings go.
    public var diagnostics: Diagnostics

    /// Creates a context; the defaults suit a test writing to memory.
    public init(destinationName: String = "-", options: WriteOptions = WriteOptions(),
                resources: any Resources = InMemoryResources(), diagnostics: Diagnostics = Diagnostics()) {
        self.destinationName = destinationName
        self.options = options
        self.resources = resources
        self.diagnostics = diagnostics
    }

    /// Records a warning about this output.
    public func warn(_ message: String) { diagnostics.warn(message, file: destinationName) }
}

/// Options for writers. Options every writer may use are fields; options of one format only
/// go in ``settings``.
public struct WriteOptions: Sendable, Equatable {
    /// A complete document (HTML page with head, EPUB with title page) rather than the body alone.
    public var standalone: Bool
    /// Line width for formats that wrap text (plain text).
    public var columns: Int
    /// Theme name (`default`, `broadsheet`, …) or theme directory path.
    public var theme: String?
    /// Extra stylesheet files to link or embed.
    public var stylesheets: [String]
    /// Template variables (`-M key=value`).
    public var variables: [String: String]
    /// Title of an edition of several stories (`--title`).
    public var title: String?
    /// Cover image path for an edition (`--cover`).
    public var cover: String?
    /// Format-specific settings by name (`"newsml.body": "nitf"`).
    public var settings: [String: String]

    /// Creates write options.
    public init(standalone: Bool = true, columns: Int = 72, theme: String? = nil, stylesheets: [String] = [],
                variables: [String: String] = [:], title: String? = nil, cover: String? = nil,
                settings: [String: String] = [:]) {
        self.standalone = standalone
        self.columns = columns
        self.theme = theme
        self.stylesheets = stylesheets
        self.variables = variables
        self.title = title
        self.cover = cover
        self.settings = settings
    }
}
