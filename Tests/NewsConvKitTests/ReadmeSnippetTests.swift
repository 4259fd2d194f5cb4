import Foundation
import Testing
import NewsConvKit

// The README's library example, compiled here. Keep it identical to the README's snippet.
// snippet: library-use
func tagAndPublish(_ path: String) throws {
    let converter = Converter()
    var document = try converter.read(path: path)
    for index in document.stories.indices {
        document.stories[index].metadata.keywords.append("shipping")
        document.stories[index].metadata.language = "en"
    }
    let json = try converter.write(document, to: .json)
    try FileIO.writeAtomically(json, to: path + ".json")
}
// end snippet

@Suite("README")
struct ReadmeSnippetTests {
    @Test func librarySnippetIsTheCompiledOne() throws {
        let readme = try String(contentsOf: Corpus.projectRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let compiled = try #require(source.components(separatedBy: "// snippet: library-use\n").dropFirst().first?
            .components(separatedBy: "// end snippet").first)
        #expect(readme.contains("```swift\nimport NewsConvKit\n\n" + compiled + "```"))
    }

    @Test func librarySnippetRuns() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("readme-\(UUID().uuidString).txt").path
        try "Ferry halts\n\nKIRKWALL (Wire) - Ferries stopped.\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path); try? FileManager.default.removeItem(atPath: path + ".json") }
        try tagAndPublish(path)
        let story = try #require(try Converter().read(path: path + ".json").stories.first)
        #expect(story.metadata.keywords == ["shipping"])
        #expect(story.metadata.headline == "Ferry halts")
    }
}
