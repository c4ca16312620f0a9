import TextKit

/// The last step before bytes reach the terminal: neutralise any control
/// character that slipped through, then turn Ink styles into SGR sequences
/// or drop them.
public enum TerminalWriter {
    public static func format(_ styled: String, color: Bool) -> String {
        let safe = Sanitizer.clean(styled, keepStyles: true).replacingOccurrences(of: "\u{00A0}", with: " ")
        return color ? Ink.ansi(safe) : Ink.strip(safe)
    }
}
