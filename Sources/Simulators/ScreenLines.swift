import TextKit

/// Fitting a simulator's picture to the screen: diagrams promise to fit
/// `context.width`, and a line that cannot fit is cut visibly rather than
/// wrapped by the terminal into something that no longer lines up.
enum ScreenLines {
    /// Joins lines, each cut to `width` display columns (Ink styles do not count).
    static func fit(_ lines: [String], width: Int) -> String {
        lines.map { line in
            DisplayWidth.of(line) <= width ? line : DisplayWidth.prefix(line, columns: max(1, width - 1)) + "…"
        }.joined(separator: "\n")
    }
}
