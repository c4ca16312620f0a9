/// Neutralises characters that could drive the terminal: C0 and C1 control
/// characters (ESC above all), DEL, bidirectional overrides and Ink's own
/// style markers. Lesson text, Go source, learner input and every name a
/// learner chose pass through here before they are shown.
public enum Sanitizer {
    /// Caret notation for controls (`^[` for ESC), so the character stays
    /// visible and harmless. Newlines and tabs are kept when `keepLayout`.
    /// `keepStyles` keeps Ink's markers: for text the program styled itself.
    public static func clean(_ text: String, keepLayout: Bool = true, keepStyles: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: needsWork) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if keepLayout && (s == "\n" || s == "\t") { out.append(s); continue }
            if s == "\r" && keepLayout { continue }
            if keepStyles && Ink.isMarker(s) { out.append(s); continue }
            if !needsWork(s) { out.append(s); continue }
            out.append(contentsOf: visible(s).unicodeScalars)
        }
        return String(out)
    }

    /// A single line for echoing input: newlines shown as `^J` too.
    public static func line(_ text: String) -> String { clean(text, keepLayout: false) }

    public static func needsWork(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v)
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || Ink.isMarker(s)
    }

    static func visible(_ s: Unicode.Scalar) -> String {
        let v = s.value
        if v < 0x20 { return "^" + String(Unicode.Scalar(UInt8(v + 0x40))) }
        if v == 0x7F { return "^?" }
        return "\u{FFFD}"
    }
}
