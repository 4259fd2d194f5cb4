/// The cells of a GFM table, as ranges of the parser's content buffer.
struct MarkdownTableCells {
    var alignments: [TableAlignment]
    var header: [Range<Int>]
    var rows: [[Range<Int>]] = []
}
