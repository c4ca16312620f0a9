/// Decodes literal tokens (already checked by the lexer) into values.
public enum Literals {
    /// The bytes of a string literal, interpreted (`"…"`) or raw (`` `…` ``).
    /// Go strings are bytes, so `"\xff"` is one byte that is not UTF-8.
    public static func stringBytes(_ raw: String) throws(GoLiteError) -> [UInt8] {
        let b = Array(raw.utf8)
        guard b.count >= 2 else { return [] }
        if b[0] == UInt8(ascii: "`") {
            return b[1..<(b.count - 1)].filter { $0 != 0x0D }
        }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 1
        let end = b.count - 1
        while i < end {
            if b[i] != UInt8(ascii: "\\") {
                out.append(b[i])
                i += 1
                continue
            }
            let (value, isByte, next) = escape(b, i + 1)
            if isByte { out.append(UInt8(truncatingIfNeeded: value)) } else { appendUTF8(value, to: &out) }
            i = next
        }
        return out
    }

    public static func string(_ raw: String) throws(GoLiteError) -> String {
        String(decoding: try stringBytes(raw), as: UTF8.self)
    }

    /// The code point of a rune literal (`'a'`, `'\n'`, `'\u00e9'`).
    public static func rune(_ raw: String) -> Int {
        let b = Array(raw.utf8)
        guard b.count >= 3 else { return 0 }
        if b[1] == UInt8(ascii: "\\") { return Int(escape(b, 2).value) }
        let inner = String(decoding: b[1..<(b.count - 1)], as: UTF8.self)
        return Int(inner.unicodeScalars.first?.value ?? 0)
    }

    /// An integer literal in any base, or nil if it does not fit in 64 bits.
    public static func integer(_ raw: String) -> Int? {
        var t = raw.replacingOccurrences(of: "_", with: "").lowercased()
        var radix = 10
        if t.hasPrefix("0x") { radix = 16; t.removeFirst(2) } else if t.hasPrefix("0o") { radix = 8; t.removeFirst(2) } else if t.hasPrefix("0b") { radix = 2; t.removeFirst(2) } else if t.count > 1 && t.hasPrefix("0") { radix = 8; t.removeFirst() }
        return Int(t, radix: radix)
    }

    public static func float(_ raw: String) -> Double? {
        let t = raw.replacingOccurrences(of: "_", with: "")
        if t.lowercased().hasPrefix("0x") { return hexFloat(t) }
        return Double(t)
    }

    private static func hexFloat(_ t: String) -> Double? {
        let lower = t.lowercased().dropFirst(2)
        let parts = lower.split(separator: "p", maxSplits: 1)
        guard parts.count == 2, let exp = Int(parts[1]) else { return nil }
        var mantissa = 0.0
        var scale = 0
        var afterPoint = false
        for c in parts[0] {
            if c == "." { afterPoint = true; continue }
            guard let d = c.hexDigitValue else { return nil }
            mantissa = mantissa * 16 + Double(d)
            if afterPoint { scale -= 4 }
        }
        return mantissa * pow2(exp + scale)
    }

    private static func pow2(_ n: Int) -> Double {
        var r = 1.0
        if n >= 0 { for _ in 0..<n { r *= 2 } } else { for _ in 0..<(-n) { r /= 2 } }
        return r
    }

    /// Decodes the escape whose letter is at `i`; returns the value, whether
    /// it is a single byte (`\x`, octal) and the index after it.
    private static func escape(_ b: [UInt8], _ i: Int) -> (value: UInt32, isByte: Bool, next: Int) {
        guard i < b.count else { return (0, true, i) }
        switch b[i] {
        case UInt8(ascii: "a"): return (7, true, i + 1)
        case UInt8(ascii: "b"): return (8, true, i + 1)
        case UInt8(ascii: "f"): return (12, true, i + 1)
        case UInt8(ascii: "n"): return (10, true, i + 1)
        case UInt8(ascii: "r"): return (13, true, i + 1)
        case UInt8(ascii: "t"): return (9, true, i + 1)
        case UInt8(ascii: "v"): return (11, true, i + 1)
        case UInt8(ascii: "x"): return (digits(b, i + 1, 2, 16), true, i + 3)
        case UInt8(ascii: "u"): return (digits(b, i + 1, 4, 16), false, i + 5)
        case UInt8(ascii: "U"): return (digits(b, i + 1, 8, 16), false, i + 9)
        case UInt8(ascii: "0")...UInt8(ascii: "7"): return (digits(b, i, 3, 8), true, i + 3)
        default: return (UInt32(b[i]), true, i + 1)
        }
    }

    private static func digits(_ b: [UInt8], _ from: Int, _ n: Int, _ radix: UInt32) -> UInt32 {
        var v: UInt32 = 0
        for k in from..<min(b.count, from + n) {
            v = v &* radix &+ UInt32(Character(UnicodeScalar(b[k])).hexDigitValue ?? 0)
        }
        return v
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? Unicode.Scalar(0xFFFD)!
        out.append(contentsOf: Array(String(scalar).utf8))
    }
}
