import Foundation

/// Runs the built `newsconv` binary, as a user's shell or Makefile would.
enum CLI {
    /// The binary next to the test bundle (SwiftPM's build folder), or `NEWSCONV_BIN`.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["NEWSCONV_BIN"] { return path }
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = runner.deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("newsconv"))
            dir.deleteLastPathComponent()
        }
        candidates.append(projectRoot.appendingPathComponent(".build/debug/newsconv"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path ?? "newsconv"
    }()

    /// The project root.
    static let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Result {
        var status: Int32
        /// True when the process was killed by a signal it did not expect (a crash).
        var crashed: Bool
        /// True when the watchdog had to kill it (a hang).
        var hung: Bool
        var stdout: [UInt8]
        var stderr: String
        /// Peak resident memory in bytes, measured by GNU time (nil where /usr/bin/time is missing).
        var peakMemory: Int?
        var output: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs `newsconv arguments…` with `stdin` as standard input, killing it after `timeout` seconds.
    static func run(_ arguments: [String], stdin: [UInt8] = [],
                    environment: [String: String] = [:], timeout: Double = 120) throws -> Result {
        let scratch = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let inPath = scratch + "/stdin", outPath = scratch + "/stdout", errPath = scratch + "/stderr"
        try Data(stdin).write(to: URL(fileURLWithPath: inPath))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        // The child of a vfork-style spawn inherits this process's peak memory, so the binary's
        // own peak is measured by GNU time, which forks a fresh process for it.
        let memPath = scratch + "/memory"
        let timer = "/usr/bin/time"
        let measured = FileManager.default.isExecutableFile(atPath: timer)
        let command = measured ? [timer, "-f", "%M", "-o", memPath, binary] + arguments : [binary] + arguments
        let argv: [UnsafeMutablePointer<CChar>?] = command.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { argv.forEach { free($0) }; envp.forEach { free($0) } }

        // Its own process group, so the watchdog can stop GNU time and newsconv together.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        guard rc == 0 else {
            throw NSError(domain: "CLI", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "cannot run \(binary)"])
        }
        var status: Int32 = 0
        var usage = rusage()
        let deadline = Date().addingTimeInterval(timeout)
        var hung = false
        while true {
            if wait4(pid, &status, WNOHANG, &usage) == pid { break }
            if Date() > deadline {
                hung = true
                kill(-pid, SIGKILL)
                _ = wait4(pid, &status, 0, &usage)
                break
            }
            usleep(2_000)
        }
        var signal = status & 0x7f
        var code = (status >> 8) & 0xff
        var peak: Int?
        if measured, let report = try? String(contentsOfFile: memPath, encoding: .utf8) {
            // GNU time writes "Command terminated by signal N" or "Command exited with non-zero
            // status N" before the figure.
            let lines = report.split(separator: "\n")
            if let kb = lines.last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) { peak = kb * 1024 }
            if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }),
               let n = Int32(line.dropFirst("Command terminated by signal ".count)) {
                signal = n
                code = 0
            }
        }
        let signaled = signal != 0 && signal != 0x7f
        return Result(
            status: signaled ? -1 : code, crashed: signaled && !hung, hung: hung,
            stdout: Array((try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()),
            stderr: String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data(), as: UTF8.self),
            peakMemory: peak)
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("newsconv-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}
