// EmbedResourcesTool: turns data files into Swift source at build time, for the EmbedResources
// build-tool plugin (Plugins/EmbedResources). The built-in themes (Themes/<name>/) and the IPTC
// NewsML-G2 schema are compiled into NewsConvKit this way, so an installed newsconv needs no files
// beside it and the data files stay the one source of truth: nothing generated is committed.
//
//   EmbedResourcesTool themes THEMES_DIR OUTPUT.swift
//   EmbedResourcesTool schema POWER.xsd XML.xsd OUTPUT.swift
//
// Each file becomes a raw string literal holding exactly its bytes (the files must be UTF-8).
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-resources: \(message)\n".utf8))
    exit(1)
}

func read(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8") }
    return text
}

/// `text` as a raw multi-line Swift string literal with exactly its characters: the shortest
/// run of `#` that cannot end the literal early or start an interpolation inside it.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    // A multi-line literal drops the line break before its closing delimiter: add one.
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

func write(_ source: String, to path: String) {
    // Leave an unchanged file alone, so the compiler has nothing to redo.
    if FileManager.default.contents(atPath: path) == Data(source.utf8) { return }
    do { try Data(source.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
        fail("cannot write \(path): \(error)")
    }
}

func sortedEntries(_ directory: String) -> [String] {
    do { return try FileManager.default.contentsOfDirectory(atPath: directory).sorted() } catch {
        fail("cannot list \(directory): \(error)")
    }
}

/// Every folder of `themesDirectory` with a `page.mustache` is a theme: its page template,
/// `style.css`, `epub.css` and other `*.mustache` files as partials.
func embedThemes(_ themesDirectory: String, into output: String) {
    var source = """
        // Generated at build time by the EmbedResources plugin from Themes/. Do not edit.

        extension Theme {
            /// The themes of the `Themes/` folder, compiled in.
            static let embedded: [Theme] = [

        """
    for name in sortedEntries(themesDirectory) {
        let folder = themesDirectory + "/" + name
        guard FileManager.default.fileExists(atPath: folder + "/page.mustache") else { continue }
        for required in ["style.css", "epub.css"] where !FileManager.default.fileExists(atPath: folder + "/" + required) {
            fail("theme \(name) lacks \(required)")
        }
        let partials = sortedEntries(folder).filter { $0.hasSuffix(".mustache") && $0 != "page.mustache" }
        source += "        Theme(\n"
        source += "            name: \"\(name)\",\n"
        source += "            pageTemplate: \(literal(read(folder + "/page.mustache"))),\n"
        source += "            stylesheet: \(literal(read(folder + "/style.css"))),\n"
        source += "            epubStylesheet: \(literal(read(folder + "/epub.css"))),\n"
        source += "            partials: [\n"
        for partial in partials {
            source += "                \"\(partial.dropLast(".mustache".count))\": \(literal(read(folder + "/" + partial))),\n"
        }
        if partials.isEmpty { source += "                :\n" }
        source += "            ]\n        ),\n"
    }
    source += "    ]\n}\n"
    write(source, to: output)
}

/// The NewsML-G2 Power schema and the XML namespace schema it imports, byte for byte.
func embedSchema(power: String, xmlNamespace: String, into output: String) {
    let source = """
        // Generated at build time by the EmbedResources plugin from the IPTC schema files in
        // Sources/NewsConvKit/Formats/NewsMLG2/Schema/ (licences in LICENSE-IPTC.txt). Do not edit.

        extension NewsMLSchema {
            /// The IPTC NewsML-G2 2.35 Power XML Schema (NewsML-G2_2.35-spec-All-Power.xsd), byte for byte.
            static let powerXSD: String = \(literal(read(power)))

            /// The W3C schema for the XML namespace (xml.xsd), which the NewsML-G2 schema imports.
            static let xmlNamespaceXSD: String = \(literal(read(xmlNamespace)))
        }

        """
    write(source, to: output)
}

let arguments = CommandLine.arguments.dropFirst()
switch (arguments.first, arguments.count) {
case ("themes", 3):
    embedThemes(arguments[arguments.startIndex + 1], into: arguments[arguments.startIndex + 2])
case ("schema", 4):
    let a = Array(arguments)
    embedSchema(power: a[1], xmlNamespace: a[2], into: a[3])
default:
    fail("usage: embed-resources themes THEMES_DIR OUT.swift | schema POWER.xsd XML.xsd OUT.swift")
}
