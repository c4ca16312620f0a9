/// Neutralises characters that could drive the terminal: C0 and C1 control
/// characters (ESC above all), DEL, bidirectional overrides and Ink's own
/// style markers. Lesson text, Go source, learner input and every name a
/// learner chose pass through here before they are shown.
public enum Sanitizer {
    /// Caret notation for controls (`^[` for ESC), so the character stays
    /// visible and harmless. Newlines and tabs are kept when `keepLayout`.
    /// `keepStyles` keeps Ink's markers: for text the program styled itself.
    public static func clean(_ text: String, keepLayout: Bool = true, keepStyles: Bool = false) -> String {
        func kept(_ s: Unicode.Scalar) -> Bool {
            !needsWork(s) || (keepLayout && (s == "\n" || s == "\t")) || (keepStyles && Ink.isMarker(s))
        }
        // Whole lessons pass through here: copy the runs of harmless text
        // as they are, and only rewrite the scalars that need it.
        guard mayNeedWork(text, keepLayout: keepLayout) else { return text }
        let scalars = text.unicodeScalars
        guard var i = scalars.firstIndex(where: { !kept($0) }) else { return text }
        var out = String(text[..<i])
        out.reserveCapacity(text.utf8.count + 16)
        var run = i
        while i < scalars.endIndex {
            let s = scalars[i]
            if !kept(s) {
                out += text[run..<i]
                if !(keepLayout && s == "\r") { out += visible(s) }
                run = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out += text[run...]
        return out
    }

    /// A quick look at the UTF-8 bytes: false when no scalar can need work
    /// (no control byte, and none of the lead bytes of C1 controls, the
    /// bidi controls or Ink's markers), which is most text.
    static func mayNeedWork(_ text: String, keepLayout: Bool) -> Bool {
        var answer = true
        let checked: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for b in bytes {
                if b < 0x20 {
                    if keepLayout && (b == 0x0A || b == 0x09) { continue }
                    return true
                }
                if b == 0x7F { return true }
            }
            // C1 controls are C2 80–9F; the bidi controls E2 80 AA–AE and
            // E2 81 A6–A9; Ink's markers EE 83 BF and EE 84 80 – EE 85 80.
            var i = 0
            while i + 1 < bytes.count {
                let (b0, b1) = (bytes[i], bytes[i + 1])
                let b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
                if b0 == 0xC2 && (0x80...0x9F).contains(b1) { return true }
                if b0 == 0xE2 && ((b1 == 0x80 && (0xAA...0xAE).contains(b2)) || (b1 == 0x81 && (0xA6...0xA9).contains(b2))) { return true }
                if b0 == 0xEE && (b1 == 0x83 || b1 == 0x84 || b1 == 0x85) { return true }
                i += 1
            }
            return false
        }
        if let checked { answer = checked }
        return answer
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
