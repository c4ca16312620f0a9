import CEditLine
import CSystem
import Foundation
import TextKit

/// What one read from the learner produced.
public enum LineEvent: Equatable {
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C: the line being typed is dropped.
    case interrupted
    /// The idle check asked to wake up (`--watch` saw a file change): the
    /// line typed so far is kept and offered again by the next read.
    case woken
}

/// What Tab does: text to insert at the cursor, and candidates to list
/// when the choice is not unique.
public struct Completion: Equatable {
    public var insert: String
    public var candidates: [String]
    public init(insert: String, candidates: [String]) {
        self.insert = insert
        self.candidates = candidates
    }
}

/// Where lines come from: the libedit editor on a terminal, or plain
/// reads when standard input is a pipe or a file.
public protocol LineSource: AnyObject {
    func read(prompt: String) -> LineEvent
    func remember(_ line: String)
}

/// libedit with emacs keys, history and Tab completion.
public final class LineEditor: LineSource {
    private let editor: OpaquePointer
    private let historyPath: String?
    /// Called on Tab with the text before the cursor.
    public var completer: ((String) -> Completion?)?
    /// Called every `idleInterval` seconds while waiting for a key;
    /// returning true ends the read with `.woken`.
    private var idle: (() -> Bool)?

    public init?(historyPath: String?) {
        guard let ed = memlane_editor_new("memlane") else { return nil }
        editor = ed
        self.historyPath = historyPath
        if let historyPath { _ = memlane_editor_history_load(ed, historyPath) }
        memlane_editor_set_completer(ed, { context, before in
            guard let context, let before else { return nil }
            let me = Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue()
            guard let completion = me.completer?(String(cString: before)) else { return nil }
            // libedit prints the candidates as they are: neutralise them here.
            let text = ([completion.insert] + completion.candidates).map(Sanitizer.line).joined(separator: "\n")
            return strdup(text)
        }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        memlane_editor_free(editor)
    }

    /// Runs `check` every `interval` seconds while the learner is not
    /// typing; when it returns true, `read` returns `.woken` and the line
    /// typed so far comes back with the next prompt. nil stops it.
    public func whileIdle(every interval: Double, _ check: (() -> Bool)?) {
        idle = check
        guard check != nil else {
            memlane_editor_set_idle(editor, nil, nil, 0)
            return
        }
        memlane_editor_set_idle(editor, { context in
            guard let context else { return 0 }
            let me = Unmanaged<LineEditor>.fromOpaque(context).takeUnretainedValue()
            return me.idle?() == true ? 1 : 0
        }, Unmanaged.passUnretained(self).toOpaque(), Int32(max(10, interval * 1000)))
    }

    public func read(prompt: String) -> LineEvent {
        memlane_editor_set_prompt(editor, prompt)
        var status: Int32 = 0
        guard let raw = memlane_editor_read(editor, &status) else {
            switch status {
            case 2: return .interrupted
            case 3: return .woken
            default: return .endOfInput
            }
        }
        defer { free(raw) }
        return .line(String(cString: raw))
    }

    /// Adds a line to the history and saves it, so history survives even a
    /// killed session.
    public func remember(_ line: String) {
        guard !line.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        memlane_editor_history_add(editor, line)
        if let historyPath { _ = memlane_editor_history_save(editor, historyPath) }
    }

    public func resized() { memlane_editor_resize(editor) }
}

/// Plain line reads for scripts: no prompt, no editing, no history.
public final class PipedLines: LineSource {
    /// Bytes of one line kept in memory; the rest of a longer line is read
    /// and dropped, so a file without newlines cannot exhaust memory. The
    /// line handed on is then one byte over the limit, for the session to
    /// refuse as too long.
    public let maxLineBytes: Int

    public init(maxLineBytes: Int = 64 * 1024) {
        self.maxLineBytes = maxLineBytes
    }

    public func read(prompt: String) -> LineEvent {
        var bytes: [UInt8] = []
        var readAny = false
        while true {
            errno = 0
            let c = memlane_getc_stdin()
            if c == EOF {
                if errno == EINTR {
                    memlane_clear_stdin()
                    return .interrupted
                }
                if !readAny { return .endOfInput }
                break
            }
            readAny = true
            if c == 0x0A { break }
            if bytes.count <= maxLineBytes { bytes.append(UInt8(truncatingIfNeeded: c)) }
        }
        if bytes.last == 0x0D { bytes.removeLast() }
        return .line(String(decoding: bytes, as: UTF8.self))
    }

    public func remember(_ line: String) {}
}
