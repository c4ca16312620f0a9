import CFuzzDriver
import Foundation
import Terminal
import TextKit

/// The invariants every target shares. A broken invariant prints what
/// broke and aborts, which libFuzzer reports as a crash and saves the input.
enum FuzzCheck {
    /// The most one reply, picture or view may print: a few hundred lines.
    static let maxOutputBytes = 256 * 1024

    /// Seconds one command may take, from $MEMLANE_FUZZ_COMMAND_SECONDS.
    /// Unset (as in the replay `make test` runs) means no time check:
    /// timings are only judged by `make fuzz`, on a quiet machine.
    static let commandSeconds: Double? = ProcessInfo.processInfo.environment["MEMLANE_FUZZ_COMMAND_SECONDS"].flatMap(Double.init)

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data(("\nINVARIANT BROKEN: " + message + "\n").utf8))
        abort()
    }

    static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { fail(message()) }
    }

    /// Runs `body` and fails when it takes longer than the command budget.
    static func timed<T, E: Error>(_ what: @autoclosure () -> String, _ body: () throws(E) -> T) throws(E) -> T {
        guard let budget = commandSeconds else { return try body() }
        let start = memlane_fuzz_now()
        let result = try body()
        let elapsed = memlane_fuzz_now() - start
        require(elapsed <= budget, "\(what()) took \(elapsed) s (budget \(budget) s)")
        return result
    }

    /// Text the tutor would print: bounded, and once through the terminal
    /// writer free of anything that could drive the terminal.
    static func printable(_ styled: String, _ what: @autoclosure () -> String, maxBytes: Int = maxOutputBytes) {
        require(styled.utf8.count <= maxBytes, "\(what()): \(styled.utf8.count) bytes of output (at most \(maxBytes))")
        terminalSafe(TerminalWriter.format(styled, color: true), color: true, what())
        terminalSafe(TerminalWriter.format(styled, color: false), color: false, what())
    }

    /// Every line of what reaches the screen (styles dropped, controls in
    /// their visible form) is at most `width` columns.
    static func fits(_ styled: String, width: Int, _ what: @autoclosure () -> String) {
        for line in TerminalWriter.format(styled, color: false).split(separator: "\n") {
            let columns = DisplayWidth.of(line)
            require(columns <= width, "\(what()): a line \(columns) columns wide (at most \(width)): \(line)")
        }
    }

    /// With colour, the only escape sequences are SGR (`ESC [ digits ; … m`);
    /// without, there is no ESC at all. Never other C0 or C1 controls, DEL,
    /// bidirectional overrides or Ink's private markers.
    static func terminalSafe(_ text: String, color: Bool, _ what: @autoclosure () -> String) {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let v = scalars[i].value
            if v == 0x1B {
                require(color, "\(what()): ESC in plain output at scalar \(i)")
                var j = i + 1
                require(j < scalars.count && scalars[j] == "[", "\(what()): ESC not followed by `[` at scalar \(i)")
                j += 1
                while j < scalars.count, ("0"..."9").contains(scalars[j]) || scalars[j] == ";" { j += 1 }
                require(j < scalars.count && scalars[j] == "m", "\(what()): an escape sequence other than SGR at scalar \(i)")
                i = j + 1
                continue
            }
            let control = (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            let marker = Ink.isMarker(scalars[i])
            require(!control && !bidi && !marker, "\(what()): U+\(String(v, radix: 16, uppercase: true)) reaches the terminal at scalar \(i)")
            i += 1
        }
    }
}

/// A folder for targets that go through files (a book, progress.json):
/// in /dev/shm when there is one, so the disk is not worn.
enum Scratch {
    static let folder: URL = {
        let base = FileManager.default.isWritableFile(atPath: "/dev/shm") ? URL(fileURLWithPath: "/dev/shm")
            : FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("memlane-fuzz-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.folder) }
        return url
    }()

    /// A fresh, empty sub-folder.
    static func empty(_ name: String) -> URL {
        let url = folder.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ text: String, to url: URL) {
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8))
    }
}
