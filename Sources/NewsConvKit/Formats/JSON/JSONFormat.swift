extension Format {
    /// The shared AST as JSON: exact, stable, for scripts and debugging.
    public static let json = Format(
        name: "json",
        aliases: ["ast"],
        extensions: ["json"],
        mediaType: "application/json",
        summary: "the newsconv AST as JSON (exact round trip; shape documented in README)",
        reader: JSONReader(),
        writer: JSONWriter(),
        sniff: { prefix in Sniffing.trimmedStart(prefix).first == UInt8(ascii: "{") }
    )
}
