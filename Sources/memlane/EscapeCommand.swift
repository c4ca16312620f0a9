import ArgumentParser
import Foundation
import GoLite
import TextKit

/// `memlane escape FILE.go`: what `go build -gcflags='-m -l'` would say
/// about where the program's values live.
struct EscapeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escape",
        abstract: "Escape analysis of a GoLite program, printed like `go build -gcflags='-m -l'`."
    )

    @Argument(help: "The Go source file.")
    var file: String

    func run() throws {
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data((L("{0}: cannot read the file", file) + "\n").utf8))
            throw ExitCode(1)
        }
        do {
            let report = try EscapeAnalysis.analyze(source)
            let out = report.lines(file: file).map { $0 + "\n" }.joined()
            FileHandle.standardOutput.write(Data(out.utf8))
        } catch {
            FileHandle.standardError.write(Data((file + ":" + error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
