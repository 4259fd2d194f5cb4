import ArgumentParser
import NewsConvKit

/// `newsconv validate FILE.xml`: checks NewsML-G2 against the built-in 2.35 schema.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check NewsML-G2 files against the NewsML-G2 2.35 schema built into newsconv.",
        usage: "newsconv validate FILE.xml...",
        discussion: "Prints each violation as FILE:LINE: message. Exit status 0 when every file is valid, 65 otherwise."
    )

    @Argument(help: ArgumentHelp("NewsML-G2 files to check.", valueName: "FILE"))
    var files: [String]

    func run() throws {
        // Every file is checked; the exit status is the worst one seen (66 missing > 65 invalid).
        var status: Int32 = 0
        for file in files {
            do {
                let bytes = try FileIO.readFile(file)
                let problems = try NewsMLValidation.validate(bytes, sourceName: file)
                if problems.isEmpty {
                    print("\(file): valid NewsML-G2 2.35")
                } else {
                    status = max(status, 65)
                    for problem in problems { NewsConv.printError("newsconv: \(problem)") }
                }
            } catch let error as NewsConvError {
                NewsConv.printError("newsconv: \(error.inFile(file))")
                status = max(status, error.exitCode)
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
