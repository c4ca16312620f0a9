import Foundation
import TextKit

/// The result of analysing one program.
public struct EscapeReport: Sendable {
    public var program: Program
    /// In the order Go prints them (function groups callee first).
    public var diagnostics: [EscapeDiagnostic]

    /// `FILE:LINE:COL: message` lines, as `go build -gcflags='-m -l'` prints them.
    public func lines(file: String) -> [String] {
        diagnostics.map { file + ":" + $0.line }
    }
}

/// The escape analyser's entry points.
public enum EscapeAnalysis {
    /// Parses, checks and analyses a program. Runs on a thread with a large
    /// stack so that deeply nested (but accepted) programs cannot overflow it.
    public static func analyze(_ source: String) throws(GoLiteError) -> EscapeReport {
        let result = LargeStack.run { () -> Result<EscapeReport, GoLiteError> in
            do throws(GoLiteError) {
                let program = try Program.check(source)
                let ir = Lowering.lower(program)
                let diagnostics = EscapeAnalyzer(program: ir, info: program.info).run()
                return .success(EscapeReport(program: program, diagnostics: diagnostics))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The diagnostics as the rest of the book prints them (`FILE:LINE:COL: message`).
    public static func diagnostics(source: String, file: String) throws(GoLiteError) -> [Diagnostic] {
        try analyze(source).diagnostics.map {
            Diagnostic(SourceLocation(file: file, line: $0.pos.line, column: $0.pos.column), $0.message, severity: .warning)
        }
    }
}

/// Runs work on a thread with a 256 MiB stack and waits for it.
enum LargeStack {
    static let stackSize = 256 << 20

    /// Holds the result until the waiting thread reads it.
    final class Box<T>: @unchecked Sendable {
        var value: T?
        let done = DispatchSemaphore(value: 0)
    }

    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        let box = Box<T>()
        let thread = Thread {
            box.value = work()
            box.done.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        box.done.wait()
        return box.value!
    }
}
