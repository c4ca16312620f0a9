import Simulators
import Terminal
import TextKit

extension Session {
    /// `export dot FILE` / `export svg FILE`: the current simulator's state
    /// as a drawing (see `Simulator.diagram()`).
    func export(_ rest: String) -> String {
        let usage = failure(L("usage: {0}", "export dot|svg FILE"))
        let words = rest.split(separator: " ", maxSplits: 1).map(String.init)
        guard words.count == 2, ["dot", "svg"].contains(words[0]) else { return usage }
        let path = words[1].trimmingCharacters(in: .whitespaces)
        guard let sim = simulator else { return failure(L("No simulator here.")) }
        let name = type(of: sim).info.name
        let dot = sim.diagram().dot()
        func wrapped(_ text: String) -> String { TextWrapper.wrap(text, width: options.width).joined(separator: "\n") }
        do throws(SimulatorError) {
            if words[0] == "dot" {
                try DiagramExport.writeDOT(dot, to: path)
                return wrapped(L("Wrote {0}: the {1} simulator's state in Graphviz's DOT language (`dot -Tsvg {0} -o state.svg` draws it).",
                                 Sanitizer.line(path), name))
            }
            try DiagramExport.writeSVG(dot, to: path, environment: options.environment, isInterrupted: context().isInterrupted)
            return wrapped(L("Wrote {0}: the {1} simulator's state drawn by Graphviz.", Sanitizer.line(path), name))
        } catch {
            var text = failure(wrapped(error.message))
            if let hint = error.hint { text += "\n" + Ink.paint(wrapped(hint), .grey) }
            return text
        }
    }
}
