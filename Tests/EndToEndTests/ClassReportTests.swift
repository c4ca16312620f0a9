import Foundation
import Testing

/// Learners export their progress; the instructor merges the exports.
@Suite struct ClassReportTests {
    let folder = MemlaneBinary.temporaryHome()

    /// One learner with their own HOME playing `moves` in the book, then exporting.
    func learner(_ name: String, _ book: URL, _ moves: [String]) throws -> URL {
        let home = folder.appendingPathComponent("home-" + name)
        let played = try MemlaneBinary.run(["--book", book.path], input: (moves + ["quit"]).joined(separator: "\n") + "\n", home: home)
        #expect(played.status == 0, "\(played.stderr)")
        let file = folder.appendingPathComponent(name + ".json")
        let export = try MemlaneBinary.run(["progress", "--export", file.path, "--book", book.path],
                                           home: home, extra: ["USER": name])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("Wrote the progress of \(name) in course"))
        return file
    }

    func setVersion(_ book: URL, _ version: Int) throws {
        let summary = book.appendingPathComponent("SUMMARY.md")
        let text = try String(contentsOf: summary, encoding: .utf8)
        try text.replacingOccurrences(of: #"version: \d+"#, with: "version: \(version)", options: .regularExpression)
            .write(to: summary, atomically: true, encoding: .utf8)
    }

    @Test func exportsFromSeveralLearnersAnOlderVersionAndACorruptFile() throws {
        let book = folder.appendingPathComponent("course")
        #expect(try MemlaneBinary.run(["new", "book", book.path], home: folder).status == 0)
        #expect(try MemlaneBinary.run(["new", "lesson", "Bytes", "--sim", "asm", "--book", book.path], home: folder).status == 0)

        // Version 1: cy fails once, takes a hint, then passes.
        let cy = try learner("cy", book, ["goto bytes#try-it", "check", "hint", "store [0x20], 42", "check"])
        try setVersion(book, 2)
        let ann = try learner("ann", book, ["answer b", "goto bytes#try-it", "store [0x20], 42", "check", "answer a"])
        let bob = try learner("bob", book, ["goto bytes#try-it", "check", "check", "hint", "hint", "store [0x20], 42", "check"])
        let corrupt = folder.appendingPathComponent("corrupt.json")
        try Data("{\"format\": \"memlane-progress-export\", \"learn".utf8).write(to: corrupt)

        let files = [ann.path, bob.path, cy.path, corrupt.path]
        let report = try MemlaneBinary.run(["report"] + files, home: folder)
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stderr == "skipped \(corrupt.path): not a memlane progress export (invalid JSON or missing fields)\n")
        #expect(report.stdout.contains("book `course`, version 2; 3 learner(s): ann, bob, cy"))
        #expect(report.stdout.contains("Merged 1 export(s) from an older version of the book (version 1: cy);"))

        let csv = try MemlaneBinary.run(["report", "--csv"] + files, home: folder)
        #expect(csv.status == 0)
        // welcome: only ann answered its quiz (right at once); bytes: checks 1, 3, 2 and hints 0, 2, 1.
        #expect(csv.stdout == """
        lesson,title,learners,started,exercises_passed,exercises_possible,median_attempts,median_hints,quiz_answers,quiz_right,quiz_accuracy_percent
        welcome,Welcome,3,1,0,0,,,1,1,100
        bytes,Bytes,3,3,3,3,2,1,1,1,100

        """)
        #expect(csv.stderr.contains("skipped \(corrupt.path)"))
        #expect(csv.stderr.contains("version 1: cy"))

        let nothing = try MemlaneBinary.run(["report", corrupt.path], home: folder)
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("No export could be merged."))
    }
}
