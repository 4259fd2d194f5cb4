// Reads a wire story, files it under a subject, adds a "more on this" link, makes every link
// absolute with a campaign parameter, and writes the story as HTML, EPUB and JSON.
//
//     swift run LibraryUse [STORY] [OUTPUT-DIR]   (defaults: ../stories/harbour-strike.txt, ../out/LibraryUse)
import NewsConvKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let arguments = Array(CommandLine.arguments.dropFirst())
let input = arguments.first ?? "../stories/harbour-strike.txt"
let outputDirectory = arguments.count > 1 ? arguments[1] : "../out/LibraryUse"
let site = "https://gazette.example"

/// `/topics/ferries` becomes `https://gazette.example/topics/ferries?utm_source=newsconv`.
func tracked(_ destination: String) -> String {
    let absolute = destination.hasPrefix("/") ? site + destination : destination
    guard absolute.hasPrefix("http") else { return destination }  // mailto:, #anchors
    return absolute + (absolute.contains("?") ? "&" : "?") + "utm_source=newsconv"
}

func rewriteLinks(_ inline: Inline) -> Inline {
    switch inline {
    case .link(var link):
        link.destination = tracked(link.destination)
        link.content = link.content.map(rewriteLinks)
        return .link(link)
    case .emphasis(let content): return .emphasis(content.map(rewriteLinks))
    case .strong(let content): return .strong(content.map(rewriteLinks))
    case .strikethrough(let content): return .strikethrough(content.map(rewriteLinks))
    case .text, .code, .image, .softBreak, .hardBreak, .rawHTML: return inline
    }
}

func rewriteLinks(_ block: Block) -> Block {
    switch block {
    case .paragraph(let content): return .paragraph(content.map(rewriteLinks))
    case .heading(let level, let content): return .heading(level: level, content: content.map(rewriteLinks))
    case .blockQuote(let blocks): return .blockQuote(blocks.map(rewriteLinks))
    case .list(var list):
        for i in list.items.indices { list.items[i].blocks = list.items[i].blocks.map(rewriteLinks) }
        return .list(list)
    case .table(var table):
        table.header = table.header.map { $0.map(rewriteLinks) }
        table.rows = table.rows.map { $0.map { $0.map(rewriteLinks) } }
        return .table(table)
    case .figure(var figure):
        figure.caption = figure.caption.map(rewriteLinks)
        return .figure(figure)
    case .codeBlock, .thematicBreak, .rawHTML: return block
    }
}

do {
    let converter = Converter()
    var document = try converter.read(path: input)
    for i in document.stories.indices {
        document.stories[i].metadata.subjects.append(Subject(code: "20000271", scheme: "medtop", name: "maritime"))
        document.stories[i].body.append(.paragraph([
            .text("More on this story: "),
            .link(Link(destination: "/topics/ferries", content: [.text("ferries and the islands")])),
        ]))
        document.stories[i].body = document.stories[i].body.map(rewriteLinks)
    }
    try FileIO.makeDirectories(outputDirectory)
    let stem = input.split(separator: "/").last.map { String($0.split(separator: ".")[0]) } ?? "story"
    for format in [Format.html, .epub, .json] {
        guard format.writer != nil else {
            print("skipped \(format.name): this build of newsconv cannot write it yet")
            continue
        }
        let path = "\(outputDirectory)/\(stem).\(format.extensions[0])"
        try FileIO.writeAtomically(try converter.write(document, to: format, destination: path), to: path)
        print("wrote \(path)")
    }
    for warning in converter.diagnostics.drain() { print("warning: \(warning)") }
} catch {
    print("LibraryUse: \(error)")
    exit(1)
}
