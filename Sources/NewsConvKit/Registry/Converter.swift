/// Runs conversions the way the `newsconv` tool does: finds formats, reads inputs, applies
/// metadata overrides, writes outputs atomically. Library users and tests use the same path.
///
/// ```swift
/// let converter = Converter()
/// let document = try converter.read(path: "story.txt")
/// let html = try converter.write(document, to: .html)
/// ```
public struct Converter: Sendable {
    /// The formats to use.
    public var registry: FormatRegistry
    /// Files and clock for readers and writers.
    public var resources: any Resources
    /// Where warnings go.
    public var diagnostics: Diagnostics

    /// Creates a converter over `registry`, reading files from disk.
    public init(registry: FormatRegistry = .builtIn, resources: any Resources = FileResources(),
                diagnostics: Diagnostics = Diagnostics()) {
        self.registry = registry
        self.resources = resources
        self.diagnostics = diagnostics
    }

    /// The input format for `path`: the forced one (`-f`), else by extension, else by content.
    public func inputFormat(path: String, bytes: [UInt8], forced: String?) throws -> Format {
        if let forced { return try registry.requireFormat(named: forced) }
        if path != "-", let format = registry.format(forPath: path) { return format }
        if let format = registry.format(sniffing: bytes) { return format }
        let shown = path == "-" ? "standard input" : "\"\(path)\""
        throw NewsConvError(.usage, "cannot guess the input format of \(shown); use -f FORMAT (see --list-formats)")
    }

    /// The output format: the forced one (`-t`), else by the output's extension.
    public func outputFormat(path: String?, forced: String?) throws -> Format {
        if let forced { return try registry.requireFormat(named: forced) }
        if let path, path != "-" {
            guard let format = registry.format(forPath: path) else {
                throw NewsConvError(.usage, "cannot guess the output format of \"\(path)\"; use -t FORMAT (see --list-formats)")
            }
            return format
        }
        return try registry.requireFormat(named: "html")
    }

    /// Reads `bytes` named `path` in `format` (or the detected format).
    public func read(bytes: [UInt8], path: String = "-", format forced: String? = nil,
                     options: ReadOptions = ReadOptions()) throws -> Document {
        let format = try inputFormat(path: path, bytes: bytes, forced: forced)
        var options = options
        if let forced, let settings = format.aliasReadSettings[forced.lowercased()] {
            options.settings.merge(settings) { given, _ in given }
        }
        let context = ReadContext(sourceName: path, options: options, resources: resources, diagnostics: diagnostics)
        do {
            return try format.requireReader().read(bytes, context: context)
        } catch let error as NewsConvError {
            throw error.inFile(path)
        } catch {
            throw NewsConvError(.badInput, "\(format.name): \(error)", file: path)
        }
    }

    /// Reads the file at `path` (`-` for standard input).
    public func read(path: String, format: String? = nil, options: ReadOptions = ReadOptions()) throws -> Document {
        try read(bytes: FileIO.readFile(path), path: path, format: format, options: options)
    }

    /// Writes `document` in `format`.
    public func write(_ document: Document, to format: Format, destination: String = "-",
                      options: WriteOptions = WriteOptions()) throws -> [UInt8] {
        let context = WriteContext(destinationName: destination, options: options, resources: resources, diagnostics: diagnostics)
        do {
            return try format.requireWriter().write(document, context: context)
        } catch let error as NewsConvError {
            throw error.inFile(destination)
        } catch {
            throw NewsConvError(.software, "\(format.name): \(error)", file: destination)
        }
    }

