#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File access for the tool: whole-file reads with clear errors, and atomic writes.
///
/// Outputs are written to a temporary file beside the target and renamed over it only once
/// complete, so a failed run never leaves a partial file. Devices and pipes (`/dev/stdout`,
/// `/dev/full`) are written directly.
public enum FileIO {
    private static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Reads a whole file. `-` reads standard input.
    public static func readFile(_ path: String) throws -> [UInt8] {
        if path == "-" { return try readAll(fd: 0, name: "-") }
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR {
                throw NewsConvError(.missingInput, "no such file", file: path)
            }
            throw NewsConvError(.missingInput, "cannot read: \(errnoText(code))", file: path)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw NewsConvError(.missingInput, "is a directory, not a story file", file: path)
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw NewsConvError(.missingInput, "cannot read: \(errnoText(errno))", file: path)
        }
        defer { close(fd) }
        return try readAll(fd: fd, name: path, sizeHint: Int(st.st_size))
    }

    private static func readAll(fd: Int32, name: String, sizeHint: Int = 0) throws -> [UInt8] {
        var buffer = [UInt8]()
        buffer.reserveCapacity(max(sizeHint, 0) + 1)
        let chunk = 1 << 16
        var scratch = [UInt8](repeating: 0, count: chunk)
        while true {
            let n = scratch.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunk) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NewsConvError(.missingInput, "cannot read: \(errnoText(errno))", file: name)
            }
            if n == 0 { break }
            buffer.append(contentsOf: scratch[0..<n])
        }
        return buffer
    }

    /// Sorted entry names of a directory, or nil when `path` is not a readable directory.
    public static func directoryEntries(_ path: String) -> [String]? {
        guard let dir = opendir(path) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// True when `path` names an existing directory.
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its missing parents, like `mkdir -p`.
    public static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            current += (current.isEmpty || current.hasSuffix("/") ? "" : "/") + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw NewsConvError(.cannotCreate, "cannot create directory: \(errnoText(errno))", file: current)
            }
        }
    }

    /// Writes `bytes` to standard output.
    public static func writeStandardOutput(_ bytes: [UInt8]) throws {
        try writeAll(fd: 1, bytes, name: "standard output")
    }

    /// True when standard output is a terminal.
    public static var standardOutputIsTerminal: Bool { isatty(1) == 1 }

    private static func writeAll(fd: Int32, _ bytes: [UInt8], name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw NewsConvError(.io, "cannot write: \(errnoText(errno))", file: name)
            }
            offset += n
        }
    }

    /// Writes `bytes` to `path` atomically: all of it, or nothing and the old file untouched.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        var st = stat()
        if stat(path, &st) == 0 {
            let type = st.st_mode & S_IFMT
            if type == S_IFDIR {
                throw NewsConvError(.cannotCreate, "is a directory; name an output file", file: path)
            }
            if type != S_IFREG {
                // A device or pipe: nothing to replace, write straight through.
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else { throw NewsConvError(.cannotCreate, "cannot open: \(errnoText(errno))", file: path) }
                defer { close(fd) }
                try writeAll(fd: fd, bytes, name: path)
                return
            }
        }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var template = Array(((directory.isEmpty ? "" : directory + "/") + "." + base + ".newsconv-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let code = errno
            let why = code == ENOENT ? "the directory \"\(directory)\" does not exist" : errnoText(code)
            throw NewsConvError(.cannotCreate, "cannot create output: \(why)", file: path)
        }
        let tempPath = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // Atomic against failed runs, not a durability promise: no fsync, which would cost
        // milliseconds per story in a batch. Errors the kernel reports late come from close().
        do {
            try writeAll(fd: fd, bytes, name: path)
            fchmod(fd, 0o644 & ~currentUmask())
        } catch {
            close(fd)
            unlink(tempPath)
            throw error
        }
        if close(fd) != 0 {
            let code = errno
            unlink(tempPath)
            throw NewsConvError(.io, "cannot write: \(errnoText(code))", file: path)
        }
        if rename(tempPath, path) != 0 {
            let code = errno
            unlink(tempPath)
            throw NewsConvError(.cannotCreate, "cannot create output: \(errnoText(code))", file: path)
        }
    }

    private static func currentUmask() -> mode_t {
        let old = umask(0o022)
        umask(old)
        return old
    }
}
