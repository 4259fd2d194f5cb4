import Synchronization

/// A warning about content that a conversion could not carry over, or input it had to guess about.
public struct Warning: Sendable, Equatable, CustomStringConvertible {
    /// What happened.
    public var message: String
    /// The file concerned, if known.
    public var file: String?

    /// Creates a warning.
    public init(_ message: String, file: String? = nil) {
        self.message = message
        self.file = file
    }

    /// `FILE: message`.
    public var description: String { (file.map { "\($0): " } ?? "") + message }
}

/// Collects warnings from readers and writers; safe to share between threads.
public final class Diagnostics: Sendable {
    private let storage = Mutex<[Warning]>([])

    /// Creates an empty collector.
    public init() {}

    /// Records a warning.
    public func warn(_ message: String, file: String? = nil) {
        storage.withLock { $0.append(Warning(message, file: file)) }
    }

    /// The warnings so far, in order.
    public var warnings: [Warning] { storage.withLock { $0 } }

    /// Returns the warnings so far and forgets them.
    public func drain() -> [Warning] {
        storage.withLock { w in
            defer { w.removeAll() }
            return w
        }
    }
}
