/// Arithmetic on compile-time constants, and whether a constant fits a
/// type. Integers are exact up to 64 bits; beyond that GoLite reports an
/// overflow where Go (with arbitrary precision) might not.
enum ConstantFolding {
    enum Failure: Error { case overflow, divisionByZero, invalid }

    static func unary(_ op: Operator, _ x: ConstValue, type: GoType) throws(Failure) -> ConstValue {
        switch (op, x) {
        case (.add, _): return x
        case (.sub, .int(let n)):
            let (r, o) = Int(0).subtractingReportingOverflow(n)
            if o { throw .overflow }
            return .int(r)
        case (.sub, .float(let d)): return .float(-d)
        case (.not, .bool(let b)): return .bool(!b)
        case (.xor, .int(let n)):
            if let k = type.basicKind, k.isUnsigned {
                let bits = k.size * 8
                let mask = bits == 64 ? -1 : (1 << bits) - 1
                return .int(~n & mask)
            }
            return .int(~n)
        default: throw .invalid
        }
    }

    static func binary(_ op: Operator, _ x: ConstValue, _ y: ConstValue, integer: Bool) throws(Failure) -> ConstValue {
        switch (x, y) {
        case (.int(let a), .int(let b)):
            func check(_ r: (partialValue: Int, overflow: Bool)) throws(Failure) -> ConstValue {
                if r.overflow { throw .overflow }
                return .int(r.partialValue)
            }
            switch op {
            case .add: return try check(a.addingReportingOverflow(b))
            case .sub: return try check(a.subtractingReportingOverflow(b))
            case .mul: return try check(a.multipliedReportingOverflow(by: b))
            case .div:
                if b == 0 { throw .divisionByZero }
                if !integer { return .float(Double(a) / Double(b)) }
                return try check(a.dividedReportingOverflow(by: b))
            case .rem:
                if b == 0 { throw .divisionByZero }
                return try check(a.remainderReportingOverflow(dividingBy: b))
            case .and: return .int(a & b)
            case .or: return .int(a | b)
            case .xor: return .int(a ^ b)
            case .andNot: return .int(a & ~b)
            case .shl:
                if b < 0 { throw .invalid }
                if b >= 63 && a != 0 { throw .overflow }
                let r = a << b
                if r >> b != a { throw .overflow }
                return .int(r)
            case .shr:
                if b < 0 { throw .invalid }
                return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
            default: return try compare(op, Double(a), Double(b), exact: a == b, less: a < b)
            }
        case (.float, _), (_, .float):
            guard let a = x.doubleValue, let b = y.doubleValue else { throw .invalid }
            switch op {
            case .add: return .float(a + b)
            case .sub: return .float(a - b)
            case .mul: return .float(a * b)
            case .div:
                if b == 0 { throw .divisionByZero }
                return .float(a / b)
            default: return try compare(op, a, b, exact: a == b, less: a < b)
            }
        case (.string(let a), .string(let b)):
            switch op {
            case .add: return .string(a + b)
            case .eql: return .bool(a == b)
            case .neq: return .bool(a != b)
            case .lss: return .bool(a.lexicographicallyPrecedes(b))
            case .leq: return .bool(!b.lexicographicallyPrecedes(a))
            case .gtr: return .bool(b.lexicographicallyPrecedes(a))
            case .geq: return .bool(!a.lexicographicallyPrecedes(b))
            default: throw .invalid
            }
        case (.bool(let a), .bool(let b)):
            switch op {
            case .andAnd: return .bool(a && b)
            case .orOr: return .bool(a || b)
            case .eql: return .bool(a == b)
            case .neq: return .bool(a != b)
            default: throw .invalid
            }
        default: throw .invalid
        }
    }

    private static func compare(_ op: Operator, _ a: Double, _ b: Double, exact: Bool, less: Bool) throws(Failure) -> ConstValue {
        switch op {
        case .eql: return .bool(exact)
        case .neq: return .bool(!exact)
        case .lss: return .bool(less)
        case .leq: return .bool(less || exact)
        case .gtr: return .bool(!less && !exact)
        case .geq: return .bool(!less)
        default: throw .invalid
        }
    }

    /// Whether `v` can be represented in basic kind `k`; the value as that
    /// kind (floats converted to integers must be whole).
    enum Fit { case fits(ConstValue), overflows, truncated, mismatch }

    static func fit(_ v: ConstValue, _ k: BasicKind) -> Fit {
        let kind = k.normalized
        if kind.isInteger {
            var n: Int
            switch v {
            case .int(let i): n = i
            case .float(let d):
                guard d.rounded() == d else { return .truncated }
                guard abs(d) < 9.3e18 else { return .overflows }
                n = Int(d)
            default: return .mismatch
            }
            let (lo, hi) = range(kind)
            if kind == .uint64 || kind == .uint || kind == .uintptr {
                if n < 0 { return .overflows }
            } else if n < lo || n > hi {
                return .overflows
            }
            n = n + 0
            return .fits(.int(n))
        }
        if kind.isFloat {
            switch v {
            case .int(let i): return .fits(.float(Double(i)))
            case .float(let d):
                if kind == .float32 && abs(d) > 3.4028234663852886e38 { return .overflows }
                return .fits(.float(kind == .float32 ? Double(Float(d)) : d))
            default: return .mismatch
            }
        }
        if kind.isString { if case .string = v { return .fits(v) }; return .mismatch }
        if kind.isBoolean { if case .bool = v { return .fits(v) }; return .mismatch }
        return .mismatch
    }

    static func range(_ k: BasicKind) -> (Int, Int) {
        switch k.normalized {
        case .int8: (-128, 127)
        case .int16: (-32768, 32767)
        case .int32, .untypedRune: (Int(Int32.min), Int(Int32.max))
        case .uint8: (0, 255)
        case .uint16: (0, 65535)
        case .uint32: (0, Int(UInt32.max))
        default: (Int.min, Int.max)
        }
    }
}
