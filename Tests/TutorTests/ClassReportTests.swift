@testable import Book
import Foundation
import Testing
@testable import Tutor

/// `memlane report`: exports merged into figures per lesson.
@Suite struct ClassReportTests {
    /// A book: welcome (a quiz) and an asm lesson (an exercise and a quiz).
    func makeBook(version: String = "1") throws -> Book {
        let folder = tempFolder().appendingPathComponent("course")
        try BookScaffold.newBook(at: folder, title: "Course")
        try BookScaffold.newLesson(title: "Bytes", simulator: "asm", in: folder)
        let summary = folder.appendingPathComponent("SUMMARY.md")
        let text = try String(contentsOf: summary, encoding: .utf8).replacingOccurrences(of: "version: 1", with: "version: \(version)")
        try text.write(to: summary, atomically: true, encoding: .utf8)
        return try #require(BookLoader.load(folder).book)
    }

    func export(_ learner: String, _ book: Book, at seconds: Double = 0, _ change: (inout LearnerProgress) -> Void) -> ProgressExport {
        var p = LearnerProgress()
        change(&p)
        return ProgressExport(learner: learner, book: book, progress: p, date: Date(timeIntervalSince1970: 1_700_000_000 + seconds))
    }

    func passed(_ p: inout LearnerProgress, attempts: Int, hints: Int) {
        p.updateExercise("bytes", "try-it") { $0.status = .passed; $0.attempts = attempts; $0.hints = hints }
    }

