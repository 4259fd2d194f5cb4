/// A format newsconv can read, write, or both: its names, file extensions, media type, how to
/// recognise it from content, and its reader and writer.
///
/// The registry, `--list-formats`, format detection and `--help` all read these descriptors.
public struct Format: Sendable {
    /// The name used with `-f` and `-t` (`markdown`).
    public var name: String
    /// Other accepted names (`md`, `commonmark`).
    public var aliases: [String]
    /// File name extensions without the dot, lower case (`md`, `markdown`).
    public var extensions: [String]
    /// IANA media type (`text/markdown`).
    public var mediaType: String
    /// True for formats that are not text (EPUB): never written to a terminal.
    public var isBinary: Bool
    /// One line for `--list-formats`.
    public var summary: String
    /// The reader, or nil if the format cannot be read.
    public var reader: (any DocumentReader)?
    /// The writer, or nil if the format cannot be written.
    public var writer: (any DocumentWriter)?
    /// Recognises the format from the first bytes of an input (at most 4 KiB).
    public var sniff: (@Sendable (_ prefix: ArraySlice<UInt8>) -> Bool)?
    /// Read settings that an alias stands for (`commonmark`: `markdown.extensions=commonmark`),
    /// applied when the input format is named by that alias, unless the options set them.
    public var aliasReadSettings: [String: [String: String]] = [:]

    /// Creates a format descriptor.
    public init(name: String, aliases: [String] = [], extensions: [String], mediaType: String,
                isBinary: Bool = false, summary: String, reader: (any DocumentReader)? = nil,
                writer: (any DocumentWriter)? = nil,
                sniff: (@Sendable (_ prefix: ArraySlice<UInt8>) -> Bool)? = nil) {
        self.name = name
        self.aliases = aliases
        self.extensions = extensions
        self.mediaType = mediaType
        self.isBinary = isBinary
        self.summary = summary
        self.reader = reader
        self.writer = writer
        self.sniff = sniff
    }

    /// True when `name` is this format's name or one of its aliases (case-insensitive).
    public func isNamed(_ name: String) -> Bool {
        let lower = name.lowercased()
        return self.name == lower || aliases.contains(lower)
    }

    /// The reader, or a clear error when this format cannot be read yet.
    public func requireReader() throws -> any DocumentReader {
        guard let reader else {
            throw NewsConvError(.unsupported, "reading \(name) is not yet supported")
        }
        return reader
    }

    /// The writer, or a clear error when this format cannot be written yet.
    public func requireWriter() throws -> any DocumentWriter {
        guard let writer else {
            throw NewsConvError(.unsupported, "writing \(name) is not yet supported")
        }
        return writer
    }
}
