/// Validation of NewsML-G2 documents against the NewsML-G2 2.35 Power schema built into newsconv.
///
/// ```swift
/// let problems = try NewsMLValidation.validate(bytes, sourceName: "item.xml")
/// for problem in problems { print(problem) }   // item.xml:12: Element '…': …
/// ```
public enum NewsMLValidation {
    /// Validates `bytes`; returns one error per violation (naming `sourceName` and the line),
    /// empty when the document is valid. Throws when the bytes are not well-formed XML (with line
    /// and column) or the built-in schema cannot be compiled.
    public static func validate(_ bytes: [UInt8], sourceName: String) throws -> [NewsConvError] {
        let document: XMLDocument
        do {
            document = try XMLDocument.parseXML(bytes, sourceName: sourceName)
        } catch let error as NewsConvError {
            throw error.inFile(sourceName)
        }
        let validator = try NewsMLSchema.validator.get()
        return validator.validate(document).map { $0.inFile(sourceName) }
    }
}
