/// The formats a conversion can use, looked up by name, file extension or content.
///
/// ``builtIn`` holds newsconv's own formats. A library user adds a format with one call:
///
/// ```swift
/// var registry = FormatRegistry.builtIn
/// registry.register(Format(name: "ninjs", extensions: ["ninjs"], mediaType: "application/json",
///                          summary: "IPTC ninjs", reader: NinjsReader(), writer: NinjsWriter()))
/// ```
public struct FormatRegistry: Sendable {
    /// The registered formats, in detection order.
    public private(set) var formats: [Format]

    /// Creates a registry holding `formats`, consulted in this order when sniffing content.
    public init(formats: [Format] = []) {
        self.formats = []
        for format in formats where !self.formats.contains(where: { $0.name == format.name }) {
            self.formats.append(format)
        }
    }

    /// Adds `format`, replacing any format of the same name. A new format is consulted before
    /// the built-in ones when sniffing content, so a specific format wins over a general one.
    public mutating func register(_ format: Format) {
        if let index = formats.firstIndex(where: { $0.name == format.name }) {
            formats[index] = format
        } else {
            formats.insert(format, at: 0)
        }
    }

    /// The format named `name` (or with that alias), if any.
    public func format(named name: String) -> Format? {
        formats.first { $0.isNamed(name) }
    }

    /// The format named `name`, or a usage error listing the known names.
    public func requireFormat(named name: String) throws -> Format {
        guard let format = format(named: name) else {
            let known = formats.map(\.name).sorted().joined(separator: ", ")
            throw NewsConvError(.usage, "unknown format \"\(name)\"; known formats: \(known)")
        }
        return format
    }

    /// The format whose extensions include the extension of `path`, if any.
    public func format(forPath path: String) -> Format? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        let ext = name[name.index(after: dot)...].lowercased()
        return formats.first { $0.extensions.contains(ext) }
    }

    /// The first format whose sniffer recognises `bytes`, if any.
    public func format(sniffing bytes: [UInt8]) -> Format? {
        let prefix = bytes.prefix(4096)
        return formats.first { $0.sniff?(prefix) ?? false }
    }
}
