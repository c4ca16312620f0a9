import Glibc

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

    /// `Array(self)`, without looking for grapheme clusters when the text is
    /// ASCII (where "\r\n" is the only cluster of two): the assertion
    /// language counts columns in characters, and every check line of every
    /// lesson is read this way.
    public var characterArray: [Character] {
        asciiBytes.map { $0.map { Character(Unicode.Scalar($0)) } } ?? Array(self)
    }

    /// Where each character starts (`Array(indices)`), the same way.
    public var characterStarts: [String.Index] {
        asciiBytes != nil ? Array(utf8.indices) : Array(indices)
    }

    private var asciiBytes: [UInt8]? {
        let bytes = utf8.withContiguousStorageIfAvailable { buffer -> [UInt8]? in
            var previous: UInt8 = 0
            for b in buffer {
                if b >= 0x80 || (b == 0x0A && previous == 0x0D) { return nil }
                previous = b
            }
            return Array(buffer)
        }
        return bytes ?? nil
    }
}

extension Substring {
    public func trimmingSpaces() -> String { trimming(LineText.isSpace) }

    public func trimmingWhitespace() -> String { trimming(LineText.isWhitespace) }

    public func splitLines() -> [String] {
        let fast = utf8.withContiguousStorageIfAvailable { bytes -> [String] in
            guard let base = bytes.baseAddress else { return [""] }
            var lines: [String] = []
            var start = 0
            while true {
                var end = bytes.count
                if start < bytes.count, let hit = memchr(base + start, 0x0A, bytes.count - start) {
                    end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                }
                lines.append(String(decoding: UnsafeBufferPointer(start: base + start, count: end - start), as: UTF8.self))
                if end == bytes.count { break }
                start = end + 1
            }
            return lines
        }
        return fast ?? utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
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
