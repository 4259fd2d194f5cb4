import Foundation
import NewsConvKit
import Testing

/// The shared test corpus at `../shared/corpus` beside the project root. Tests that need it use
/// `.enabled(if: Corpus.isAvailable, Corpus.skipMessage)` so a clone without it skips them visibly.
enum Corpus {
    /// The project root (the folder with Package.swift).
    static let projectRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/corpus` relative to the project root.
    static let root = projectRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var isAvailable: Bool { FileManager.default.fileExists(atPath: root.path) }

    static let skipMessage: Comment = "SKIPPED: ../shared/corpus is absent (a user's clone); corpus tests need it"

    /// A file of the corpus.
    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// Bytes of a corpus file.
    static func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: url(relative))) }

    /// Names of the entries of a corpus folder, sorted.
    static func list(_ relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url(relative).path)) ?? []).sorted()
    }

    /// The corpus's plain-text stories.
    static var stories: [String] { list("stories").filter { $0.hasSuffix(".txt") }.map { "stories/" + $0 } }
}

/// Runs `command` with `arguments` if it is on PATH; nil when it is not installed.
func which(_ command: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(command)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// Reads `bytes` as `format` with an in-memory context.
func readDocument(_ bytes: [UInt8], as format: Format, name: String = "test") throws -> Document {
    try format.requireReader().read(bytes, context: ReadContext(sourceName: name))
}

/// Reads text as `format`.
func readDocument(_ text: String, as format: Format, name: String = "test") throws -> Document {
    try readDocument(Array(text.utf8), as: format, name: name)
}

/// Writes `document` as `format` with an in-memory context.
func writeDocument(_ document: Document, as format: Format, options: WriteOptions = WriteOptions()) throws -> [UInt8] {
    try format.requireWriter().write(document, context: WriteContext(options: options))
}

/// Writes `document` as text in `format`.
func writeText(_ document: Document, as format: Format, options: WriteOptions = WriteOptions()) throws -> String {
    String(decoding: try writeDocument(document, as: format, options: options), as: UTF8.self)
}
