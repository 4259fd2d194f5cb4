// swift-tools-version:6.0
// A tiny program that uses newsconv as a library: reads a wire story, edits the story model and
// publishes it. It depends on the newsconv package by path, as a newsroom tool in the same
// repository would; outside it, use `.package(url: "…/newsconv", from: "0.1.0")`.
import PackageDescription

let package = Package(
    name: "LibraryUse",
    dependencies: [
        .package(name: "newsconv", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "LibraryUse",
            dependencies: [.product(name: "NewsConvKit", package: "newsconv")]
        ),
    ]
)
