/// Splitting into lines and trimming, in plain Swift. Foundation's
/// `trimmingCharacters(in:)` goes through NSString and UTF-16 on Linux, and
/// splitting a String by the Character "\n" walks grapheme clusters: together
/// they took a third of `memlane toc`'s start-up, which parses every lesson.
extension String {
    /// The text without leading and trailing spaces and tabs — the same
    /// characters as `CharacterSet.whitespaces` (Unicode Zs and tab).
    public func trimmingSpaces() -> String { self[...].trimmingSpaces() }

    /// The text without leading and trailing white space and newlines — the
    /// same characters as `CharacterSet.whitespacesAndNewlines`.
    public func trimmingWhitespace() -> String { self[...].trimmingWhitespace() }

    /// The lines between "\n" characters (a final "\n" ends an empty last
    /// line), split on the UTF-8 bytes.
    public func splitLines() -> [String] { self[...].splitLines() }
}

extension Substring {
    public func trimmingSpaces() -> String { trimming(LineText.isSpace) }

    public func trimmingWhitespace() -> String { trimming(LineText.isWhitespace) }

    public func splitLines() -> [String] {
        utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }

    private func trimming(_ drop: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !drop($0) })!
        return String(scalars[first...last])
    }
}

enum LineText {
    /// Zs and tab, plus U+200B, which Foundation's set still counts.
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || (s.value >= 0x80 && (s.properties.generalCategory == .spaceSeparator || s.value == 0x200B))
    }

    static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        isSpace(s) || (0x0A...0x0D).contains(s.value) || s.value == 0x85 || s.value == 0x2028 || s.value == 0x2029
    }
}
