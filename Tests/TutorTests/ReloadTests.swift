import Book
import Foundation
import Testing
import TextKit
@testable import Tutor

/// `reload`: the book is re-read and linted; the learner keeps their place
/// and their work where the exercise did not change.
@Suite struct ReloadTests {
    /// A book with a welcome lesson and an asm lesson of three steps.
    func makeBook() throws -> (folder: URL, lesson: URL) {
        let folder = tempFolder().appendingPathComponent("b")
        try BookScaffold.newBook(at: folder)
        let made = try BookScaffold.newLesson(title: "Bytes", simulator: "asm", in: folder)
        let lesson = folder.appendingPathComponent(made.file)
        try edit(lesson) { $0 + "\n## Two\n\nStep two.\n\n## Three\n\nStep three.\n" }
        return (folder, lesson)
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        try change(text).write(to: file, atomically: true, encoding: .utf8)
    }

    func session(_ folder: URL) throws -> Session {
        let store = ProgressStore(file: tempFolder().appendingPathComponent("progress.json"))
        // Wide enough that long temporary paths in diagnostics stay on one line.
        let s = Session(book: try #require(BookLoader.load(folder).book), store: store, options: SessionOptions(width: 400))
        _ = s.start()
        return s
    }

    @Test func theLearnerStaysOnTheStepAndSeesTheEdit() throws {
        let (folder, lesson) = try makeBook()
        let s = try session(folder)
        _ = s.say("goto bytes")
        _ = s.say("next")
        #expect(s.prompt == "memlane [bytes 2/3]> ")
        try edit(lesson) { $0.replacingOccurrences(of: "Step two.", with: "Step two, edited.") }
        let reply = s.say("reload")
        #expect(reply.hasPrefix("The book was reloaded."))
        #expect(reply.contains("Step two, edited."))
        #expect(s.prompt == "memlane [bytes 2/3]> ")
    }

    @Test func aVanishedStepIsClampedAndAVanishedLessonKeepsTheIndex() throws {
        let (folder, lesson) = try makeBook()
        let s = try session(folder)
        _ = s.say("goto bytes")
        _ = s.say("next")
        _ = s.say("next")
        #expect(s.prompt == "memlane [bytes 3/3]> ")
        try edit(lesson) { String($0[..<$0.range(of: "\n## Three")!.lowerBound]) + "\n" }
        _ = s.say("reload")
        #expect(s.prompt == "memlane [bytes 2/2]> ")
        try edit(lesson) { $0.replacingOccurrences(of: "id: bytes", with: "id: octets") }
        _ = s.say("reload")
        #expect(s.prompt == "memlane [octets 2/2]> ")
    }

    @Test func aBrokenBookIsShownAndKeptOutUntilFixed() throws {
        let (folder, lesson) = try makeBook()
        let s = try session(folder)
        _ = s.say("goto bytes#try-it")
        try edit(lesson) { $0.replacingOccurrences(of: "mem[0x20] == 42", with: "mem[0x20] == 42 &&") }
        let broken = s.say("reload")
        #expect(broken.hasPrefix("The book has problems, so the tutor keeps the version it had."))
        #expect(broken.contains("01-bytes.md:18:20: expected an expression but the line ended"))
        // The old book still works.
        #expect(s.say("mov r0, 42") == "r0 = 42")
        #expect(s.say("store [0x20], r0") == "[0x20] = 42")
        #expect(s.say("check").contains("Exercise `try-it` passed!"))
        try edit(lesson) { $0.replacingOccurrences(of: "mem[0x20] == 42 &&", with: "mem[0x20] == 42") }
        #expect(s.say("reload").hasPrefix("The book was reloaded."))
    }

    @Test func workIsKeptUnlessTheSetupChanged() throws {
        let (folder, lesson) = try makeBook()
        let s = try session(folder)
        _ = s.say("goto bytes#try-it")
        _ = s.say("mov r0, 42")
        try edit(lesson) { $0.replacingOccurrences(of: "Make it hold 42.", with: "Make it hold 42, please.") }
        _ = s.say("reload")
        #expect(s.say("eval reg.r0") == "42", "the task changed, not the setup: the work stays")
        try edit(lesson) { $0.replacingOccurrences(of: "store [0x20], 7\n```", with: "store [0x20], 8\n```") }
        _ = s.say("reload")
        #expect(s.say("eval reg.r0") == "0", "a new setup starts the exercise afresh")
        #expect(s.say("eval mem[0x20]") == "8")
    }
}
