import Simulators
import TextKit

extension EscapeSimulator {
    /// The program with line numbers and, beside each line, what the
    /// analysis reports there (below the line when it would not fit).
    func listing(width: Int) throws(SimulatorError) -> String {
        guard let source else {
            throw SimulatorError(L("there is no program yet"), hint: L("Load one with `load PATH`, paste one with `code`, or write one with `edit`."))
        }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if source.hasSuffix("\n") { lines.removeLast() }
        var notes: [Int: [(text: String, heap: Bool)]] = [:]
        for d in sortedDiagnostics {
            notes[d.pos.line, default: []].append((String(d.pos.column) + ": " + d.message, d.isHeapAllocation))
        }
        if let error {
            notes[error.pos.line, default: []].append((String(error.pos.column) + ": " + error.message, true))
        }
        let numberWidth = String(max(lines.count, 1)).count
        let shown = lines.map { Sanitizer.line($0.replacingOccurrences(of: "\t", with: "    ")) }
        // Verdicts start at one column for the whole listing, when that leaves room for them.
        let annotated = shown.enumerated().filter { notes[$0.offset + 1] != nil }.map { DisplayWidth.of($0.element) }
        let column = min(annotated.max() ?? 0, max(24, width - numberWidth - 2 - 34))
        var out: [String] = []
        for (i, code) in shown.enumerated() {
            let number = String(i + 1).leftPadded(to: numberWidth)
            var row = Ink.paint(number, .grey) + "  " + code
            var pending = notes[i + 1] ?? []
            if let first = pending.first {
                let codeWidth = DisplayWidth.of(code)
                let prefix = numberWidth + 2 + max(codeWidth, column) + 2
                if codeWidth <= column && prefix + DisplayWidth.of(first.text) <= width {
                    row += String(repeating: " ", count: column - codeWidth) + "  " + paint(first)
                    pending.removeFirst()
                }
            }
            out.append(row)
            let indent = String(repeating: " ", count: numberWidth + 2)
            for n in pending {
                let room = max(10, width - indent.count - 2)
                out.append(indent + "↳ " + paint((DisplayWidth.prefix(n.text, columns: room), n.heap)))
            }
        }
        if out.isEmpty { out.append(L("(the program is empty)")) }
        return out.joined(separator: "\n")
    }

    private func paint(_ note: (text: String, heap: Bool)) -> String {
        Ink.paint(Sanitizer.line(note.text), note.heap ? .red : .green)
    }
}
