import Foundation
@testable import NewsConvKit

/// One example of a CommonMark-style spec file: Markdown in, expected HTML out.
struct SpecExample {
    /// 1-based number in the file.
    var number: Int
    /// The word after `example` (`table`, `disabled`, …), empty for plain examples.
    var kind: String
    var markdown: String
    var html: String
    /// Line of the example in the file.
    var line: Int

    /// The examples of a spec file (`→` stands for a tab).
    static func load(_ relative: String) throws -> [SpecExample] {
        let text = String(decoding: try Corpus.bytes(relative), as: UTF8.self)
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var lineNumber = 0
        while let line = lines.popFirst() {
            lineNumber += 1
            guard line.hasPrefix(fence + " example") else { continue }
            let kind = line.dropFirst(fence.count + " example".count).trimmingCharacters(in: .whitespaces)
            let start = lineNumber
            var markdown: [Substring] = []
            var html: [Substring] = []
            var inHTML = false
            while let l = lines.popFirst() {
                lineNumber += 1
                if l == fence { break }
                if !inHTML && l == "." { inHTML = true; continue }
                if inHTML { html.append(l) } else { markdown.append(l) }
            }
            func joined(_ ls: [Substring]) -> String {
                ls.isEmpty ? "" : ls.joined(separator: "\n").replacingOccurrences(of: "→", with: "\t") + "\n"
            }
            examples.append(SpecExample(number: examples.count + 1, kind: kind, markdown: joined(markdown),
                                        html: joined(html), line: start))
        }
        return examples
    }
}
