import Foundation
import Testing

/// An author editing a lesson while the tutor runs: `reload` at the prompt
/// and `memlane --watch`, on a pseudo-terminal.
@Suite(.serialized) struct WatchTests {
    let home = MemlaneBinary.temporaryHome()

    /// A book with one asm lesson of two steps; returns its folder and lesson file.
    func makeBook() throws -> (folder: URL, lesson: URL) {
        let folder = home.appendingPathComponent("book")
        #expect(try MemlaneBinary.run(["new", "book", folder.path], home: home).status == 0)
        #expect(try MemlaneBinary.run(["new", "lesson", "Bytes", "--sim", "asm", "--book", folder.path], home: home).status == 0)
        let lesson = folder.appendingPathComponent("01-bytes.md")
        var text = try String(contentsOf: lesson, encoding: .utf8)
        text += "\n## Second step\n\nThe original second step.\n"
        try text.write(to: lesson, atomically: true, encoding: .utf8)
        return (folder, lesson)
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try change(text).write(to: file, atomically: true, encoding: .utf8)
    }

    func start(_ arguments: [String]) throws -> PseudoTerminal {
        // Wide enough that long temporary paths in diagnostics stay on one line.
        try PseudoTerminal(arguments, environment: MemlaneBinary.environment(home: home, extra: ["COLUMNS": "400"]), columns: 400)
    }

    @Test func reloadShowsTheEditThenTheErrorThenTheFix() throws {
        let (folder, lesson) = try makeBook()
        let term = try start(["--book", folder.path])
        try term.expect("memlane [welcome 1/1]>")
        term.send("goto bytes\r")
        term.send("next\r")
        try term.expect("The original second step.")
        try term.expect("memlane [bytes 2/2]>")
        term.send("mov r1, 9\r")
        try term.expect("r1 = 9")

        try edit(lesson) { $0.replacingOccurrences(of: "The original second step.", with: "The edited second step.") }
        term.send("reload\r")
        try term.expect("The book was reloaded.")
        try term.expect("The edited second step.")
        try term.expect("memlane [bytes 2/2]>")

        try edit(lesson) { $0.replacingOccurrences(of: "```check id=try-it", with: "```chek id=try-it") }
        term.send("reload\r")
        try term.expect("The book has problems")
        try term.expect("01-bytes.md:17:4: unknown directive `chek` (did you mean `check`?)")
        term.send("show\r")
        try term.expect("The edited second step.")

        try edit(lesson) { $0.replacingOccurrences(of: "```chek id=try-it", with: "```check id=try-it") }
        term.send("reload\r")
        try term.expect("The book was reloaded.")
        try term.expect("memlane [bytes 2/2]>")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
    }

    @Test func watchReloadsWhileTheLearnerSitsAtThePrompt() throws {
        let (folder, lesson) = try makeBook()
        let term = try start(["--watch", "--book", folder.path])
        try term.expect("memlane [welcome 1/1]>")
        term.send("goto bytes#try-it\r")
        try term.expect("memlane [bytes 1/2]>")
        term.send("mov r0, 42\r")
        try term.expect("r0 = 42")
        term.send("store [0x20]") // half a line, not yet entered
        term.pump(for: 0.3)

        try edit(lesson) { $0.replacingOccurrences(of: "Make it hold 42.", with: "Make it hold forty-two.") }
        try term.expect("The book was reloaded.")
        try term.expect("Make it hold forty-two.")
        try term.expect("memlane [bytes 1/2]> store [0x20]")
        term.send(", r0\r")
        try term.expect("[0x20] = 42")
        term.send("check\r")
        try term.expect("Exercise `try-it` passed!")

        // Breaking the file shows the error instead of the lesson…
        try edit(lesson) { $0.replacingOccurrences(of: "mem[0x20] == 42", with: "mem[0x20] == 42 &&") }
        try term.expect("The book has problems")
        try term.expect("01-bytes.md:18:20: expected an expression but the line ended")
        // …and the tutor goes on: commands still work, and a fix comes back.
        term.send("regs\r")
        try term.expect("r0 =  42")
        try edit(lesson) { $0.replacingOccurrences(of: "mem[0x20] == 42 &&", with: "mem[0x20] == 42") }
        try term.expect("The book was reloaded.")
        try term.expect("memlane [bytes 1/2]>")

        // The watching key reader still reads UTF-8 whole, and Ctrl-C and Ctrl-D work as without --watch.
        term.send(".var 年齢\r")
        try term.expect("`年齢` is not a valid variable name")
        term.send("mov r0, 9")
        term.pump(for: 0.2)
        term.send("\u{03}")
        try term.expect("Ctrl-C drops the line")
        term.send("regs\r")
        try term.expect("r0 =  42")
        term.send("\u{04}")
        #expect(term.waitForExit() == 0)
    }
}
