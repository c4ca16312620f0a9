import TextKit

/// Fitting a simulator's diagrams to the screen: a line that cannot fit is
/// cut visibly rather than wrapped into something that no longer lines up.
/// (Prose lines, messages above all, are wrapped by the tutor for every
/// simulator alike.)
enum ScreenLines {
    /// Joins lines, each cut to `width` display columns (Ink styles do not count).
    static func fit(_ lines: [String], width: Int) -> String {
        lines.map { cut($0, width: width) }.joined(separator: "\n")
    }

    /// One line cut to `width` columns, the cut marked with `…`; a style
    /// the cut leaves open is closed. No room at all gives "".
    static func cut(_ line: String, width: Int) -> String {
        guard DisplayWidth.of(line) > width else { return line }
        guard width > 1 else { return "" }
        return Ink.balancedLines(DisplayWidth.prefix(line, columns: width - 1))[0] + "…"
    }
}
