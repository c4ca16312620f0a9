import ArgumentParser
import Foundation
import GoLite
import TextKit

/// `memlane bench FILE.go`: runs the `BenchmarkXxx` functions and prints
/// one line each in `go test -bench . -benchmem` form.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run a GoLite file's BenchmarkXxx functions; print N, cost/op (the simulator's cost model, not time), B/op and allocs/op like go test -bench . -benchmem.",
        discussion: "Each benchmark runs once with b.N = 1, then with b.N fixed (default 5000, as -benchtime=5000x), so B/op and allocs/op are stable and comparable with go test -benchmem -benchtime=5000x."
    )

    @Argument(help: "The Go source file.")
    var file: String

    @Option(name: .customLong("run", withSingleDash: true), help: "Only benchmarks whose names match this regular expression.")
    var runPattern: String?

    @Option(name: .customLong("bench", withSingleDash: true), help: "The same as -run.")
    var benchPattern: String?

    @Option(name: .customLong("benchtime", withSingleDash: true), help: "b.N for the measured run, written like go test's: 5000x.")
    var benchtime: String?

    @OptionGroup var options: GoRunOptions

    func run() throws {
        var opts = try options.runOptions(file: file)
        if let benchtime {
            guard benchtime.hasSuffix("x"), let n = Int(benchtime.dropLast()), n >= 1, n <= RunOptions.maxBenchN else {
                throw ValidationError(L("-benchtime must be a count such as 5000x (at most {0})", RunOptions.maxBenchN))
            }
            opts.benchN = n
        }
        let filter = try TestCommand.regex(benchPattern ?? runPattern)
        let exe = try options.compile(file)
        FileHandle.standardOutput.write(Data((L("memlane bench: simulated Go 1.19 runtime; b.N = {0}; cost/op is the simulator's cost model, not time", opts.benchN) + "\n").utf8))
        let report = Interpreter.bench(exe, options: opts, output: GoRunOptions.streamingSink, filter: filter)
        FileHandle.standardOutput.write(Data((report.exitCode == 0 ? "PASS\n" : "FAIL\n").utf8))
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
