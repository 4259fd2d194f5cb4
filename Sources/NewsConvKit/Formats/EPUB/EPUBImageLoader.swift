/// Reads the images a book's content documents refer to, for the stories read from it: an image
/// packed in the book becomes a `data:` URL (so it travels with the story), a web address stays
/// as it is, and anything else (missing, outside the container, of unknown type) gives a warning
/// and nil, so the caller falls back to the alt text. Each image is read once.
final class EPUBImageLoader {
    private let archive: ZIPArchive
    private let package: EPUBPackage
    private let warn: (String) -> Void
    private var known: [String: String?] = [:]

    init(archive: ZIPArchive, package: EPUBPackage, warn: @escaping (String) -> Void) {
        self.archive = archive
        self.package = package
        self.warn = warn
    }

    /// The AST source for the image `src` of a content document in `directory`.
    func source(for src: String, in directory: String) -> String? {
        if let scheme = URLReference.scheme(of: src) {
            return scheme == "http" || scheme == "https" || scheme == "data" ? src : nil
        }
        guard let path = EPUBPath.resolve(src, in: directory) else {
            warn("image \"\(src)\" points outside the book; using its alt text")
            return nil
        }
        if let cached = known[path] { return cached }
        let source = load(path)
        known[path] = source
        return source
    }

    private func load(_ path: String) -> String? {
        let data: [UInt8]
        do {
            guard let found = try archive.contents(of: path) else {
                warn("image \(path) is missing from the book; using its alt text")
                return nil
            }
            data = found
        } catch let error as NewsConvError {
            warn("image \(path): \(error.message); using its alt text")
            return nil
        } catch {
            warn("image \(path): \(error); using its alt text")
            return nil
        }
        let declared = package.manifest.values.first { $0.path == path }?.mediaType
        guard let type = ImageMediaType(sniffing: data)?.rawValue ?? declared, type.hasPrefix("image/") else {
            warn("image \(path) is of an unknown type; using its alt text")
            return nil
        }
        return DataURL.make(mediaType: type, data: data)
    }
}
