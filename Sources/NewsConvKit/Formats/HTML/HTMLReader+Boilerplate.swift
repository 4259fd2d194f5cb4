// What is left of a page's furniture in the blocks of an extracted article, told by what the text
// is rather than by the markup: links to other stories, timestamps and bylines that the metadata
// already holds, labels of boxes that are gone.
extension HTMLReader {
    /// Drops the blocks of an extracted article that are not its story:
    ///
    /// - paragraphs and headings that are nearly all link text (80% or more), anywhere: "Read
    ///   more" lines, "follow us" links; before or after the running text, lists of links and
    ///   lists whose every item is a short line with a link (other stories, menus); tables of
    ///   contents (lists of links into the page); `Advertisement` labels;
    /// - the page's head left above the text: up to 60 words above the last timestamp or byline
    ///   line among the first four blocks, and that line (a kicker, a deck, which becomes the
    ///   subheadline when the metadata has none; not a deck that differs from the metadata's);
    /// - before the first and after the last paragraph of running text: lines that are only a
    ///   timestamp (`Published 10:48, Tue, Nov 19, 2019`) of a date the metadata has (or when it
    ///   has none), lines naming an author the metadata names (`By Jane Doe`, a short bio), and
    ///   copyright lines;
    /// - after the last paragraph of running text: labels (`Related stories`, `Loading…`);
    /// - a line repeating another block's text: a highlight above the text that the text says
    ///   again, a pull quote or heading cut from a paragraph;
    /// - a label (a heading, or a line of a few words that is not a sentence) whose block is gone.
    ///
    /// Pictures stay where they are; they are never running text nor furniture of this kind.
    static func dropBoilerplate(from body: inout [Block], metadata: inout Metadata) {
        guard !body.isEmpty else { return }
        let names = metadata.bylines.map { BlockText.words(of: $0.name) }.filter { !$0.isEmpty }
        // The metadata's dates as (year, day): a timestamp line showing another date stays.
        let dates = [metadata.published, metadata.modified, metadata.created].compactMap { $0?.datePart }.compactMap { date -> (Int, Int)? in
            let parts = date.split(separator: "-")
            guard parts.count == 3, let year = Int(parts[0]), let day = Int(parts[2]) else { return nil }
            return (year, day)
        }
        func isKnownTimestamp(_ text: BlockText) -> Bool { text.isTimestamp && (dates.isEmpty || text.shows(anyOf: dates)) }
        // A deck the metadata has, or none (the deck then becomes it): not one that disagrees.
        func isDroppableHead(_ index: Int) -> Bool {
            guard let deck = metadata.subheadline, texts[index].isRunningText else { return true }
            return texts[index].words == BlockText.words(of: deck)
        }
        let texts = body.map(BlockText.init)
        var keep = [Bool](repeating: true, count: body.count)
        var dropped = keep.map { !$0 }  // dropped as furniture (a label before one goes too)
        func drop(_ index: Int) {
            keep[index] = false
            dropped[index] = true
        }

        // Running text: where the story starts and ends.
        guard let first = texts.indices.first(where: { texts[$0].isRunningText }),
              let last = texts.indices.last(where: { texts[$0].isRunningText })
        else { return }
        let pageURL = metadata.url
        for index in body.indices where texts[index].isLinkList && (texts[index].isLine || index < first || index > last)
            || texts[index].isTeaserList && (index < first || index > last)
            || texts[index].isAdLabel || texts[index].isContentsList(pageURL: pageURL)
        {
            drop(index)
        }
        // The head of the page left above the text.
        let window = texts.indices.filter { keep[$0] && !texts[$0].isFigure }.prefix(4)
        if let end = window.last(where: { isKnownTimestamp(texts[$0]) || (texts[$0].words.count <= 12 && texts[$0].names(anyOf: names)) }) {
            let above = window.filter { $0 < end }
            if above.count <= 2, above.reduce(0, { $0 + texts[$1].words.count }) <= 60, above.allSatisfy(isDroppableHead) {
                for index in above {
                    if metadata.subheadline == nil, texts[index].isRunningText, case .paragraph(let content) = body[index] {
                        metadata.subheadline = content.plainText.collapsingWhitespace
                    }
                    keep[index] = false
                }
                drop(end)
            }
        }
        // Where the running text starts once the head is gone.
        let start = texts.indices.first(where: { keep[$0] && texts[$0].isRunningText }) ?? first
        for index in texts.indices where keep[index] && (index < start || index > last) {
            let text = texts[index]
            if isKnownTimestamp(text) || text.names(anyOf: names) || text.isCopyrightLine { drop(index) }
        }
        // Labels at the end, from the last block back.
        var index = texts.count - 1
        while index > last {
            if keep[index] && !texts[index].isFigure {
                guard texts[index].isLabel else { break }
                drop(index)
            }
            index -= 1
        }
        dropRepeatedLines(texts, first: first, keep: &keep)
        // Labels of what is gone, from the end back (a label over a label over a list).
        var next: Int?  // the nearest block with text after `index` (pictures skipped)
        for index in texts.indices.reversed() {
            if keep[index] && texts[index].isLabel, let next, !keep[next] && dropped[next] { drop(index) }
            if !texts[index].isFigure { next = index }
        }
        body = body.indices.filter { keep[$0] }.map { body[$0] }
    }

