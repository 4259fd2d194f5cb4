extension Format {
    /// EPUB 3 e-books, one story or a whole edition.
    public static let epub = Format(
        name: "epub",
        aliases: ["epub3"],
        extensions: ["epub"],
        mediaType: "application/epub+zip",
        isBinary: true,
        summary: "EPUB 3.3 (with EPUB 2 NCX): one story or an edition of many",
        reader: EPUBReader(),
        writer: EPUBWriter(),
        sniff: { prefix in
            prefix.starts(with: [0x50, 0x4B, 0x03, 0x04])
                && Sniffing.containsCaseInsensitive(prefix.prefix(128), "application/epub+zip")
        }
    )
}
