/// The link reference definitions of a document (`[label]: destination "title"`), keyed by
/// normalised label; the first definition of a label wins.
struct MarkdownReferences {
    /// Where a reference points.
    struct Target {
        var destination: String
        var title: String?
    }

    var targets: [String: Target] = [:]

    /// The target of the label `p[start..<end]`, if defined.
    func target(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Target? {
        guard !targets.isEmpty, let key = MarkdownLinkSyntax.normalizedLabel(p, start, end) else { return nil }
        return targets[key]
    }
}
