extension FormatRegistry {
    /// newsconv's own formats, in the order their sniffers are tried (most specific first).
    /// Adding a format is one line here plus the format's own folder under `Formats/`.
    public static let builtIn = FormatRegistry(formats: [
        .epub,
        .json,
        .newsML,
        .html,
        .markdown,
        .plainText,
    ])
}
