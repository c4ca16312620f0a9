import CSystem
import Foundation
import Terminal
import TextKit

/// The read–eval–print loop: lines from the editor (or a pipe) go to the
/// session, replies go to standard output. Ctrl-C drops the line being
/// typed or stops a running command; Ctrl-D and `quit` save and leave;
/// SIGTERM and SIGHUP leave cleanly with the terminal restored.
public final class Repl {
    let session: Session
    let input: LineSource
    let interactive: Bool
    let write: (String) -> Void
    /// Set for `--watch`: the book is reloaded when its files change.
    let watcher: BookWatcher?
    /// Seconds between two looks at the book's files while waiting for a key.
    public static let watchInterval = 0.5
    /// A change seen while waiting for a key, not yet acted on.
    private var changeSeen = false

    /// $MEMLANE_TIMINGS=FILE: one line per command appended to FILE, the
    /// milliseconds from the line read to the reply written. Off by default;
    /// `make bench` reads it for the REPL latency figures.
    let timings: FileHandle?

    public init(session: Session, input: LineSource, interactive: Bool, watcher: BookWatcher? = nil,
                write: @escaping (String) -> Void) {
        self.watcher = watcher
        self.session = session
        self.input = input
        self.interactive = interactive
        self.write = write
        timings = session.options.environment["MEMLANE_TIMINGS"].flatMap(Self.appending)
    }

    static func appending(_ path: String) -> FileHandle? {
        guard !path.isEmpty else { return nil }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return nil }
        _ = try? handle.seekToEnd()
        return handle
    }

    func say(_ styled: String) {
        guard !styled.isEmpty else { return }
        write(TerminalWriter.format(styled, color: session.options.color) + "\n")
    }

    /// Runs until the learner leaves; returns the exit status.
    public func run() -> Int32 {
        if let editor = input as? LineEditor {
            editor.completer = { [session] before in session.complete(before) }
            if let watcher {
                // Looked at between keys too, so an edit shows while the learner sits at the prompt.
                editor.whileIdle(every: Self.watchInterval) { [unowned self] in
                    if watcher.changed() { changeSeen = true }
                    return changeSeen
                }
            }
        }
        say(session.start())
        while true {
            if let status = terminated() { return status }
            if let watcher, changeSeen || watcher.changed() {
                changeSeen = false
                say(session.reload())
                if interactive { write("\n") }
            }
            if memlane_take_resize() != 0 {
                session.options.width = TerminalSize.columns(environment: session.options.environment)
                (input as? LineEditor)?.resized()
            }
            let prompt = interactive ? TerminalWriter.format(Ink.paint(session.prompt, .bold), color: false) : ""
            switch input.read(prompt: prompt) {
            case .line(let line):
                let start = ContinuousClock.now
                if line.utf8.count <= Session.maxLineLength { input.remember(line) }
                let reply = session.handle(line)
                if let status = terminated() { return status }
                if memlane_interrupted() != 0 && reply.text.isEmpty { say(L("Interrupted.")) }
                say(reply.text)
                if interactive && !reply.text.isEmpty { write("\n") }
                if let timings {
                    let elapsed = start.duration(to: .now)
                    let ms = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
                    timings.write(Data(String(format: "%.4f\n", ms).utf8))
                }
                if reply.quit { return 0 }
            case .interrupted:
                if let status = terminated() { return status }
                memlane_clear_interrupt()
                if session.cancelPending() {
                    if interactive { write("\n") }
                    say(Ink.paint(L("The block was dropped."), .grey))
                } else if interactive {
                    write("\n")
                    say(Ink.paint(L("(Ctrl-C drops the line; Ctrl-D or `quit` saves and leaves.)"), .grey))
                }
            case .woken:
                // The line typed so far comes back with the next prompt.
                if interactive { write("\n") }
            case .endOfInput:
                session.store.save()
                if interactive { say(L("Progress saved. See you next time!")) }
                return 0
            }
        }
    }

    /// After SIGTERM or SIGHUP: progress is already on disk (every change
    /// is saved at once); save once more and report the signal's status.
    func terminated() -> Int32? {
        let signal = memlane_termination_signal()
        guard signal != 0 else { return nil }
        session.store.save()
        return 128 + signal
    }
}
