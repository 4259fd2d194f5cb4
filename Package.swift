// swift-tools-version:6.0
// newsconv: convert news stories between plain text, Markdown, HTML, NewsML-G2, EPUB and JSON.
import PackageDescription

let package = Package(
    name: "newsconv",
    products: [
        .library(name: "NewsConvKit", targets: ["NewsConvKit"]),
        .executable(name: "newsconv", targets: ["newsconv"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libxml2 (Debian: libxml2-dev) for the HTML and XML readers and schema validation.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // zlib (Debian: zlib1g-dev) for raw deflate and CRC-32 in the ZIP container code.
        .systemLibrary(
            name: "CZlibSystem",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .target(
            name: "NewsConvKit",
            dependencies: [
                "CLibXML2",
                "CZlibSystem",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ],
            // The IPTC schema files (and their licence) are compiled in by the EmbedResources
            // plugin, as are the themes of the top-level Themes/ folder; they are not resources.
            exclude: [
                "Formats/NewsMLG2/Schema/LICENSE-IPTC.txt",
                "Formats/NewsMLG2/Schema/NewsML-G2_2.35-spec-All-Power.xsd",
                "Formats/NewsMLG2/Schema/xml.xsd",
            ],
            plugins: ["EmbedResources"]
        ),
        // Build-time generation of the embedded themes and schema (no generated file in git).
        .executableTarget(name: "EmbedResourcesTool"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["EmbedResourcesTool"]),
        .executableTarget(
            name: "newsconv",
            dependencies: [
                "NewsConvKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "NewsConvKitTests",
            dependencies: ["NewsConvKit"]
        ),
        .testTarget(
            name: "newsconvTests",
            dependencies: ["NewsConvKit", "newsconv", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            // Expected `--help` text, read from the source tree by CLITests.
            exclude: ["Golden"]
        ),
    ]
)

// libFuzzer targets, one per reader (Fuzz/README.md, `make fuzz`). Declared only when
// NEWSCONV_FUZZ is set, so normal builds and tests never see them. Build with
//   NEWSCONV_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product FuzzText \
//     -Xswiftc -sanitize=fuzzer,address -Xswiftc -g -Xcc -fsanitize=fuzzer-no-link,address
if Context.environment["NEWSCONV_FUZZ"] != nil {
    package.targets.append(.target(name: "FuzzHarness", dependencies: ["FuzzDriver", "NewsConvKit"], path: "Fuzz/Harness"))
    package.targets.append(.target(name: "FuzzDriver", path: "Fuzz/Driver"))
    for name in ["FuzzText", "FuzzMarkdown", "FuzzHTML", "FuzzNewsML", "FuzzEPUB", "FuzzJSON"] {
        package.targets.append(.executableTarget(
            name: name,
            dependencies: ["FuzzHarness", "NewsConvKit"],
            path: "Fuzz/\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ))
        package.products.append(.executable(name: name, targets: [name]))
    }
}
