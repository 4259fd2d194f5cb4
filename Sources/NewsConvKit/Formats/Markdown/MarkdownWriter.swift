/// Writes a story as CommonMark with GFM tables, strikethrough and task lists, and its
/// metadata as YAML front matter; any CommonMark reader gives the same AST back.
///
/// Text is escaped where it would otherwise mean something, code fences are longer than any
/// backtick run inside, list markers are kept (adjacent lists get different markers so they
/// stay apart), hard breaks are a backslash at the end of the line and raw HTML is kept.
/// Figures become an image paragraph and a caption paragraph. A document of several stories
/// is written one story after another, each after a rule and under its headline; only the
/// first story's metadata fits in the front matter (a warning says so).
public struct MarkdownWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}

    public func write(_ document: Document, context: WriteContext) throws -> [UInt8] {
        var printer = MarkdownPrinter()
        printer.out.reserveCapacity(4096)
        var metadata = document.stories.first?.metadata ?? Metadata()
        metadata.fillGaps(from: document.metadata)
        // The body alone (`--fragment`) has no front matter, like pandoc's Markdown without `-s`.
        let yaml = context.options.standalone ? MetadataYAML.yaml(for: metadata) : ""
        if !yaml.isEmpty {
            printer.append("---\n")
            printer.append(yaml)
            if !yaml.hasSuffix("\n") { printer.append("\n") }
            printer.append("---\n")
        }
        if document.stories.count > 1 {
            context.warn("Markdown holds one story: \(document.stories.count) stories are written one after another, "
                         + "and only the first story's metadata is kept (the others keep their headlines)")
        }
        for (index, story) in document.stories.enumerated() {
            if index > 0 {
                if !printer.out.isEmpty { printer.blankLine() }
                printer.append("***\n")
                if let headline = story.metadata.headline, !headline.isEmpty {
                    printer.blankLine()
                    printer.writeBlock(.heading(level: 1, content: [.text(headline)]), previous: nil, firstMarker: nil)
                }
            }
            if !story.body.isEmpty {
                if !printer.out.isEmpty { printer.blankLine() }
                printer.writeBlocks(story.body, tight: false)
            }
        }
        for warning in printer.warnings { context.warn(warning) }
        return printer.out
    }
}
