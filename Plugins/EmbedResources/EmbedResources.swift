import Foundation
import PackagePlugin

/// Compiles the built-in themes (`Themes/<name>/`) and the IPTC NewsML-G2 schema
/// (`Formats/NewsMLG2/Schema/*.xsd`) into NewsConvKit at build time, through the
/// `EmbedResources` tool. The files themselves are the one source of truth: a changed theme
/// file is picked up by the next build, and no generated Swift is committed.
@main
struct EmbedResources: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard target is SourceModuleTarget else { return [] }
        let tool = try context.tool(named: "EmbedResourcesTool").url
        let work = context.pluginWorkDirectoryURL

        // Themes live at the top of the package (`make install` copies them as data).
        let themes = context.package.directoryURL.appending(path: "Themes")
        var themeFiles: [URL] = []
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: themes.path)) ?? [] {
            let folder = themes.appending(path: name)
            for file in (try? files.contentsOfDirectory(atPath: folder.path)) ?? []
            where file.hasSuffix(".mustache") || file.hasSuffix(".css") {
                themeFiles.append(folder.appending(path: file))
            }
        }
        let themesOutput = work.appending(path: "Themes+Embedded.swift")

        let schema = context.package.directoryURL.appending(path: "Sources/\(target.name)/Formats/NewsMLG2/Schema")
        let power = schema.appending(path: "NewsML-G2_2.35-spec-All-Power.xsd")
        let xmlNamespace = schema.appending(path: "xml.xsd")
        let schemaOutput = work.appending(path: "NewsMLSchema+Embedded.swift")

        return [
            .buildCommand(
                displayName: "Embedding themes from Themes/",
                executable: tool,
                arguments: ["themes", themes.path, themesOutput.path],
                inputFiles: themeFiles.sorted { $0.path < $1.path },
                outputFiles: [themesOutput]),
            .buildCommand(
                displayName: "Embedding the NewsML-G2 schema",
                executable: tool,
                arguments: ["schema", power.path, xmlNamespace.path, schemaOutput.path],
                inputFiles: [power, xmlNamespace],
                outputFiles: [schemaOutput]),
        ]
    }
}
