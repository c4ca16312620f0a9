import Foundation
import Testing

/// A book full of escape sequences, and a learner typing them: nothing a
/// lesson or a learner writes reaches the terminal raw. Piped without
/// colour no ESC may appear at all; on a terminal the only escape sequences
/// are memlane's colours (SGR with its own parameters) and the line
/// editor's cursor movements, and the hostile sequences' bytes never appear.
@Suite(.serialized) struct TerminalSafetyTests {
    static let esc = "\u{1B}"

    /// Hostile text everywhere a book can put text: SUMMARY's title (a YAML
    /// escape, decoded after the loader's own sanitising) and link text, the
    /// lesson's title, prose, an HTML entity cmark decodes, a step title,
    /// Go code, a quiz's question, choices, feedback and explanation, a
    /// hint, and a check message.
    static func hostileBook() throws -> URL {
        let e = esc
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("memlane-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let summary = """
        ---
        id: hostile
        title: "Hostile \\e]0;pwned\\a book \\e[2J"
        ---

        - [Evil \(e)[2J](evil.md)

        """
        let lesson = """
        ---
        id: evil
        title: "Evil \\e[2J \\u202E title \\x9B31m"
        sim: asm
        ---

        Prose with ESC \(e)[2J, OSC \(e)]0;owned\u{07}, BEL \u{07}, C1 \u{9B}31m, bidi \u{202E} reversed \u{2066}, \
        entity &#x1B;[5m and &#27;]0;t&#7; end.

        ## Step \(e)[5mblink

        ```go
        x := "\(e)[2J" // \(e)]0;t\u{07}
        ```

        ```quiz id=q-one
        ? Which \(e)[2J one?
        ( ) \(e)]0;title\u{07} first
        ! feedback \(e)[2J
        (x) second \u{202E}
        > explanation \(e)[5m
        ```

        Set r0 to 42 \(e)[2J.

        ```exercise id=ex-one
        mov r0, 1
        ```

        ```check id=ex-one
        reg.r0 == 42 => "r0 is {reg.r0} \(e)[2J \u{9B}2J"
        ```

        ```hint id=ex-one
        hint \(e)[2J here \u{202E}
        ```

        ```solution id=ex-one
        mov r0, 42
        ```

        """
        try summary.write(to: folder.appendingPathComponent("SUMMARY.md"), atomically: true, encoding: .utf8)
        try lesson.write(to: folder.appendingPathComponent("evil.md"), atomically: true, encoding: .utf8)
        return folder
    }

    /// What the learner does: every view of the lesson, then typing the
    /// sequences themselves where names and expressions go.
    static let moves = ["toc", "next", "answer a", "answer b", "check", "hint", "solution", "mov r0, 42", "check",
                        "progress", "help"]
    static let typedHostile = ["sandbox \(esc)[2J", ".var \(esc)]0;x\u{07}", "eval \"\\u{1b}[2J\" + \"\u{202E}\"",
                               "frob\u{9B}2J", "goto \(esc)[2J", "answer \(esc)[2J", "sandbox asm", ".var a\u{202E}b",
                               "help \(esc)[2J", "state \(esc)[2J"]

    static let forbidden: [(String, String)] = [
        ("ESC [2J", "\(esc)[2J"), ("OSC", "\(esc)]"), ("ESC [5m", "\(esc)[5m"), ("BEL", "\u{07}"),
        ("C1 CSI", "\u{9B}"), ("RLO", "\u{202E}"), ("LRI", "\u{2066}"),
    ]

    @Test func pipedPlainOutputHasNoControlsAtAll() throws {
        let book = try Self.hostileBook()
        let home = MemlaneBinary.temporaryHome()
        let lint = try MemlaneBinary.run(["lint", book.path], home: home)
        #expect(lint.status == 0, "\(lint.stdout)")
        let run = try MemlaneBinary.run(["--book", book.path, "--no-color"],
                                        input: (Self.moves + Self.typedHostile + ["quit"]).joined(separator: "\n") + "\n", home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Exercise `ex-one` passed!"))
        #expect(run.stdout.contains("Hostile ^[]0;pwned^G book ^[[2J"))
        #expect(run.stdout.contains("r0 is 1 ^[[2J \u{FFFD}2J"))
        #expect(run.stdout.contains("There is no simulator `^[[2J`"))
        for scalar in run.stdout.unicodeScalars {
            let v = scalar.value
            let control = (v < 0x20 && v != 0x0A) || v == 0x7F || (0x80...0x9F).contains(v)
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            #expect(!control && !bidi, "U+\(String(v, radix: 16)) in the output")
            if control || bidi { break }
        }
    }

    @Test func onATerminalOnlyColoursAndCursorMovesAreSent() throws {
        let book = try Self.hostileBook()
        let home = MemlaneBinary.temporaryHome()
        let term = try PseudoTerminal(["--book", book.path], environment: MemlaneBinary.environment(home: home))
        try term.expect("memlane [evil 1/2]>")
        for line in Self.moves {
            term.send(line + "\r")
            try term.expect("memlane [")
        }
        // Typed on a keyboard, ESC starts a key sequence for the line
        // editor, so the learner's side goes through `eval` escapes here.
        term.send("eval \"\\u{1b}[2J\\u{7}\\u{9b}\" + \"\\u{202e}\"\r")
        try term.expect("\"\\u{1b}[2J\\u{7}")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
        let raw = term.raw
        #expect(raw.contains("Exercise `ex-one` passed!"))
        for (name, bytes) in Self.forbidden {
            #expect(!raw.contains(bytes), "\(name) reached the terminal")
        }
        let sequences = Self.escapeSequences(in: raw)
        let colours: Set<String> = ["0", "1", "2", "3", "4", "7", "31", "32", "33", "34", "35", "36", "90"]
        for sequence in sequences {
            guard sequence.hasPrefix("\(Self.esc)[") else {
                Issue.record("not a CSI sequence: \(sequence.debugDescription)")
                continue
            }
            let body = sequence.dropFirst(2).dropLast()
            switch sequence.last {
            case "m":
                #expect(body.split(separator: ";").allSatisfy { colours.contains(String($0)) }, "\(sequence.debugDescription)")
            case "A", "B", "C", "D", "K":
                let numeric = body.allSatisfy { $0.isNumber }
                #expect(numeric, "\(sequence.debugDescription)") // the line editor's cursor
            default:
                Issue.record("unexpected escape sequence \(sequence.debugDescription)")
            }
        }
        #expect(sequences.contains { $0.hasSuffix("m") }, "colour is on")
    }

    /// Every ESC sequence in the text: ESC, `[`, parameters, a final byte.
    static func escapeSequences(in text: String) -> Set<String> {
        var out = Set<String>()
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            guard scalars[i].value == 0x1B else { i += 1; continue }
            var j = i + 1
            if j < scalars.count && scalars[j] == "[" {
                j += 1
                while j < scalars.count && !(0x40...0x7E).contains(scalars[j].value) { j += 1 }
            }
            let end = min(j, scalars.count - 1)
            var sequence = String.UnicodeScalarView()
            sequence.append(contentsOf: scalars[i...end])
            out.insert(String(sequence))
            i = end + 1
        }
        return out
    }
}
