extension Format {
    /// CommonMark with GitHub extensions and YAML front matter; `-f commonmark` reads strict
    /// CommonMark (no tables, strikethrough, task lists or extended autolinks).
    public static let markdown: Format = {
        var format = Format(
            name: "markdown",
            aliases: ["md", "commonmark", "gfm"],
            extensions: ["md", "markdown", "mdown", "mkd", "mkdn"],
            mediaType: "text/markdown",
            summary: "CommonMark 0.31.2 with GFM tables, strikethrough, autolinks, task lists; YAML front matter",
            reader: MarkdownReader(),
            writer: MarkdownWriter(),
            sniff: { prefix in
                let s = Sniffing.trimmedStart(prefix)
                return s.starts(with: Array("---\n".utf8)) || s.starts(with: Array("---\r\n".utf8))
                    || s.starts(with: Array("# ".utf8)) || s.starts(with: Array("## ".utf8))
            }
        )
        format.aliasReadSettings = ["commonmark": ["markdown.extensions": "commonmark"]]
        return format
    }()
}
