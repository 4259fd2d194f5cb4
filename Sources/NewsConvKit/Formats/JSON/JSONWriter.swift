import Foundation

/// Writes the AST as pretty-printed JSON with sorted keys, so equal documents give equal bytes.
public struct JSONWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}

    public func write(_ document: Document, context: WriteContext) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            var bytes = Array(try encoder.encode(document))
            bytes.append(10)
            return bytes
        } catch {
            throw NewsConvError(.software, "cannot encode the story as JSON: \(error)")
        }
    }
}
