extension Format {
    /// CommonMark with GitHub extensions and YAML front matter.
    public static let markdown = Format(
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
}
