import Foundation
import Testing
@testable import Tutor

func tempFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("memlane-test-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite struct ProgressStoreTests {
    @Test func savesAtomicallyAndResumes() throws {
        let file = tempFolder().appendingPathComponent("book/progress.json")
        let store = ProgressStore(file: file)
        store.update { p in
            p.position = .init(lesson: "memory", step: 3)
            p.updateExercise("memory", "store-age") { $0.attempts = 2; $0.status = .passed; $0.hints = 1 }
            p.updateQuiz("memory", "collision") { $0.attempts = 1; $0.correct = true }
        }
        let again = ProgressStore(file: file)
        #expect(again.progress.position == .init(lesson: "memory", step: 3))
        #expect(again.progress.exercise("memory", "store-age") == .init(status: .passed, attempts: 2, hints: 1))
        #expect(again.progress.quiz("memory", "collision").correct)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(!leftovers.contains { $0.contains(".tmp-") })
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let file = tempFolder().appendingPathComponent("progress.json")
        let store = ProgressStore(file: file)
        store.update { p in
            p.position = .init(lesson: "welcome", step: 1)
            p.updateExercise("welcome", "first-move") { $0.attempts = 1; $0.status = .failed }
            p.updateQuiz("welcome", "which-command") { $0.attempts = 1 }
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        let position = json["position"] as! [String: Any]
        #expect(position["lesson"] as? String == "welcome")
        #expect(position["step"] as? Int == 1)
        let lessons = json["lessons"] as! [String: Any]
        let welcome = lessons["welcome"] as! [String: Any]
        let ex = (welcome["exercises"] as! [String: Any])["first-move"] as! [String: Any]
        #expect(ex["status"] as? String == "failed")
        #expect(ex["attempts"] as? Int == 1)
        #expect(ex["hints"] as? Int == 0)
        let quiz = (welcome["quizzes"] as! [String: Any])["which-command"] as! [String: Any]
        #expect(quiz["correct"] as? Bool == false)
        #expect(quiz["attempts"] as? Int == 1)
    }

    @Test func corruptFileIsMovedAsideWithAWarning() throws {
        let folder = tempFolder()
        let file = folder.appendingPathComponent("progress.json")
        try Data("{ not json".utf8).write(to: file)
        let store = ProgressStore(file: file)
        #expect(store.progress == LearnerProgress())
        #expect(store.warning?.contains("progress.json.corrupt-") == true)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.contains { $0.hasPrefix("progress.json.corrupt-") })
        store.update { $0.position = .init(lesson: "a", step: 1) }
        #expect(ProgressStore(file: file).progress.position?.lesson == "a")
    }

    @Test func twoStoresOnOneFileKeepEachOthersWork() {
        let file = tempFolder().appendingPathComponent("progress.json")
        let a = ProgressStore(file: file)
        let b = ProgressStore(file: file)
        a.update { p in p.updateExercise("l", "x") { $0.attempts += 1; $0.status = .failed } }
        b.update { p in p.updateExercise("l", "x") { $0.attempts += 1; $0.status = .passed } }
        b.update { p in p.updateQuiz("l", "q") { $0.attempts += 1; $0.correct = true } }
        a.update { p in p.updateExercise("l", "y") { $0.attempts += 2 } }
        let merged = ProgressStore(file: file).progress
        #expect(merged.exercise("l", "x").attempts == 2)
        #expect(merged.exercise("l", "x").status == .passed)
        #expect(merged.quiz("l", "q").correct)
        #expect(merged.exercise("l", "y").attempts == 2)
    }

    /// A tutor killed while saving leaves `progress.json.tmp-PID`; the next
    /// save removes it, but never the temporary file of a live tutor.
    @Test func abandonedTemporaryFilesAreRemoved() throws {
        let folder = tempFolder()
        let file = folder.appendingPathComponent("progress.json")
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = folder.appendingPathComponent("progress.json.tmp-\(finished.processIdentifier)")
        let alive = folder.appendingPathComponent("progress.json.tmp-\(getppid())")
        for url in [dead, alive] { try Data("{\"half".utf8).write(to: url) }
        ProgressStore(file: file).update { $0.position = .init(lesson: "a", step: 1) }
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(FileManager.default.fileExists(atPath: alive.path))
    }

    /// `show` on the same step changes nothing and writes nothing (each
    /// write costs an fsync: it was most of the REPL's slowest commands).
    @Test func anUnchangedUpdateIsNotWritten() throws {
        let file = tempFolder().appendingPathComponent("progress.json")
        let store = ProgressStore(file: file)
        store.update { $0.position = .init(lesson: "a", step: 2) }
        try FileManager.default.removeItem(at: file)
        store.update { $0.position = .init(lesson: "a", step: 2) }
        #expect(!FileManager.default.fileExists(atPath: file.path))
        store.update { $0.position = .init(lesson: "a", step: 3) }
        #expect(ProgressStore(file: file).progress.position == .init(lesson: "a", step: 3))
    }

    @Test func stateFolderFollowsXDG() {
        #expect(ProgressStore.stateFolder(environment: ["XDG_STATE_HOME": "/x/state", "HOME": "/h"]).path == "/x/state/memlane")
        #expect(ProgressStore.stateFolder(environment: ["HOME": "/h"]).path == "/h/.local/state/memlane")
        #expect(ProgressStore.stateFolder(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path == "/h/.local/state/memlane")
    }
}
