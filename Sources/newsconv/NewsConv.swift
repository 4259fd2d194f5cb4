import ArgumentParser
import NewsConvKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The `newsconv` command: argument parsing and messages only; the work is `Converter.run`.
@main
struct NewsConv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsconv",
        abstract: "Convert news stories between plain text, Markdown, HTML, NewsML-G2, EPUB and JSON.",
        usage: "newsconv [INPUT...] [-o FILE] [-f FORMAT] [-t FORMAT] [options]",
        discussion: """
            Formats are inferred from file names (story.txt, story.md, page.html, item.xml, \
            edition.epub, story.json) and, on standard input, from the content; -f and -t force them. \
            With no INPUT, or -, the story is read from standard input; with no -o it is written to \
            standard output. Several inputs with -o make one document (an EPUB edition, a NewsML-G2 \
            news message); with --output-dir each input is converted on its own.

            Examples:
              newsconv story.txt -o story.epub
              newsconv page.html -o story.md
              newsconv a.txt b.md c.xml -o today.epub --title "Morning Edition"
              newsconv stories/*.txt -t html --output-dir public/
              cat story.txt | newsconv -t newsml > item.xml

            Exit status follows sysexits: 0 done, 64 usage, 65 bad input data, 66 missing input, \
            69 format not available, 73 cannot create output, 74 write failed.
            """,
        version: "0.1.0",
        subcommands: [Validate.self]
    )

    @Argument(help: ArgumentHelp("Input files; - or none for standard input.", valueName: "INPUT"))
    var inputs: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("Output file; - or none for standard output.", valueName: "FILE"))
    var output: String?

    @Option(name: [.customShort("f"), .long], help: ArgumentHelp("Input format (see --list-formats).", valueName: "FORMAT"))
    var from: String?

    @Option(name: [.customShort("t"), .long], help: ArgumentHelp("Output format (see --list-formats).", valueName: "FORMAT"))
    var to: String?

    @Flag(help: "A complete document (HTML page, EPUB title page, Markdown front matter), or the body alone.")
    var layout: Layout = .standalone

    @Option(help: ArgumentHelp("Theme for HTML and EPUB: a built-in name or a theme directory.", valueName: "NAME|DIR"))
    var theme: String?

    @Option(name: .customLong("css"), help: ArgumentHelp("Add a stylesheet to HTML and EPUB output (repeatable).", valueName: "FILE"))
    var stylesheets: [String] = []

    @Option(name: [.customShort("M"), .customLong("metadata")],
            help: ArgumentHelp("Set story metadata and template variables, e.g. -M lang=de (repeatable).", valueName: "KEY=VALUE"))
    var metadata: [String] = []

    @Option(help: ArgumentHelp("YAML or JSON file of metadata applied to every story.", valueName: "FILE"))
    var metadataFile: String?

    @Option(help: ArgumentHelp("Line width of plain-text output.", valueName: "N"))
    var columns: Int = 72

    @Option(help: ArgumentHelp("Convert each input on its own into DIR (with -t).", valueName: "DIR"))
    var outputDir: String?

    @Option(help: ArgumentHelp("Title of an edition made of several stories.", valueName: "TEXT"))
    var title: String?

    @Option(help: ArgumentHelp("Cover image of an EPUB edition.", valueName: "IMAGE"))
    var cover: String?

    @Option(help: ArgumentHelp("Address that relative links in HTML input resolve against.", valueName: "URL"))
    var baseURL: String?

    @Option(help: "Body markup of NewsML-G2 output.")
    var newsmlBody: NewsMLWriter.BodyMarkup = .xhtml

    @Flag(help: "List the formats and exit.")
    var listFormats = false

    @Flag(name: .shortAndLong, help: "Do not print warnings.")
    var quiet = false

    enum Layout: String, EnumerableFlag {
        case standalone, fragment
    }


    func validate() throws {
        if columns < 10 { throw ValidationError("--columns must be at least 10") }
        if outputDir != nil && output != nil { throw ValidationError("use either -o or --output-dir, not both") }
        for pair in metadata where !pair.contains("=") {
            throw ValidationError("-M needs KEY=VALUE, got \"\(pair)\"")
        }
    }

    /// The parsed command line as plain values.
    var options: ConvertOptions {
        ConvertOptions(
            inputs: inputs, output: output, from: from, to: to, standalone: layout == .standalone,
            theme: theme, stylesheets: stylesheets, metadata: metadata, metadataFile: metadataFile,
            columns: columns, outputDir: outputDir, title: title, cover: cover, baseURL: baseURL,
            newsmlBody: newsmlBody.rawValue, quiet: quiet)
    }

    func run() throws {
        if listFormats {
            print(FormatTable.render(FormatRegistry.builtIn), terminator: "")
            return
        }
        Self.convert(options)
    }

    /// Runs a conversion; a failure prints its one-line message and exits with its status.
    static func convert(_ options: ConvertOptions) {
        let converter = Converter()
        do {
            try converter.run(options.request)
            report(converter.diagnostics, quiet: options.quiet)
        } catch let error as NewsConvError {
            report(converter.diagnostics, quiet: options.quiet)
            fail(error)
        } catch {
            fail(NewsConvError(.software, "\(error)"))
        }
    }

    private static func report(_ diagnostics: Diagnostics, quiet: Bool) {
        guard !quiet else { return }
        for warning in diagnostics.drain() { printError("newsconv: warning: \(warning)") }
    }

    /// Parses the command line and runs it. Command-line mistakes become one line on standard
    /// error (`newsconv: …; see newsconv --help`) with exit status 64, like every other error.
    static func main() {
        // Story inputs are positional, so the parser would take `validate` for a file name:
        // dispatch the subcommand by hand.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let options = QuickArguments.parse(arguments) {
            convert(options)
            Glibc.exit(0)
        }
        if arguments.first == "validate" {
            run(Validate.self, Array(arguments.dropFirst()))
        } else if arguments == ["help", "validate"] {
            run(Validate.self, ["--help"])
        } else {
            run(NewsConv.self, arguments)
        }
    }

    private static func run<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) -> Never {
        do {
            var command = try type.parseAsRoot(arguments)
            try command.run()
            Glibc.exit(0)
        } catch let error as NewsConvError {
            fail(error)
        } catch {
            let code = type.exitCode(for: error)
            let message = type.message(for: error)
            if code == .success || message.isEmpty { type.exit(withError: error) }
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
            let text = firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine
            let help = type == NewsConv.self ? "newsconv --help" : "newsconv help validate"
            printError("newsconv: \(text) (see \(help))")
            Glibc.exit(code.rawValue)
        }
    }

    static func printError(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(10)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    static func fail(_ error: NewsConvError) -> Never {
        printError("newsconv: \(error)")
        Glibc.exit(error.exitCode)
    }
}
