import Foundation
import Testing
@testable import NewsConvKit

/// Books newsconv writes must pass epubcheck with no errors and no warnings. All books are
/// checked in one JVM (epubcheck's start-up dominates), falling back to one run per book.
@Suite("EPUB conformance (epubcheck)")
struct EPUBCheckTests {
    static let jar = "/usr/share/java/epubcheck.jar"
    static var available: Bool { which("java") != nil && FileManager.default.fileExists(atPath: jar) }

    /// One book to check.
    struct Book {
        var name: String
        var document: Document
        var options = WriteOptions()
    }

    /// The books: every corpus story, the hand-made rich story (once per built-in theme), pandoc's
    /// story read back, and an edition of them all with a cover. Add a source here to have it checked.
    static func books() throws -> [Book] {
        var books: [Book] = []
        if Corpus.isAvailable {
            for path in Corpus.stories {
                let document = try readDocument(try Corpus.bytes(path), as: .plainText, name: path)
                books.append(Book(name: path.replacingOccurrences(of: "/", with: "-"), document: document))
            }
            let pandoc = try EPUBFixtures.read(try Corpus.bytes("peers/pandoc-2.17-story.epub")).document
            books.append(Book(name: "pandoc-story-rewritten", document: pandoc))
        }
        books.append(Book(name: "rich-markdown-story", document: Document(story: EPUBFixtures.richStory)))
        let all = Document(metadata: Metadata(headline: "Morning Edition"), stories: books.flatMap(\.document.stories))
        for theme in Theme.builtIn.map(\.name) where theme != Theme.defaultTheme.name {
            books.append(Book(name: "rich-markdown-story-\(theme)", document: Document(story: EPUBFixtures.richStory),
                              options: WriteOptions(theme: theme)))
        }
        books.append(Book(name: "edition", document: all, options: WriteOptions(title: "Morning Edition", cover: "cover.png")))
        return books
    }

    @Test(.enabled(if: available, "SKIPPED: epubcheck (java -jar /usr/share/java/epubcheck.jar) is not installed"))
    func everyBookPassesWithoutErrorsOrWarnings() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-epubcheck-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        var paths: [String: String] = [:]
        let books = try Self.books()
        for book in books {
            let bytes = try EPUBFixtures.write(book.document, options: book.options).bytes
            let path = directory.appendingPathComponent(book.name + ".epub").path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            paths[book.name] = path
        }
        #expect(books.count >= 3)

        var results = try Self.checkInOneJVM(Array(paths.values.sorted()), directory: directory)
        for book in books where results[paths[book.name] ?? ""] == nil {
            let path = paths[book.name] ?? ""
            results[path] = try Self.checkAlone(path)
        }
        for book in books {
            let result = try #require(results[paths[book.name] ?? ""], "no epubcheck result for \(book.name)")
            #expect(result.fatals == 0 && result.errors == 0 && result.warnings == 0,
                    "\(book.name): \(result.fatals) fatal, \(result.errors) errors, \(result.warnings) warnings\n\(result.messages)")
        }
    }

    struct Result {
        var fatals = 0, errors = 0, warnings = 0
        var messages = ""
    }

    /// Runs epubcheck's API over all `paths` in one JVM (Java's single-file source launcher).
    static func checkInOneJVM(_ paths: [String], directory: URL) throws -> [String: Result] {
        let source = directory.appendingPathComponent("CheckAll.java")
        try """
            import com.adobe.epubcheck.api.EpubCheck;
            import com.adobe.epubcheck.util.DefaultReportImpl;
            import java.io.File;

            public class CheckAll {
                public static void main(String[] args) {
                    for (String path : args) {
                        System.out.println("EPUBCHECK-BEGIN\\t" + path);
                        DefaultReportImpl report = new DefaultReportImpl(path);
                        new EpubCheck(new File(path), report).doValidate();
                        System.out.println("EPUBCHECK-RESULT\\t" + path + "\\t" + report.getFatalErrorCount()
                            + "\\t" + report.getErrorCount() + "\\t" + report.getWarningCount());
                    }
                }
            }
            """.write(to: source, atomically: true, encoding: .utf8)
        let output = try run(["java", "-cp", jar, source.path] + paths)
        var results: [String: Result] = [:]
        var messages = ""
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: "\t").map(String.init)
            if fields.first == "EPUBCHECK-BEGIN" {
                messages = ""
            } else if fields.first == "EPUBCHECK-RESULT", fields.count == 5 {
                results[fields[1]] = Result(fatals: Int(fields[2]) ?? -1, errors: Int(fields[3]) ?? -1,
                                            warnings: Int(fields[4]) ?? -1, messages: messages)
            } else {
                messages += line + "\n"
            }
        }
        return results
    }

    /// Runs `java -jar epubcheck.jar path` and reads its summary line.
    static func checkAlone(_ path: String) throws -> Result {
        let output = try run(["java", "-jar", jar, path])
        var result = Result(fatals: -1, errors: -1, warnings: -1, messages: output)
        if let line = output.split(separator: "\n").first(where: { $0.hasPrefix("Messages:") }) {
            let numbers = line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
            if numbers.count >= 3 { (result.fatals, result.errors, result.warnings) = (numbers[0], numbers[1], numbers[2]) }
        }
        return result
    }

    /// Runs a command; standard output and error together.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: which(arguments[0]) ?? arguments[0])
        process.arguments = Array(arguments.dropFirst())
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
