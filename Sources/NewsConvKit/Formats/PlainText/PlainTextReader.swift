/// Reads plain-text wire copy as agencies send it (AP, Reuters, AFP, dpa and others).
///
/// Recognises, in order: an optional slugline; the headline (with `UPDATE 2-`-style prefixes);
/// byline lines; a dateline opening the first paragraph (`ROTTERDAM, Nov 24 (Reuters) -`);
/// paragraphs separated by blank lines or by indentation, with hard-wrapped lines joined;
/// AFP-style subheads (`- Subhead -`); bulleted lists; `___` separators; photo captions with
/// credits; and the trailers: closing credits, copyright line, sign-offs and desk codes.
/// Every recognised part lands in its metadata field or block; the rest is body text.
public struct PlainTextReader: DocumentReader {
    /// Creates the reader.
    public init() {}

    public func read(_ input: [UInt8], context: ReadContext) throws -> Document {
        try checkIsText(input)
        let text = TextDecoding.decode(input).text
        let units = Self.units(of: text)
        guard !units.isEmpty else { throw NewsConvError.badInput("empty input; expected a story") }
        // Several stories in one file are separated by a line of `=` (as the writer writes them).
        var groups: [[Unit]] = [[]]
        for unit in units {
            if unit.lines.count == 1, Self.isStorySeparator(unit.lines[0]) {
                if !groups[groups.count - 1].isEmpty { groups.append([]) }
            } else {
                groups[groups.count - 1].append(unit)
            }
        }
        let stories = groups.filter { !$0.isEmpty }.map { Self.story(from: $0) }
        guard !stories.isEmpty else { throw NewsConvError.badInput("no story text, only separators") }
        return Document(stories: stories)
    }

    /// Rejects binary data: NUL bytes or many control characters.
    private func checkIsText(_ input: [UInt8]) throws {
        var controls = 0
        for (offset, b) in input.prefix(65_536).enumerated() {
            if b == 0 {
                let line = input.prefix(offset).reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
                throw NewsConvError.badInput("binary data (a NUL byte), not a text story", line: line)
            }
            if b < 32 && b != 9 && b != 10 && b != 13 && b != 12 { controls += 1 }
        }
        if controls > 16 && controls * 20 > min(input.count, 65_536) {
            throw NewsConvError.badInput("binary data (control characters), not a text story")
        }
    }

    /// A line of at least ten `=`: the separator between stories.
    static func isStorySeparator(_ line: String) -> Bool {
        line.utf8.count >= 10 && line.utf8.allSatisfy { $0 == UInt8(ascii: "=") }
    }

    /// A block of text: its lines without surrounding whitespace.
    struct Unit {
        let lines: [String]
        /// The lines joined by spaces (read many times while the story is put together).
        let joined: String

        init(lines: [String]) {
            self.lines = lines
            joined = lines.joined(separator: " ")
        }
    }

