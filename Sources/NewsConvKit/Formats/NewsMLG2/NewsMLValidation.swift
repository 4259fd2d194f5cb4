/// Validation of NewsML-G2 documents against the NewsML-G2 2.35 schema built into newsconv.
public enum NewsMLValidation {
    /// Validates `bytes`; returns one error per violation (with line), empty when valid.
    public static func validate(_ bytes: [UInt8], sourceName: String) throws -> [NewsConvError] {
        throw NewsConvError(.unsupported, "NewsML-G2 validation is not yet supported", file: sourceName)
    }
}
