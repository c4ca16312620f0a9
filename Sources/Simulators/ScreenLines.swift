import TextKit

/// Fitting a simulator's output to the screen. Diagrams promise to fit
/// `context.width`, so a line that cannot fit is cut visibly rather than
/// wrapped into something that no longer lines up; messages are prose, so
/// they are wrapped at spaces instead.
enum ScreenLines {
    /// Joins lines, each cut to `width` display columns (Ink styles do not count).
    static func fit(_ lines: [String], width: Int) -> String {
        lines.map { line in
            DisplayWidth.of(line) <= width ? line : DisplayWidth.prefix(line, columns: max(1, width - 1)) + "…"
        }.joined(separator: "\n")
    }

    /// Wraps every line wider than `width` at spaces; continuation lines are
    /// indented two columns past the line's own indentation. Styles are
    /// closed and reopened at each break so every line stands alone.
    static func wrap(_ text: String, width: Int) -> String {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            guard DisplayWidth.of(line) > width else { out.append(line); continue }
            let lead = String(line.prefix { $0 == " " })
            let indent = lead + "  "
            var current = lead, used = lead.count, empty = true
            for word in line.dropFirst(lead.count).split(separator: " ") {
                let w = DisplayWidth.of(word)
                if !empty && used + 1 + w > width {
                    out.append(current)
                    (current, used, empty) = (indent, indent.count, true)
                }
                if !empty { current += " "; used += 1 }
                current += word
                used += w
                empty = false
            }
            out.append(current)
        }
        return Ink.balancedLines(out.joined(separator: "\n")).joined(separator: "\n")
    }

    /// The same error with its message and hint wrapped.
    static func wrap(_ error: SimulatorError, width: Int) -> SimulatorError {
        SimulatorError(wrap(error.message, width: width), hint: error.hint.map { wrap($0, width: width) })
    }
}