    /// Drops lines (of six words or more) that another block repeats: a highlight above the
    /// running text that the text says again, a quote or heading (of eight words or more) whose
    /// words a longer paragraph holds: a pull quote. (A paragraph inside another stays: pages
    /// repeat their own sentences, and test pages their lorem ipsum.)
    private static func dropRepeatedLines(_ texts: [BlockText], first: Int, keep: inout [Bool]) {
        // The same line above the running text and in it: the one above is a highlight. (Twice in
        // the text, it is the story's own repetition, and stays.)
        let heads = texts.indices.prefix(first).filter { keep[$0] && texts[$0].words.count >= 6 }
        if !heads.isEmpty {
            let below = Set(texts.indices.dropFirst(first).lazy.filter { texts[$0].words.count >= 6 }.map { texts[$0].words })
            for head in heads where below.contains(texts[head].words) { keep[head] = false }
        }
        // A quote or heading (of 8 to 60 words) that a longer paragraph holds word for word.
        // Paragraphs are found by their runs of eight words, so this stays linear in the text's length.
        let span = 8
        let candidates = texts.indices.filter {
            keep[$0] && (texts[$0].isQuote || texts[$0].isHeading) && (span...60).contains(texts[$0].words.count)
        }
        guard !candidates.isEmpty else { return }
        func key(_ hashes: ArraySlice<Int>) -> Int { hashes.reduce(0) { $0 &* 1_000_003 &+ $1 } }
        let needles = Dictionary(candidates.map { (key(texts[$0].words.prefix(span).map(\.hashValue)[...]), $0) },
                                 uniquingKeysWith: { first, _ in first })
        var found = Set<Int>()
        for (index, text) in texts.enumerated() where keep[index] && text.isLine && !text.isHeading && text.words.count > span {
            let hashes = text.words.map(\.hashValue)
            for start in 0...(text.words.count - span) {
                guard let candidate = needles[key(hashes[start..<(start + span)])], candidate != index, !found.contains(candidate) else { continue }
                let needle = texts[candidate].words
                if text.words.count > needle.count, start + needle.count <= text.words.count,
                   text.words[start..<(start + needle.count)].elementsEqual(needle)
                {
                    found.insert(candidate)
                }
            }
        }
        for index in found { keep[index] = false }
    }
}

/// The measures of one block of an extracted article that tell story text from furniture.
struct BlockText {
    /// The block's words (runs of letters and digits), lower case.
    let words: [String]
    /// How many UTF-8 bytes of the block's text are not ASCII white space, and how many of those are link text.
    let length: Int, linkLength: Int
    let isFigure: Bool
    let isHeading: Bool
    /// Paragraph-like (a paragraph or heading), as opposed to lists, quotes, tables and code.
    let isLine: Bool
    let isList: Bool
    let isQuote: Bool
    /// A list whose every item is short (25 words at most) and holds a link: other stories.
    private(set) var isTeaserList = false
    /// Addresses of the block's links.
    private(set) var destinations: [String] = []
    /// The text ends a sentence (`.`, `!`, `?`, `:`, `;`, or a closing quote after one; not an ellipsis).
    let endsSentence: Bool
    let text: String

