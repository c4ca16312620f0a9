import TextKit

/// The last step before bytes reach the terminal: neutralise any control
/// character that slipped through, then turn Ink styles into SGR sequences
/// or drop them.
public enum TerminalWriter {
    public static func format(_ styled: String, color: Bool) -> String {
        let safe = plainSpaces(Sanitizer.clean(styled, keepStyles: true))
        return color ? Ink.ansi(safe) : Ink.strip(safe)
    }

    /// Inline code's no-break spaces back to spaces, in one pass over the
    /// scalars (Foundation's `replacingOccurrences` took a sixth of the time
    /// of drawing a step).
    static func plainSpaces(_ text: String) -> String {
        guard text.unicodeScalars.contains("\u{00A0}") else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars { out.append(s == "\u{00A0}" ? " " : s) }
        return String(out)
    }
}
