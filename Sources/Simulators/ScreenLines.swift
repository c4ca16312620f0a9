import TextKit

/// Fitting a simulator's diagrams to the screen: a line that cannot fit is
/// cut visibly rather than wrapped into something that no longer lines up.
/// (Prose lines, messages above all, are wrapped by the tutor for every
/// simulator alike.)
enum ScreenLines {
    /// Joins lines, each cut to `width` display columns (Ink styles do not count).
    static func fit(_ lines: [String], width: Int) -> String {
        lines.map { line in
            DisplayWidth.of(line) <= width ? line : DisplayWidth.prefix(line, columns: max(1, width - 1)) + "…"
        }.joined(separator: "\n")
    }
}
