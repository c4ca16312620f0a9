import Book
import Simulators
import TextKit

/// Runs the command lines of a lesson block (an exercise's setup, a
/// solution, a demo) against a simulator. Blank lines and `#` comments are
/// skipped; a block verb such as `code` takes the lines after it, up to a
/// line holding only `.`, as its body.
public enum ScriptRunner {
    public struct Step {
        public var line: ScriptLine
        public var command: String
        public var result: Result<String, SimulatorError>
    }

    /// Runs every command, stopping at the first error (later commands
    /// would run against a state the author did not intend).
    public static func run(_ script: [ScriptLine], file: String? = nil, on simulator: inout any Simulator,
                           context: SimulationContext) -> [Step] {
        var steps: [Step] = []
        var commands = script
        if let file { commands.insert(ScriptLine("load \(file)", line: script.first?.line ?? 0), at: 0) }
        var i = 0
        while i < commands.count {
            let line = commands[i]
            let text = line.text.trimmingSpaces()
            i += 1
            if text.isEmpty || text.hasPrefix("#") { continue }
            var block: [String]?
            let verb = text.split(separator: " ").first.map(String.init) ?? ""
            if type(of: simulator).info.verb(verb)?.takesBlock == true {
                var body: [String] = []
                while i < commands.count, commands[i].text.trimmingSpaces() != "." {
                    body.append(commands[i].text)
                    i += 1
                }
                if i < commands.count { i += 1 } else {
                    steps.append(Step(line: line, command: text,
                                      result: .failure(SimulatorError(L("`{0}` reads lines up to a line holding only `.`, which is missing", verb)))))
                    return steps
                }
                block = body
            }
            do throws(SimulatorError) {
                let output = try simulator.run(text, block: block, in: context)
                steps.append(Step(line: line, command: text, result: .success(output)))
            } catch {
                steps.append(Step(line: line, command: text, result: .failure(error)))
                return steps
            }
        }
        return steps
    }

    /// The first failure, if any.
    public static func firstError(_ steps: [Step]) -> Step? {
        steps.first { if case .failure = $0.result { true } else { false } }
    }
}
