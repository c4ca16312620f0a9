/// Operations on values that need no memory: arithmetic with Go's
/// wrap-around, comparisons, conversions, lengths, string decoding.
extension Machine {
    /// nil for a division by zero or a negative shift count (the caller panics).
    func arithmetic(_ op: ArithOp, _ kind: NumKind, _ a: GoValue, _ b: GoValue) -> GoValue? {
        switch kind {
        case .int(let k):
            let x = a.intValue, y = b.intValue
            let r: Int
            switch op {
            case .add: r = x &+ y
            case .sub: r = x &- y
            case .mul: r = x &* y
            case .div:
                if y == 0 { return nil }
                if k == .uint64 { r = Int(bitPattern: UInt(bitPattern: x) / UInt(bitPattern: y)) } else { r = x.dividedReportingOverflow(by: y).partialValue }
            case .rem:
                if y == 0 { return nil }
                if k == .uint64 { r = Int(bitPattern: UInt(bitPattern: x) % UInt(bitPattern: y)) } else { r = x.remainderReportingOverflow(dividingBy: y).partialValue }
            case .and: r = x & y
            case .or: r = x | y
            case .xor: r = x ^ y
            case .andNot: r = x & ~y
            case .shl, .shlUnsigned:
                if op == .shl && y < 0 { return nil }
                r = (y < 0 || y >= 64) ? 0 : x << y
            case .shr, .shrUnsigned:
                if op == .shr && y < 0 { return nil }
                let big = y < 0 || y >= 64
                if k == .uint64 {
                    r = big ? 0 : Int(bitPattern: UInt(bitPattern: x) >> UInt(y))
                } else {
                    r = big ? (x < 0 ? -1 : 0) : x >> y
                }
            }
            return .int(k.wrap(r))
        case .float64, .float32:
            let x = a.floatValue, y = b.floatValue
            var r: Double
            switch op {
            case .add: r = x + y
            case .sub: r = x - y
            case .mul: r = x * y
            case .div: r = x / y
            default: r = 0
            }
            if kind == .float32 { r = Double(Float(r)) }
            return .float(r)
        }
    }

    func compare(_ c: Cond, _ kind: NumKind, _ a: GoValue, _ b: GoValue) -> Bool {
        switch kind {
        case .int(.uint64): return c.test(UInt(bitPattern: a.intValue), UInt(bitPattern: b.intValue))
        case .int: return c.test(a.intValue, b.intValue)
        default: return c.test(a.floatValue, b.floatValue)
        }
    }

    func compareStrings(_ c: Cond, _ a: GoValue, _ b: GoValue) -> Bool {
        guard case .string(let b1, let o1, let l1) = a, case .string(let b2, let o2, let l2) = b else { return false }
        if c == .eq { return ValueEquality.stringsEqual(b1, o1, l1, b2, o2, l2) }
        if c == .ne { return !ValueEquality.stringsEqual(b1, o1, l1, b2, o2, l2) }
        return c.test(ValueEquality.compareStrings(b1, o1, l1, b2, o2, l2), 0)
    }

    func unary(_ op: UnaryOp, _ kind: NumKind, _ a: GoValue) -> GoValue {
        switch op {
        case .not: return .int(a.intValue == 0 ? 1 : 0)
        case .neg:
            if case .int(let k) = kind { return .int(k.wrap(0 &- a.intValue)) }
            return .float(-a.floatValue)
        case .complement:
            if case .int(let k) = kind { return .int(k.wrap(~a.intValue)) }
            return a
        }
    }

    func convertNumber(_ v: GoValue, from: NumKind, to: NumKind) -> GoValue {
        switch (from, to) {
        case (.int, .int(let tk)):
            return .int(tk.wrap(v.intValue))
        case (.int(let fk), _):
            let d = fk == .uint64 ? Double(UInt(bitPattern: v.intValue)) : Double(v.intValue)
            return .float(to == .float32 ? Double(Float(d)) : d)
        case (_, .int(let tk)):
            let d = v.floatValue.rounded(.towardZero)
            if d.isNaN { return .int(tk.wrap(Int.min)) }
            if d >= -9.223372036854775808e18 && d < 9.223372036854775808e18 { return .int(tk.wrap(Int(d))) }
            if tk == .uint64 && d >= 0 && d < 1.8446744073709552e19 { return .int(Int(bitPattern: UInt(d))) }
            return .int(tk.wrap(Int.min))
        default:
            let d = v.floatValue
            return .float(to == .float32 ? Double(Float(d)) : d)
        }
    }

    func equal(_ g: Goroutine, _ fr: UnsafeMutablePointer<GoValue>, d: Int, a: Int, b: Int, plan: EqualityPlan, negate: Bool) -> Flow {
        var same = true
        if let ct = plan.concrete {
            if case .iface(let t, let blk) = fr[a], t === ct {
                for (i, k) in plan.slots.enumerated() where !slotEqual(k, blk.load(i), fr[b + i]) { same = false; break }
            } else {
                same = false
            }
        } else {
            for (i, k) in plan.slots.enumerated() {
                let x = fr[a + i], y = fr[b + i]
                if k == .iface, case .iface(let t1, _) = x, case .iface(let t2, _) = y, t1 === t2 {
                    if let bad = ValueEquality.uncomparableType(x) { return fault(g, .uncomparable(bad.name)) }
                }
                if !slotEqual(k, x, y) { same = false; break }
            }
        }
        fr[d] = .bool(same != negate)
        return .next
    }

