/// Reads one format into the shared AST.
///
/// A reader is pure: bytes in, a ``Document`` out. It never opens files or reads the clock
/// (anything it needs comes through ``ReadContext/resources``), never crashes and never hangs:
/// input it cannot read gives a ``NewsConvError`` of kind `.badInput` with a line and column
/// where known.
public protocol DocumentReader: Sendable {
    /// Reads `input` into a document.
    func read(_ input: [UInt8], context: ReadContext) throws -> Document
}

/// What a reader gets besides the bytes.
public struct ReadContext: Sendable {
    /// The name of the input as the user gave it, for messages (`-` for standard input).
    public var sourceName: String
    /// Options that shape reading.
    public var options: ReadOptions
    /// Files and clock.
    public var resources: any Resources
    /// Where warnings go.
    public var diagnostics: Diagnostics

    /// Creates a context; the defaults suit a test reading from memory.
    public init(sourceName: String = "-", options: ReadOptions = ReadOptions(),
                resources: any Resources = InMemoryResources(), diagnostics: Diagnostics = Diagnostics()) {
        self.sourceName = sourceName
        self.options = options
        self.resources = resources
        self.diagnostics = diagnostics
    }

    /// Records a warning about this input.
    public func warn(_ message: String) { diagnostics.warn(message, file: sourceName) }
}

/// Options for readers.
public struct ReadOptions: Sendable, Equatable {
    /// Address against which relative links and images are resolved (HTML `--base-url`).
    public var baseURL: String?
    /// Format-specific settings by name (`"html.keep-raw": "true"`), for options only one format has.
    public var settings: [String: String]

    /// Creates read options.
    public init(baseURL: String? = nil, settings: [String: String] = [:]) {
        self.baseURL = baseURL
        self.settings = settings
    }
}
