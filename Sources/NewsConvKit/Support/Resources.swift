#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How readers and writers reach the world: files (images, stylesheets, theme files) and the clock.
///
/// Readers and writers never open files or read the clock themselves, so they run the same in
/// memory (``InMemoryResources``, for tests) as on disk (``FileResources``, for the tool).
public protocol Resources: Sendable {
    /// The bytes of the file at `path` (absolute, or relative to the resources' base directory).
    func contents(of path: String) throws -> [UInt8]
    /// The names of the entries of the directory at `path`, sorted; nil if it is not a directory.
    func directoryEntries(at path: String) -> [String]?
    /// Seconds since 1970 to stamp outputs with (honouring `SOURCE_DATE_EPOCH` for the live one).
    var currentTime: Int64 { get }
}

/// Resources read from the file system.
public struct FileResources: Resources {
    /// Directory against which relative paths are resolved; nil for the working directory.
    public var baseDirectory: String?
    /// Fixed time, or nil to use `SOURCE_DATE_EPOCH` or else the system clock.
    public var fixedTime: Int64?

    /// Creates file-system resources.
    public init(baseDirectory: String? = nil, fixedTime: Int64? = nil) {
        self.baseDirectory = baseDirectory
        self.fixedTime = fixedTime
    }

    func resolve(_ path: String) -> String {
        guard let baseDirectory, !path.hasPrefix("/") else { return path }
        return baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
    }

    /// The bytes of the file at `path` (relative to the base directory).
    public func contents(of path: String) throws -> [UInt8] {
        try FileIO.readFile(resolve(path))
    }

    /// The names in the directory at `path`, or nil when it is not a directory.
    public func directoryEntries(at path: String) -> [String]? {
        FileIO.directoryEntries(resolve(path))
    }

    /// The fixed time, else `SOURCE_DATE_EPOCH`, else now (seconds since 1970).
    public var currentTime: Int64 {
        if let fixedTime { return fixedTime }
        if let raw = getenv("SOURCE_DATE_EPOCH"), let value = Int64(String(cString: raw)) { return value }
        return Int64(time(nil))
    }
}

/// Resources held in memory, for tests and for embedding.
public struct InMemoryResources: Resources {
    /// File contents by path.
    public var files: [String: [UInt8]]
    /// The time every output is stamped with.
    public var currentTime: Int64

    /// Creates in-memory resources.
    public init(files: [String: [UInt8]] = [:], currentTime: Int64 = 0) {
        self.files = files
        self.currentTime = currentTime
    }

    /// The bytes stored under `path`.
    public func contents(of path: String) throws -> [UInt8] {
        guard let bytes = files[path] else {
            throw NewsConvError(.missingInput, "no such file", file: path)
        }
        return bytes
    }

    /// The names of the files stored under `path/`, or nil when there are none.
    public func directoryEntries(at path: String) -> [String]? {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        return names.isEmpty ? nil : names.sorted()
    }
}
