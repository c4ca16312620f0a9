import Foundation
import Testing

/// memlane driven through a pipe, the way scripts and CI drive it.
@Suite struct PipedTranscriptTests {
    @Test func solvesChapterTwoAndShowsItInProgressJSON() throws {
        let home = MemlaneBinary.temporaryHome()
        let moves = """
        goto memory#store-age
        mov r0, 24
        store [0x10], r0
        check
        goto memory#birthday
        load r0, [0x10]
        add r0, 1
        store [0x10], r0
        check
        goto memory#named-bytes
        .var age
        .var score
        store [age], 24
        store [score], 3
        check
        answer 5
        quit
        """
        let run = try MemlaneBinary.run([], input: moves, home: home)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Exercise `store-age` passed!"))
        #expect(run.stdout.contains("Exercise `birthday` passed!"))
        #expect(run.stdout.contains("Exercise `named-bytes` passed!"))
        #expect(!run.stdout.contains("\u{1B}"), "piped output must be plain")
        #expect(!run.stdout.contains("memlane ["), "no prompt when piped")

        let json = try MemlaneBinary.run(["progress", "--json"], home: home)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let lessons = object["lessons"] as! [String: Any]
        let memory = lessons["memory"] as! [String: Any]
        let exercises = memory["exercises"] as! [String: [String: Any]]
        for id in ["store-age", "birthday", "named-bytes"] {
            #expect(exercises[id]?["status"] as? String == "passed", "\(id)")
            #expect(exercises[id]?["attempts"] as? Int == 1, "\(id)")
        }
        let quizzes = memory["quizzes"] as! [String: [String: Any]]
        #expect(quizzes["var-address"]?["correct"] as? Bool == true)
        let position = object["position"] as! [String: Any]
        #expect(position["lesson"] as? String == "memory")
    }

    @Test func errorsDoNotStopTheScript() throws {
        let home = MemlaneBinary.temporaryHome()
        let run = try MemlaneBinary.run([], input: "frobnicate\nmov r9, 1\ngoto nowhere\ntoc\n", home: home)
        #expect(run.status == 0)
        #expect(run.stdout.contains("Memory before variables"))
        #expect(run.stdout.contains("r9"))
    }

    @Test func tocAndLintFromTheCommandLine() throws {
        let home = MemlaneBinary.temporaryHome()
        let toc = try MemlaneBinary.run(["toc"], home: home)
        #expect(toc.status == 0)
        #expect(toc.stdout.contains("0  Welcome"))
        let lint = try MemlaneBinary.run(["lint", MemlaneBinary.repository.appendingPathComponent("Lessons").path], home: home)
        #expect(lint.status == 0, "\(lint.stdout)")
        let broken = MemlaneBinary.repository.appendingPathComponent("Tests/TutorTests/Fixtures/broken-book").path
        let bad = try MemlaneBinary.run(["lint", broken], home: home)
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("one.md:13:1: the asm simulator has no state path `reg.r00`"))
    }

    @Test func aCorruptProgressFileIsMovedAsideAndTheTutorStarts() throws {
        let home = MemlaneBinary.temporaryHome()
        let folder = home.appendingPathComponent("state/memlane/memory-lane")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("garbage".utf8).write(to: folder.appendingPathComponent("progress.json"))
        let run = try MemlaneBinary.run([], input: "quit\n", home: home)
        #expect(run.status == 0)
        #expect(run.stdout.contains("could not be read"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.contains { $0.hasPrefix("progress.json.corrupt-") })
        #expect(names.contains("progress.json"))
    }
}