    @inline(__always) private func slotEqual(_ k: EqualityPlan.Slot, _ x: GoValue, _ y: GoValue) -> Bool {
        switch k {
        case .int: return x.intValue == y.intValue
        case .float: return x.floatValue == y.floatValue
        default: return ValueEquality.equal(x, y)
        }
    }

    func lengthOf(_ v: GoValue) -> Int {
        switch v {
        case .slice(_, _, let l, _): return Int(l)
        case .string(_, _, let l): return Int(l)
        case .map(let m): return m.count
        case .chan(let c): return c.count
        default: return 0
        }
    }

    func capacityOf(_ v: GoValue) -> Int {
        switch v {
        case .slice(_, _, _, let c): return Int(c)
        case .chan(let c): return c.capacity
        default: return 0
        }
    }

    /// One step of `range` over a string: `state` holds the next byte
    /// offset, then receives the rune's index and the rune.
    func nextRune(_ s: GoValue, state: UnsafeMutablePointer<GoValue>) -> Bool {
        guard case .string(let b, let off, let len) = s else { return false }
        let at = state[0].intValue
        if at >= Int(len) { return false }
        let (r, w) = UTF8Decoding.decode(b.bytes + Int(off) + at, Int(len) - at)
        state[1] = .int(at)
        state[2] = .int(r)
        state[0] = .int(at + w)
        return true
    }

    /// `copy(dst, src)`: as many elements as both have; overlapping copies
    /// behave like `memmove`.
    func copyElements(_ dst: GoValue, _ src: GoValue, stride: Int) -> Int {
        guard case .slice(let db, let doff, let dlen, _) = dst else { return 0 }
        switch src {
        case .slice(let sb, let soff, let slen, _):
            let n = min(Int(dlen), Int(slen))
            let slots = n * stride
            if slots == 0 { return n }
            if db === sb && Int(doff) > Int(soff) {
                for k in Swift.stride(from: slots - 1, through: 0, by: -1) { db.store(Int(doff) + k, sb.load(Int(soff) + k)) }
            } else {
                for k in 0..<slots { db.store(Int(doff) + k, sb.load(Int(soff) + k)) }
            }
            return n
        case .string(let sb, let soff, let slen):
            let n = min(Int(dlen), Int(slen))
            for k in 0..<n { db.store(Int(doff) + k, .int(Int(sb.bytes[Int(soff) + k]))) }
            return n
        default:
            return 0
        }
    }

    /// The built-in `print`/`println`: to standard error, in the runtime's formats.
    func printBuiltin(_ args: UnsafeMutablePointer<GoValue>, _ p: PrintAux) {
        var parts: [String] = []
        var i = 0
        for t in p.types {
            let n = Layout.slots(t)
            parts.append(GoFormatter.runtimePrint(args[i], t))
            i += n
        }
        out.writeError((p.newline ? parts.joined(separator: " ") + "\n" : parts.joined()))
    }
}

/// UTF-8 as Go decodes it: an invalid byte is U+FFFD of width 1.
enum UTF8Decoding {
    static func decode(_ p: UnsafePointer<UInt8>, _ n: Int) -> (Int, Int) {
        let b0 = Int(p[0])
        if b0 < 0x80 { return (b0, 1) }
        func cont(_ i: Int) -> Int? { i < n && p[i] & 0xC0 == 0x80 ? Int(p[i] & 0x3F) : nil }
        if b0 >= 0xC2 && b0 <= 0xDF, let c1 = cont(1) { return ((b0 & 0x1F) << 6 | c1, 2) }
        if b0 >= 0xE0 && b0 <= 0xEF, let c1 = cont(1), let c2 = cont(2) {
            let r = (b0 & 0x0F) << 12 | c1 << 6 | c2
            if r >= 0x800 && !(0xD800...0xDFFF).contains(r) { return (r, 3) }
        }
        if b0 >= 0xF0 && b0 <= 0xF4, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            let r = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            if r >= 0x10000 && r <= 0x10FFFF { return (r, 4) }
        }
        return (0xFFFD, 1)
    }

    /// The UTF-8 bytes of a rune (invalid ones become U+FFFD).
    static func encode(_ r: Int) -> [UInt8] {
        var v = r
        if v < 0 || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) { v = 0xFFFD }
        if v < 0x80 { return [UInt8(v)] }
        if v < 0x800 { return [UInt8(0xC0 | v >> 6), UInt8(0x80 | v & 0x3F)] }
        if v < 0x10000 { return [UInt8(0xE0 | v >> 12), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)] }
        return [UInt8(0xF0 | v >> 18), UInt8(0x80 | (v >> 12) & 0x3F), UInt8(0x80 | (v >> 6) & 0x3F), UInt8(0x80 | v & 0x3F)]
    }
}