    init(_ block: Block) {
        var text = "", linkLength = 0
        isFigure = { if case .figure = block { return true } else { return false } }()
        isHeading = { if case .heading = block { return true } else { return false } }()
        isList = { if case .list = block { return true } else { return false } }()
        isQuote = { if case .blockQuote = block { return true } else { return false } }()
        var destinations: [String] = []
        defer { self.destinations = destinations }
        switch block {
        case .paragraph(let content), .heading(_, let content):
            isLine = true
            Self.measure(content, into: &text, linkLength: &linkLength, destinations: &destinations, inLink: false)
        case .list(let list):
            isLine = false
            var teasers = !list.items.isEmpty
            for item in list.items {
                let before = linkLength, start = text.utf8.count
                defer {
                    if teasers && (linkLength == before || Self.words(of: String(decoding: text.utf8.dropFirst(start), as: UTF8.self)).count > 25) {
                        teasers = false
                    }
                }
                for inner in item.blocks {
                    switch inner {
                    case .paragraph(let content), .heading(_, let content):
                        Self.measure(content, into: &text, linkLength: &linkLength, destinations: &destinations, inLink: false)
                        text += " "
                    default:
                        text += inner.plainText + " "
                    }
                }
            }
            isTeaserList = teasers
        case .blockQuote, .codeBlock, .table, .figure, .thematicBreak, .rawHTML:
            isLine = false
            text = isFigure ? "" : block.plainText
        }
        self.text = text
        self.length = Self.visibleLength(text)
        self.linkLength = linkLength
        self.words = Self.words(of: text)
        self.endsSentence = Self.endsSentence(text)
    }

