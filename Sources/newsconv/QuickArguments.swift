import NewsConvKit

/// A small parser for the everyday conversion command lines, such as
/// `newsconv story.txt -o story.epub --theme broadsheet`.
///
/// A Makefile runs one `newsconv` per story, so start-up time matters: swift-argument-parser
/// builds its whole option model by reflection on every run, which costs more than converting a
/// wire story. This parser knows the conversion options and nothing else. It returns `nil`
/// whenever a command line is not plainly one of those forms (help, `--version`, subcommands,
/// bundled short flags, `--`, a repeated single option, an unknown option, a value that looks like
/// an option, anything that would fail validation), and `NewsConv` then hands the arguments to
/// swift-argument-parser, which owns every message and every error. A test checks that whenever
/// this parser answers, swift-argument-parser gives the same options.
enum QuickArguments {
    /// The options of `arguments` (without the program name), or `nil` to leave them to the
    /// full parser.
    static func parse(_ arguments: [String]) -> ConvertOptions? {
        var options = ConvertOptions()
        var seen: [String] = []
        var layoutGiven = false
        var index = 0

        /// Records a single-use option; a second use is left to the full parser.
        func once(_ name: String) -> Bool {
            if seen.contains(name) { return false }
            seen.append(name)
            return true
        }

        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.utf8.first == UInt8(ascii: "-"), argument != "-" else {
                options.inputs.append(argument)
                continue
            }
            // `--name=value` or `--name value` / `-x value`.
            var name = argument
            var value: String?
            if argument.hasPrefix("--"), let eq = argument.utf8.firstIndex(of: UInt8(ascii: "=")) {
                let attached = String(argument[argument.index(after: eq)...])
                // swift-argument-parser reads `--to=` as `--to` followed by its value.
                guard !attached.isEmpty else { return nil }
                name = String(argument[..<eq])
                value = attached
            }
            switch name {
            case "--standalone", "--fragment":
                guard value == nil, !layoutGiven else { return nil }
                layoutGiven = true
                options.standalone = name == "--standalone"
                continue
            case "-q", "--quiet":
                guard value == nil, once("quiet") else { return nil }
                options.quiet = true
                continue
            default:
                break
            }
            guard let key = valueOption(name) else { return nil }
            if value == nil {
                guard index < arguments.count else { return nil }
                value = arguments[index]
                index += 1
            }
            guard let value, !looksLikeOption(value) else { return nil }
            switch key {
            case "css":
                options.stylesheets.append(value)
                continue
            case "metadata":
                guard value.utf8.contains(UInt8(ascii: "=")) else { return nil }
                options.metadata.append(value)
                continue
            default:
                guard once(key) else { return nil }
            }
            switch key {
            case "output": options.output = value
            case "from": options.from = value
            case "to": options.to = value
            case "theme": options.theme = value
            case "metadata-file": options.metadataFile = value
            case "output-dir": options.outputDir = value
            case "title": options.title = value
            case "cover": options.cover = value
            case "base-url": options.baseURL = value
            case "columns":
                guard let columns = plainInteger(value), columns >= 10 else { return nil }
                options.columns = columns
            case "newsml-body":
                guard NewsMLWriter.BodyMarkup(rawValue: value) != nil else { return nil }
                options.newsmlBody = value
            default:
                return nil
            }
        }
        if options.output != nil && options.outputDir != nil { return nil }
        // `newsconv validate …` and `newsconv help …` are commands, not files.
        if let first = arguments.first, first == "validate" || first == "help" { return nil }
        return options
    }

    /// The long name of an option that takes a value, by any of its spellings. (A `switch`, not a
    /// dictionary: building a dictionary costs more at start-up than this whole parser.)
    private static func valueOption(_ spelling: String) -> String? {
        switch spelling {
        case "-o", "--output": "output"
        case "-f", "--from": "from"
        case "-t", "--to": "to"
        case "-M", "--metadata": "metadata"
        case "--theme": "theme"
        case "--css": "css"
        case "--metadata-file": "metadata-file"
        case "--columns": "columns"
        case "--output-dir": "output-dir"
        case "--title": "title"
        case "--cover": "cover"
        case "--base-url": "base-url"
        case "--newsml-body": "newsml-body"
        default: nil
        }
    }

    /// A value starting with `-` (other than `-` itself, standard input or output) is left to the
    /// full parser, which decides whether it is a value or a missing one.
    private static func looksLikeOption(_ value: String) -> Bool {
        value.utf8.count > 1 && value.utf8.first == UInt8(ascii: "-")
    }

    /// Digits only, not too many: `72`, not `+72`, `0x48` or `72.0`.
    private static func plainInteger(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 6, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(text)
    }
}
