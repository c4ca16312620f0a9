import Foundation
import Simulators
import Testing
@testable import Tutor

/// `edit` runs $VISUAL (else $EDITOR, else vi) on a private scratch copy,
/// with the scratch file as its only argument, and nothing else.
@Suite struct ExternalEditorTests {
    let folder = tempFolder()

    /// An editor that records how it was called and appends a line.
    func editor(_ name: String) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let script = """
        #!/bin/sh
        echo "$#" > "\(folder.path)/\(name).argc"
        echo "$1" > "\(folder.path)/\(name).path"
        echo "edited by \(name)" >> "$1"

        """
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    func recorded(_ name: String, _ what: String) -> String? {
        (try? String(contentsOfFile: "\(folder.path)/\(name).\(what)", encoding: .utf8))?.trimmingCharacters(in: .newlines)
    }

    @Test func visualFirstThenEditorWithOneArgument() throws {
        let visual = try editor("visual")
        let plain = try editor("plain")
        let text = try ExternalEditor.edit("package main\n", fileName: "main.go", environment: ["VISUAL": visual, "EDITOR": plain])
        #expect(text == "package main\nedited by visual\n")
        #expect(recorded("visual", "argc") == "1")
        #expect(recorded("plain", "argc") == nil)
        let scratch = try #require(recorded("visual", "path"))
        #expect(scratch.hasSuffix("/main.go"))
        #expect(!FileManager.default.fileExists(atPath: scratch), "the scratch copy is removed")

        let second = try ExternalEditor.edit("x\n", fileName: "main.go", environment: ["VISUAL": "", "EDITOR": plain])
        #expect(second == "x\nedited by plain\n")
    }

    @Test func aFailingEditorChangesNothing() {
        #expect(throws: SimulatorError.self) {
            try ExternalEditor.edit("x", fileName: "main.go", environment: ["VISUAL": "/bin/false"])
        }
    }

    @Test func noEditorOutsideATerminal() throws {
        let s = try makeSession()
        #expect(s.context().edit == nil)
    }
}
