import Foundation
import Testing

/// An instructor's first hour, through the binary: start a book, add a
/// lesson for every simulator, lint it, and play every generated exercise.
@Suite struct AuthoringTests {
    let home = MemlaneBinary.temporaryHome()

    func run(_ arguments: [String], input: String = "") throws -> MemlaneBinary.Result {
        try MemlaneBinary.run(arguments, input: input, home: home)
    }

    /// The body of the first ```NAME id=ID block of a lesson file.
    static func block(_ name: String, id: String, in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: "```\(name) id=\(id)") else { return [] }
        return Array(lines[(start + 1)...].prefix { $0 != "```" })
    }

    @Test func aBookWithALessonForEverySimulatorLintsAndPlays() throws {
        let book = home.appendingPathComponent("course")
        let made = try run(["new", "book", book.path, "--title", "A course"])
        #expect(made.status == 0, "\(made.stderr)")
        let empty = try run(["lint", book.path])
        #expect(empty.status == 0, "\(empty.stdout)")
        #expect(empty.stderr.contains("1 lessons, 0 exercises, 1 quizzes, 0 problem(s)"))

        let sims = try run(["sims", "--names"]).stdout.split(separator: "\n").map(String.init)
        #expect(sims.count >= 3)
        for sim in sims {
            let lesson = try run(["new", "lesson", "Playing with \(sim)", "--sim", sim, "--book", book.path])
            #expect(lesson.status == 0, "\(sim): \(lesson.stderr)")
            #expect(lesson.stdout.contains("lesson id `playing-with-\(sim)`"))
        }
        let quizOnly = try run(["new", "lesson", "Playing with asm", "--book", book.path])
        #expect(quizOnly.stdout.contains("lesson id `playing-with-asm-2`"), "ids are made unique")

        let lint = try run(["lint", book.path])
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stderr.contains("\(sims.count + 2) lessons, \(sims.count) exercises, \(sims.count + 2) quizzes, 0 problem(s)"))

        let summary = try String(contentsOf: book.appendingPathComponent("SUMMARY.md"), encoding: .utf8)
        for (n, sim) in sims.enumerated() {
            let file = String(format: "%02d-playing-with-%@.md", n + 1, sim)
            #expect(summary.contains("- [Playing with \(sim)](\(file))"))
            let text = try String(contentsOf: book.appendingPathComponent(file), encoding: .utf8)
            let solution = Self.block("solution", id: "try-it", in: text)
            #expect(!solution.isEmpty, "\(sim)")
            let quiz = Self.block("quiz", id: "which-command", in: text).filter { $0.hasPrefix("(") }
            let right = try #require(quiz.firstIndex { $0.hasPrefix("(x)") }, "\(sim)")
            let letter = String(UnicodeScalar(UInt8(97 + right)))
            let moves = ["goto playing-with-\(sim)#try-it", "check"] + solution + ["check", "answer \(letter)", "quit"]
            let played = try run(["--book", book.path], input: moves.joined(separator: "\n") + "\n")
            #expect(played.status == 0, "\(sim): \(played.stderr)")
            #expect(played.stdout.contains("✘"), "\(sim): the check fails before the solution")
            #expect(played.stdout.contains("Exercise `try-it` passed!"), "\(sim): \(played.stdout.suffix(800))")
            #expect(played.stdout.contains("✔ Right!"), "\(sim)")
        }
    }

    @Test func progressIsKeptPerBook() throws {
        let first = home.appendingPathComponent("first")
        let second = home.appendingPathComponent("second")
        #expect(try run(["new", "book", first.path]).status == 0)
        #expect(try run(["new", "book", second.path, "--id", "other-course"]).status == 0)
        #expect(try run(["new", "lesson", "Bytes", "--sim", "asm", "--book", first.path]).status == 0)

        let played = try run(["--book", first.path], input: "goto bytes\nmov r0, 42\nstore [0x20], r0\ncheck\nquit\n")
        #expect(played.stdout.contains("Exercise `try-it` passed!"))
        let mine = try run(["progress", "--json", "--book", first.path])
        #expect(mine.stdout.contains("\"passed\""))
        let other = try run(["progress", "--json", "--book", second.path])
        #expect(!other.stdout.contains("\"passed\""))
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("state/memlane/first/progress.json").path))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("state/memlane/other-course/progress.json").path))
        let toc = try run(["toc", "--book", first.path])
        #expect(toc.stdout.contains("◐ 1  Bytes"))
    }

    @Test func newRefusesWhatWouldBreakTheBook() throws {
        let book = home.appendingPathComponent("b")
        #expect(try run(["new", "book", book.path]).status == 0)
        let again = try run(["new", "book", book.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("is not empty"))
        let unknown = try run(["new", "lesson", "X", "--sim", "asmm", "--book", book.path])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("There is no simulator `asmm` (did you mean `asm`?)"))
        let noBook = try run(["new", "lesson", "X", "--book", home.path])
        #expect(noBook.status == 1)
        #expect(noBook.stderr.contains("no SUMMARY.md"))
    }

    @Test func lintSpeaksJSON() throws {
        let broken = MemlaneBinary.repository.appendingPathComponent("Tests/TutorTests/Fixtures/broken-book").path
        let lint = try run(["lint", broken, "--format", "json"])
        #expect(lint.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(lint.stdout.utf8)) as? [[String: Any]])
        let hit = try #require(array.first { ($0["message"] as? String)?.contains("reg.r00") == true })
        #expect(hit["file"] as? String == broken + "/one.md")
        #expect(hit["line"] as? Int == 13)
        #expect(hit["column"] as? Int == 1)
        #expect(hit["severity"] as? String == "error")
        #expect(hit["message"] as? String == "the asm simulator has no state path `reg.r00` (did you mean `reg.r0`?)")
        for entry in array { #expect(Set(entry.keys) == ["file", "line", "column", "severity", "message"]) }
    }
}
