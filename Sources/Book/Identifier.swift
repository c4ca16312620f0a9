/// The rules for ids (lessons, exercises, quizzes, books), public for the
/// tools that write books (`memlane new`): ids key the learners' progress,
/// so they must be stable slugs.
public enum Identifier {
    /// Longest id `slug` makes, leaving room for a `-2` suffix.
    public static let slugLength = 48

    public static func isValid(_ id: String) -> Bool { DirectiveInfo.isValidID(id) }

    /// An id made from a title: ASCII letters and digits in lower case,
    /// every other run of characters one `-`; `fallback` when nothing is
    /// left (a title in Japanese), prefixed with it when the slug starts
    /// with a digit.
    public static func slug(_ title: String, fallback: String = "lesson") -> String {
        var out = ""
        var dash = false
        for c in title.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) {
                if dash && !out.isEmpty { out.append("-") }
                out.append(c)
                dash = false
            } else {
                dash = true
            }
        }
        if out.count > slugLength {
            out = String(out.prefix(slugLength))
            while out.hasSuffix("-") { out.removeLast() }
        }
        if out.isEmpty { return fallback }
        if out.first!.isNumber { return fallback + "-" + out }
        return out
    }
}
