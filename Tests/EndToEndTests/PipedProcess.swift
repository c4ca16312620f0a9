import Foundation

/// memlane reading commands from a pipe while the test watches its
/// output, so a test can act (kill it, start another) right after a given
/// reply appeared.
final class PipedProcess {
    /// What the program wrote, filled by the pipe's reader thread.
    final class Received: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        func append(_ data: Data) { lock.withLock { bytes += data } }
        func read<T>(_ body: ([UInt8]) -> T) -> T { lock.withLock { body(bytes) } }
    }

    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let received = Received()
    private var cursor = 0

    init(_ arguments: [String] = [], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: MemlaneBinary.path)
        process.arguments = arguments
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        output.fileHandleForReading.readabilityHandler = { [received] handle in
            let data = handle.availableData
            if !data.isEmpty { received.append(data) }
        }
        try process.run()
    }

    deinit {
        output.fileHandleForReading.readabilityHandler = nil
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    var pid: pid_t { process.processIdentifier }

    var text: String { received.read { String(decoding: $0, as: UTF8.self) } }

    func send(_ lines: String) {
        try? input.fileHandleForWriting.write(contentsOf: Data(lines.utf8))
    }

    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Waits until `text` appears after the previous match.
    func expect(_ wanted: String, timeout: Double = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let now = received.read { String(decoding: $0[cursor...], as: UTF8.self) }
            if let range = now.range(of: wanted) {
                cursor += now[..<range.upperBound].utf8.count
                return
            }
            usleep(5_000)
        }
        throw PseudoTerminal.Failure(description: "did not see \(wanted.debugDescription); output ends with:\n\(String(text.suffix(1500)))")
    }

    /// The exit status (128+N when killed by signal N), or nil on timeout.
    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(5_000) }
        guard !process.isRunning else { return nil }
        return process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
    }
}
