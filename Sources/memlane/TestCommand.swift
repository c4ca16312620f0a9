import ArgumentParser
import Foundation
import GoLite
import TextKit

/// `memlane test FILE.go`: runs the `TestXxx` functions, printing like `go test`.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run a GoLite file's TestXxx functions and print PASS or FAIL like go test."
    )

    @Argument(help: "The Go source file.")
    var file: String

    @Option(name: .customLong("run", withSingleDash: true), help: "Only tests whose names match this regular expression.")
    var runPattern: String?

    @Flag(name: .customShort("v"), help: "Verbose: one line per test, with its log.")
    var verbose = false

    @OptionGroup var options: GoRunOptions

    func run() throws {
        let opts = try options.runOptions(file: file)
        let filter = try TestCommand.regex(runPattern)
        let exe = try options.compile(file)
        let sink = GoRunOptions.streamingSink
        let report = Interpreter.test(exe, options: opts, output: sink, filter: filter, verbose: verbose)
        let name = (file as NSString).lastPathComponent
        if report.exitCode == 0 {
            printLine("PASS")
            printLine("ok  \t" + name)
        } else {
            printLine("FAIL")
            printLine("FAIL\t" + name)
            throw ExitCode(1)
        }
    }

    static func regex(_ pattern: String?) throws -> NSRegularExpression? {
        guard let pattern else { return nil }
        do {
            return try NSRegularExpression(pattern: pattern)
        } catch {
            throw ValidationError(L("not a regular expression: {0}", Sanitizer.line(pattern)))
        }
    }

    private func printLine(_ s: String) {
        FileHandle.standardOutput.write(Data((s + "\n").utf8))
    }
}
