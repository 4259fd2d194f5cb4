import Foundation
@testable import NewsConvKit

/// The article-extraction benchmark's score (scrapinghub/article-extraction-benchmark, as
/// `../shared/corpus/extraction/README.md` defines it): each text split into words (Python's
/// `\w+`), all runs of four words (shingles) counted; per page tp, fp and fn (shared, extracted
/// only, truth only) divided by tp + fp + fn; precision and recall averaged over pages; F1 of
/// the two means. `bench/extraction-score.py` computes the same for the bench.
struct ShingleScore {
    /// One page's share of shared, extracted-only and truth-only shingles.
    struct Page {
        var key: String
        var tp: Double, fp: Double, fn: Double

        /// 1 when both texts are empty (nothing to find, nothing found).
        var precision: Double {
            if fp == 0 && fn == 0 { return 1 }
            if tp == 0 && fp == 0 { return 0 }
            return tp / (tp + fp)
        }

        var recall: Double {
            if fp == 0 && fn == 0 { return 1 }
            if tp == 0 && fn == 0 { return 0 }
            return tp / (tp + fn)
        }

        init(key: String, truth: String, extracted: String) {
            self.key = key
            let a = ShingleScore.shingles(truth), b = ShingleScore.shingles(extracted)
            var tp = 0, fp = 0, fn = 0
            for shingle in Set(a.keys).union(b.keys) {
                let inTruth = a[shingle] ?? 0, inExtract = b[shingle] ?? 0
                tp += min(inTruth, inExtract)
                fp += max(0, inExtract - inTruth)
                fn += max(0, inTruth - inExtract)
            }
            let sum = Double(tp + fp + fn)
            (self.tp, self.fp, self.fn) = sum > 0 ? (Double(tp) / sum, Double(fp) / sum, Double(fn) / sum) : (0, 0, 0)
        }
    }

    var pages: [Page]

    var precision: Double { pages.isEmpty ? 0 : pages.map(\.precision).reduce(0, +) / Double(pages.count) }
    var recall: Double { pages.isEmpty ? 0 : pages.map(\.recall).reduce(0, +) / Double(pages.count) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// `F1 0.9812  precision 0.9773  recall 0.9851  (61 pages)`.
    var summary: String {
        String(format: "F1 %.4f  precision %.4f  recall %.4f  (%d pages)", f1, precision, recall, pages.count)
    }

    /// Python's `re.findall(r'\w+', text)`: runs of letters, digits and `_` (Unicode letters and
    /// numbers; combining marks are not word characters there, so they split words here too).
    static func words(_ text: String) -> [Substring.UnicodeScalarView] {
        var words: [Substring.UnicodeScalarView] = []
        let scalars = Substring(text).unicodeScalars
        var start: Substring.UnicodeScalarView.Index?
        var index = scalars.startIndex
        while index != scalars.endIndex {
            if isWordCharacter(scalars[index]) {
                if start == nil { start = index }
            } else if let s = start {
                words.append(scalars[s..<index])
                start = nil
            }
            index = scalars.index(after: index)
        }
        if let s = start { words.append(scalars[s..<scalars.endIndex]) }
        return words
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// Counts of the runs of four words (a text of fewer words is one shorter shingle).
    static func shingles(_ text: String) -> [[String]: Int] {
        let tokens = words(text).map { String($0) }
        var counts: [[String]: Int] = [:]
        guard !tokens.isEmpty else { return counts }
        for start in 0..<max(1, tokens.count - 3) {
            counts[Array(tokens[start..<min(start + 4, tokens.count)]), default: 0] += 1
        }
        return counts
    }

    /// The text of a story as the benchmark compares it: the body's running text (paragraphs,
    /// headings, lists, quotes, tables, code) in reading order, one block a line. Pictures are
    /// not text: figures (a picture with its caption and credit) and the alt text of inline
    /// images are left out, as the benchmark's hand-made truth leaves them out.
    static func articleText(_ story: Story) -> String {
        var lines: [String] = []
        for block in story.body { collect(block, into: &lines) }
        return lines.joined(separator: "\n")
    }

    /// ``articleText(_:)`` with figure captions kept (``Story/plainText`` less image alt text):
    /// printed beside it, for the README's wording, which lists figure captions.
    static func articleTextWithCaptions(_ story: Story) -> String {
        var lines: [String] = []
        for block in story.body { collect(block, into: &lines, captions: true) }
        return lines.joined(separator: "\n")
    }

    private static func collect(_ block: Block, into lines: inout [String], captions: Bool = false) {
        switch block {
        case .paragraph(let content), .heading(_, let content): lines.append(text(content))
        case .blockQuote(let blocks): for inner in blocks { collect(inner, into: &lines, captions: captions) }
        case .list(let list):
            for item in list.items { for inner in item.blocks { collect(inner, into: &lines, captions: captions) } }
        case .codeBlock(_, let code): lines.append(code)
        case .table(let table):
            for row in [table.header] + table.rows { lines.append(row.map(text).joined(separator: "\t")) }
        case .figure(let figure): if captions { lines.append(text(figure.caption)) }
        case .thematicBreak, .rawHTML: break
        }
    }

    private static func text(_ inlines: [Inline]) -> String {
        var out = ""
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .text(let s), .code(let s): out += s
                case .emphasis(let c), .strong(let c), .strikethrough(let c): walk(c)
                case .link(let link): walk(link.content)
                case .softBreak: out += " "
                case .hardBreak: out += "\n"
                case .image, .rawHTML: break
                }
            }
        }
        walk(inlines)
        return out
    }
}
