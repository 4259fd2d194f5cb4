/// One node of the block tree the Markdown block parser builds before inline parsing.
///
/// Nodes live in one array and point to each other by index (-1 for none), so the tree can be
/// built and walked without recursion. Leaf text lives in the parser's content buffer.
struct MarkdownBlockNode {
    enum Kind: UInt8 {
        case document, blockQuote, list, item, paragraph, heading, thematicBreak, codeBlock, htmlBlock, table
    }

    /// Bullet or ordered list marker data, on lists and their items.
    struct ListData {
        var ordered = false
        /// `-`, `+` or `*` for bullets; `.` or `)` for ordered lists.
        var marker: UInt8 = 0
        var start = 1
        /// Columns before the marker.
        var markerOffset = 0
        /// Columns from the marker to the item's content.
        var padding = 0
        var tight = false

        func continues(_ other: ListData) -> Bool { ordered == other.ordered && marker == other.marker }
    }

    var kind: Kind
    var parent: Int32
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var next: Int32 = -1
    var prev: Int32 = -1
    var isOpen = true
    var lastLineBlank = false
    var startLine: Int32
    /// Leaf text in the parser's content buffer.
    var contentStart: Int
    var contentEnd: Int
    /// Heading level; HTML block type.
    var level: UInt8 = 0
    var setext = false
    var fenced = false
    var fenceChar: UInt8 = 0
    var fenceLength = 0
    var fenceOffset = 0
    /// A fenced code block's info string, in the content buffer.
    var infoStart = 0
    var infoEnd = 0
    var list = ListData()
    /// Task list state of an item: -1 none, 0 open, 1 done.
    var checked: Int8 = -1
    /// Index of a table's cells in the parser's table list.
    var table: Int32 = -1

    init(kind: Kind, parent: Int32, startLine: Int32, content: Int) {
        self.kind = kind
        self.parent = parent
        self.startLine = startLine
        self.contentStart = content
        self.contentEnd = content
    }

    /// True for blocks that take the text of their lines.
    var acceptsLines: Bool { kind == .paragraph || kind == .heading || kind == .codeBlock }

    /// True when a block of this kind may hold a block of `child` kind.
    func canContain(_ child: Kind) -> Bool {
        switch kind {
        case .document, .blockQuote, .item: return child != .item
        case .list: return child == .item
        default: return false
        }
    }
}
