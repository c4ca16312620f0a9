import Foundation
import Testing
import TextKit
@testable import Tutor

/// The faults lint finds beyond the broken-book fixture: SUMMARY listing a
/// file twice, stray files in sub-folders, empty hints, quizzes that
/// cannot work, `file=` typos; and the JSON form of its messages.
@Suite struct LintCompletenessTests {
    func write(_ files: [String: String]) throws -> URL {
        let folder = tempFolder().appendingPathComponent("b")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func faultsOutsideTheFixture() throws {
        let lesson = """
        ---
        id: one
        title: One
        sim: asm
        ---

        ```exercise id=ex
        ```

        ```check id=ex
        reg.r0 == 1
        ```

        ```hint id=ex
        ```

        ```solution id=ex
        mov r0, 1
        ```

        ```quiz id=anything
        ? What?
        = /a*/
        ```

        ```quiz id=twins
        ? Which?
        (x) the  heap
        ( ) The heap
        ```

        ```go file=helo.go
        ```
        """
        let folder = try write([
            "SUMMARY.md": "- [One](one.md)\n- [Again](one.md)\n",
            "one.md": lesson,
            "part/extra.md": "# Extra\n",
            "part/README.md": "# Not a lesson\n",
            "Content/hello.go": "package main\n",
        ])
        let got = Linter.lint(folder: folder, shownAs: "b").diagnostics.map(\.description)
        let want = [
            "b/SUMMARY.md:2:11: `one.md` is already listed on line 1",
            "b/part/extra.md:1:1: `part/extra.md` is not listed in SUMMARY.md",
            "b/one.md:14:1: this hint is empty",
            "b/one.md:32:7: `helo.go` is not in Content/ (did you mean `hello.go`?)",
            "b/one.md:21:1: the answer /a*/ matches an empty text, so it accepts any answer: anchor it, e.g. /^a*$/",
            "b/one.md:29:1: this choice reads the same as the one on line 28",
        ]
        for line in want {
            #expect(got.contains(line), "missing: \(line)\ngot:\n\(got.joined(separator: "\n"))")
        }
        #expect(got.count == want.count, "\(got.joined(separator: "\n"))")
    }

    @Test func aTranslationFolderIsNotAStrayFile() throws {
        let lesson = "---\nid: one\ntitle: One\n---\n\nText.\n"
        let folder = try write(["SUMMARY.md": "- [One](one.md)\n", "one.md": lesson,
                                "ja/SUMMARY.md": "- [一](one.md)\n", "ja/one.md": lesson.replacingOccurrences(of: "Text.", with: "本文。")])
        #expect(Linter.lint(folder: folder, shownAs: "b").diagnostics.map(\.description) == [])
    }

    @Test func jsonHasOneObjectPerDiagnostic() throws {
        let diagnostics = [
            Diagnostic(SourceLocation(file: "b/one.md", line: 3, column: 7), "unknown simulator `asmm` (did you mean `asm`?)"),
            Diagnostic(SourceLocation(file: "b/\"q\".md", line: 1, column: 1), "a \"quoted\" name", hint: "a hint", severity: .warning),
        ]
        let json = DiagnosticJSON.encode(diagnostics)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["file"] as? String == "b/one.md")
        #expect(array[0]["line"] as? Int == 3)
        #expect(array[0]["column"] as? Int == 7)
        #expect(array[0]["severity"] as? String == "error")
        #expect(array[0]["message"] as? String == "unknown simulator `asmm` (did you mean `asm`?)")
        #expect(array[1]["file"] as? String == "b/\"q\".md")
        #expect(array[1]["severity"] as? String == "warning")
        #expect(array[1]["message"] as? String == "a \"quoted\" name (a hint)")
        #expect((try JSONSerialization.jsonObject(with: Data(DiagnosticJSON.encode([]).utf8)) as? [Any])?.isEmpty == true)
    }
}
