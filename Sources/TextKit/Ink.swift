/// A text style. Styled text is an ordinary `String` in which private-use
/// markers open and close tones, so styled text can travel through every
/// layer as a plain string; only the terminal writer turns the markers into
/// escape sequences (or drops them when colour is off).
public enum Tone: UInt8, Sendable, CaseIterable {
    case bold = 1, dim, italic, underline, inverse
    case red, green, yellow, blue, magenta, cyan, grey

    var sgr: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .italic: "3"
        case .underline: "4"
        case .inverse: "7"
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .blue: "34"
        case .magenta: "35"
        case .cyan: "36"
        case .grey: "90"
        }
    }
}

public enum Ink {
    /// Closes the innermost open tone.
    static let closeScalar = Unicode.Scalar(0xE0FF)!
    static let openBase: UInt32 = 0xE100

    /// Wraps `text` in the given tones (outermost first).
    public static func paint(_ text: String, _ tones: Tone...) -> String {
        paint(text, tones)
    }

    public static func paint(_ text: String, _ tones: [Tone]) -> String {
        guard !tones.isEmpty else { return text }
        var out = ""
        for tone in tones { out.unicodeScalars.append(Unicode.Scalar(openBase + UInt32(tone.rawValue))!) }
        out += text
        for _ in tones { out.unicodeScalars.append(closeScalar) }
        return out
    }

    /// True for the scalars Ink uses as markers; untrusted text must not carry them.
    public static func isMarker(_ scalar: Unicode.Scalar) -> Bool {
        scalar == closeScalar || (scalar.value > openBase && scalar.value <= openBase + 0x40)
    }

    static func tone(of scalar: Unicode.Scalar) -> Tone? {
        guard scalar.value > openBase, scalar.value <= openBase + 0x40 else { return nil }
        return Tone(rawValue: UInt8(scalar.value - openBase))
    }

    /// The text without any style.
    public static func strip(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars where !isMarker(s) { out.append(s) }
        return String(out)
    }

    /// The text with markers turned into ANSI SGR sequences; styles are
    /// closed at every newline and reopened after it, so each line stands
    /// alone (a pager or a cut line never leaks a colour).
    public static func ansi(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var stack: [Tone] = []
        func emitState() {
            out.append(contentsOf: "\u{1B}[0m".unicodeScalars)
            if !stack.isEmpty {
                out.append(contentsOf: ("\u{1B}[" + stack.map(\.sgr).joined(separator: ";") + "m").unicodeScalars)
            }
        }
        for s in text.unicodeScalars {
            if s == closeScalar {
                if !stack.isEmpty { stack.removeLast() }
                emitState()
            } else if let tone = tone(of: s) {
                stack.append(tone)
                emitState()
            } else if s == "\n" && !stack.isEmpty {
                out.append(contentsOf: "\u{1B}[0m\n".unicodeScalars)
                emitState()
            } else if isMarker(s) {
                continue
            } else {
                out.append(s)
            }
        }
        if !stack.isEmpty { out.append(contentsOf: "\u{1B}[0m".unicodeScalars) }
        return String(out)
    }

    /// Splits styled text into lines, carrying the open tones across line
    /// breaks so each line is balanced on its own.
    public static func balancedLines(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var stack: [Tone] = []
        for s in text.unicodeScalars {
            if s == "\n" {
                for _ in stack { current.append(closeScalar) }
                lines.append(String(current))
                current = String.UnicodeScalarView()
                for t in stack { current.append(Unicode.Scalar(openBase + UInt32(t.rawValue))!) }
            } else {
                if s == closeScalar { if !stack.isEmpty { stack.removeLast() } }
                else if let t = tone(of: s) { stack.append(t) }
                current.append(s)
            }
        }
        for _ in stack { current.append(closeScalar) }
        lines.append(String(current))
        return lines
    }
}
