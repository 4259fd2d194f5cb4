/// The headline hidden in a page's `<title>`: without the site name after a separator
/// (`Port strike halts traffic | The Daily`), or the one `<h1>` when the title is too short or
/// too long to be a headline. Readability's `_getArticleTitle`.
enum ArticleTitle {
    private static let separators: Set<Unicode.Scalar> = ["|", "-", "\u{2013}", "\u{2014}", "\\", "/", ">", "\u{00BB}"]
    private static let hierarchicalSeparators: Set<Unicode.Scalar> = ["\\", "/", ">", "\u{00BB}"]

    /// The headline from `title` (the page's `document.title`) and the page's headings.
    static func fromDocument(_ dom: HTMLDOM, title: String) -> String {
        let original = Array(title.trimmingJSWhitespace.unicodeScalars)
        var current = original
        var hadHierarchicalSeparators = false

        let separatorMatches = matches(in: original, of: separators)
        if !separatorMatches.isEmpty {
            hadHierarchicalSeparators = !matches(in: original, of: hierarchicalSeparators).isEmpty
            current = Array(original[..<separatorMatches[separatorMatches.count - 1]])
            if wordCount(current) < 3 {
                // Too short: drop the first part instead (up to the first separator).
                if let first = original.firstIndex(where: separators.contains) {
                    current = Array(original[(first + 1)...])
                }
            }
        } else if hasColonSpace(original) {
            let trimmed = string(original).trimmingJSWhitespace
            let headings = dom.descendants(of: dom.document, named: "h1", "h2")
            let headingMatches = headings.contains { dom.textContent($0).trimmingJSWhitespace == trimmed }
            if !headingMatches, let last = original.lastIndex(of: ":"), let first = original.firstIndex(of: ":") {
                current = Array(original[(last + 1)...])
                if wordCount(current) < 3 {
                    current = Array(original[(first + 1)...])
                } else if wordCount(Array(original[..<first])) > 5 {
                    current = original
                }
            }
        } else if original.count > 150 || original.count < 15 {
            let h1s = dom.descendants(of: dom.document, named: "h1")
            if h1s.count == 1 { current = Array(dom.innerText(h1s[0]).unicodeScalars) }
        }

        var result = string(current).trimmingJSWhitespace.collapsingJSWhitespaceRuns
        let count = wordCount(Array(result.unicodeScalars))
        if count <= 4 {
            // Without separators the words removed would be the original minus one.
            var withoutSeparators = original
            for index in separatorMatches.reversed() { withoutSeparators.replaceSubrange(index..<(index + 3), with: [" "]) }
            if !hadHierarchicalSeparators || count != wordCount(withoutSeparators) - 1 {
                result = string(original)
            }
        }
        return result
    }

    /// True when `text` starts with `whitespace separator whitespace` (` | The Gazette`).
    static func startsWithSeparator(_ text: Substring) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(3))
        return scalars.count == 3 && JSWhitespace.contains(scalars[0]) && separators.contains(scalars[1]) && JSWhitespace.contains(scalars[2])
    }

    /// Start offsets of `whitespace separator whitespace`, left to right, not overlapping.
    private static func matches(in scalars: [Unicode.Scalar], of set: Set<Unicode.Scalar>) -> [Int] {
        var result: [Int] = []
        var i = 0
        while i + 2 < scalars.count {
            if JSWhitespace.contains(scalars[i]) && set.contains(scalars[i + 1]) && JSWhitespace.contains(scalars[i + 2]) {
                result.append(i)
                i += 3
            } else {
                i += 1
            }
        }
        return result
    }

    private static func hasColonSpace(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 2 else { return false }
        return (0..<(scalars.count - 1)).contains { scalars[$0] == ":" && scalars[$0 + 1] == " " }
    }

    /// JavaScript's `text.split(/\s+/).length`: one more than the number of whitespace runs.
    private static func wordCount(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 1
        var inRun = false
        for scalar in scalars {
            if JSWhitespace.contains(scalar) {
                if !inRun { count += 1 }
                inRun = true
            } else {
                inRun = false
            }
        }
        return count
    }

    private static func string(_ scalars: [Unicode.Scalar]) -> String {
        String(String.UnicodeScalarView(scalars))
    }
}
