extension Format {
    /// Plain-text wire copy, as agencies send it.
    public static let plainText = Format(
        name: "text",
        aliases: ["txt", "plain", "plaintext", "wire"],
        extensions: ["txt", "text"],
        mediaType: "text/plain",
        summary: "plain-text wire stories (AP, Reuters, AFP, dpa styles): headline, byline, dateline, trailers",
        reader: PlainTextReader(),
        writer: PlainTextWriter(),
        sniff: { prefix in Sniffing.looksLikeText(prefix) }
    )
}
