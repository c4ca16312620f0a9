import Foundation
import Testing

/// Progress is never lost: `kill -9` at any moment leaves a valid file with
/// every command that completed, and tutors sharing one state folder keep
/// each other's work.
@Suite(.serialized) struct ProgressSafetyTests {
    let home = MemlaneBinary.temporaryHome()
    var environment: [String: String] { MemlaneBinary.environment(home: home) }
    var folder: URL { home.appendingPathComponent("state/memlane/memory-lane") }
    var file: URL { folder.appendingPathComponent("progress.json") }

    /// progress.json as JSON, or nil when it does not parse.
    func progress() -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    func exercise(_ lesson: String, _ id: String) -> [String: Any]? {
        let lessons = progress()?["lessons"] as? [String: Any]
        let exercises = (lessons?[lesson] as? [String: Any])?["exercises"] as? [String: Any]
        return exercises?[id] as? [String: Any]
    }

    func quiz(_ lesson: String, _ id: String) -> [String: Any]? {
        let lessons = progress()?["lessons"] as? [String: Any]
        let quizzes = (lessons?[lesson] as? [String: Any])?["quizzes"] as? [String: Any]
        return quizzes?[id] as? [String: Any]
    }

    @Test func killNineThenResume() throws {
        let term = try PseudoTerminal([], environment: environment)
        try term.expect("memlane [welcome 1/5]>")
        term.send("goto memory#store-age\r")
        try term.expect("memlane [memory 4/")
        term.send("check\r")
        try term.expect("✘")
        term.send("mov r0, 24\r")
        term.send("store [0x10], r0\r")
        term.send("check\r")
        try term.expect("Exercise `store-age` passed!")
        try term.expect("memlane [memory 4/")
        term.signal(SIGKILL)
        #expect(term.killed(by: SIGKILL))

        #expect(progress() != nil, "a valid file")
        #expect(exercise("memory", "store-age")?["status"] as? String == "passed")
        #expect(exercise("memory", "store-age")?["attempts"] as? Int == 2)
        #expect((progress()?["position"] as? [String: Any])?["lesson"] as? String == "memory")

        let again = try PseudoTerminal([], environment: environment)
        try again.expect("Welcome back! You are at lesson 2, step 4.")
        try again.expect("memlane [memory 4/")
        again.send("progress\r")
        try again.expect("exercises 1/3")
        again.send("quit\r")
        #expect(again.waitForExit() == 0)
    }

    /// Killed after a random few milliseconds, over and over, while every
    /// command writes progress: the file always parses, and stale
    /// temporary files from killed saves do not pile up.
    @Test func killNineAtAnyMomentLeavesAValidFile() throws {
        let moves = String(repeating: "goto memory#store-age\ncheck\nhint\nnext\nback\nanswer b\n", count: 300)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let run = try PipedProcess(environment: environment)
            run.send(moves)
            usleep(UInt32.random(in: 20_000...250_000, using: &generator))
            kill(run.pid, SIGKILL)
            #expect(run.waitForExit() == 128 + SIGKILL)
            if FileManager.default.fileExists(atPath: file.path) {
                #expect(progress() != nil, "round \(round): progress.json does not parse")
            }
        }
        // One clean run afterwards finds the file and tidies up.
        let last = try MemlaneBinary.run([], input: "check\nquit\n", home: home)
        #expect(last.status == 0)
        #expect(last.stdout.contains("Welcome back!"))
        #expect(progress() != nil)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    /// Two tutors on one state folder, their work interleaved: each one's
    /// passes, hints, answers and attempts all end up in the file.
    @Test func twoTutorsInterleaved() throws {
        let a = try PseudoTerminal([], environment: environment)
        try a.expect("memlane [welcome 1/5]>")
        let b = try PseudoTerminal([], environment: environment)
        try b.expect("memlane [welcome 1/5]>")

        a.send("goto memory#store-age\r")
        try a.expect("memlane [memory 4/")
        b.send("goto memory#birthday\r")
        try b.expect("memlane [memory 5/")
        a.send("check\r")
        try a.expect("✘")
        b.send("hint\r")
        try b.expect("Hint 1 of 2")
        a.send("mov r0, 24\r")
        a.send("store [0x10], r0\r")
        a.send("check\r")
        try a.expect("Exercise `store-age` passed!")
        b.send("load r0, [0x10]\r")
        b.send("add r0, 1\r")
        b.send("store [0x10], r0\r")
        b.send("check\r")
        try b.expect("Exercise `birthday` passed!")
        a.send("goto welcome#which-command\r")
        try a.expect("memlane [welcome")
        a.send("answer a\r")
        try a.expect("Not quite")
        b.send("goto memory#store-age\r")
        try b.expect("memlane [memory 4/")
        b.send("check\r") // b's simulator is fresh: a failed attempt, but the pass stays
        try b.expect("✘")
        a.send("answer b\r")
        try a.expect("Right!")
        a.send("quit\r")
        b.send("quit\r")
        #expect(a.waitForExit() == 0)
        #expect(b.waitForExit() == 0)

        #expect(exercise("memory", "store-age")?["status"] as? String == "passed")
        #expect(exercise("memory", "store-age")?["attempts"] as? Int == 3)
        #expect(exercise("memory", "birthday")?["status"] as? String == "passed")
        #expect(exercise("memory", "birthday")?["attempts"] as? Int == 1)
        #expect(exercise("memory", "birthday")?["hints"] as? Int == 1)
        #expect(quiz("welcome", "which-command")?["correct"] as? Bool == true)
        #expect(quiz("welcome", "which-command")?["attempts"] as? Int == 2)
    }

    /// Two tutors writing as fast as they can at the same time: no update
    /// is lost (every `check` counts once).
    @Test func concurrentWritersLoseNothing() throws {
        let moves = "goto welcome#first-move\n" + String(repeating: "check\n", count: 60) + "quit\n"
        let runs = try (0..<2).map { _ in try PipedProcess(environment: environment) }
        for run in runs { run.send(moves) }
        for run in runs {
            #expect(run.waitForExit() == 0)
        }
        #expect(exercise("welcome", "first-move")?["attempts"] as? Int == 120)
        #expect(exercise("welcome", "first-move")?["status"] as? String == "failed")
    }
}
