import Mustache
import Synchronization

/// Writes HTML5: a complete page from a theme (standalone, the default) or the story bodies alone
/// (`--fragment`).
///
/// A page marks its stories up the way news sites do: each story an `<article>` with a `<header>`
/// (headline as `<h1>`, deck, byline with `rel=author`, `<time datetime>`), the dateline leading
/// the first paragraph, a hero `<figure>` with caption and credit, and a copyright footer; the
/// `<head>` carries `lang`, Open Graph tags and a schema.org `NewsArticle` JSON-LD block. The
/// look comes from a ``Theme``: a Mustache page template whose variables are already
/// HTML-escaped (so templates use `{{{name}}}`), plus its stylesheet.
public struct HTMLWriter: DocumentWriter {
    /// Creates the writer.
    public init() {}

    public func write(_ document: Document, context: WriteContext) throws -> [UInt8] {
        guard context.options.standalone else { return fragment(document) }
        let theme = try Theme.resolve(context.options.theme, resources: context.resources)
        let model = HTMLPageModel(document: document, options: context.options)
        let library = try Self.templates(of: theme)
        var values = model.values
        values["stylesheet"] = Self.styleElementText(theme.stylesheet)
        guard let page = library.render(values, withTemplate: "page") else {
            throw NewsConvError(.software, "theme \"\(theme.name)\": no page template")
        }
        return Array(page.utf8)
    }

    /// The parsed templates of the themes used so far in this process, so that a batch run
    /// (`--output-dir`, or a library user writing many pages) parses a theme once.
    private static let parsedThemes = Mutex<[Theme: MustacheLibrary]>([:])

    /// A theme's page template and partials (the default theme's partials, overridden by the
    /// theme's own), parsed.
    static func templates(of theme: Theme) throws -> MustacheLibrary {
        if let library = parsedThemes.withLock({ $0[theme] }) { return library }
        var library = MustacheLibrary()
        do {
            for (name, text) in Theme.defaultTheme.partials.merging(theme.partials, uniquingKeysWith: { $1 }) {
                try library.register(text, named: name)
            }
            try library.register(theme.pageTemplate, named: "page")
        } catch {
            throw NewsConvError(.usage, "theme \"\(theme.name)\": the templates do not parse: \(error)")
        }
        parsedThemes.withLock { themes in
            if themes.count >= 16 { themes.removeAll() }  // a bound for long-lived library users
            themes[theme] = library
        }
        return library
    }

    /// The bodies alone: one story's blocks, or each story in an `<article>`.
    func fragment(_ document: Document) -> [UInt8] {
        var out: [UInt8] = []
        let renderer = HTMLBodyRenderer()
        if document.stories.count == 1 {
            renderer.render(document.stories[0].body, into: &out)
        } else {
            for story in document.stories {
                out += Array("<article>\n".utf8)
                renderer.render(story.body, into: &out)
                out += Array("</article>\n".utf8)
            }
        }
        return out
    }

    /// Stylesheet text made safe to put inside `<style>`: `</` cannot close the element
    /// (`<\/` means the same in CSS).
    static func styleElementText(_ css: String) -> String {
        css.contains("</") ? css.split(separator: "</", omittingEmptySubsequences: false).joined(separator: "<\\/") : css
    }
}
