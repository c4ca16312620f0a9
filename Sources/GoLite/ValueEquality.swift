/// Go's `==` on values, and the hashing map keys need, slot by slot.
enum ValueEquality {
    /// Interfaces nested deeper than this compare unequal and hash alike
    /// (Go itself would overflow its stack on such values).
    static let maxDepth = 100_000

    /// Equality of one slot (interfaces compare their dynamic types and values).
    static func equal(_ a: GoValue, _ b: GoValue, depth: Int = 0) -> Bool {
        if depth > maxDepth { return false }
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.string(let b1, let o1, let l1), .string(let b2, let o2, let l2)):
            return stringsEqual(b1, o1, l1, b2, o2, l2)
        case (.pointer(let b1, let i1), .pointer(let b2, let i2)): return b1 === b2 && i1 == i2
        case (.null, .null): return true
        case (.iface(let t1, let b1), .iface(let t2, let b2)):
            guard t1 === t2 else { return false }
            for i in 0..<t1.slots where !equal(b1.load(i), b2.load(i), depth: depth + 1) { return false }
            return true
        case (.map(let m1), .map(let m2)): return m1 === m2
        case (.chan(let c1), .chan(let c2)): return c1 === c2
        case (.fn(let f1), .fn(let f2)): return f1 === f2
        case (.slice(let b1, let o1, let l1, let c1), .slice(let b2, let o2, let l2, let c2)):
            return b1 === b2 && o1 == o2 && l1 == l2 && c1 == c2
        default: return false
        }
    }

    @inline(__always)
    static func stringsEqual(_ b1: MemBlock, _ o1: Int32, _ l1: Int32, _ b2: MemBlock, _ o2: Int32, _ l2: Int32) -> Bool {
        if l1 != l2 { return false }
        if l1 == 0 || (b1 === b2 && o1 == o2) { return true }
        return memcmp(b1.bytes + Int(o1), b2.bytes + Int(o2), Int(l1)) == 0
    }

    /// -1, 0 or 1, comparing bytes as Go compares strings.
    static func compareStrings(_ b1: MemBlock, _ o1: Int32, _ l1: Int32, _ b2: MemBlock, _ o2: Int32, _ l2: Int32) -> Int {
        let n = Int(min(l1, l2))
        if n > 0 {
            let c = memcmp(b1.bytes + Int(o1), b2.bytes + Int(o2), n)
            if c != 0 { return c < 0 ? -1 : 1 }
        }
        return l1 == l2 ? 0 : (l1 < l2 ? -1 : 1)
    }

    /// The dynamic type that makes a value impossible to compare or hash
    /// (an interface holding a slice, map or func), if any.
    static func uncomparableType(_ v: GoValue, depth: Int = 0) -> RType? {
        guard case .iface(let tr, let b) = v, case let t = tr.rtype, depth <= maxDepth else { return nil }
        if !t.comparable { return t }
        if t.kind == .structure || t.kind == .array || t.kind == .interface {
            for i in 0..<t.slots { if let bad = uncomparableType(b.load(i), depth: depth + 1) { return bad } }
        }
        return nil
    }

    static func hash(_ v: GoValue, into h: inout Hasher, depth: Int = 0) {
        if depth > maxDepth { return }
        switch v {
        case .int(let x): h.combine(x)
        case .float(let x): h.combine(x == 0 ? 0 : x.bitPattern)
        case .string(let b, let o, let l):
            h.combine(l)
            h.combine(bytes: UnsafeRawBufferPointer(start: b.bytes + Int(o), count: Int(l)))
        case .pointer(let b, let i): h.combine(ObjectIdentifier(b)); h.combine(i)
        case .iface(let t, let b):
            h.combine(t.id)
            for i in 0..<t.slots { hash(b.load(i), into: &h, depth: depth + 1) }
        case .map(let m): h.combine(ObjectIdentifier(m))
        case .chan(let c): h.combine(ObjectIdentifier(c))
        case .fn(let f): h.combine(ObjectIdentifier(f))
        case .slice(let b, _, _, _): h.combine(ObjectIdentifier(b))
        case .null: h.combine(0)
        }
    }

    /// A hash that does not change between runs, for placing keys in the
    /// simulated map's buckets (Swift's own hashing is seeded per process).
    static func stableHash(_ v: GoValue, seed: UInt64, depth: Int = 0) -> UInt64 {
        var x = seed
        if depth > maxDepth { return x }
        func mix(_ v: UInt64) {
            x = (x ^ v) &* 0x100000001b3
            x ^= x >> 29
        }
        switch v {
        case .int(let i): mix(UInt64(bitPattern: Int64(i)))
        case .float(let d): mix(d == 0 ? 0 : d.bitPattern)
        case .string(let b, let o, let l):
            let p = b.bytes + Int(o)
            for i in 0..<Int(l) { mix(UInt64(p[i])) }
            mix(UInt64(l))
        case .pointer(let b, let i): mix(UInt64(b.address &+ i))
        case .iface(let t, let b):
            mix(UInt64(t.id))
            for i in 0..<t.slots { mix(stableHash(b.load(i), seed: x, depth: depth + 1)) }
        case .map, .chan, .fn, .slice, .null: mix(0x9e3779b97f4a7c15)
        }
        // SplitMix64 finaliser: every bit of the key reaches the low bits.
        var z = x &+ 0x9e3779b97f4a7c15
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
