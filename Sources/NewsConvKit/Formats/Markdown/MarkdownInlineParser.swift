/// Phase two of CommonMark parsing: the inline content of one paragraph, heading or table cell.
///
/// Follows cmark's `inlines.c`: one pass over the bytes makes a flat list of nodes, pushing
/// emphasis delimiter runs and link brackets on stacks; a closing bracket that makes a link
/// moves the nodes after its opener into the link, and "process emphasis" (with a lower bound
/// per delimiter kind, so it stays linear) nests runs of text into emphasis. Nodes live in one
/// array and link to each other by index; moving a run of siblings is O(1).
struct MarkdownInlineParser {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    enum Kind: UInt8 {
        case root, text, softBreak, hardBreak, code, html, emphasis, strong, strikethrough, link, image
    }

    struct Node {
        var kind: Kind
        /// For text, code and HTML: the range is in `extra`, not in the input.
        var inExtra = false
        var next: Int32 = -1
        var prev: Int32 = -1
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        /// Text range; for links and images, `start` indexes `links`.
        var start: Int32 = 0
        var end: Int32 = 0

        init(kind: Kind, start: Int32 = 0, end: Int32 = 0, inExtra: Bool = false) {
            self.kind = kind
            self.start = start
            self.end = end
            self.inExtra = inExtra
        }
    }

    struct Delimiter {
        var node: Int32
        var char: UInt8
        var canOpen: Bool
        var canClose: Bool
        /// Length of the whole run as written (for the "multiple of 3" rule).
        var length: Int32
        var prev: Int32
        var next: Int32
    }

    struct Bracket {
        var node: Int32
        /// Index just after the `[`.
        var position: Int
        var image: Bool
        var bracketAfter = false
        /// Delimiters from this index on come after the bracket.
        var delimiterBottom: Int32
    }

    let references: MarkdownReferences
    let extensions: MarkdownExtensions

    var nodes: [Node] = []
    var delimiters: [Delimiter] = []
    var lastDelimiter: Int32 = -1
    var brackets: [Bracket] = []
    /// Link openers below this index of `brackets` are inactive.
    var linkOpenersInactiveBelow = 0
    /// Decoded text (entities, normalised code) that is not a slice of the input.
    var extra: [UInt8] = []
    var links: [(destination: String, title: String?)] = []

    // Memory that keeps scans linear across one block.
    var backticks = [Int](repeating: -1, count: 1001)
    var touchedBackticks: [Int] = []
    var scannedForBackticks = false
    var noCommentEnd = false
    var noProcessingInstructionEnd = false
    var noCDATAEnd = false
    var noDeclarationEnd = false
    var noQuoteAfter = (Int.max, Int.max)

    var p: Bytes
    var end = 0
    var pos = 0

    /// Scratch for building text runs of the AST.
    var pending: [UInt8] = []
    /// Set when nesting deeper than the limit had to be kept as HTML.
    var nestingTruncated = false

    init(references: MarkdownReferences, extensions: MarkdownExtensions) {
        self.references = references
        self.extensions = extensions
        self.p = Bytes(start: nil, count: 0)
    }

    // MARK: Parsing

    /// Parses `input` (one block's text, trailing whitespace already removed); the result is
    /// the children of node 0.
    mutating func parse(_ input: Bytes) {
        p = input
        end = input.count
        pos = 0
        nodes.removeAll(keepingCapacity: true)
        delimiters.removeAll(keepingCapacity: true)
        brackets.removeAll(keepingCapacity: true)
        extra.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        lastDelimiter = -1
        linkOpenersInactiveBelow = 0
        for k in touchedBackticks { backticks[k] = -1 }
        touchedBackticks.removeAll(keepingCapacity: true)
        scannedForBackticks = false
        noCommentEnd = false
        noProcessingInstructionEnd = false
        noCDATAEnd = false
        noDeclarationEnd = false
        noQuoteAfter = (Int.max, Int.max)
        nodes.append(Node(kind: .root))

        while pos < end { parseOne() }
        processEmphasis(bottom: 0)
    }

