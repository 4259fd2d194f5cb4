/// An error that stops a conversion, with the facts a person needs to fix it.
///
/// `description` gives the one-line message the command-line tool prints after `newsconv: `,
/// in the form `FILE:LINE:COL: what is wrong`; ``exitCode`` is the matching sysexits code.
public struct NewsConvError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is; decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// The command was used wrongly (EX_USAGE, 64).
        case usage
        /// The input is not valid for its format (EX_DATAERR, 65).
        case badInput
        /// An input file does not exist or cannot be read (EX_NOINPUT, 66).
        case missingInput
        /// The format or feature is not available (EX_UNAVAILABLE, 69).
        case unsupported
        /// Internal failure (EX_SOFTWARE, 70).
        case software
        /// The output cannot be created (EX_CANTCREAT, 73).
        case cannotCreate
        /// Reading or writing failed midway, e.g. the disk is full (EX_IOERR, 74).
        case io
    }

    /// What kind of failure this is.
    public var kind: Kind
    /// What is wrong, and when possible what to do about it.
    public var message: String
    /// The file concerned, as the user named it (`-` for standard input).
    public var file: String?
    /// 1-based line in `file`, when known.
    public var line: Int?
    /// 1-based column in `file`, when known.
    public var column: Int?

    /// Creates an error.
    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.column = column
    }

    /// An error for input that is not valid in its format.
    public static func badInput(_ message: String, line: Int? = nil, column: Int? = nil) -> NewsConvError {
        NewsConvError(.badInput, message, line: line, column: column)
    }

    /// `FILE:LINE:COL: message`, leaving out the parts that are not known.
    public var description: String {
        var prefix = ""
        if let file {
            prefix = file
            if let line {
                prefix += ":\(line)"
                if let column { prefix += ":\(column)" }
            }
            prefix += ": "
        } else if let line {
            prefix = "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": "
        }
        return prefix + message
    }

    /// The sysexits code for this error.
    public var exitCode: Int32 {
        switch kind {
        case .usage: 64
        case .badInput: 65
        case .missingInput: 66
        case .unsupported: 69
        case .software: 70
        case .cannotCreate: 73
        case .io: 74
        }
    }

    /// The same error, naming `file` unless it already names one.
    public func inFile(_ file: String) -> NewsConvError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }
}
