import ArgumentParser
import GoLite

/// `memlane run FILE.go`: runs `main` on the simulated Go runtime.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a GoLite program's main on the simulated Go 1.19 runtime (allocator model, pacer, panics like Go's)."
    )

    @Argument(help: "The Go source file.")
    var file: String

    @OptionGroup var options: GoRunOptions

    func run() throws {
        let opts = try options.runOptions(file: file)
        let exe = try options.compile(file)
        let report = Interpreter.run(exe, options: opts, output: GoRunOptions.streamingSink)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
