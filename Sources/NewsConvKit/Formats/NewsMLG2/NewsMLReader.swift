/// Reads IPTC NewsML-G2: a `newsItem`, a `newsMessage` (every text item of its `itemSet` becomes
/// a story; a leading `packageItem` gives the document's metadata), a `packageItem` on its own
/// (its text items' titles and summaries), and the item fragments IPTC's guidelines show on
/// their own (`contentSet`, `contentMeta`).
///
/// Bodies are read from `contentSet`: XHTML or NITF in `inlineXML`, or text (or HTML) in
/// `inlineData`. All the metadata ``NewsMLWriter`` writes is read back, and NITF's `body.head`
/// fills what `contentMeta` leaves open. A picture item becomes a story with one figure; other
/// media items give their metadata, with a warning.
///
/// Parsing goes through ``XMLDocument/parseXML(_:sourceName:)``: no network, no DTD or external
/// entity is loaded and no entity is expanded. Malformed XML is an error with line and column.
public struct NewsMLReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        let xml = try XMLDocument.parseXML(input, sourceName: context.sourceName)
        guard let root = xml.root else { throw NewsConvError.badInput("no root element; expected NewsML-G2") }
        let reader = NewsMLItemReader(context: context)
        switch root.name {
        case "newsItem":
            return Document(story: reader.story(fromItem: root, standalone: true))
        case "newsMessage":
            return reader.message(root)
        case "packageItem":
            return reader.package(root)
        case "contentSet", "contentMeta", "itemMeta", "rightsInfo":
            return Document(story: reader.story(fromFragment: root))
        default:
            throw NewsConvError.badInput(
                "<\(root.name)> is not a NewsML-G2 newsItem, newsMessage or packageItem", line: root.line)
        }
    }
}
