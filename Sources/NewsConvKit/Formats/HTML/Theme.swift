/// A look for HTML pages and EPUB books: a page template (Mustache), a screen stylesheet and an
/// EPUB stylesheet, plus optional partial templates.
///
/// A theme is a folder (`Themes/<name>/`) with `page.mustache`, `style.css`, `epub.css` and any
/// `*.mustache` partials. The built-in themes are compiled into the binary, so an installed
/// `newsconv` works with no files around it; `--theme DIR` loads a folder instead.
public struct Theme: Sendable, Hashable {
    /// The theme's name (`default`).
    public var name: String
    /// The Mustache template of a standalone HTML page.
    public var pageTemplate: String
    /// The stylesheet of HTML pages.
    public var stylesheet: String
    /// The stylesheet of EPUB content documents.
    public var epubStylesheet: String
    /// Partial templates by name (file name without `.mustache`).
    public var partials: [String: String]

    /// Creates a theme.
    public init(name: String, pageTemplate: String, stylesheet: String, epubStylesheet: String, partials: [String: String] = [:]) {
        self.name = name
        self.pageTemplate = pageTemplate
        self.stylesheet = stylesheet
        self.epubStylesheet = epubStylesheet
        self.partials = partials
    }

    /// The built-in themes: `default` (a wire-desk page), `broadsheet` (a serif newspaper page)
    /// and `midnight` (a dark page for phones), compiled from the `Themes/` folder.
    public static let builtIn: [Theme] = embedded.isEmpty ? [minimal] : embedded

    /// The theme used when none is named: the built-in `default`.
    public static let defaultTheme: Theme = builtIn.first { $0.name == "default" } ?? minimal

    /// A bare page, used only if the compiled-in themes were missing.
    private static let minimal = Theme(
        name: "default",
        pageTemplate: "<!DOCTYPE html>\n<html lang=\"{{{lang}}}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{{{title}}}</title>\n{{{metaTags}}}\n<style>\n{{{stylesheet}}}\n</style>\n{{{jsonLD}}}\n</head>\n<body>\n{{#stories}}\n<article>\n<h1>{{{headline}}}</h1>\n{{{body}}}\n</article>\n{{/stories}}\n</body>\n</html>\n",
        stylesheet: "body { max-width: 40em; margin: 0 auto; padding: 1em; font-family: sans-serif; line-height: 1.5; }\n",
        epubStylesheet: "body { font-family: serif; line-height: 1.4; }\n"
    )

    /// Finds a theme: nil or a built-in name gives that theme; anything else is read as a theme
    /// directory through `resources`. Throws a usage error naming the built-in themes otherwise.
    public static func resolve(_ reference: String?, resources: any Resources) throws -> Theme {
        guard let reference else { return .defaultTheme }
        if let theme = builtIn.first(where: { $0.name == reference }) { return theme }
        guard let entries = resources.directoryEntries(at: reference) else {
            let names = builtIn.map(\.name).joined(separator: ", ")
            throw NewsConvError(.usage, "no theme \"\(reference)\": not a built-in theme (\(names)) nor a theme directory")
        }
        func file(_ name: String) throws -> String? {
            guard entries.contains(name) else { return nil }
            return TextDecoding.decode(try resources.contents(of: reference + "/" + name)).text
        }
        var partials: [String: String] = [:]
        for entry in entries where entry.hasSuffix(".mustache") && entry != "page.mustache" {
            partials[String(entry.dropLast(".mustache".count))] = try file(entry)
        }
        let base = Theme.defaultTheme
        return Theme(
            name: reference.split(separator: "/").last.map(String.init) ?? reference,
            pageTemplate: try file("page.mustache") ?? base.pageTemplate,
            stylesheet: try file("style.css") ?? base.stylesheet,
            epubStylesheet: try file("epub.css") ?? base.epubStylesheet,
            partials: partials)
    }
}
