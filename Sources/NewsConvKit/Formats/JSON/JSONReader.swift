import Foundation

/// Reads the AST back from the JSON that ``JSONWriter`` writes.
public struct JSONReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        let trimmed = Sniffing.trimmedStart(input[...])
        if trimmed.isEmpty { throw NewsConvError.badInput("empty input; expected a JSON object") }
        do {
            return try JSONDecoder().decode(Document.self, from: Data(input))
        } catch let error as DecodingError {
            throw NewsConvError.badInput(Self.describe(error))
        } catch {
            throw NewsConvError.badInput("not valid JSON: \(error.localizedDescription)")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let c):
            if let underlying = c.underlyingError as NSError? {
                let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String ?? underlying.localizedDescription
                return "not valid JSON: \(detail)"
            }
            return "\(path(c.codingPath)): \(c.debugDescription)"
        case .keyNotFound(let key, let c):
            return "\(path(c.codingPath)): missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let c):
            return "\(path(c.codingPath)): expected \(type)"
        case .valueNotFound(let type, let c):
            return "\(path(c.codingPath)): expected \(type), found null"
        @unknown default:
            return "not a newsconv JSON document"
        }
    }
}
