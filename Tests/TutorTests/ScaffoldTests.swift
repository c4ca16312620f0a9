import Book
import Foundation
import Simulators
import TextKit
import Testing
@testable import Tutor

/// `memlane new`: what it writes passes lint for every simulator, with or
/// without the simulator's example.
@Suite struct ScaffoldTests {
    func lint(_ folder: URL) -> [String] {
        Linter.lint(folder: folder, shownAs: "b").diagnostics.map(\.description)
    }

    @Test func everySimulatorInTheCatalogGivesAnExample() {
        for type in SimulatorCatalog.all {
            #expect(type.info.example != nil,
                    "the \(type.info.name) simulator gives no `example:` in its SimulatorInfo (see docs/ARCHITECTURE.md, the simulator protocol)")
            #expect((type.info.example?.hints.count ?? 2) == 2, "\(type.info.name): give two hints or none")
        }
    }

    @Test func aNewBookAndALessonPerSimulatorLintClean() throws {
        let folder = tempFolder().appendingPathComponent("course")
        #expect(try BookScaffold.newBook(at: folder, title: "Course: one") == ["SUMMARY.md", "00-welcome.md"])
        #expect(lint(folder) == [])
        for type in SimulatorCatalog.all {
            let made = try BookScaffold.newLesson(title: "All about \(type.info.name)", simulator: type.info.name, in: folder)
            #expect(made.id == "all-about-\(type.info.name)")
            #expect(!made.withoutExercise)
        }
        #expect(lint(folder) == [])
        let (book, _) = BookLoader.load(folder)
        #expect(book?.id == "course")
        #expect(book?.title == "Course: one")
        #expect(book?.lessons.count == SimulatorCatalog.all.count + 1)
        for lesson in book?.lessons.dropFirst() ?? [] {
            #expect(lesson.steps.count == 1)
            #expect(lesson.exercises.map(\.id) == ["try-it"])
            #expect(lesson.exercises.first?.hints.count == 2)
            #expect(lesson.quizzes.map(\.id) == ["which-command"])
        }
    }

    @Test func aSimulatorWithoutAnExampleGetsAQuizOnlyLessonThatLints() throws {
        let folder = tempFolder().appendingPathComponent("b")
        try BookScaffold.newBook(at: folder)
        var info = AsmSimulator.info
        info.example = nil
        let text = LessonTemplate.lesson(id: "bare", title: "Bare", simulator: info)
        #expect(!text.contains("```exercise"))
        #expect(text.contains("```quiz id=which-command"))
        try text.write(to: folder.appendingPathComponent("bare.md"), atomically: true, encoding: .utf8)
        try "- [Bare](bare.md)\n".append(to: folder.appendingPathComponent("SUMMARY.md"))
        #expect(lint(folder) == [])
    }

    @Test func titlesBecomeUniqueSlugsAndNumberedFiles() throws {
        #expect(Identifier.slug("Stacks that grow!") == "stacks-that-grow")
        #expect(Identifier.slug("  Go 1.22: arenas  ") == "go-1-22-arenas")
        #expect(Identifier.slug("スタック") == "lesson")
        #expect(Identifier.slug("2024 in review") == "lesson-2024-in-review")
        #expect(Identifier.slug(String(repeating: "ab ", count: 40)).count <= Identifier.slugLength)
        #expect(BookScaffold.numberPrefix(["00-welcome.md", "01-a.md", "09-b.md"]) == "10-")
        #expect(BookScaffold.numberPrefix(["welcome.md", "01-a.md"]) == "")
        #expect(BookScaffold.numberPrefix(["part/007-x.md"]) == "008-")

        let folder = tempFolder().appendingPathComponent("b")
        try BookScaffold.newBook(at: folder)
        let a = try BookScaffold.newLesson(title: "Heap \"and\" [stack]: a #tour", simulator: nil, in: folder)
        let b = try BookScaffold.newLesson(title: "Heap and stack a tour", simulator: "frames", in: folder)
        #expect(a == .init(file: "01-heap-and-stack-a-tour.md", id: "heap-and-stack-a-tour", withoutExercise: false))
        #expect(b == .init(file: "02-heap-and-stack-a-tour.md", id: "heap-and-stack-a-tour-2", withoutExercise: false))
        let summary = try String(contentsOf: folder.appendingPathComponent("SUMMARY.md"), encoding: .utf8)
        #expect(summary.hasSuffix("- [Heap \"and\" \\[stack\\]: a #tour](01-heap-and-stack-a-tour.md)\n- [Heap and stack a tour](02-heap-and-stack-a-tour.md)\n"))
        #expect(lint(folder) == [])
        #expect(BookLoader.load(folder).book?.lessons[1].title == "Heap \"and\" [stack]: a #tour")
    }

    @Test func refusals() throws {
        let folder = tempFolder().appendingPathComponent("b")
        try BookScaffold.newBook(at: folder)
        #expect(throws: ScaffoldError(L("{0} is not empty: a new book needs an empty or new folder", folder.path))) {
            try BookScaffold.newBook(at: folder)
        }
        #expect(throws: ScaffoldError("There is no simulator `asmm` (did you mean `asm`?)")) {
            try BookScaffold.newLesson(title: "x", simulator: "asmm", in: folder)
        }
        #expect(throws: ScaffoldError("the title is empty")) {
            try BookScaffold.newLesson(title: "  ", simulator: nil, in: folder)
        }
        #expect(throws: ScaffoldError("`Bad_ID` is not a valid id: use lowercase letters, digits and `-`")) {
            try BookScaffold.newBook(at: tempFolder().appendingPathComponent("c"), id: "Bad_ID")
        }
    }

    @Test func theQuizAnswerIsAVerbAndItsPlaceDependsOnTheNameOnly() {
        let asm = LessonTemplate.quiz(for: AsmSimulator.info, others: [])
        #expect(asm.contains("? Which command of the `asm` simulator does this: put a number, or another register's value, in register R?"))
        #expect(asm.contains("(x) `mov`"))
        #expect(asm == LessonTemplate.quiz(for: AsmSimulator.info, others: []))
        // "arena" names itself in its summary, so `new` is asked about instead.
        #expect(LessonTemplate.quiz(for: ArenaSimulator.info, others: []).contains("(x) `new`"))
    }
}

extension String {
    func append(to url: URL) throws {
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(utf8))
    }
}
