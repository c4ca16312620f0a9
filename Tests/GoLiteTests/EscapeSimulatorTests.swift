import Testing
import Foundation
import Grader
import Simulators
import TextKit
@testable import GoLite

@Suite struct EscapeSimulatorTests {
    static let content = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Content")

    /// A context that reads files from Content/ like the tutor does.
    static var context: SimulationContext {
        SimulationContext(isInterrupted: { false }, readFile: { path throws(SimulatorError) in
            guard let text = try? String(contentsOf: content.appendingPathComponent(path), encoding: .utf8) else {
                throw SimulatorError("cannot read " + path)
            }
            return (text, path)
        })
    }

    func state(_ sim: EscapeSimulator, _ expr: String) throws -> Value {
        try Evaluator(sim).evaluate(ExpressionParser.parse(expr))
    }

    static let square = [
        "package main",
        "",
        "func square(x *int) *int {",
        "\tz := (*x) * (*x)",
        "\treturn &z",
        "}",
        "",
        "func main() {",
        "\tx := 10",
        "\t_ = square(&x)",
        "}",
    ]

    @Test func loadAnalysesTheProgram() throws {
        var sim = EscapeSimulator()
        let out = try sim.run("load go/escape/s03_square.go", in: Self.context)
        #expect(out.contains("Loaded go/escape/s03_square.go (14 lines): 4 analysis line(s), 2 heap allocation site(s)."))
        #expect(try state(sim, "file") == "s03_square.go")
        #expect(try state(sim, "lines") == 14)
        #expect(try state(sim, "compiles") == true)
        #expect(try state(sim, "diagnostics") == ["8:13: ... argument does not escape", "8:14: *y escapes to heap",
                                                  "11:13: x does not escape", "12:2: moved to heap: z"])
        #expect(try state(sim, "moved_to_heap") == ["z"])
        #expect(try state(sim, "heap_sites") == 2)
        #expect(try state(sim, "stack_sites") == 1)
        #expect(try state(sim, "escapes(\"z\")") == true)
        #expect(try state(sim, "escapes(\"*y\")") == true)
        #expect(try state(sim, "escapes(\"x\")") == false)
    }

    @Test func escapePrintsLinesLikeGoBuild() throws {
        var sim = EscapeSimulator()
        _ = try sim.run("load go/escape/s02_return_address.go", in: Self.context)
        #expect(Ink.strip(try sim.run("escape")) == "s02_return_address.go:13:2: moved to heap: u")
    }

    @Test func codeReadsABlockAndTheLearnerCanRemoveTheAllocation() throws {
        var sim = EscapeSimulator()
        _ = try sim.run("code", block: Self.square)
        #expect(try state(sim, "file") == "main.go")
        #expect(try state(sim, "moved_to_heap") == ["z"])
        #expect(try state(sim, "heap_sites") == 1)
        // The exercise: make square return without any heap allocation.
        var fixed = Self.square
        fixed[2] = "func square(x *int) int {"
        fixed[4] = "\treturn z"
        _ = try sim.run("code", block: fixed)
        #expect(try state(sim, "heap_sites") == 0)
        #expect(try state(sim, "escapes(\"z\")") == false)
        #expect(try state(sim, "diagnostics") == ["3:13: x does not escape"])
    }

    @Test func programsWithErrorsAreKeptAndReported() throws {
        var sim = EscapeSimulator()
        let out = try sim.run("code", block: ["package main", "", "func main() {", "\tx := 1", "}"])
        #expect(out.contains("main.go:4:2: x declared but not used"))
        #expect(try state(sim, "compiles") == false)
        #expect(try state(sim, "error") == "4:2: x declared but not used")
        #expect(try state(sim, "diagnostics") == [])
        #expect(throws: SimulatorError.self) { try sim.run("escape") }
        // The program is still there to look at.
        #expect(try sim.run("show").contains("x := 1"))
    }

    @Test func editUsesTheEditorOrExplainsWhyNot() throws {
        var sim = EscapeSimulator()
        _ = try sim.run("code", block: Self.square)
        #expect { try sim.run("edit") } throws: { error in
            (error as? SimulatorError)?.message.contains("no editor") == true
        }
        let seen = LockedText()
        let editing = SimulationContext(isInterrupted: { false }, edit: { text, name throws(SimulatorError) in
            seen.set(name + "\n" + text)
            return text.replacingOccurrences(of: "\treturn &z", with: "\t_ = z\n\treturn x")
        })
        _ = try sim.run("edit", in: editing)
        #expect(seen.get().hasPrefix("main.go\npackage main"))
        #expect(try state(sim, "moved_to_heap") == [])
        #expect(try state(sim, "diagnostics") == ["3:13: leaking param: x to result ~r0 level=0"])
    }

    @Test func explainNamesLinesAndQuietVariables() throws {
        var sim = EscapeSimulator()
        _ = try sim.run("code", block: Self.square)
        let z = try sim.run("explain z")
        #expect(z.contains("4:2: moved to heap: z"))
        #expect(z.contains("z is moved to the heap: &z (line 5) flows to the result of square, which outlives its frame"))
        let line = try sim.run("explain 3")
        #expect(line.contains("3:13: x does not escape"))
        #expect(try sim.run("explain 1").contains("nothing on line 1"))
        #expect(try sim.run("explain x").contains("x does not escape"))
        #expect { try sim.run("explain zz") } throws: { error in
            (error as? SimulatorError)?.message.contains("(did you mean `z`?)") == true
        }
        #expect(throws: SimulatorError.self) { try sim.run("explain 99") }
        #expect(throws: SimulatorError.self) { try sim.run("explain " + String(repeating: "x", count: 40)) }
        // Expressions are given as `escape` prints them.
        _ = try sim.run("load go/escape/s03_square.go", in: Self.context)
        #expect(try sim.run("explain \"*y\"").contains("*y escapes to the heap: *y (line 8) flows to the argument list of fmt.Println"))
    }

    @Test func explainSaysWhenAVariableStaysOnTheStack() throws {
        var sim = EscapeSimulator()
        _ = try sim.run("code", block: ["package main", "", "func main() {", "\tn := 3", "\t_ = n", "}"])
        #expect(try sim.run("explain n").contains("n stays in its function's stack frame"))
    }

    @Test func showPutsVerdictsBesideTheCode() throws {
        var sim = EscapeSimulator()
        _ = try sim.run("code", block: Self.square)
        let text = Ink.strip(try sim.run("show", in: SimulationContext(width: 80, isInterrupted: { false })))
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 11)
        #expect(lines[3] == " 4      z := (*x) * (*x)        2: moved to heap: z")
        #expect(lines[2].hasPrefix(" 3  func square(x *int) *int {"))
        #expect(lines[2].hasSuffix("13: x does not escape"))
        // A narrow screen puts the verdicts under the line.
        let narrow = Ink.strip(try sim.run("show", in: SimulationContext(width: 30, isInterrupted: { false })))
        #expect(narrow.contains("\n    ↳ 2: moved to heap: z"))
    }

    @Test func commandsWithoutAProgramOrWithBadArgumentsChangeNothing() throws {
        var sim = EscapeSimulator()
        for bad in ["escape", "show", "explain z", "load", "load missing.go", "escape now", "code extra"] {
            #expect(throws: SimulatorError.self, "\(bad)") { try sim.run(bad, in: Self.context) }
        }
        _ = try sim.run("code", block: Self.square)
        let before = sim.stateTree()
        #expect(throws: SimulatorError.self) { try sim.run("load missing.go", in: Self.context) }
        #expect(throws: SimulatorError.self) { try sim.run("code") }
        #expect(sim.stateTree() == before)
    }

    @Test func tooLongProgramsAreRefused() {
        var sim = EscapeSimulator()
        let lines = ["package main"] + Array(repeating: "", count: EscapeSimulator.maxLines + 1)
        #expect { try sim.run("code", block: lines) } throws: { error in
            (error as? SimulatorError)?.message.contains("at most 10000") == true
        }
    }

    @Test func describesItselfForHelpAndLint() {
        let info = EscapeSimulator.info
        #expect(info.name == "escape")
        #expect(info.verbs.map(\.name) == ["load", "code", "edit", "escape", "explain", "show"])
        #expect(info.verb("code")?.takesBlock == true)
        #expect(info.verbs.filter { !$0.changesState }.map(\.name) == ["escape", "explain", "show"])
        #expect(info.documents(path: ["moved_to_heap", "[]"]))
        #expect(info.documents(path: ["heap_sites"]))
        #expect(info.functions.map(\.name) == ["escapes"])
        #expect(EscapeSimulator().knownNames().isEmpty)
    }
}

/// Text shared with an editor callback (which must be `Sendable`).
final class LockedText: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ t: String) { lock.withLock { text = t } }
    func get() -> String { lock.withLock { text } }
}
