import Foundation
import Testing
@testable import NewsConvKit

/// Every NewsML-G2 newsconv writes validates against the IPTC NewsML-G2 2.35 Power schema, both
/// with the schema built into newsconv (in-process, always) and with `xmllint` (when installed);
/// NITF bodies also validate against the NITF 3.6 schema of the corpus.
///
/// To check more documents, add a test that calls ``assertValidNewsML(_:source:)`` with them.
@Suite("NewsML-G2 schema")
struct NewsMLSchemaTests {
    static let schemaPath = Corpus.url("newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd").path
    static let nitfSchemaPath = Corpus.url("newsml-g2/schema/nitf-3-6.xsd").path
    static let nitfValidator: XMLSchemaValidator? = Corpus.isAvailable ? try? XMLSchemaValidator(schemaPath: nitfSchemaPath) : nil

    // MARK: The built-in schema

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func builtInSchemaIsTheCorpusSchemaByteForByte() throws {
        #expect(Array(NewsMLSchema.powerXSD.utf8) == (try Corpus.bytes("newsml-g2/schema/NewsML-G2_2.35-spec-All-Power.xsd")))
        #expect(Array(NewsMLSchema.xmlNamespaceXSD.utf8) == (try Corpus.bytes("newsml-g2/schema/xml.xsd")))
    }

    @Test func builtInSchemaCompilesWithoutTheNetworkOrFiles() throws {
        _ = try NewsMLSchema.validator.get()
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func builtInSchemaJudgesTheIPTCExamplesAsXmllintDoes() throws {
        for file in Corpus.list("newsml-g2/examples") where file.hasSuffix(".xml") {
            let problems = try NewsMLValidation.validate(try Corpus.bytes("newsml-g2/examples/" + file), sourceName: file)
            let rejected = ["LISTING_24", "LISTING_25", "LISTING_28"].contains { file.hasPrefix($0 + "_") }
            #expect(problems.isEmpty != rejected, "\(file): \(problems.prefix(3))")
            #expect(problems.allSatisfy { $0.file == file && $0.line != nil })
        }
        let listing24 = try NewsMLValidation.validate(
            try Corpus.bytes("newsml-g2/examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml"), sourceName: "24.xml")
        #expect(listing24.first?.description
            == "24.xml:21: Element '{http://iptc.org/std/nar/2006-10-01/}packageItem': The attribute 'standard' is required but missing.")
    }

