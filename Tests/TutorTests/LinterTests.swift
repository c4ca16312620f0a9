import Foundation
import Testing
@testable import Tutor

/// The repository's folders, found from this file.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let lessons = root.appendingPathComponent("Lessons")
    static let fixtures = root.appendingPathComponent("Tests/TutorTests/Fixtures")
}

@Suite struct LinterTests {
    /// Warnings are allowed: a lesson not yet translated in `Lessons/ja/`
    /// is one, and learners then read the original.
    @Test func theShippedBookIsClean() {
        let (book, diagnostics) = Linter.lint(folder: Repository.lessons, shownAs: "Lessons")
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.description).joined(separator: "\n"))")
        #expect(diagnostics.allSatisfy { $0.severity == .error || $0.description.contains("not translated yet") },
                "\(diagnostics.map(\.description).joined(separator: "\n"))")
        #expect((book?.lessons.count ?? 0) >= 3)
    }

    @Test func aBrokenBookGetsOneErrorPerFault() {
        let (_, diagnostics) = Linter.lint(folder: Repository.fixtures.appendingPathComponent("broken-book"), shownAs: "bb")
        let got = diagnostics.map(\.description)
        let want = [
            "bb/SUMMARY.md:5:13: `three.md` does not exist",
            "bb/dup.md:2:1: lesson id `one` is already used by bb/one.md",
            "bb/stray.md:1:1: `stray.md` is not listed in SUMMARY.md",
            "bb/one.md:76:1: exercise `no-solution` has no ```solution id=no-solution block",
            "bb/one.md:83:1: hint id=nobody belongs to no exercise",
            "bb/one.md:91:4: unknown directive `exercize` (did you mean `exercise`?)",
            "bb/one.md:96:1: a single-choice quiz needs exactly one correct choice `(x)`, found 0",
            "bb/one.md:100:7: `nowhere.go` is not in Content/",
            "bb/one.md:13:1: the asm simulator has no state path `reg.r00` (did you mean `reg.r0`?)",
            "bb/one.md:24:1: the asm simulator has no function `colour`",
            "bb/one.md:34:1: check `cannot-fail` already passes before the learner does anything: it cannot fail, so it teaches nothing",
            "bb/one.md:50:1: solution command fails: `r9` is not a register: use r0, r1, r2 or r3",
            "bb/one.md:57:1: check `wrong-solution` fails after the solution: r0 is 2",
            "bb/one.md:65:1: setup command fails: 300 does not fit in a byte (0–255)",
            "bb/one.md:88:1: demo command fails: `frob` is not a command of the asm simulator",
            "bb/two.md:4:6: unknown simulator `asmm` (did you mean `asm`?)",
        ]
        for line in want {
            #expect(got.contains(line), "missing: \(line)\ngot:\n\(got.joined(separator: "\n"))")
        }
        #expect(got.count == want.count, "\(got.joined(separator: "\n"))")
    }
}