    private static let special: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for c in "\n`\\&<*_[]!~w:".utf8 { table[Int(c)] = true }
        return table
    }()

    private mutating func parseOne() {
        let c = p[pos]
        switch c {
        case 10: handleNewline()
        case UInt8(ascii: "`"): handleBackticks()
        case UInt8(ascii: "\\"): handleBackslash()
        case UInt8(ascii: "&"): handleEntity()
        case UInt8(ascii: "<"): handlePointyBrace()
        case UInt8(ascii: "*"), UInt8(ascii: "_"): handleDelimiterRun(c)
        case UInt8(ascii: "~") where extensions.contains(.strikethrough): handleTildes()
        case UInt8(ascii: "["):
            pos += 1
            pushBracket(appendText(pos - 1, pos), image: false)
        case UInt8(ascii: "]"): handleCloseBracket()
        case UInt8(ascii: "!"):
            if pos + 1 < end && p[pos + 1] == UInt8(ascii: "[") {
                pos += 2
                pushBracket(appendText(pos - 2, pos), image: true)
            } else {
                pos += 1
                appendText(pos - 1, pos)
            }
        case UInt8(ascii: "w") where isWWWCandidate(pos):
            if !matchWWWAutolink() { textRun() }
        case UInt8(ascii: ":") where isURLCandidate(pos):
            if !matchURLAutolink() { textRun() }
        default:
            textRun()
        }
    }

    /// Plain text up to the next character that may mean something; text before a line
    /// ending loses its trailing spaces.
    private mutating func textRun() {
        let start = pos
        var n = pos + 1
        Self.special.withUnsafeBufferPointer { special in
            while n < end {
                let b = p[n]
                if special[Int(b)] {
                    if b == UInt8(ascii: "w") {
                        if isWWWCandidate(n) { break }
                    } else if b == UInt8(ascii: ":") {
                        if isURLCandidate(n) { break }
                    } else if b == UInt8(ascii: "~") {
                        if extensions.contains(.strikethrough) { break }
                    } else {
                        break
                    }
                }
                n += 1
            }
        }
        pos = n
        var e = n
        if n < end && p[n] == 10 {
            while e > start && MarkdownCharacters.isSpace(p[e - 1]) { e -= 1 }
        }
        appendText(start, e)
    }

    // MARK: Nodes

    /// Appends a node to the top-level list; returns its index.
    @discardableResult
    mutating func append(_ node: Node) -> Int32 {
        let index = Int32(nodes.count)
        var node = node
        let last = nodes[0].lastChild
        node.prev = last
        nodes.append(node)
        if last >= 0 { nodes[Int(last)].next = index } else { nodes[0].firstChild = index }
        nodes[0].lastChild = index
        return index
    }

    @discardableResult
    mutating func appendText(_ start: Int, _ end: Int) -> Int32 {
        append(Node(kind: .text, start: Int32(start), end: Int32(end)))
    }

    /// Appends a text node for `extra[start...]`.
    @discardableResult
    mutating func appendExtraText(from start: Int) -> Int32 {
        append(Node(kind: .text, start: Int32(start), end: Int32(extra.count), inExtra: true))
    }

    // MARK: Simple constructs

    private mutating func handleNewline() {
        let newline = pos
        pos += 1
        while pos < end && MarkdownCharacters.isSpaceOrTab(p[pos]) { pos += 1 }
        let hard = newline >= 2 && p[newline - 1] == 32 && p[newline - 2] == 32
        append(Node(kind: hard ? .hardBreak : .softBreak))
    }

    private mutating func handleBackslash() {
        pos += 1
        if pos < end && MarkdownCharacters.isASCIIPunctuation(p[pos]) {
            pos += 1
            appendText(pos - 1, pos)
        } else if pos < end && p[pos] == 10 {
            pos += 1
            append(Node(kind: .hardBreak))
        } else {
            appendText(pos - 1, pos)
        }
    }

    private mutating func handleEntity() {
        pos += 1
        let before = extra.count
        if let n = MarkdownLinkSyntax.decodeEntity(p, at: pos, end: end, into: &extra) {
            pos += n
            appendExtraText(from: before)
        } else {
            appendText(pos - 1, pos)
        }
    }

    private mutating func handleBackticks() {
        let start = pos
        while pos < end && p[pos] == UInt8(ascii: "`") { pos += 1 }
        let length = pos - start
        guard let closer = scanToClosingBackticks(length) else {
            pos = start + length
            appendText(start, pos)
            return
        }
        // Line endings become spaces; one space is stripped from each side when both sides
        // have one and the content is not all spaces.
        let before = extra.count
        var allSpace = true
        for i in (start + length)..<closer {
            let b = p[i]
            extra.append(b == 10 ? 32 : b)
            if b != 32 && b != 10 { allSpace = false }
        }
        var s = before, e = extra.count
        if !allSpace && e - s >= 2 && extra[s] == 32 && extra[e - 1] == 32 {
            s += 1
            e -= 1
        }
        append(Node(kind: .code, start: Int32(s), end: Int32(e), inExtra: true))
    }

    /// Finds the closing run of `length` backticks after `pos`; returns its start and moves
    /// `pos` after it. Remembers where runs of each length were seen, as cmark does, so that
    /// many unmatched runs stay linear.
    private mutating func scanToClosingBackticks(_ length: Int) -> Int? {
        if length >= backticks.count { return nil }
        if scannedForBackticks && backticks[length] < pos { return nil }
        var i = pos
        while true {
            while i < end && p[i] != UInt8(ascii: "`") { i += 1 }
            if i >= end { break }
            let runStart = i
            while i < end && p[i] == UInt8(ascii: "`") { i += 1 }
            let run = i - runStart
            if run < backticks.count {
                if backticks[run] < 0 { touchedBackticks.append(run) }
                backticks[run] = runStart
            }
            if run == length {
                pos = i
                return runStart
            }
        }
        scannedForBackticks = true
        return nil
    }
}
