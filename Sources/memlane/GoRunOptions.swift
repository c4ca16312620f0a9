import ArgumentParser
import CSystem
import Foundation
import GoLite
import TextKit

/// Options `run`, `test` and `bench` share: the runtime's knobs and the
/// simulator's step budget.
struct GoRunOptions: ParsableArguments {
    @Option(name: .long, help: "GOGC for the simulated runtime (a number, or off); default: $GOGC or 100.")
    var gogc: String?

    @Option(name: .long, help: "GOMEMLIMIT for the simulated runtime (e.g. 64MiB); default: $GOMEMLIMIT or none.")
    var memlimit: String?

    @Flag(name: .long, help: "Print a gctrace line to standard error for every collection cycle.")
    var gctrace = false

    @Option(name: .long, help: "Statements the program may execute before it is stopped (default 50000000).")
    var steps: Int?

    /// The options for the interpreter; throws a usage error for bad values.
    func runOptions(file: String) throws -> RunOptions {
        var o = RunOptions()
        o.fileName = (file as NSString).lastPathComponent
        do throws(SimulatorLikeError) {
            try o.readEnvironment(ProcessInfo.processInfo.environment)
            if let gogc { o.gogc = try RunOptions.parseGOGC(gogc) }
            if let memlimit { o.memoryLimit = try RunOptions.parseMemoryLimit(memlimit) }
        } catch {
            throw ValidationError(error.message)
        }
        o.gctrace = gctrace
        if let steps {
            guard steps >= 1, steps <= RunOptions.maxStepBudget else {
                throw ValidationError(L("--steps must be from 1 to {0}", RunOptions.maxStepBudget))
            }
            o.stepBudget = steps
        }
        memlane_signals_install()
        o.isInterrupted = { memlane_interrupted() != 0 }
        return o
    }

    /// Reads and compiles a GoLite file; prints `FILE:LINE:COL: message` and exits 1 when it cannot.
    func compile(_ file: String) throws -> Executable {
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            FileHandle.standardError.write(Data((L("{0}: cannot read the file", file) + "\n").utf8))
            throw ExitCode(1)
        }
        do {
            return try Executable.compile(source)
        } catch {
            FileHandle.standardError.write(Data((file + ":" + error.description + "\n").utf8))
            throw ExitCode(1)
        }
    }

    /// Streams the program's output to standard output and standard error.
    static var streamingSink: OutputSink {
        OutputSink(out: { FileHandle.standardOutput.write(Data($0.utf8)) },
                   error: { FileHandle.standardError.write(Data($0.utf8)) })
    }
}
