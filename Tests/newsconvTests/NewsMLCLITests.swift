import Foundation
import Testing
import NewsConvKit

/// `newsconv -t newsml` and `newsconv validate` through the built binary.
@Suite("NewsML-G2 on the command line", .timeLimit(.minutes(20)))
struct NewsMLCLITests {
    static let story = #"""
        {"stories": [{"metadata": {"id": "urn:example:cli", "headline": "Harbour reopens", "language": "en",
          "bylines": [{"name": "Jo Reporter"}], "published": "2024-05-01T08:00:00Z"},
          "body": [{"type": "paragraph", "content": [{"type": "text", "text": "Ships moved again."}]},
                   {"type": "rawHTML", "html": "<div class=box><p>Fact<br>box</div>"}]}]}
        """#

    private func scratchFile(_ directory: String, _ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: ["xhtml", "nitf"])
    func writtenNewsMLValidatesWithTheBuiltInSchema(body: String) throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let input = try scratchFile(directory, "story.json", Self.story)
        let output = directory + "/item.xml"
        let written = try CLI.run([input, "-t", "newsml", "--newsml-body", body, "-o", output])
        #expect(written.status == 0, "\(written.stderr)")
        let check = try CLI.run(["validate", output])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.output == "\(output): valid NewsML-G2 2.35\n")
        let back = try CLI.run([output, "-t", "json"])
        #expect(back.status == 0 && back.output.contains("Harbour reopens") && back.output.contains("Ships moved again."))
    }

    @Test func violationsArePrintedWithTheirLineAndExit65() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let bad = try scratchFile(directory, "bad.xml", """
            <?xml version="1.0"?>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35">
              <itemMeta><itemClass qcode="ninat:text"/></itemMeta>
            </newsItem>
            """)
        let result = try CLI.run(["validate", bad])
        #expect(result.status == 65)
        #expect(result.output.isEmpty)
        #expect(result.stderr.hasPrefix("newsconv: \(bad):3: Element '{http://iptc.org/std/nar/2006-10-01/}itemMeta'"))
    }

    @Test func aNewsMessageIsReproducibleWithSourceDateEpoch() throws {
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = try scratchFile(directory, "a.json", Self.story)
        let second = try scratchFile(directory, "b.json", Self.story.replacingOccurrences(of: "urn:example:cli", with: "urn:example:cli-2"))
        let environment = ["SOURCE_DATE_EPOCH": "1700000000"]
        let one = try CLI.run([first, second, "-t", "newsml", "--title", "Edition"], environment: environment)
        let two = try CLI.run([first, second, "-t", "newsml", "--title", "Edition"], environment: environment)
        #expect(one.status == 0 && one.stdout == two.stdout)
        #expect(one.output.contains("<sent>2023-11-14T22:13:20Z</sent>"))
        #expect(one.output.contains("<packageItem"))
    }

    @Test func billionLaughsStaysSmall() throws {
        var entities = "<!ENTITY a0 \"laugh\">"
        for i in 1...15 { entities += "<!ENTITY a\(i) \"" + String(repeating: "&a\(i - 1);", count: 10) + "\">" }
        let directory = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let file = try scratchFile(directory, "laughs.xml", """
            <?xml version="1.0"?>
            <!DOCTYPE newsItem [\(entities)]>
            <newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" standard="NewsML-G2" standardversion="2.35">
              <itemMeta><itemClass qcode="ninat:text"/><provider literal="x"/><versionCreated>2020-01-01T00:00:00Z</versionCreated></itemMeta>
              <contentMeta><headline>&a15;</headline></contentMeta>
            </newsItem>
            """)
        // The binary runs with 1 GB of address space at most (`ulimit -v`), so an expansion
        // would make it fail; CLI.run's peak memory is not used because on Linux it includes
        // the test process's own memory at the time of the spawn.
        for arguments in [[file, "-t", "json"], ["validate", file]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -v 1000000 && exec \"$0\" \"$@\"", CLI.binary] + arguments
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            let stdout = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationReason == .exit)
            #expect(process.terminationStatus == 0 || process.terminationStatus == 65, "\(arguments)")
            #expect(stdout.count < 100_000)
            #expect(!String(decoding: stdout, as: UTF8.self).contains("laughlaugh"))
        }
    }
}
