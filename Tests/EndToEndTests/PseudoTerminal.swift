import CPseudoTerminal
import Foundation

/// The built binary running on a pseudo-terminal, driven like a person at
/// a keyboard: send keys, wait for text to appear.
final class PseudoTerminal {
    let pid: pid_t
    let master: Int32
    /// Every byte the program wrote, escape sequences included.
    private(set) var bytes: [UInt8] = []
    /// The same as text (decoded as a whole, so no character is split
    /// between two reads).
    var raw: String { String(decoding: bytes, as: UTF8.self) }
    private var exitStatus: Int32?
    /// True once the program ended by a signal it did not handle.
    private(set) var endedBySignal = false
    /// How far `expect` has already matched in the cleaned output.
    private var cursor: String.Index

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    init(_ arguments: [String], environment: [String: String], columns: Int = 80, rows: Int = 40) throws {
        let path = MemlaneBinary.path
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var fd: Int32 = -1
        let child = memlane_spawn_in_pty(path, argv, envp, nil, Int32(columns), Int32(rows), &fd)
        guard child > 0 else { throw Failure(description: "cannot start \(path) on a pseudo-terminal") }
        pid = child
        master = fd
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
        cursor = "".startIndex
        cursor = clean.startIndex
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// The output without escape sequences and carriage returns.
    var clean: String { Self.strip(raw) }

    static func strip(_ text: String) -> String {
        var out = ""
        var it = text.unicodeScalars.makeIterator()
        while let c = it.next() {
            if c == "\u{1B}" {
                guard let n = it.next() else { break }
                if n == "[" {
                    while let x = it.next(), !(x.value >= 0x40 && x.value <= 0x7E) {}
                } else if n == "]" {
                    while let x = it.next(), x != "\u{07}" {}
                }
                continue
            }
            if c == "\r" || c == "\u{07}" { continue }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Types `text`. While the terminal's input queue is full the output
    /// is read meanwhile, so a program echoing a long line cannot block.
    func send(_ text: String) {
        let input = Array(text.utf8)
        var offset = 0
        while offset < input.count {
            let n = input[offset...].withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else { pump(for: 0.005) }
        }
    }

    /// Sends a signal to the program, as `kill` would.
    func signal(_ number: Int32) {
        kill(pid, number)
    }

    /// The terminal's modes as the program left them (on Linux the master
    /// side reports the settings of the pair).
    func modes() -> termios {
        var t = termios()
        tcgetattr(master, &t)
        return t
    }

    /// Reads what is available now.
    @discardableResult
    func pump(for seconds: Double = 0.05) -> Bool {
        var got = false
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 4096)
        repeat {
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, 20)
            if ready > 0 {
                let n = read(master, &buffer, buffer.count)
                if n > 0 {
                    bytes += buffer[0..<n]
                    got = true
                    continue
                }
                if n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR) { return got }
            }
        } while Date() < deadline
        return got
    }

    /// Waits until `text` appears after the previous match.
    func expect(_ text: String, timeout: Double = 15) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(for: 0.05)
            let now = clean
            let start = cursor <= now.endIndex ? cursor : now.startIndex
            if let range = now.range(of: text, range: start..<now.endIndex) {
                cursor = range.upperBound
                return
            }
        }
        let tail = String(clean.suffix(1500))
        throw Failure(description: "did not see \(text.debugDescription) within \(timeout)s; output ends with:\n\(tail)")
    }

    /// How far `expectWrapped` has matched, in the output without whitespace.
    private var wrappedCursor = 0

    /// Waits until `text` appears after the previous `expectWrapped` match,
    /// however the program wrapped and indented it: whitespace is ignored on
    /// both sides, since a Japanese line may break between any two characters.
    func expectWrapped(_ text: String, timeout: Double = 15) throws {
        let wanted = Self.squeezed(text)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            pump(for: 0.05)
            let now = Self.squeezed(clean)
            let scalars = now.unicodeScalars
            let start = scalars.index(scalars.startIndex, offsetBy: min(wrappedCursor, scalars.count))
            if let range = now.range(of: wanted, range: start..<now.endIndex) {
                wrappedCursor = scalars.distance(from: scalars.startIndex, to: range.upperBound)
                return
            }
        }
        let tail = String(clean.suffix(1500))
        throw Failure(description: "did not see \(text.debugDescription) (whitespace ignored) within \(timeout)s; output ends with:\n\(tail)")
    }

    static func squeezed(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }))
    }

    /// Waits for the program to end and returns its exit status (128+N for a signal).
    func waitForExit(timeout: Double = 15) -> Int32? {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            pump(for: 0.02)
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid {
                pump(for: 0.05)
                endedBySignal = status & 0x7f != 0
                exitStatus = endedBySignal ? 128 + (status & 0x7f) : (status >> 8) & 0xff
                return exitStatus
            }
        }
        return nil
    }

    /// Whether the program was killed by the signal rather than exiting.
    func killed(by number: Int32, timeout: Double = 15) -> Bool {
        waitForExit(timeout: timeout) == 128 + number && endedBySignal
    }
}
