import Foundation
import Testing

/// `export dot|svg FILE` at the prompt, with and without Graphviz.
@Suite struct DiagramExportTests {
    let home = MemlaneBinary.temporaryHome()

    /// Output with wrapped lines joined again (long paths move to a line of their own).
    func flat(_ text: String) -> String { text.replacingOccurrences(of: "\n", with: " ") }

    @Test func dotAndSvgFilesOfTheCurrentSimulator() throws {
        let dot = home.appendingPathComponent("state.dot")
        let svg = home.appendingPathComponent("state.svg")
        let moves = ["sandbox asm", ".var age", "store [age], 24", "export dot \(dot.path)", "export svg \(svg.path)",
                     "export png x.png", "quit"]
        let run = try MemlaneBinary.run([], input: moves.joined(separator: "\n") + "\n", home: home)
        #expect(run.status == 0)
        #expect(flat(run.stdout).contains("Wrote \(dot.path): the asm simulator's state in Graphviz's DOT language"))
        #expect(flat(run.stdout).contains("usage: export dot|svg FILE"))
        let text = try String(contentsOf: dot, encoding: .utf8)
        #expect(text.hasPrefix("digraph memlane {"))
        #expect(text.contains("\"variables\":\"v0\" -> \"memory\":\"a0\""))
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") {
            #expect(flat(run.stdout).contains("Wrote \(svg.path): the asm simulator's state drawn by Graphviz."))
            let picture = try String(contentsOf: svg, encoding: .utf8)
            #expect(picture.contains("<svg"))
            #expect(picture.contains(">age<"))
        }
    }

    @Test func withoutGraphvizTheLearnerIsToldWhatToDo() throws {
        let svg = home.appendingPathComponent("state.svg")
        let run = try MemlaneBinary.run([], input: "sandbox greentea\nlayout dense 500\nexport svg \(svg.path)\nquit\n",
                                        home: home, extra: ["PATH": home.path])
        #expect(run.status == 0)
        #expect(flat(run.stdout).contains("Graphviz's `dot` is not installed (or not on PATH), so no SVG was drawn."))
        #expect(flat(run.stdout).contains("Debian: `sudo apt-get install graphviz`"))
        #expect(!FileManager.default.fileExists(atPath: svg.path))
        let nowhere = try MemlaneBinary.run([], input: "sandbox asm\nexport dot /nonexistent/dir/x.dot\nexport dot \(home.path)\nquit\n", home: home)
        #expect(flat(nowhere.stdout).contains("there is no folder /nonexistent/dir to write `/nonexistent/dir/x.dot` in"))
        #expect(flat(nowhere.stdout).contains("`\(home.path)` is a folder: give a file name"))
    }
}