    @Test(.enabled(if: Corpus.isAvailable && which("xmllint") != nil, "SKIPPED: needs ../shared/corpus and xmllint"))
    func builtInSchemaReportsWhatXmllintReports() throws {
        for file in Corpus.list("newsml-g2/examples") where file.hasSuffix(".xml") {
            let path = Corpus.url("newsml-g2/examples/" + file).path
            let ours = try NewsMLValidation.validate(try Corpus.bytes("newsml-g2/examples/" + file), sourceName: path)
                .map { "\($0.line ?? 0): \($0.message)" }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(which("xmllint")))
            process.arguments = ["--noout", "--nonet", "--schema", Self.schemaPath, path]
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            // "PATH:LINE: element NAME: Schemas validity error : MESSAGE"
            let theirs = output.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix(path + ":"), let marker = line.firstRange(of: ": Schemas validity error : ") else { return nil }
                let lineNumber = line.dropFirst(path.count + 1).prefix { $0.isNumber }
                return "\(lineNumber): \(line[marker.upperBound...])"
            }
            #expect(ours == theirs, "\(file)")
        }
    }

    @Test func violationsNameTheLineAndMalformedInputTheColumn() throws {
        let item = """
            <?xml version="1.0" encoding="UTF-8"?>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="two">
              <contentMeta><urgency>12</urgency></contentMeta>
            </newsItem>
            """
        let problems = try NewsMLValidation.validate(Array(item.utf8), sourceName: "item.xml")
        #expect(problems.count >= 2)
        #expect(problems.allSatisfy { $0.file == "item.xml" && ($0.line ?? 0) >= 2 })
        #expect(problems.contains { $0.description.hasPrefix("item.xml:2: ") && $0.message.contains("standardversion") })
        do {
            _ = try NewsMLValidation.validate(Array("<newsItem>\n<a></b>".utf8), sourceName: "broken.xml")
            Issue.record("expected an error")
        } catch let error as NewsConvError {
            #expect(error.file == "broken.xml" && error.line == 2 && error.column != nil)
        }
    }

    @Test func schemaImportsAreServedOnlyDuringCompilation() throws {
        // A document naming the embedded schema's location gets nothing from the loader.
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE a [<!ENTITY x SYSTEM "xml.xsd">]>
            <a>&x;</a>
            """
        _ = try NewsMLSchema.validator.get()
        let document = try? XMLDocument.parseXML(Array(xml.utf8))
        #expect(document?.root?.textContent.contains("XML namespace") != true)
        // A schema importing a location nobody supplied does not compile.
        let schema = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:t">
              <xs:import namespace="http://www.w3.org/XML/1998/namespace" schemaLocation="/etc/passwd"/>
              <xs:element name="a"><xs:complexType><xs:attribute ref="xml:lang"/></xs:complexType></xs:element>
            </xs:schema>
            """
        #expect(throws: NewsConvError.self) { try XMLSchemaValidator(schemaBytes: Array(schema.utf8)) }
    }

    // MARK: Everything newsconv writes validates

    @Test func theRichFixtureValidatesInBothBodyMarkups() throws {
        let message = Document(metadata: Metadata(id: "urn:example:edition", headline: "Edition", urgency: 4),
                               stories: [NewsMLFixtures.richStory, NewsMLFixtures.portableStory, Story()])
        try Self.assertValidNewsML([("rich story", Document(story: NewsMLFixtures.richStory)),
                                    ("empty story", Document(story: Story())),
                                    ("news message", message)], source: "fixtures")
    }

    @Test func awkwardValuesStillValidate() throws {
        let metadata = Metadata(
            id: "  ", version: -2, headline: "Line one\nline two\u{0B}", bylines: [Byline(name: "Tab\tName", role: "Role\nwith break")],
            dateline: Dateline(agency: "AP"), language: "en_US", created: "yesterday", modified: "2020-13-01",
            published: "Wed, 01 Jan 2020 09:30:00 +0100", embargo: "", provider: "http://example.com/provider",
            copyrightHolder: "qcode:holder", subjects: [Subject(code: "a b", scheme: "bad scheme", name: "n\nm"),
                                                        Subject(code: "x y"), Subject(code: "c", scheme: "urn:x:")],
            keywords: ["", "multi\nline"], genre: "", urgency: 12, located: "", summary: "",
            heroImage: HeroImage(url: "images/a b|c%zz.jpg?x=[1]"), url: "not a url at all % 100",
            extra: ["": "empty key", "key\twith\ttabs": "value\nwith\nlines", "versionCreated": "never", "pubStatus": "withheld"])
        try Self.assertValidNewsML([("awkward metadata", Document(story: Story(metadata: metadata, body: [.paragraph([])])))],
                                   source: "awkward values")
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func theStoriesCorpusValidates() throws {
        let reader = try Format.plainText.requireReader()
        let documents = try Corpus.stories.map { path in
            (path, try reader.read(try Corpus.bytes(path), context: ReadContext(sourceName: path)))
        }
        #expect(documents.count >= 3)
        try Self.assertValidNewsML(documents, source: "stories corpus")
        try Self.assertValidNewsML([("all stories", Document(stories: documents.flatMap(\.1.stories)))], source: "stories corpus message")
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func theIPTCExamplesRewrittenValidate() throws {
        let documents = try Corpus.list("newsml-g2/examples").filter { $0.hasSuffix(".xml") }.map { file in
            (file, try NewsMLFixtures.read(try Corpus.bytes("newsml-g2/examples/" + file)).document)
        }
        try Self.assertValidNewsML(documents, source: "IPTC examples")
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func theCommonMarkSpecHTMLAsRawHTMLValidates() throws {
        let examples = try Self.commonMarkExamples("commonmark/commonmark-spec-0.31.2.txt")
            + Self.commonMarkExamples("commonmark/gfm-spec-0.29.txt")
        #expect(examples.count > 900)
        let documents = examples.enumerated().map { index, example in
            ("spec example \(index + 1)", Document(story: Story(metadata: Metadata(headline: "Example \(index + 1)"),
                                                                body: [.rawHTML(example.html), .paragraph([.rawHTML(example.html)])])))
        }
        try Self.assertValidNewsML(documents, source: "CommonMark/GFM spec HTML")
    }

    @Test(.enabled(if: Corpus.isAvailable, Corpus.skipMessage))
    func theReadabilityArticlesAsRawHTMLValidate() throws {
        let pages = Corpus.list("html").filter { !$0.hasSuffix(".txt") }
        let documents = try pages.map { page in
            let html = String(decoding: try Corpus.bytes("html/\(page)/expected.html"), as: UTF8.self)
            return (page, Document(story: Story(metadata: Metadata(headline: page), body: [.rawHTML(html)])))
        }
        #expect(documents.count >= 25)
        try Self.assertValidNewsML(documents, source: "readability articles")
    }

    @Test(.enabled(if: Corpus.isAvailable && Format.markdown.reader != nil,
                   "SKIPPED: no Markdown reader in this build yet; the Markdown corpus is checked once it exists"))
    func theMarkdownCorpusValidates() throws {
        let reader = try Format.markdown.requireReader()
        var documents: [(String, Document)] = []
        for (index, example) in try Self.commonMarkExamples("commonmark/commonmark-spec-0.31.2.txt").enumerated() {
            documents.append(("CommonMark example \(index + 1)", try reader.read(Array(example.markdown.utf8), context: ReadContext())))
        }
        let peer = "peers/pandoc-2.17-story.source.md"
        documents.append((peer, try reader.read(try Corpus.bytes(peer), context: ReadContext(sourceName: peer))))
        try Self.assertValidNewsML(documents, source: "Markdown corpus")
    }

    @Test(.enabled(if: Corpus.isAvailable && Format.html.reader != nil,
                   "SKIPPED: no HTML reader in this build yet; the HTML corpus is checked once it exists"))
    func theHTMLCorpusValidates() throws {
        let reader = try Format.html.requireReader()
        var documents: [(String, Document)] = []
        for page in Corpus.list("html") where !page.hasSuffix(".txt") {
            for file in ["source.html", "expected.html"] {
                let path = "html/\(page)/\(file)"
                documents.append((path, try reader.read(try Corpus.bytes(path), context: ReadContext(sourceName: path))))
            }
        }
        try Self.assertValidNewsML(documents, source: "HTML corpus")
    }

    // MARK: Helpers

    /// Writes each document as NewsML-G2 with an XHTML and with a NITF body and checks every
    /// output: the built-in schema in-process, `xmllint` over all files at once (when
    /// installed), and each NITF body against the NITF 3.6 schema (when the corpus is present).
    static func assertValidNewsML(_ documents: [(label: String, document: Document)], source: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsconv-newsml-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [String] = []
        var nitfBodies = 0
        for markup in NewsMLWriter.BodyMarkup.allCases {
            for (index, (label, document)) in documents.enumerated() {
                let name = "\(label) [\(markup)]"
                let bytes = try NewsMLFixtures.write(document, markup: markup).bytes
                let problems = try NewsMLValidation.validate(bytes, sourceName: name)
                #expect(problems.isEmpty, "\(source): \(problems.prefix(5).map(\.description).joined(separator: "\n"))",
                        sourceLocation: sourceLocation)
                let file = directory.appendingPathComponent("\(markup)-\(index).xml")
                try Data(bytes).write(to: file)
                files.append(file.path)
                if markup == .nitf, let nitfValidator {
                    let xml = try XMLDocument.parseXML(bytes)
                    for nitf in descendants(of: try #require(xml.root), named: "nitf") {
                        let standalone = try XMLDocument.parseXML(Array(nitf.outerXML.utf8))
                        let nitfProblems = nitfValidator.validate(standalone)
                        #expect(nitfProblems.isEmpty, "\(source) NITF of \(label): \(nitfProblems.prefix(5))", sourceLocation: sourceLocation)
                        nitfBodies += 1
                    }
                }
            }
        }
        guard let xmllint = which("xmllint") else {
            print("SKIPPED xmllint check of \(source): xmllint is not installed (the built-in schema check ran)")
            return
        }
        guard Corpus.isAvailable else {
            print("SKIPPED xmllint check of \(source): ../shared/corpus is absent")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--nonet", "--schema", schemaPath] + files
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let failures = output.split(separator: "\n").filter { !$0.hasSuffix(" validates") }
        #expect(process.terminationStatus == 0 && failures.isEmpty,
                "\(source): xmllint: \(failures.prefix(5).joined(separator: "\n"))", sourceLocation: sourceLocation)
        print("\(source): \(files.count) NewsML-G2 files (\(documents.count) documents × 2 body markups) valid with the built-in schema and xmllint; \(nitfBodies) NITF bodies valid against NITF 3.6")
    }

    static func descendants(of node: XMLNode, named name: String) -> [XMLNode] {
        var found: [XMLNode] = []
        var stack = [node]
        while let next = stack.popLast() {
            if next.name == name { found.append(next) } else { stack += next.elements }
        }
        return found
    }

    /// The examples of a CommonMark-style spec: Markdown and the expected HTML.
    static func commonMarkExamples(_ path: String) throws -> [(markdown: String, html: String)] {
        let text = String(decoding: try Corpus.bytes(path), as: UTF8.self)
        let fence = String(repeating: "`", count: 32)
        var examples: [(String, String)] = []
        var markdown: [Substring] = []
        var html: [Substring] = []
        var state = 0  // 0 outside, 1 Markdown, 2 HTML
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch state {
            case 0 where line.hasPrefix(fence + " example"): state = 1; markdown = []; html = []
            case 1 where line == ".": state = 2
            case 1: markdown.append(line)
            case 2 where line == fence:
                state = 0
                let md = markdown.joined(separator: "\n").replacing("→", with: "\t")
                examples.append((md.isEmpty ? md : md + "\n", html.joined(separator: "\n").replacing("→", with: "\t")))
            case 2: html.append(line)
            default: continue
            }
        }
        return examples
    }
}
