import CPseudoTerminal
import Foundation
import Testing

/// Signals on a real terminal: SIGTERM and SIGHUP save, put the terminal
/// back as it was and exit with 128+signal; SIGINT during a running
/// command stops the command and returns to the prompt.
@Suite(.serialized) struct SignalTests {
    let home = MemlaneBinary.temporaryHome()

    func start(_ extra: [String: String] = [:]) throws -> PseudoTerminal {
        let term = try PseudoTerminal([], environment: MemlaneBinary.environment(home: home, extra: extra))
        try term.expect("memlane [welcome 1/5]>")
        return term
    }

    var progressFile: URL { home.appendingPathComponent("state/memlane/memory-lane/progress.json") }

    /// The flags that tell a line-editing (raw) terminal from a normal one.
    static func cooked(_ t: termios) -> Bool {
        t.c_lflag & tcflag_t(ICANON) != 0 && t.c_lflag & tcflag_t(ECHO) != 0
    }

    static func sameModes(_ a: termios, _ b: termios) -> Bool {
        a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_lflag == b.c_lflag && a.c_cflag == b.c_cflag
    }

    func endsCleanly(on signal: Int32) throws {
        var fresh = termios()
        #expect(memlane_fresh_pty_modes(&fresh) == 0)
        let term = try start()
        term.send("goto memory\r")
        try term.expect("memlane [memory 1/")
        #expect(!Self.cooked(term.modes()), "the line editor has the terminal in raw mode at the prompt")
        term.signal(signal)
        #expect(term.waitForExit() == 128 + signal)
        #expect(!term.endedBySignal, "memlane handles the signal and exits by itself")
        let after = term.modes()
        #expect(Self.cooked(after))
        #expect(Self.sameModes(after, fresh), "the terminal is left as a fresh one")
        let saved = try String(contentsOf: progressFile, encoding: .utf8)
        #expect(saved.contains("\"lesson\" : \"memory\""))
    }

    @Test func sigtermRestoresTheTerminalAndSaves() throws {
        try endsCleanly(on: SIGTERM)
    }

    @Test func sighupRestoresTheTerminalAndSaves() throws {
        try endsCleanly(on: SIGHUP)
    }

    /// A greentea mark of 16384 objects polls for Ctrl-C 64 times; the
    /// test-only poll delay stretches it to about 3 s so Ctrl-C lands in
    /// the middle of it.
    @Test func sigintStopsARunningCommandAndKeepsTheSession() throws {
        let term = try start(["MEMLANE_TEST_POLL_DELAY_MS": "50"])
        term.send("sandbox greentea\r")
        try term.expect("memlane [sandbox greentea]>")
        term.send("layout sparse 16384\r")
        try term.expect("one in each of 16384 spans")
        try term.expect("memlane [sandbox greentea]>")
        term.send("mark classic\r")
        term.pump(for: 0.5)
        term.send("\u{03}") // Ctrl-C
        // "paused", not "done": the mark stopped before its 16384 steps.
        try term.expect("interrupted. classic mark paused after")
        try term.expect("memlane [sandbox greentea]>")
        term.send("eval mark.done\r")
        try term.expect("false")
        term.send("step 5\r")
        try term.expect("classic mark paused after")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
    }

    /// A GoLite program that never ends (50,000,000 statements of budget,
    /// several seconds): Ctrl-C stops it, the program's result says so,
    /// and the session carries on with the same program loaded.
    @Test func sigintStopsARunawayGoLoop() throws {
        let term = try start()
        term.send("sandbox bench\r")
        try term.expect("memlane [sandbox bench]>")
        term.send("code\r")
        // Spaces, not tabs: a tab at a terminal prompt asks for completion.
        for line in ["package main", "", "func main() {", "  x := 0", "  for {", "    x++", "  }", "}", "."] {
            term.send(line + "\r")
        }
        try term.expect("memlane [sandbox bench]>")
        term.send("run\r")
        term.pump(for: 0.5)
        term.send("\u{03}") // Ctrl-C
        try term.expect("memlane: interrupted", timeout: 5)
        try term.expect("memlane [sandbox bench]>")
        term.send("eval run.exit_code\r")
        try term.expect("2")
        term.send("quit\r")
        #expect(term.waitForExit() == 0)
    }
}