    /// Splits text into units: runs of lines separated by blank lines, or started by an indented
    /// line (after the story's common indentation is removed).
    static func units(of text: String) -> [Unit] {
        var rawLines: [(indent: Int, text: String)] = []
        var common = Int.max
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var indent = 0
            var start = line.startIndex
            while start < line.endIndex {
                let c = line[start]
                if c == " " { indent += 1 } else if c == "\t" { indent += 4 } else if c == "\u{0C}" || c == "\u{A0}" { indent += 1 } else { break }
                start = line.index(after: start)
            }
            let content = String(line[start...]).trimmingWhitespace
            rawLines.append((indent, content))
            if !content.isEmpty { common = min(common, indent) }
        }
        var units: [Unit] = []
        var current: [String] = []
        // What the current unit's first line is: a list item, a subhead.
        var currentIsList = false, currentStartsWithSubhead = false
        for (indent, content) in rawLines {
            if content.isEmpty {
                if !current.isEmpty { units.append(Unit(lines: current)); current = [] }
                continue
            }
            let isSubhead = WireText.subhead(content) != nil
            let isItem = !isSubhead && WireText.listItem(content) != nil
            let currentIsSubhead = current.count == 1 && currentStartsWithSubhead
            if !current.isEmpty && (indent > common || isSubhead || currentIsSubhead || (isItem && !currentIsList)) {
                units.append(Unit(lines: current))
                current = []
            }
            if current.isEmpty { (currentIsList, currentStartsWithSubhead) = (isItem, isSubhead) }
            current.append(content)
        }
        if !current.isEmpty { units.append(Unit(lines: current)) }
        return units
    }

    static func story(from allUnits: [Unit]) -> Story {
        var m = Metadata()
        var units = allUnits[...]

        // Trailers, from the end: sign-offs, copyright, closing credits.
        var signoffs: [String] = []
        trailers: while let last = units.last {
            let text = last.joined
            if last.lines.count == 1, WireText.isSignoff(text), units.count > 1 {
                signoffs.insert(text, at: 0)
            } else if m.copyrightNotice == nil, let (notice, holder) = WireText.copyright(text) {
                m.copyrightNotice = notice
                m.copyrightHolder = holder
            } else if m.contributors.isEmpty, let contributors = WireText.contributors(text) {
                m.contributors = contributors
            } else {
                break trailers
            }
            units = units.dropLast()
        }
        if !signoffs.isEmpty { m.signoff = signoffs.joined(separator: "\n") }

        // Head: slugline, headline, deck, bylines, until the dateline or the first paragraph.
        if let first = units.first, units.count > 1, let slug = first.lines.first, WireText.isSlugline(slug),
           WireText.splitDateline(slug) == nil {
            if first.lines.count == 1 {
                m.slugline = slug
                units = units.dropFirst()
            } else if WireText.isClearSlugline(slug), first.lines[1].first.map({ $0.isUppercase || $0.isNumber }) == true {
                // The slug right above the headline, with no blank line between them.
                let headline = Unit(lines: Array(first.lines.dropFirst()))
                if isHeadline(headline) {
                    m.slugline = slug
                    units[units.startIndex] = headline
                }
            }
        }
        if let first = units.first, isHeadline(first), units.count > 1 {
            let (prefix, headline) = WireText.splitHeadlinePrefix(first.joined)
            m.headline = headline
            if let prefix {
                m.extra["headline-prefix"] = prefix
                m.version = WireText.version(fromPrefix: prefix)
            }
            units = units.dropFirst()
        }
        var bodyStart = units.startIndex
        var index = units.startIndex
        while index < units.endIndex, index - units.startIndex < 4 {
            let unit = units[index]
            if let bylines = WireText.bylines(unit.lines) {
                m.bylines += bylines
                index += 1
                bodyStart = index
                continue
            }
            if WireText.splitDateline(unit.joined) != nil { break }
            // A deck: one short line between headline and byline or dateline.
            if m.headline != nil, m.subheadline == nil, m.bylines.isEmpty, isHeadline(unit), index + 1 < units.endIndex,
               WireText.bylines(units[index + 1].lines) != nil || WireText.splitDateline(units[index + 1].joined) != nil {
                m.subheadline = unit.joined
                index += 1
                bodyStart = index
                continue
            }
            break
        }
        units = units[bodyStart...]

        // Body.
        var body: [Block] = []
        var sawDateline = false
        var i = units.startIndex
        while i < units.endIndex {
            let unit = units[i]
            i += 1
            let text = unit.joined
            if !sawDateline && body.isEmpty, let (dateline, rest) = WireText.splitDateline(text) {
                sawDateline = true
                m.dateline = dateline
                if !rest.isEmpty { body.append(.paragraph([.text(rest)])) }
                continue
            }
            if unit.lines.count == 1, let subhead = WireText.subhead(text) {
                body.append(.heading(level: 2, content: [.text(subhead)]))
            } else if unit.lines.count == 1, text.utf8.count <= 400, text.count >= 3, text.allSatisfy({ $0 == "_" }) || text.allSatisfy({ $0 == "-" }) && text.count >= 3 || text == "* * *" {
                body.append(.thematicBreak)
            } else if let list = listBlock(unit) {
                body.append(.list(list))
            } else if let figure = WireText.caption(text) {
                body.append(.figure(figure))
            } else if unit.lines.allSatisfy({ $0.hasPrefix(">") }) {
                let quoted = unit.lines.map { String($0.dropFirst()).trimmingWhitespace }.joined(separator: " ")
                body.append(.blockQuote([.paragraph([.text(quoted)])]))
            } else {
                body.append(.paragraph([.text(text)]))
            }
        }
        return Story(metadata: m, body: body)
    }

    /// A headline: one unit of at most three short lines, not a full sentence paragraph.
    private static func isHeadline(_ unit: Unit) -> Bool {
        let text = unit.joined
        return unit.lines.count <= 3 && text.utf8.count <= 800 && text.count <= 200 && WireText.splitDateline(text) == nil
            && WireText.bylines(unit.lines) == nil && WireText.listItem(text) == nil
    }

    private static func listBlock(_ unit: Unit) -> ListBlock? {
        // Each item's lines, joined once at the end (joining line by line is quadratic).
        var itemLines: [[String]] = []
        var start: Int?
        for (n, line) in unit.lines.enumerated() {
            guard let (ordered, text) = WireText.listItem(line) else {
                // A continuation of the previous item.
                guard n > 0, !itemLines.isEmpty else { return nil }
                itemLines[itemLines.count - 1].append(line)
                continue
            }
            if n == 0 { start = ordered } else if (ordered == nil) != (start == nil) { return nil }
            itemLines.append([text])
        }
        guard !itemLines.isEmpty else { return nil }
        let items = itemLines.map { ListItem(blocks: [.paragraph([.text($0.joined(separator: " "))])]) }
        return ListBlock(kind: start.map { .ordered(start: $0, delimiter: ".") } ?? .bullet(marker: "-"), isTight: true, items: items)
    }
}
