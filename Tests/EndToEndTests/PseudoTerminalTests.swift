import Foundation
import Testing

/// memlane on a real (pseudo-)terminal: line editing, Tab, history,
/// Ctrl-C, Ctrl-D and Japanese input.
@Suite(.serialized) struct PseudoTerminalTests {
    let home = MemlaneBinary.temporaryHome()

    func start(_ extra: [String: String] = [:]) throws -> PseudoTerminal {
        let term = try PseudoTerminal([], environment: MemlaneBinary.environment(home: home, extra: extra))
        try term.expect("memlane [welcome 1/5]>")
        return term
    }

    @Test func typingTabCompletionAndCtrlD() throws {
        let term = try start()
        term.send("nex\t")
        try term.expect("next")
        term.send("\r")
        try term.expect("Moving around")
        try term.expect("memlane [welcome 2/5]>")
        term.send("goto memory#sto\t")
        try term.expect("store-age")
        term.send("\r")
        try term.expect("memlane [memory 4/")
        term.send("mov r0, 24\r")
        try term.expect("r0 = 24")
        term.send("store [0x10], r0\r")
        term.send("check\r")
        try term.expect("Exercise `store-age` passed!")
        term.send("\u{04}") // Ctrl-D
        #expect(term.waitForExit() == 0)
        let progress = try String(contentsOf: home.appendingPathComponent("state/memlane/memory-lane/progress.json"), encoding: .utf8)
        #expect(progress.contains("\"passed\""))
    }

    @Test func historySurvivesARestart() throws {
        let first = try start()
        first.send("toc\r")
        try first.expect("Memory before variables")
        first.send("quit\r")
        #expect(first.waitForExit() == 0)
        let second = try start()
        second.send("\u{1B}[A") // Up arrow: the last line of the previous run…
        try second.expect("quit")
        second.send("\u{1B}[A") // …and the one before it.
        try second.expect("toc")
        second.send("\r")
        try second.expect("`goto N` or `goto ID` opens a lesson.")
        second.send("quit\r")
        #expect(second.waitForExit() == 0)
    }

    @Test func ctrlCDropsTheLineAndKeepsTheSession() throws {
        let term = try start()
        term.send("mov r0, 9")
        term.pump(for: 0.2)
        term.send("\u{03}") // Ctrl-C
        try term.expect("Ctrl-C drops the line")
        term.send("regs\r")
        try term.expect("r0 =   0")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
    }

    @Test func japaneseInputIsReadWhole() throws {
        let term = try start()
        term.send(".var 年齢\r")
        try term.expect("`年齢` is not a valid variable name")
        term.send("eval \"日本語\" + \"です\"\r")
        try term.expect("\"日本語です\"")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
    }
}
