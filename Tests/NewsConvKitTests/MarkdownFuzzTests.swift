import Foundation
import Testing
@testable import NewsConvKit

/// Random Markdown from fixed seeds (`MARKDOWN_FUZZ_ITERATIONS`, `MARKDOWN_FUZZ_SEED` run
/// longer or other searches).
///
/// Documents built like real ones (markup at word boundaries, nested blocks) must give the
/// same AST after writing and reading again. Character soup need not: CommonMark cannot write
/// every AST its reader makes from soup (emphasis opening inside a word right before
/// punctuation, for one), but reading, rendering and writing it must never fail.
@Suite("Markdown random documents")
struct MarkdownFuzzTests {
    /// A small deterministic generator (SplitMix64).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    }

    static var environment: [String: String] { ProcessInfo.processInfo.environment }
    static var iterations: Int { environment["MARKDOWN_FUZZ_ITERATIONS"].flatMap { Int($0) } ?? 1500 }
    static var seed: UInt64 { environment["MARKDOWN_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_251_125 }

    // MARK: Documents like real ones

    static let words = ["port", "strike", "Rotterdam", "talks", "C#", "AT&T", "snake_case", "2*3", "[note]", "1986.", "3)", "-", "+",
                        ">", "#tag", "http://x.example", "www.example.com", "desk@example.com", "&amp;", "\\", "50%", "don't",
                        "\"quoted\"", "(aside)", "wörd", "€5", "a|b", "~10", "<b>", "`tick`", "!", "x_y_z", "__init__", "*star*"]

    static func phrase(_ r: inout Random, words n: Int) -> String {
        (0..<max(1, n)).map { _ in r.pick(words) }.joined(separator: " ")
    }

    static func inline(_ r: inout Random, depth: Int = 0) -> String {
        let plain = { (r: inout Random) in phrase(&r, words: 1 + r.below(3)) }
        switch depth < 2 ? r.below(12) : 0 {
        case 1: return "*" + inline(&r, depth: depth + 1) + "*"
        case 2: return "**" + inline(&r, depth: depth + 1) + "**"
        case 3: return "_" + plain(&r) + "_"
        case 4: return "~~" + inline(&r, depth: depth + 1) + "~~"
        case 5: return "`" + plain(&r).replacingOccurrences(of: "`", with: "") + "`"
        case 6: return "[" + inline(&r, depth: 2) + "](" + r.pick(["/a", "<b c>", "http://x.y/(z)", ""]) + r.pick(["", " \"t\""]) + ")"
        case 7: return "![" + plain(&r) + "](i.png)"
        case 8: return "<" + r.pick(["http://x.y/z", "desk@example.com"]) + ">"
        default: return plain(&r)
        }
    }

    static func paragraph(_ r: inout Random) -> String {
        var text = inline(&r)
        for _ in 0..<r.below(5) { text += r.pick([" ", " ", " ", "\n", "  \n", "\\\n"]) + inline(&r) }
        return text
    }

    static func blocks(_ r: inout Random, depth: Int) -> [String] {
        (0..<(1 + r.below(3))).map { _ in block(&r, depth: depth) }
    }

    static func indent(_ text: String, first: String, rest: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { i, line in
            (i == 0 ? first : (line.isEmpty ? "" : rest)) + line
        }.joined(separator: "\n")
    }

    static func block(_ r: inout Random, depth: Int) -> String {
        switch depth < 2 ? r.below(10) : r.below(5) {
        case 1: return String(repeating: "#", count: 1 + r.below(6)) + " " + inline(&r)
        case 2: return r.pick(["```", "~~~"]) + r.pick(["", "swift", "a b"]) + "\n" + phrase(&r, words: 3) + "\n``\n" + r.pick(["```", "~~~"])
        case 3: return r.pick(["---", "***", "___"])
        case 4: return "| " + phrase(&r, words: 1) + " | " + phrase(&r, words: 1) + " |\n| :-- | --: |\n| " + inline(&r) + " | x |"
        case 5, 6:
            let tight = r.chance(50)
            let marker = r.pick(["-", "*", "+", "1.", "2)"])
            return (0..<(1 + r.below(3))).map { _ in
                let body = blocks(&r, depth: depth + 1).joined(separator: "\n\n")
                let prefix = marker + " " + (r.chance(15) ? r.pick(["[ ] ", "[x] "]) : "")
                return indent(body, first: prefix, rest: String(repeating: " ", count: marker.count + 1))
            }.joined(separator: tight ? "\n" : "\n\n")
        case 7: return indent(blocks(&r, depth: depth + 1).joined(separator: "\n>\n"), first: "> ", rest: "> ")
        case 8: return "<div>\n" + phrase(&r, words: 2) + "\n</div>"
        default: return paragraph(&r)
        }
    }

    @Test func realisticDocumentsRoundTrip() throws {
        var random = Random(state: Self.seed)
        var failures: [String] = []
        for _ in 0..<Self.iterations {
            let text = Self.blocks(&random, depth: 0).joined(separator: "\n\n") + "\n"
            for extensions in [MarkdownExtensions.gfm, .commonMark] {
                let reader = MarkdownReader(extensions: extensions)
                let first = try reader.read(Array(text.utf8), context: ReadContext())
                let written = try MarkdownWriter().write(first, context: WriteContext())
                let second = try reader.read(written, context: ReadContext())
                if first != second && failures.count < 10 {
                    failures.append("input \(String(reflecting: text))\nwritten \(String(reflecting: String(decoding: written, as: UTF8.self)))\nfirst \(first.stories[0].body)\nsecond \(second.stories[0].body)")
                }
            }
        }
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
        #expect(failures.isEmpty)
    }

    // MARK: Character soup

    static let pieces = ["a", "b", " ", " ", "  ", "\n", "\n", "\n\n", "*", "**", "_", "__", "~", "~~", "`", "``", "[", "]", "(", ")",
                         "![", "<", ">", "> ", "- ", "+ ", "* ", "1. ", "2) ", "#", "# ", "|", "| a |", "---", ":-:", "\\", "&", "&amp;",
                         "&#42;", "<b>", "</b>", "<div>", "<!--", "-->", "http://x.y", "www.a.bc", "a@b.cd", "[x]: /u", "    ", "\t",
                         "```", "~~~", "[ ]", "[x]", "\"", "'", "=", "!", ":", ".", "word", "wörd", "€", "\r", "\u{0}"]

    @Test func characterSoupNeverFails() throws {
        var random = Random(state: Self.seed &+ 1)
        var sameAfterRoundTrip = 0
        let count = Self.iterations * 2
        for _ in 0..<count {
            var text = ""
            for _ in 0..<random.below(40) { text += random.pick(Self.pieces) }
            let first = try MarkdownReader().read(Array(text.utf8), context: ReadContext())
            _ = HTMLBodyRenderer().render(first.stories[0].body)
            let written = try MarkdownWriter().write(first, context: WriteContext())
            let second = try MarkdownReader().read(written, context: ReadContext())
            if first == second { sameAfterRoundTrip += 1 }
        }
        print("Markdown character soup: \(sameAfterRoundTrip) of \(count) random inputs give the same AST after a round trip")
        #expect(sameAfterRoundTrip * 100 >= count * 98)
    }
}