    /// Runs a whole request: every input read, overrides applied, one output (or one per input
    /// with an output directory) written atomically. Returns the paths written (`-` for stdout).
    @discardableResult
    public func run(_ request: ConversionRequest) throws -> [String] {
        var overrides = Metadata()
        if let file = request.metadataFile {
            let text = TextDecoding.decode(try FileIO.readFile(file)).text
            do { overrides = try MetadataYAML.metadata(fromYAML: text) } catch let e as NewsConvError { throw e.inFile(file) }
        }
        for (key, value) in request.metadata {
            do { try overrides.set(key, to: value) } catch let e as NewsConvError {
                throw NewsConvError(.usage, "-M \(key)=\(value): \(e.message)")
            }
        }
        var writeOptions = request.writeOptions
        for (key, value) in request.metadata where writeOptions.variables[key] == nil { writeOptions.variables[key] = value }
        let inputs = request.inputs.isEmpty ? ["-"] : request.inputs

        func load(_ path: String) throws -> Document {
            var document = try read(path: path, format: request.from, options: request.readOptions)
            if !overrides.isEmpty {
                for i in document.stories.indices {
                    var merged = overrides
                    merged.fillGaps(from: document.stories[i].metadata)
                    document.stories[i].metadata = merged
                }
            }
            return document
        }

        if let directory = request.outputDirectory {
            let format = try outputFormat(path: nil, forced: request.to ?? "html")
            let ext = format.extensions.first ?? format.name
            // Each input's output, decided before anything is written: two inputs of the same
            // name (`a/story.txt`, `b/story.txt`) would overwrite each other.
            var outputs: [String] = []
            var inputByOutput: [String: String] = [:]
            for input in inputs {
                guard input != "-" else { throw NewsConvError(.usage, "--output-dir needs input files, not standard input") }
                let base = input.split(separator: "/").last.map(String.init) ?? input
                let stem = base.lastIndex(of: ".").map { String(base[..<$0]) } ?? base
                let path = (directory.hasSuffix("/") ? directory : directory + "/") + stem + "." + ext
                if let other = inputByOutput[path] {
                    throw NewsConvError(.usage, "\(other) and \(input) would both be written to \(path); convert them into different directories")
                }
                inputByOutput[path] = input
                outputs.append(path)
            }
            try FileIO.makeDirectories(directory)
            for (input, path) in zip(inputs, outputs) {
                let document = try load(input)
                try FileIO.writeAtomically(try write(document, to: format, destination: path, options: writeOptions), to: path)
            }
            return outputs
        }

        let format = try outputFormat(path: request.output, forced: request.to)
        let output = request.output ?? "-"
        if output == "-" && format.isBinary && FileIO.standardOutputIsTerminal {
            throw NewsConvError(.usage, "\(format.name) is a binary format; not writing it to a terminal (use -o FILE)")
        }
        var document = Document(stories: [])
        for input in inputs {
            let part = try load(input)
            if inputs.count == 1 { document.metadata = part.metadata }
            document.stories += part.stories
        }
        if let title = request.writeOptions.title { document.metadata.headline = title }
        let bytes = try write(document, to: format, destination: output, options: writeOptions)
        if output == "-" { try FileIO.writeStandardOutput(bytes) } else { try FileIO.writeAtomically(bytes, to: output) }
        return [output]
    }
}

/// One run of the tool: inputs, output and options, as the command line gives them.
public struct ConversionRequest: Sendable {
    /// Input paths; empty or `-` for standard input.
    public var inputs: [String]
    /// Output path; nil or `-` for standard output.
    public var output: String?
    /// Convert each input on its own into this directory.
    public var outputDirectory: String?
    /// Forced input format name.
    public var from: String?
    /// Forced output format name.
    public var to: String?
    /// Reader options.
    public var readOptions: ReadOptions
    /// Writer options.
    public var writeOptions: WriteOptions
    /// `-M key=value` pairs, in order: story metadata and template variables.
    public var metadata: [(String, String)]
    /// A YAML (or JSON) file of metadata applied to every story.
    public var metadataFile: String?

    /// Creates a request.
    public init(inputs: [String], output: String? = nil, outputDirectory: String? = nil, from: String? = nil,
                to: String? = nil, readOptions: ReadOptions = ReadOptions(), writeOptions: WriteOptions = WriteOptions(),
                metadata: [(String, String)] = [], metadataFile: String? = nil) {
        self.inputs = inputs
        self.output = output
        self.outputDirectory = outputDirectory
        self.from = from
        self.to = to
        self.readOptions = readOptions
        self.writeOptions = writeOptions
        self.metadata = metadata
        self.metadataFile = metadataFile
    }
}
