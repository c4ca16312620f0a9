import Book
import Foundation
import Testing
import TextKit
@testable import Tutor

/// A session on the shipped book with its own state folder.
func makeSession(book folder: URL = Repository.lessons) throws -> Session {
    let (book, diagnostics) = BookLoader.load(folder)
    #expect(diagnostics.isEmpty)
    let store = ProgressStore(file: tempFolder().appendingPathComponent("progress.json"))
    return Session(book: try #require(book), store: store, options: SessionOptions(width: 80))
}

extension Session {
    /// Plain text of the reply.
    func say(_ line: String) -> String { Ink.strip(handle(line).text) }
}

@Suite struct SessionTests {
    @Test func startsAtTheFirstStepAndMoves() throws {
        let s = try makeSession()
        let start = Ink.strip(s.start())
        #expect(start.contains("Lesson 0 · Welcome"))
        #expect(s.prompt == "memlane [welcome 1/5]> ")
        #expect(s.say("next").contains("Moving around"))
        #expect(s.prompt == "memlane [welcome 2/5]> ")
        _ = s.say("n")
        _ = s.say("b")
        #expect(s.prompt == "memlane [welcome 2/5]> ")
        _ = s.say("goto memory")
        #expect(s.prompt.hasPrefix("memlane [memory 1/"))
        _ = s.say("goto 1")
        #expect(s.prompt.hasPrefix("memlane [why-memory-matters 1/"))
        _ = s.say("goto memory#birthday")
        #expect(s.prompt.hasPrefix("memlane [memory 5/"))
        #expect(s.say("goto memroy").contains("(did you mean `memory`?)"))
        #expect(s.say("goto 99").contains("There is no lesson 99"))
        #expect(s.store.progress.position?.lesson == "memory")
    }

    @Test func checkRecordsFailuresThenAPass() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("goto welcome#first-move")
        #expect(s.say("solution").contains("Try `check`"))
        let fail = s.say("check")
        #expect(fail.contains("✘ reg.r0 == 42"))
        #expect(fail.contains("r0 holds 0; it should hold 42."))
        #expect(s.store.progress.exercise("welcome", "first-move") == .init(status: .failed, attempts: 1, hints: 0))
        #expect(s.say("hint").contains("Hint 1 of 2"))
        #expect(s.say("hint").contains("Hint 2 of 2"))
        #expect(s.say("hint 1").contains("`mov` puts a number"))
        #expect(s.say("hint 3").contains("N from 1 to 2"))
        #expect(s.store.progress.exercise("welcome", "first-move").hints == 2)
        #expect(s.say("solution").contains("mov r0, 42"))
        #expect(s.say("mov r0, 42") == "r0 = 42")
        let pass = s.say("check")
        #expect(pass.contains("✔ reg.r0 == 42"))
        #expect(pass.contains("Exercise `first-move` passed!"))
        #expect(s.store.progress.exercise("welcome", "first-move") == .init(status: .passed, attempts: 2, hints: 2))
    }

    @Test func undoAndReset() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("goto memory#birthday")
        _ = s.say("load r0, [0x10]")
        _ = s.say("add r0, 1")
        #expect(s.say("eval reg.r0") == "25")
        _ = s.say("undo")
        #expect(s.say("eval reg.r0") == "24")
        _ = s.say("regs") // a view: not recorded for undo
        _ = s.say("undo")
        #expect(s.say("eval reg.r0") == "0")
        #expect(s.say("undo") == "Nothing to undo.")
        _ = s.say("store [0x10], 99")
        #expect(s.say("reset").contains("back at its start"))
        #expect(s.say("eval mem[0x10]") == "24")
    }

    @Test func undoSkipsCommandsThatChangedNothing() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("sandbox frames")
        _ = s.say("malloc p 16")
        _ = s.say("heap") // shares its verb with `heap size`, but changes nothing
        _ = s.say("undo")
        #expect(s.say("eval heap.blocks") == "0")
    }

    @Test func workOnAnExerciseSurvivesLeavingAndComingBack() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("goto memory#store-age")
        _ = s.say("mov r0, 24")
        _ = s.say("next")
        _ = s.say("back")
        #expect(s.say("eval reg.r0") == "24")
    }

    @Test func quizzesRecordAttemptsAndExplain() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("goto welcome#which-command")
        let wrong = s.say("answer a")
        #expect(wrong.contains("Not quite"))
        #expect(wrong.contains("`reset` starts the whole exercise over."))
        #expect(s.say("answer q").contains("not one of the choices"))
        #expect(s.say("answer b").contains("Right!"))
        #expect(s.store.progress.quiz("welcome", "which-command") == .init(correct: true, attempts: 2))
        _ = s.say("goto why-memory-matters")
        _ = s.say("next")
        #expect(s.say("answer 57%").contains("Right!"))
    }

    @Test func stateEvalAndHelp() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("goto memory#named-bytes")
        _ = s.say(".var age")
        #expect(s.say("state vars") == "{age: 0}")
        #expect(s.say("state").contains("steps = 0"))
        #expect(s.say("eval vars.age + 1") == "1")
        let bad = s.say("eval vars.agee")
        #expect(bad.contains("(did you mean `age`?)"))
        #expect(bad.contains("^^^^^^^^^"))
        #expect(s.say("help").contains("Commands of the asm simulator"))
        #expect(s.say("help state").contains("vars.*"))
        #expect(s.say("help mov").contains("mov R, IMM|R"))
        #expect(s.say("help chek").contains("(did you mean `check`?)"))
    }

    @Test func unknownCommandsAndTheSandbox() throws {
        let s = try makeSession()
        _ = s.start()
        _ = s.say("goto 1") // no simulator in this lesson
        #expect(s.say("chekc").contains("(did you mean `check`?)"))
        #expect(s.say("sandbox").contains("asm"))
        #expect(s.say("sandbox asn").contains("(did you mean `asm`?)"))
        _ = s.say("sandbox asm")
        #expect(s.prompt == "memlane [sandbox asm]> ")
        #expect(s.say("mov r2, 5") == "r2 = 5")
        #expect(s.say("check").contains("sandbox"))
        _ = s.say("show")
        #expect(s.prompt.hasPrefix("memlane [why-memory-matters"))
    }

    @Test func tutorCommandsCanBeForcedWithAColon() throws {
        let s = try makeSession()
        _ = s.start()
        #expect(s.say(":toc").contains("Welcome"))
        #expect(s.say(":nope").contains("not a tutor command"))
    }

    @Test func hugeLinesAreRefused() throws {
        let s = try makeSession()
        _ = s.start()
        let reply = s.say(String(repeating: "x", count: 70_000))
        #expect(reply.contains("longer than 64 KiB"))
    }

    @Test func completion() throws {
        let s = try makeSession()
        _ = s.start()
        #expect(s.complete("che") == .init(insert: "ck ", candidates: []))
        #expect(s.complete("s")?.candidates.contains("sandbox") == true)
        #expect(s.complete("goto mem") == .init(insert: "ory", candidates: []))
        #expect(s.complete("sandbox as") == .init(insert: "m ", candidates: []))
        #expect(s.complete("sandbox a")?.candidates == ["arena", "asm"])
        _ = s.say("goto memory#named-bytes")
        _ = s.say(".var age")
        #expect(s.complete("mov r")?.candidates == ["r0", "r1", "r2", "r3"])
        #expect(s.complete("store [a") == .init(insert: "ge", candidates: []))
        #expect(s.complete("mov r0, a") == .init(insert: "ge ", candidates: []))
        #expect(s.complete(":he") == .init(insert: "lp ", candidates: []))
    }

    @Test func resumesWhereTheLearnerStopped() throws {
        let (book, _) = BookLoader.load(Repository.lessons)
        let file = tempFolder().appendingPathComponent("progress.json")
        let first = Session(book: book!, store: ProgressStore(file: file), options: SessionOptions())
        _ = first.start()
        _ = first.say("goto memory")
        _ = first.say("next")
        let second = Session(book: book!, store: ProgressStore(file: file), options: SessionOptions())
        #expect(Ink.strip(second.start()).contains("Welcome back"))
        #expect(second.prompt.hasPrefix("memlane [memory 2/"))
    }
}
