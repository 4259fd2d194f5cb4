import NewsConvKit

/// Everything a conversion run needs from the command line, as plain values.
///
/// Both command-line parsers produce it: ``QuickArguments`` for the everyday forms and
/// swift-argument-parser (``NewsConv``) for everything else, so the run itself does not care
/// which one read the arguments.
struct ConvertOptions: Equatable {
    var inputs: [String] = []
    var output: String?
    var from: String?
    var to: String?
    var standalone = true
    var theme: String?
    var stylesheets: [String] = []
    /// `-M KEY=VALUE` pairs, in command-line order.
    var metadata: [String] = []
    var metadataFile: String?
    var columns = 72
    var outputDir: String?
    var title: String?
    var cover: String?
    var baseURL: String?
    /// `xhtml` or `nitf` (``NewsMLWriter/BodyMarkup``).
    var newsmlBody = NewsMLWriter.BodyMarkup.xhtml.rawValue
    var quiet = false

    /// The request the library's ``Converter`` runs.
    var request: ConversionRequest {
        let settings = [NewsMLWriter.bodySetting: newsmlBody]
        return ConversionRequest(
            inputs: inputs,
            output: output,
            outputDirectory: outputDir,
            from: from,
            to: to,
            readOptions: ReadOptions(baseURL: baseURL),
            writeOptions: WriteOptions(
                standalone: standalone, columns: columns, theme: theme, stylesheets: stylesheets,
                title: title, cover: cover, settings: settings),
            metadata: metadata.compactMap { pair in
                guard let eq = pair.firstIndex(of: "=") else { return nil }
                return (String(pair[..<eq]), String(pair[pair.index(after: eq)...]))
            },
            metadataFile: metadataFile
        )
    }
}