    private static func measure(_ inlines: [Inline], into text: inout String, linkLength: inout Int, destinations: inout [String],
                                inLink: Bool) {
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s):
                text += s
                if inLink { linkLength += visibleLength(s) }
            case .emphasis(let c), .strong(let c), .strikethrough(let c):
                measure(c, into: &text, linkLength: &linkLength, destinations: &destinations, inLink: inLink)
            case .link(let link):
                destinations.append(link.destination)
                measure(link.content, into: &text, linkLength: &linkLength, destinations: &destinations, inLink: true)
            case .image, .softBreak, .hardBreak:
                text += " "
            case .rawHTML:
                break
            }
        }
    }

    /// Nearly all link text (80% or more): a line or list of links to elsewhere.
    var isLinkList: Bool {
        (isLine || isList) && !words.isEmpty && Double(linkLength) >= 0.8 * Double(length)
    }

    private static func visibleLength(_ text: String) -> Int {
        text.utf8.reduce(0) { $0 + ($1 == 32 || $1 == 9 || $1 == 10 || $1 == 13 ? 0 : 1) }
    }

    /// A paragraph of the story's running text: a sentence of ten words or more, mostly not links.
    var isRunningText: Bool {
        !isFigure && !isHeading && words.count >= 10 && endsSentence && Double(linkLength) < 0.5 * Double(length)
    }

    /// A label: a heading, or a line of at most five words that is not a sentence.
    var isLabel: Bool {
        guard !words.isEmpty else { return false }
        if isHeading { return words.count <= 12 }
        return isLine && words.count <= 5 && !endsSentence
    }

    /// A table of contents: a list of links to places in the page itself (`#section-2`).
    func isContentsList(pageURL: String?) -> Bool {
        guard isList, isTeaserList, !destinations.isEmpty else { return false }
        return destinations.allSatisfy { destination in
            guard let hash = destination.firstIndex(of: "#") else { return false }
            let page = destination[..<hash]
            return page.isEmpty || page == pageURL.map { $0.split(separator: "#", maxSplits: 1).first.map(String.init) ?? $0 } ?? ""
        }
    }

    /// A line that is only an advertisement label or a loading indicator (`Advertisement`, `Anzeige`, `Loading…`).
    var isAdLabel: Bool {
        isLine && words.count <= 2 && ArticlePatterns.isAdOrLoadingText(text.trimmingJSWhitespace)
    }

    /// A short line with a copyright sign or the word: `Copyright © 2019 The Daily Planet.`
    var isCopyrightLine: Bool {
        isLine && words.count <= 20 && (text.unicodeScalars.contains("\u{A9}") || words.contains("copyright"))
    }

    /// A line that is a date and time and little else: `Published 10:48, Tue, Nov 19, 2019`,
    /// `sexta-feira, 22 de outubro de 2010 às 20:13`.
    var isTimestamp: Bool {
        guard isLine, length <= 100 else { return false }
        var numbers = 0, letterWords = 0, hasYear = false
        for word in words {
            if word.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
                numbers += 1
                if word.utf8.count == 4, let year = Int(word), (1900...2099).contains(year) { hasYear = true }
            } else {
                letterWords += 1
            }
        }
        let hasClock = Self.hasClockTime(text)
        return numbers >= 2 && letterWords <= 7 && (hasYear || hasClock)
    }

    /// Whether the line shows one of `dates` (year and day of the month; a day either side, for
    /// time zones): `Nov 19, 2019` shows 2019-11-19 and 2019-11-20, `November 20th, 2019` 2019-11-20.
    func shows(anyOf dates: [(year: Int, day: Int)]) -> Bool {
        // Numbers, and the numbers that start words (`20th`, `1er`).
        let numbers = Set(words.compactMap { word in Int(String(word.prefix { $0.isASCII && $0.isNumber })) })
        return dates.contains { numbers.contains($0.year) && (numbers.contains($0.day) || numbers.contains($0.day - 1) || numbers.contains($0.day + 1)) }
    }

    /// Whether the block is short (thirty words at most) and names one of `names` (each a list of
    /// words): a byline, `By Jane Doe and John Roe`, or an author's short bio.
    func names(anyOf names: [[String]]) -> Bool {
        guard isLine, words.count <= 30, !names.isEmpty else { return false }
        for name in names where name.count <= words.count {
            for start in 0...(words.count - name.count) where words[start..<(start + name.count)].elementsEqual(name) {
                return true
            }
        }
        return false
    }

    /// `h:mm` or `hh:mm` somewhere in `text`.
    private static func hasClockTime(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] == UInt8(ascii: ":") && i > 0 && i + 2 < bytes.count {
            func digit(_ j: Int) -> Bool { bytes[j] >= 48 && bytes[j] <= 57 }
            if digit(i - 1) && digit(i + 1) && digit(i + 2) && (i + 3 == bytes.count || !digit(i + 3)) { return true }
        }
        return false
    }

    private static func endsSentence(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.reversed().drop { $0.properties.isWhitespace }
        let closing: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{BB}", ")", "]", "*"]
        while let last = scalars.first, closing.contains(last) { scalars = scalars.dropFirst() }
        guard let last = scalars.first else { return false }
        let enders: Set<Unicode.Scalar> = [".", "!", "?", ":", "\u{3002}", "\u{FF01}", "\u{FF1F}", "\u{061F}", "\u{0964}", ";"]
        // An ellipsis (`Loading...`, `Read more…`) trails off; it does not end a sentence.
        if last == "." && scalars.dropFirst().first == "." { return false }
        return enders.contains(last)
    }

    /// The words of `text`: runs of letters and digits, lower case. (ASCII is read byte by byte;
    /// other characters by their Unicode properties.)
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = -1, isASCII = true, i = 0
            func flush(_ end: Int) {
                guard start >= 0 else { return }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if isASCII {
                    words.append(String(unsafeUninitializedCapacity: word.count) { buffer in
                        for (j, byte) in word.enumerated() { buffer[j] = byte >= 65 && byte <= 90 ? byte + 32 : byte }
                        return word.count
                    })
                } else {
                    words.append(String(decoding: word, as: UTF8.self).lowercased())
                }
                start = -1
                isASCII = true
            }
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    let letter = byte | 0x20
                    if (byte >= 48 && byte <= 57) || (letter >= 97 && letter <= 122) {
                        if start < 0 { start = i }
                    } else {
                        flush(i)
                    }
                    i += 1
                    continue
                }
                // A scalar of 2, 3 or 4 bytes (the string is valid UTF-8).
                let count = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (count == 2 ? 0x1F : count == 3 ? 0x0F : 0x07)
                for k in 1..<count where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    if start < 0 { start = i }
                    isASCII = false
                } else {
                    flush(i)
                }
                i += count
            }
            flush(bytes.count)
        }
        return words
    }
}
