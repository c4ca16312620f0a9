import TextKit

/// Greedy line filling by display width. Breaks at spaces, and between
/// wide (CJK) characters where Japanese allows it: never before closing
/// punctuation such as 、。」) and never after opening brackets such as 「(,
/// so no line starts with 。 when it can be avoided. Ink styles are carried
/// across breaks; no character is ever split.
public enum TextWrapper {
    /// Characters a line should not start with (kinsoku shori, line-start rule).
    static let noLineStart: Set<Character> = Set("、。，．・：；？！ー」』）】〕〉》〙〗〟’”｝〛ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜～,.:;?!)]}…‥")
    /// Characters a line should not end with.
    static let noLineEnd: Set<Character> = Set("「『（【〔〈《〘〖〝‘“｛〚([{")

    /// A piece that is never split unless it alone is wider than a line.
    struct Unit {
        var text: String
        var width: Int
        /// Whether a space separates it from the previous unit.
        var spaced: Bool
    }

    /// Wraps `text` (which may hold Ink styles and newlines) so that every
    /// line is at most `width` columns, each line after the first starting
    /// with `indent` and the first with `firstIndent`.
    public static func wrap(_ text: String, width: Int, firstIndent: String = "", indent: String = "") -> [String] {
        var out: [String] = []
        var first = true
        for hardLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            out += wrapLine(String(hardLine), width: width, firstIndent: first ? firstIndent : indent, indent: indent)
            first = false
        }
        return Ink.balancedLines(out.joined(separator: "\n"))
    }

    static func wrapLine(_ line: String, width: Int, firstIndent: String, indent: String) -> [String] {
        let units = self.units(line)
        var lines: [String] = []
        var current = firstIndent
        var used = DisplayWidth.of(Ink.strip(firstIndent))
        var empty = true
        func newLine() {
            lines.append(current)
            current = indent
            used = DisplayWidth.of(Ink.strip(indent))
            empty = true
        }
        for unit in units {
            let avail = max(width, 1)
            let gap = (unit.spaced && !empty) ? 1 : 0
            if !empty && used + gap + unit.width > avail { newLine() }
            let gapNow = (unit.spaced && !empty) ? 1 : 0
            if used + gapNow + unit.width <= avail || !empty {
                if gapNow == 1 { current += " "; used += 1 }
                current += unit.text
                used += unit.width
                empty = false
                continue
            }
            // A unit wider than a whole line: cut it by characters.
            for c in unit.text {
                let w = DisplayWidth.of(c)
                if !empty && used + w > avail { newLine() }
                current.append(c)
                used += w
                if w > 0 { empty = false }
            }
        }
        lines.append(current)
        return lines
    }

    /// Splits a line into units at spaces and at the break opportunities
    /// between wide characters.
    static func units(_ line: String) -> [Unit] {
        var units: [Unit] = []
        var text = ""
        var width = 0
        var spaced = false
        var previous: Character?
        func flush(nextSpaced: Bool) {
            if !text.isEmpty || width > 0 {
                units.append(Unit(text: text, width: width, spaced: spaced))
            }
            text = ""
            width = 0
            spaced = nextSpaced
        }
        for c in line {
            if c == " " {
                if DisplayWidth.of(Ink.strip(text)) == 0 && !text.isEmpty {
                    // Only style markers so far: keep them with the next word.
                    spaced = true
                    continue
                }
                flush(nextSpaced: true)
                previous = nil
                continue
            }
            let w = DisplayWidth.of(c)
            if let p = previous, w > 0, breakAllowed(between: p, and: c) {
                flush(nextSpaced: false)
            }
            text.append(c)
            width += w
            if w > 0 { previous = c }
        }
        flush(nextSpaced: false)
        return units
    }

    static func breakAllowed(between a: Character, and b: Character) -> Bool {
        if noLineStart.contains(b) || noLineEnd.contains(a) { return false }
        return DisplayWidth.of(a) == 2 || DisplayWidth.of(b) == 2
    }

    /// Wraps only the lines wider than `width`, each continuing under its
    /// own indentation plus two columns: for simulator output, whose short
    /// lines (tables, drawings) must stay exactly as they are.
    public static func fitLines(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { raw -> [String] in
            let line = String(raw)
            guard DisplayWidth.of(line) > width else { return [line] }
            let lead = String(line.prefix { $0 == " " })
            // Deep indentation is kept only while it leaves room for text.
            let first = String(repeating: " ", count: min(lead.count, width / 2))
            let hang = String(repeating: " ", count: min(lead.count + 2, width / 2))
            return wrap(String(line.dropFirst(lead.count)), width: width, firstIndent: first, indent: hang)
        }.joined(separator: "\n")
    }
}
