import Foundation
import Testing

/// Limits instead of crashes, end to end: an over-long line, a deeply
/// nested expression, sizes far beyond the simulators' bounds all end in a
/// message, with the session alive and the state unchanged.
@Suite(.serialized) struct LimitTests {
    let home = MemlaneBinary.temporaryHome()

    @Test func onATerminal() throws {
        let term = try PseudoTerminal([], environment: MemlaneBinary.environment(home: home))
        try term.expect("memlane [welcome 1/5]>")
        term.send("sandbox arena\r")
        try term.expect("memlane [sandbox arena]>")
        term.send("arena new a\r")
        try term.expect("arena a made")
        term.send("arena alloc a big 1TiB\r")
        try term.expect("at most 1 GiB per command")
        term.send("new many 8 1000000000\r")
        try term.expect("at most 1000000 objects per command")
        term.send("eval [arena.objects, len(objects)]\r")
        try term.expect("[0, 0]")
        term.send("eval " + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000) + "\r")
        try term.expect("expression nested too deeply", timeout: 60)
        term.send("sandbox greentea\r")
        term.send("layout dense 100000000\r")
        try term.expect("is too many: this heap holds at most 16384 live objects")
        term.send("mark greentea 9999999999\r")
        try term.expect("there is no heap yet")
        term.send("eval layout.kind\r")
        try term.expect("\"none\"")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
    }

    /// A line of 80 KiB typed (pasted) at the prompt.
    @Test func aLongLineOnATerminal() throws {
        let term = try PseudoTerminal([], environment: MemlaneBinary.environment(home: home))
        try term.expect("memlane [welcome 1/5]>")
        term.send("eval \"" + String(repeating: "x", count: 80 * 1024) + "\"\r")
        try term.expect("That line is longer than 64 KiB and was ignored.", timeout: 120)
        term.send("eval 6 * 7\r")
        try term.expect("42")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
    }

    /// Piped: a line of 8 MiB with no newline at all, and commands around it.
    @Test func aHugeLineFromAPipe() throws {
        let input = "goto memory#store-age\nmov r0, 24\n" + String(repeating: "y", count: 8 << 20) + "\nstore [0x10], r0\ncheck\n"
            + String(repeating: "z", count: 1 << 20)
        let run = try MemlaneBinary.run([], input: input, home: home)
        #expect(run.status == 0)
        #expect(run.stdout.components(separatedBy: "That line is longer than 64 KiB and was ignored.").count == 3)
        #expect(run.stdout.contains("Exercise `store-age` passed!"))
    }
}
