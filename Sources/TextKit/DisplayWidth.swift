import CSystem

/// Columns a string takes on a terminal: CJK and other wide characters take
/// two, combining marks none. Style markers take none.
public enum DisplayWidth {
    /// Runs once: wcwidth answers by the C library's LC_CTYPE.
    static let localeIsUTF8: Bool = memlane_locale_init() != 0

    public static func of(_ character: Character) -> Int {
        _ = localeIsUTF8
        var width = 0
        for (i, scalar) in character.unicodeScalars.enumerated() {
            if Ink.isMarker(scalar) { continue }
            if scalar.value == 0xFE0F { width = max(width, 2); continue } // emoji presentation
            if scalar.value == 0x200D { continue } // zero-width joiner
            let w = Int(memlane_wcwidth(scalar.value))
            if i == 0 { width = max(w, 0) } else if w > 0 && width == 0 { width = w }
        }
        return min(width, 2)
    }

    public static func of(_ text: some StringProtocol) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// Cuts `text` to at most `columns` display columns, never inside a character.
    public static func prefix(_ text: String, columns: Int) -> String {
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > columns { break }
            used += w
            out.append(c)
        }
        return out
    }

    /// The text if it fits in `columns`, else as much as fits followed by `…`.
    public static func cut(_ text: String, to columns: Int) -> String {
        guard of(text) > columns else { return text }
        return prefix(text, columns: max(columns - 1, 0)) + "…"
    }

    /// Pads with spaces on the right to `columns` display columns.
    public static func pad(_ text: String, to columns: Int) -> String {
        let w = of(text)
        return w >= columns ? text : text + String(repeating: " ", count: columns - w)
    }

    /// The width of a table column: its widest cell, never less than
    /// `minimum`. Headings and words in cells come from the catalogue, so a
    /// column sized for the English text would not line up in Japanese.
    public static func column(_ cells: some Sequence<String>, minimum: Int = 0) -> Int {
        cells.reduce(minimum) { Swift.max($0, of(Ink.strip($1))) }
    }
}
