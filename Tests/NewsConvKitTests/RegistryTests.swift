import Foundation
import Testing
@testable import NewsConvKit

/// A format defined outside the library: one story per line, headline only.
struct HeadlineListReader: DocumentReader {
    func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        let lines = String(decoding: input, as: UTF8.self).split(separator: "\n")
        return Document(stories: lines.map { Story(metadata: Metadata(headline: String($0))) })
    }
}

struct HeadlineListWriter: DocumentWriter {
    func write(_ document: Document, context: WriteContext) throws -> [UInt8] {
        Array(document.stories.map { ($0.metadata.headline ?? "") + "\n" }.joined().utf8)
    }
}

@Suite("Format registry")
struct RegistryTests {
    static let headlines = Format(name: "headlines", extensions: ["hl"], mediaType: "text/x-headlines",
                                  summary: "one headline per line", reader: HeadlineListReader(), writer: HeadlineListWriter(),
                                  sniff: { $0.starts(with: Array("HL:".utf8)) })

    func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func builtInFormatsByNameExtensionAndContent() throws {
        let r = FormatRegistry.builtIn
        #expect(r.format(named: "md")?.name == "markdown")
        #expect(r.format(forPath: "dir/Story.TXT")?.name == "text")
        #expect(r.format(forPath: "edition.epub")?.name == "epub")
        #expect(r.format(forPath: "item.xml")?.name == "newsml")
        #expect(r.format(forPath: "noextension") == nil)
        #expect(r.format(sniffing: Array("{\"stories\": []}".utf8))?.name == "json")
        #expect(r.format(sniffing: Array("<?xml version='1.0'?><newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'>".utf8))?.name == "newsml")
        #expect(r.format(sniffing: Array("<!DOCTYPE html><html>".utf8))?.name == "html")
        // HTML fragments, as a CMS or `--fragment` gives them.
        for fragment in ["<p>Text</p>", "  <div class=\"body\">", "<H2>Sub</H2>", "<figure>\n<img src=a.png>"] {
            #expect(r.format(sniffing: Array(fragment.utf8))?.name == "html", "\(fragment)")
        }
        for notHTML in ["<newsItem>", "<pear>", "<p", "<https://example.com>", "<3 stories"] {
            #expect(r.format(sniffing: Array(notHTML.utf8))?.name != "html", "\(notHTML)")
        }
        #expect(r.format(sniffing: Array("---\ntitle: x\n---\n".utf8))?.name == "markdown")
        #expect(r.format(sniffing: Array("Headline\n\nBody.".utf8))?.name == "text")
        #expect(r.format(sniffing: [0, 1, 2]) == nil)
    }

    /// `-f commonmark` reads strict CommonMark; `-f markdown` and `-f gfm` read GFM; options
    /// that say otherwise win.
    @Test func anAliasCanStandForReadSettings() throws {
        let table = Array("| a |\n| - |\n| 1 |\n".utf8)
        func isTable(_ format: String, _ settings: [String: String] = [:]) throws -> Bool {
            let document = try Converter().read(bytes: table, format: format, options: ReadOptions(settings: settings))
            if case .table? = document.stories.first?.body.first { return true }
            return false
        }
        #expect(try isTable("markdown"))
        #expect(try isTable("gfm"))
        #expect(try !isTable("commonmark"))
        #expect(try !isTable("CommonMark"))
        #expect(try isTable("commonmark", ["markdown.extensions": "gfm"]))
    }

    @Test func unknownFormatNamesTheKnownOnes() throws {
        #expect(throws: NewsConvError.self) { try FormatRegistry.builtIn.requireFormat(named: "docx") }
        do { _ = try FormatRegistry.builtIn.requireFormat(named: "docx") } catch let e as NewsConvError {
            #expect(e.kind == .usage)
            #expect(e.message.contains("markdown"))
        }
    }

    @Test func thirdPartyFormatWorksThroughTheCommandLinePath() throws {
        var registry = FormatRegistry.builtIn
        registry.register(Self.headlines)
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Port strike halts traffic\nGlacier loses ice\n".write(toFile: dir + "/today.hl", atomically: true, encoding: .utf8)

        // .hl → JSON by extension, through the same Converter.run the newsconv tool calls.
        let converter = Converter(registry: registry, resources: FileResources(fixedTime: 0))
        try converter.run(ConversionRequest(inputs: [dir + "/today.hl"], output: dir + "/today.json"))
        let document = try converter.read(path: dir + "/today.json")
        #expect(document.stories.map(\.metadata.headline) == ["Port strike halts traffic", "Glacier loses ice"])

        // And back out as the custom format, chosen by -t name.
        try converter.run(ConversionRequest(inputs: [dir + "/today.json"], output: dir + "/copy.out", to: "headlines"))
        #expect(try String(contentsOfFile: dir + "/copy.out", encoding: .utf8) == "Port strike halts traffic\nGlacier loses ice\n")
        #expect(FormatTable.render(registry).contains("headlines"))
    }

    @Test func failedConversionLeavesNoFile() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "{ not json".write(toFile: dir + "/bad.json", atomically: true, encoding: .utf8)
        #expect(throws: NewsConvError.self) {
            try Converter().run(ConversionRequest(inputs: [dir + "/bad.json"], output: dir + "/out.txt"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["bad.json"])
    }

    @Test func metadataOverridesApplyToEveryStory() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Headline\n\nBody text.\n".write(toFile: dir + "/s.txt", atomically: true, encoding: .utf8)
        try "lang: de\nkeywords: [a, b]\n".write(toFile: dir + "/meta.yaml", atomically: true, encoding: .utf8)
        try Converter().run(ConversionRequest(inputs: [dir + "/s.txt"], output: dir + "/s.json",
                                              metadata: [("slug", "TEST-SLUG")], metadataFile: dir + "/meta.yaml"))
        let m = try #require(try Converter().read(path: dir + "/s.json").stories.first?.metadata)
        #expect(m.language == "de")
        #expect(m.keywords == ["a", "b"])
        #expect(m.slugline == "TEST-SLUG")
        #expect(m.headline == "Headline")
    }
}
