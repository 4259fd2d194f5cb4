import Foundation
import NewsConvKit
import Testing

/// Builds and runs Examples/LibraryUse, the separate package that uses NewsConvKit as a library.
/// Its build folder is `.build-libraryuse/` in the project root (git-ignored), so only the first
/// run compiles the dependencies.
@Suite("Examples/LibraryUse package")
struct LibraryUseTests {
    static let package = CLI.projectRoot.appendingPathComponent("Examples/LibraryUse").path
    static let scratch = CLI.projectRoot.appendingPathComponent(".build-libraryuse").path

    @Test(.enabled(if: Command.which("swift") != nil, "SKIPPED: swift is not on PATH; cannot build Examples/LibraryUse"),
          .timeLimit(.minutes(20)))
    func buildsAndPublishesAnEditedWireStory() throws {
        let swift = try #require(Command.which("swift"))
        // Without manifest caching, files added to or removed from NewsConvKit since the last build
        // are seen (a cached build plan of a path dependency keeps its old file list).
        let build = try Command.run(swift, ["build", "--package-path", Self.package, "--scratch-path", Self.scratch,
                                            "--disable-build-manifest-caching"])
        try #require(build.status == 0, "swift build of Examples/LibraryUse failed:\n\(build.stdout)\n\(build.stderr)")

        let output = try CLI.temporaryDirectory()
        let story = CLI.projectRoot.appendingPathComponent("Examples/stories/harbour-strike.txt").path
        let run = try Command.run(Self.scratch + "/debug/LibraryUse", [story, output], in: Self.package)
        #expect(run.status == 0, "LibraryUse failed:\n\(run.stdout)\(run.stderr)")

        // The edits are in the story model it wrote.
        let json = try Converter().read(path: output + "/harbour-strike.json")
        let edited = try #require(json.stories.first)
        #expect(edited.metadata.headline == "Night ferry crews walk out, stranding island commuters")
        #expect(edited.metadata.subjects.contains(Subject(code: "20000271", scheme: "medtop", name: "maritime")))
        guard case .paragraph(let last)? = edited.body.last, case .link(let link)? = last.last else {
            Issue.record("the last paragraph is not the added link: \(String(describing: edited.body.last))")
            return
        }
        #expect(link.destination == "https://gazette.example/topics/ferries?utm_source=newsconv")

        // HTML and EPUB, as far as this build can write them.
        if Format.html.writer != nil {
            let html = try String(contentsOfFile: output + "/harbour-strike.html", encoding: .utf8)
            #expect(html.contains("https://gazette.example/topics/ferries?utm_source=newsconv"))
            #expect(html.contains("Night ferry crews walk out"))
        } else {
            #expect(run.stdout.contains("skipped html"))
        }
        if Format.epub.writer != nil {
            let epub = try Data(contentsOf: URL(fileURLWithPath: output + "/harbour-strike.epub"))
            #expect(epub.starts(with: Array("PK\u{3}\u{4}".utf8)))
            #expect(String(decoding: epub.prefix(80), as: UTF8.self).contains("mimetypeapplication/epub+zip"))
        } else {
            #expect(run.stdout.contains("skipped epub"))
        }
    }
}