    @Test func figuresPerLesson() throws {
        let v1 = try makeBook()
        let v2 = try makeBook(version: "2")
        let files: [(name: String, result: Result<ProgressExport, ProgressExport.Problem>)] = [
            ("ann.json", .success(export("ann", v2) { p in
                passed(&p, attempts: 1, hints: 0)
                p.updateQuiz("bytes", "which-command") { $0.correct = true; $0.attempts = 1 }
                p.updateQuiz("welcome", "which-command") { $0.correct = true; $0.attempts = 2 }
            })),
            ("bob.json", .success(export("bob", v2) { p in
                passed(&p, attempts: 4, hints: 2)
                p.updateQuiz("bytes", "which-command") { $0.correct = false; $0.attempts = 3 }
            })),
            ("cy.json", .success(export("cy", v1) { p in
                p.updateExercise("bytes", "try-it") { $0.status = .failed; $0.attempts = 2; $0.hints = 1 }
            })),
            ("dee.json", .success(export("dee", v2) { p in
                p.position = .init(lesson: "welcome", step: 1)
            })),
            ("bad.json", .failure(.init("not a memlane progress export"))),
        ]
        let report = ClassReport.build(files)
        #expect(report.bookID == "course")
        #expect(report.version == "2")
        #expect(report.learners == ["ann", "bob", "cy", "dee"])
        #expect(report.skipped == [.init(file: "bad.json", reason: "not a memlane progress export")])
        #expect(report.notes == ["Merged 1 export(s) from an older version of the book (version 1: cy); lessons, exercises or quizzes may have changed since."])
        #expect(report.rows.count == 2)
        let welcome = report.rows[0], bytes = report.rows[1]
        #expect(welcome.lesson == "welcome")
        #expect(welcome.started == 2)
        #expect(welcome.exercisesPossible == 0)
        #expect(welcome.quizAnswers == 2)
        #expect(welcome.quizRight == 1)
        #expect(bytes.started == 3)
        #expect(bytes.exercisesPassed == 2)
        #expect(bytes.exercisesPossible == 4)
        #expect(bytes.medianAttempts == 2)      // 1, 2, 4
        #expect(bytes.medianHints == 1)         // 0, 1, 2
        #expect(bytes.quizAnswers == 4)
        #expect(bytes.quizRight == 1)

        #expect(report.csv() == """
        lesson,title,learners,started,exercises_passed,exercises_possible,median_attempts,median_hints,quiz_answers,quiz_right,quiz_accuracy_percent
        welcome,Welcome,4,2,0,0,,,2,1,50
        bytes,Bytes,4,3,2,4,2,1,4,1,25

        """)
        let table = report.table()
        #expect(table.contains("book `course`, version 2; 4 learner(s): ann, bob, cy, dee"))
        func gap(_ n: Int) -> String { String(repeating: " ", count: n) }
        #expect(table.contains("bytes" + gap(25) + "3/4" + gap(7) + "2/4" + gap(8) + "2" + gap(6) + "1" + gap(10) + "25% (1/4)"))
        #expect(table.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(table)")
        #expect(table.contains("Merged 1 export(s) from an older version of the book (version 1: cy); lessons,\nexercises or quizzes may have changed since."))
    }

    @Test func evenMediansTheLatestExportAndOtherBooks() throws {
        let book = try makeBook()
        let files: [(name: String, result: Result<ProgressExport, ProgressExport.Problem>)] = [
            ("a1", .success(export("ann", book, at: 0) { passed(&$0, attempts: 9, hints: 9) })),
            ("b", .success(export("bob", book) { passed(&$0, attempts: 2, hints: 0) })),
            ("a2", .success(export("ann", book, at: 60) { passed(&$0, attempts: 1, hints: 1) })),
            ("x", .success(ProgressExport(learner: "eve", book: Book(id: "other", title: "Other", version: "1",
                                                                       folder: book.folder, lessons: []), progress: LearnerProgress()))),
        ]
        let report = ClassReport.build(files)
        #expect(report.learners == ["bob", "ann"])
        #expect(report.rows[1].medianAttempts == 1.5)
        #expect(report.rows[1].medianHints == 0.5)
        #expect(report.notes == ["ann has 2 exports; the latest is used."])
        #expect(report.skipped == [.init(file: "x", reason: "for the book `other`, not `course`")])
        #expect(report.table().contains("1.5"))
    }

    @Test func exportsRoundTripAndCorruptFilesAreRefused() throws {
        let book = try makeBook()
        let folder = tempFolder()
        let good = folder.appendingPathComponent("good.json")
        var e = export("ann\u{1B}[31m", book) { passed(&$0, attempts: 1, hints: 0) }
        try e.encoded().write(to: good)
        let read = try ProgressExport.read(good).get()
        #expect(read == e)
        #expect(read.learner == "ann^[[31m")
        #expect(read.lessons.map(\.id) == ["welcome", "bytes"])
        #expect(read.lessons[1].exercises == ["try-it"])

        let corrupt = folder.appendingPathComponent("corrupt.json")
        try Data("{\"format\": \"memlane-progress-export\", \"learner\":".utf8).write(to: corrupt)
        #expect(throws: ProgressExport.Problem("not a memlane progress export (invalid JSON or missing fields)")) {
            try ProgressExport.read(corrupt).get()
        }
        e.format = "something else"
        try e.encoded().write(to: corrupt)
        #expect(throws: ProgressExport.Problem("not a memlane progress export")) { try ProgressExport.read(corrupt).get() }
        var hostile = export("eve", book) { _ in }
        hostile.learner = "eve\u{1B}]0;owned\u{07}"
        hostile.book.title = "T\u{1B}[2J"
        hostile.lessons[0].title = "W\u{9B}"
        try hostile.encoded().write(to: corrupt)
        let cleaned = try ProgressExport.read(corrupt).get()
        #expect(cleaned.learner == "eve^[]0;owned^G")
        #expect(cleaned.book.title == "T^[[2J")
        #expect(cleaned.lessons[0].title == "W\u{FFFD}")
        #expect(throws: ProgressExport.Problem("cannot be read")) {
            try ProgressExport.read(folder.appendingPathComponent("missing.json")).get()
        }
    }

    @Test func versionsCompareByNumber() {
        #expect(ClassReport.compareVersions("2", "10") < 0)
        #expect(ClassReport.compareVersions("1.2", "1.10") < 0)
        #expect(ClassReport.compareVersions("1.0", "1") == 0)
        #expect(ClassReport.compareVersions("beta", "alpha") > 0)
        #expect(ClassReport.csvField("=SUM(A1)") == "'=SUM(A1)")
        #expect(ClassReport.csvField("a, \"b\"") == "\"a, \"\"b\"\"\"")
        #expect(ClassReport.csvField("-3") == "-3")
    }
}
