import Foundation

/// `fmt`'s printing rules (Go 1.19 fmt/print.go and format.go) for the
/// values GoLite programs make: `%v` and friends, flags, width and
/// precision, `Error`/`String` methods, maps printed with sorted keys, and
/// the `%!verb(type=value)` complaints for mismatched arguments.
struct GoFormatter {
    unowned let machine: Machine

    /// A value to print: its type and its slots.
    struct Item {
        var type: GoType
        var slots: [GoValue]
    }

    struct Spec {
        var verb: Character = "v"
        var plus = false
        var minus = false
        var sharp = false
        var space = false
        var zero = false
        var width: Int?
        var precision: Int?
        /// `%+v` (field names) and `%#v` (Go syntax) change how values print.
        var plusV = false
        var sharpV = false
    }

    static let maxDepth = 40
    /// fmt refuses widths and precisions over a million (`tooLarge`).
    static let maxWidth = 1_000_000

    // MARK: - Entry points

    /// `Sprint`: operands separated by a space when neither is a string.
    func sprint(_ args: [GoValue], newline: Bool) -> String {
        var out = ""
        var prevString = false
        for (i, a) in args.enumerated() {
            let isString: Bool = { if case .iface(let t, _) = a { return t.kind == .string } ; return false }()
            if i > 0 && (newline || (!isString && !prevString)) { out += " " }
            out += format(a, Spec())
            prevString = isString
        }
        if newline { out += "\n" }
        return out
    }

    func sprintf(_ pattern: [UInt8], _ args: [GoValue]) -> String {
        var out = ""
        var argIndex = 0
        var i = 0
        let n = pattern.count
        var literal: [UInt8] = []
        func flushLiteral() {
            if !literal.isEmpty { out += String(decoding: literal, as: UTF8.self); literal = [] }
        }
        while i < n {
            let ch = pattern[i]
            if ch != UInt8(ascii: "%") { literal.append(ch); i += 1; continue }
            flushLiteral()
            i += 1
            var spec = Spec()
            // Flags.
            flags: while i < n {
                switch pattern[i] {
                case UInt8(ascii: "+"): spec.plus = true
                case UInt8(ascii: "-"): spec.minus = true; spec.zero = false
                case UInt8(ascii: "#"): spec.sharp = true
                case UInt8(ascii: " "): spec.space = true
                case UInt8(ascii: "0"): spec.zero = !spec.minus
                default: break flags
                }
                i += 1
            }
            // Width.
            if i < n && pattern[i] == UInt8(ascii: "*") {
                i += 1
                if argIndex < args.count, case .iface(let t, let b) = args[argIndex], case .int = t.kind {
                    var w = b.load(0).intValue
                    if w < 0 { spec.minus = true; w = w == Int.min ? Int.max : -w }
                    if w > GoFormatter.maxWidth { out += "%!(BADWIDTH)" } else { spec.width = w }
                } else {
                    out += "%!(BADWIDTH)"
                }
                argIndex += 1
            } else {
                var w = 0
                var has = false
                var bad = false
                while i < n, pattern[i] >= 48, pattern[i] <= 57 {
                    if w > GoFormatter.maxWidth { bad = true } else { w = w * 10 + Int(pattern[i] - 48) }
                    has = true
                    i += 1
                }
                // Go's parsenum gives up on the rest of the format.
                if bad || w > GoFormatter.maxWidth { out += "%!(NOVERB)"; i = n; break }
                if has { spec.width = w }
            }
            // Precision.
            if i < n && pattern[i] == UInt8(ascii: ".") {
                i += 1
                if i < n && pattern[i] == UInt8(ascii: "*") {
                    i += 1
                    if argIndex < args.count, case .iface(let t, let b) = args[argIndex], case .int = t.kind {
                        let p = b.load(0).intValue
                        if p > GoFormatter.maxWidth { out += "%!(BADPREC)" } else { spec.precision = p < 0 ? nil : p }
                    } else {
                        out += "%!(BADPREC)"
                    }
                    argIndex += 1
                } else {
                    var p = 0
                    var bad = false
                    while i < n, pattern[i] >= 48, pattern[i] <= 57 {
                        if p > GoFormatter.maxWidth { bad = true } else { p = p * 10 + Int(pattern[i] - 48) }
                        i += 1
                    }
                    if bad || p > GoFormatter.maxWidth { out += "%!(NOVERB)"; i = n; break }
                    spec.precision = p
                }
            }
            if i >= n { out += "%!(NOVERB)"; break }
            let (verbScalar, w) = UTF8Decoding.decode(pattern.withUnsafeBufferPointer { $0.baseAddress! + i }, n - i)
            i += w
            let verb = Character(Unicode.Scalar(UInt32(verbScalar)) ?? "?")
            if verb == "%" { out += "%"; continue }
            spec.verb = verb
            if verb == "v" {
                if spec.sharp { spec.sharp = false; spec.sharpV = true }
                if spec.plus { spec.plus = false; spec.plusV = true }
            }
            if argIndex >= args.count {
                out += "%!" + String(verb) + "(MISSING)"
                continue
            }
            out += format(args[argIndex], spec)
            argIndex += 1
        }
        flushLiteral()
        if argIndex < args.count {
            out += "%!(EXTRA "
            out += args[argIndex...].map { a -> String in
                guard case .iface(let t, _) = a else { return "<nil>" }
                return t.name + "=" + format(a, Spec())
            }.joined(separator: ", ")
            out += ")"
        }
        return out
    }

    // MARK: - One argument

    /// One operand (an interface value) under a verb.
    func format(_ arg: GoValue, _ spec: Spec) -> String {
        guard case .iface(let t, let b) = arg else {
            switch spec.verb {
            case "T", "v": return pad("<nil>", spec)
            default: return "%!" + String(spec.verb) + "(<nil>)"
            }
        }
        if spec.verb == "T" { return pad(t.name, spec) }
        if spec.verb == "p" { return pad(pointerText(Item(type: t.type, slots: slots(of: b, t.slots)), spec), spec) }
        if let s = methodText(arg, spec) { return s }
        return value(Item(type: t.type, slots: slots(of: b, t.slots)), spec, depth: 0)
    }

    private func slots(of b: MemBlock, _ n: Int) -> [GoValue] {
        (0..<n).map { b.load($0) }
    }

    /// `Error()` or `String()` for the verbs that use them (fmt's handleMethods).
    private func methodText(_ v: GoValue, _ spec: Spec) -> String? {
        guard !spec.sharpV, "vsxXq".contains(spec.verb), case .iface(let tr, let b) = v, case let t = tr.rtype else { return nil }
        for name in ["Error", "String"] {
            guard let target = machine.resolveMethod(t, name), target.signature.params.isEmpty,
                  target.signature.results.count == 1, target.signature.results[0].isString else { continue }
            // A nil pointer receiver prints <nil> when the method would dereference it.
            if t.kind == .pointer, case .null = b.load(0), !target.pointerReceiver || target.path.isEmpty == false {
                return pad("<nil>", spec)
            }
            if machine.exe.runtimeTypes.isLibraryError(t) {
                return string(machine.stringText(b.load(0)), spec)
            }
            guard let f = target.function, case .values(let recv) = machine.receiverValues(target, t, b, method: name) else { return nil }
            switch machine.callForLibrary(function: f, args: recv) {
            case .returned(let r):
                return string(machine.stringText(r.first ?? .null), spec)
            case .panicked(let p):
                if t.kind == .pointer, case .null = b.load(0) { return pad("<nil>", spec) }
                return "%!" + String(spec.verb) + "(PANIC=" + name + " method: " + machine.panicValueText(p) + ")"
            case .failed:
                return ""
            }
        }
        return nil
    }

    /// A value of a known type (fmt's printValue).
    func value(_ item: Item, _ spec: Spec, depth: Int) -> String {
        if depth > GoFormatter.maxDepth { return "..." }
        let t = item.type
        let v = item.slots.first ?? .null
        switch t.underlying {
        case .basic(let k):
            if k.isBoolean { return boolText(v.intValue != 0, spec) }
            if k.isString { return string(machine.stringText(v), spec) }
            if k.isFloat { return float(v.floatValue, k == .float32 ? 32 : 64, spec) }
            return integer(v.intValue, IntKind(k) ?? .int64, spec, typeName: Layout.runtimeName(t))
        case .pointer(let e):
            if depth == 0, case .pointer(let b, let i) = v {
                switch e.underlying {
                case .structure, .array, .slice, .map:
                    if spec.sharpV {
                        return "&" + value(Item(type: e, slots: (0..<Layout.slots(e)).map { b.load(i + $0) }), spec, depth: depth + 1)
                    }
                    return "&" + value(Item(type: e, slots: (0..<Layout.slots(e)).map { b.load(i + $0) }), spec, depth: depth + 1)
                default: break
                }
            }
            if spec.sharpV {
                if case .null = v { return "(" + Layout.runtimeName(t) + ")(nil)" }
                return "(" + Layout.runtimeName(t) + ")(" + pointerText(item, spec) + ")"
            }
            if case .null = v { return pad("<nil>", spec) }
            return pad(pointerText(item, spec), spec)
        case .slice(let e):
            if case .null = v, spec.sharpV { return Layout.runtimeName(t) + "(nil)" }
            guard case .slice(let b, let off, let len, _) = v else {
                if "sxXq".contains(spec.verb), Layout.isByteElement(e) { return bytesText([], spec) }
                return spec.sharpV ? Layout.runtimeName(t) + "{}" : "[]"
            }
            if Layout.isByteElement(e) && "sxXq".contains(spec.verb) {
                return bytesText((0..<Int(len)).map { UInt8(truncatingIfNeeded: b.load(Int(off) + $0).intValue) }, spec)
            }
            let stride = Layout.slots(e)
            let items = (0..<Int(len)).map { k in Item(type: e, slots: (0..<stride).map { b.load(Int(off) + k * stride + $0) }) }
            return sequence(items, t, spec, depth: depth)
        case .array(let n, let e):
            let stride = Layout.slots(e)
            if Layout.isByteElement(e) && "sxXq".contains(spec.verb) {
                return bytesText(item.slots.map { UInt8(truncatingIfNeeded: $0.intValue) }, spec)
            }
            let items = (0..<n).map { k in Item(type: e, slots: Array(item.slots[(k * stride)..<((k + 1) * stride)])) }
            return sequence(items, t, spec, depth: depth)
        case .map(let kt, let vt):
            guard case .map(let m) = v else { return spec.sharpV ? Layout.runtimeName(t) + "(nil)" : "map[]" }
            var entries: [(Item, Item)] = []
            for (e, used) in m.used.enumerated() where used {
                entries.append((Item(type: kt, slots: Array(m.keys[(e * m.keySlots)..<((e + 1) * m.keySlots)])),
                                Item(type: vt, slots: Array(m.values[(e * m.valueSlots)..<((e + 1) * m.valueSlots)]))))
            }
            entries.sort { compareKeys($0.0, $1.0) < 0 }
            let body = entries.map { element($0.0, spec, depth: depth) + ":" + element($0.1, spec, depth: depth) }
            if spec.sharpV { return Layout.runtimeName(t) + "{" + body.joined(separator: ", ") + "}" }
            return "map[" + body.joined(separator: " ") + "]"
        case .structure(let fields):
            var parts: [String] = []
            var at = 0
            for f in fields {
                let n = Layout.slots(f.type)
                let fv = element(Item(type: f.type, slots: Array(item.slots[at..<(at + n)])), spec, depth: depth,
                                 exported: f.name.first?.isUppercase == true)
                at += n
                if spec.sharpV { parts.append(f.name + ":" + fv) } else if spec.plusV { parts.append(f.name + ":" + fv) } else { parts.append(fv) }
            }
            if spec.sharpV { return Layout.runtimeName(t) + "{" + parts.joined(separator: ", ") + "}" }
            return "{" + parts.joined(separator: " ") + "}"
        case .interface:
            if case .null = v { return spec.sharpV ? Layout.runtimeName(t) + "(nil)" : pad("<nil>", spec) }
            if let s = methodText(v, spec) { return s }
            guard case .iface(let dt, let b) = v else { return "<nil>" }
            return value(Item(type: dt.type, slots: slots(of: b, dt.slots)), spec, depth: depth + 1)
        case .chan, .function:
            if case .null = v { return spec.sharpV ? "(" + Layout.runtimeName(t) + ")(nil)" : pad("<nil>", spec) }
            return pad(pointerText(item, spec), spec)
        default:
            return "?"
        }
    }

    /// A value inside a composite: methods apply to it too (when fmt can
    /// reach it as an interface, i.e. not through an unexported field).
    private func element(_ item: Item, _ spec: Spec, depth: Int, exported: Bool = true) -> String {
        if exported && !spec.sharpV, !item.type.isInterface, needsMethodCheck(item.type) {
            let rt = machine.exe.registry.rtype(item.type)
            let box = MemBlock(copyingValues: item.slots)
            if let s = methodText(.iface(TypeRef(rt), box), spec) { return s }
        }
        if spec.sharpV, item.type.isString { return quote(machine.stringText(item.slots.first ?? .null)) }
        return value(item, spec, depth: depth + 1)
    }

    private func needsMethodCheck(_ t: GoType) -> Bool {
        switch t {
        case .named: return true
        case .pointer(let e): return e.isNamed
        default: return false
        }
    }

    private func sequence(_ items: [Item], _ t: GoType, _ spec: Spec, depth: Int) -> String {
        let parts = items.map { element($0, spec, depth: depth) }
        if spec.sharpV { return Layout.runtimeName(t) + "{" + parts.joined(separator: ", ") + "}" }
        return "[" + parts.joined(separator: " ") + "]"
    }

    // MARK: - Scalars

    private func boolText(_ b: Bool, _ spec: Spec) -> String {
        guard "vt".contains(spec.verb) else { return bad(spec, "bool", b ? "true" : "false") }
        return pad(b ? "true" : "false", spec)
    }

    private func bad(_ spec: Spec, _ type: String, _ text: String) -> String {
        "%!" + String(spec.verb) + "(" + type + "=" + text + ")"
    }

    func integer(_ raw: Int, _ k: IntKind, _ spec: Spec, typeName: String) -> String {
        let negative = !k.isUnsigned && raw < 0
        let magnitude: UInt = k == .uint64 ? UInt(bitPattern: raw) : (negative ? UInt(bitPattern: 0 &- raw) : UInt(raw))
        var digits: String
        var prefix = ""
        switch spec.verb {
        case "v", "d":
            if spec.sharpV && k.isUnsigned && false { digits = "" }
            digits = String(magnitude)
        case "x": digits = String(magnitude, radix: 16); if spec.sharp { prefix = "0x" }
        case "X": digits = String(magnitude, radix: 16).uppercased(); if spec.sharp { prefix = "0X" }
        case "o": digits = String(magnitude, radix: 8); if spec.sharp { prefix = "0" }
        case "O": digits = String(magnitude, radix: 8); prefix = "0o"
        case "b": digits = String(magnitude, radix: 2)
        case "c":
            return pad(String(decoding: UTF8Decoding.encode(raw), as: UTF8.self), spec)
        case "q":
            return pad(quoteRune(raw), spec)
        case "U":
            var hex = String(magnitude, radix: 16).uppercased()
            while hex.count < 4 { hex = "0" + hex }
            var s = "U+" + hex
            if spec.sharp, raw >= 0, raw <= 0x10FFFF { s += " '" + String(decoding: UTF8Decoding.encode(raw), as: UTF8.self) + "'" }
            return pad(s, spec)
        case "e", "E", "f", "F", "g", "G":
            return bad(spec, typeName, String(negative ? "-" : "") + String(magnitude))
        default:
            return bad(spec, typeName, (negative ? "-" : "") + String(magnitude))
        }
        if let p = spec.precision {
            while digits.count < p { digits = "0" + digits }
            if p == 0 && magnitude == 0 { digits = "" }
        }
        var sign = negative ? "-" : (spec.plus ? "+" : (spec.space ? " " : ""))
        if spec.zero && !spec.minus && spec.precision == nil, let w = spec.width {
            while sign.count + prefix.count + digits.count < w { digits = "0" + digits }
        }
        sign += prefix
        return pad(sign + digits, spec, numeric: true)
    }

    func float(_ d: Double, _ bits: Int, _ spec: Spec) -> String {
        var s: String
        switch spec.verb {
        case "v", "g", "G":
            if let p = spec.precision {
                s = d.isFinite ? String(format: "%.\(max(p, 1))" + (spec.verb == "G" ? "G" : "g"), d) : special(d)
            } else {
                s = GoFormatter.shortest(d, bits: bits)
            }
        case "f", "F":
            s = d.isFinite ? String(format: "%.\(spec.precision ?? 6)f", d) : special(d)
        case "e", "E":
            s = d.isFinite ? String(format: "%.\(spec.precision ?? 6)" + String(spec.verb), d) : special(d)
        default:
            return bad(spec, bits == 32 ? "float32" : "float64", GoFormatter.shortest(d, bits: bits))
        }
        if spec.plus && !s.hasPrefix("-") && !s.hasPrefix("+") { s = "+" + s }
        else if spec.space && !s.hasPrefix("-") && !s.hasPrefix("+") { s = " " + s }
        if d.isInfinite && !spec.plus && s.hasPrefix("+") && spec.verb != "v" { s.removeFirst() }
        if spec.zero && !spec.minus, let w = spec.width, d.isFinite {
            var sign = ""
            var body = s
            if body.hasPrefix("-") || body.hasPrefix("+") || body.hasPrefix(" ") { sign = String(body.removeFirst()) }
            while sign.count + body.count < w { body = "0" + body }
            return sign + body
        }
        return pad(s, spec, numeric: true)
    }

    private func special(_ d: Double) -> String {
        d.isNaN ? "NaN" : (d > 0 ? "+Inf" : "-Inf")
    }

    /// strconv.FormatFloat(f, 'g', -1, bits) as `%v` prints it: the shortest
    /// digits, in %e form when the exponent is below -4 or at least 6.
    static func shortest(_ d: Double, bits: Int) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "+Inf" : "-Inf" }
        if d == 0 { return d.sign == .minus ? "-0" : "0" }
        let text = bits == 32 ? Float(d).description : d.description
        var (digits, point, negative) = decimalDigits(text)
        if digits.isEmpty { digits = [0]; point = 1 }
        let exp = point - 1
        var out = negative ? "-" : ""
        if exp < -4 || exp >= 6 {
            out += String(digits[0])
            if digits.count > 1 { out += "." + digits.dropFirst().map(String.init).joined() }
            out += "e" + (exp < 0 ? "-" : "+") + (abs(exp) < 10 ? "0" : "") + String(abs(exp))
            return out
        }
        if point <= 0 {
            out += "0." + String(repeating: "0", count: -point) + digits.map(String.init).joined()
        } else if point >= digits.count {
            out += digits.map(String.init).joined() + String(repeating: "0", count: point - digits.count)
        } else {
            out += digits[..<point].map(String.init).joined() + "." + digits[point...].map(String.init).joined()
        }
        return out
    }

    /// The significant digits of Swift's shortest representation and where
    /// the decimal point goes.
    static func decimalDigits(_ text: String) -> ([Int], Int, Bool) {
        var s = Substring(text)
        var negative = false
        if s.hasPrefix("-") { negative = true; s = s.dropFirst() }
        var exp = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exp = Int(s[s.index(after: e)...].replacingOccurrences(of: "+", with: "")) ?? 0
            s = s[..<e]
        }
        var digits: [Int] = []
        var point = 0
        var seenPoint = false
        for c in s {
            if c == "." { seenPoint = true; continue }
            guard let v = c.wholeNumberValue else { continue }
            digits.append(v)
            if !seenPoint { point += 1 }
        }
        while let f = digits.first, f == 0, digits.count > 1 { digits.removeFirst(); point -= 1 }
        while let l = digits.last, l == 0, digits.count > 1 { digits.removeLast() }
        return (digits, point + exp, negative)
    }

    func string(_ s: String, _ spec: Spec) -> String {
        switch spec.verb {
        case "v", "s":
            var t = s
            if let p = spec.precision { t = String(t.unicodeScalars.prefix(p).map(Character.init)) }
            if spec.sharpV { return quote(t) }
            return pad(t, spec)
        case "q":
            return pad(spec.sharp && !s.contains("`") ? "`" + s + "`" : quote(s), spec)
        case "x", "X":
            return bytesText(Array(s.utf8), spec)
        default:
            return bad(spec, "string", s)
        }
    }

    private func bytesText(_ bytes: [UInt8], _ spec: Spec) -> String {
        switch spec.verb {
        case "s", "v": return pad(String(decoding: bytes, as: UTF8.self), spec)
        case "q": return pad(quote(String(decoding: bytes, as: UTF8.self)), spec)
        default:
            let upper = spec.verb == "X"
            let parts = bytes.map { b -> String in
                let h = String(b, radix: 16)
                let t = h.count == 1 ? "0" + h : h
                return upper ? t.uppercased() : t
            }
            return pad(parts.joined(separator: spec.space ? " " : ""), spec)
        }
    }

    func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\u{0B}": out += "\\v"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    let h = String(u.value, radix: 16)
                    out += "\\x" + (h.count == 1 ? "0" + h : h)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private func quoteRune(_ r: Int) -> String {
        switch r {
        case 0x27: return "'\\''"
        case 0x5C: return "'\\\\'"
        case 0x0A: return "'\\n'"
        case 0x09: return "'\\t'"
        default:
            if r < 0x20 { return "'\\x" + String(format: "%02x", r) + "'" }
            return "'" + String(decoding: UTF8Decoding.encode(r), as: UTF8.self) + "'"
        }
    }

    private func pointerText(_ item: Item, _ spec: Spec) -> String {
        let v = item.slots.first ?? .null
        var addr = 0
        switch v {
        case .pointer(let b, let i): addr = b.address + i * 8
        case .slice(let b, let o, _, _): addr = b.address + Int(o) * 8
        case .map(let m): addr = m.address
        case .chan(let c): addr = c.address
        case .fn(let f): addr = 0x47b000 + max(0, f.function) * 0x20
        default: addr = 0
        }
        if spec.verb == "p" && addr == 0 { return "%!p(" + Layout.runtimeName(item.type) + "=<nil>)" }
        return GoFormatter.hex(addr)
    }

    static func hex(_ v: Int) -> String { "0x" + String(v, radix: 16) }

    func pad(_ s: String, _ spec: Spec, numeric: Bool = false) -> String {
        guard let w = spec.width else { return s }
        let n = s.unicodeScalars.count
        if n >= w { return s }
        let fill = String(repeating: " ", count: w - n)
        return spec.minus ? s + fill : fill + s
    }

    // MARK: - Map key order (internal/fmtsort)

    private func compareKeys(_ a: Item, _ b: Item) -> Int {
        for (x, y) in zip(a.slots, b.slots) {
            let c = compareSlot(x, y, a.type)
            if c != 0 { return c }
        }
        return 0
    }

    private func compareSlot(_ x: GoValue, _ y: GoValue, _ t: GoType, depth: Int = 0) -> Int {
        if depth > GoFormatter.maxDepth { return 0 }
        switch (x, y) {
        case (.int(let p), .int(let q)):
            if t.basicKind.flatMap({ IntKind($0) }) == .uint64 {
                return UInt(bitPattern: p) < UInt(bitPattern: q) ? -1 : (p == q ? 0 : 1)
            }
            return p < q ? -1 : (p == q ? 0 : 1)
        case (.float(let p), .float(let q)):
            if p.isNaN { return q.isNaN ? 0 : -1 }
            if q.isNaN { return 1 }
            return p < q ? -1 : (p == q ? 0 : 1)
        case (.string(let b1, let o1, let l1), .string(let b2, let o2, let l2)):
            return ValueEquality.compareStrings(b1, o1, l1, b2, o2, l2)
        case (.pointer(let b1, let i1), .pointer(let b2, let i2)):
            let p = b1.address + i1, q = b2.address + i2
            return p < q ? -1 : (p == q ? 0 : 1)
        case (.iface(let t1, let b1), .iface(let t2, let b2)):
            if t1 !== t2 { return t1.id < t2.id ? -1 : 1 }
            for i in 0..<t1.slots {
                let c = compareSlot(b1.load(i), b2.load(i), t1.type, depth: depth + 1)
                if c != 0 { return c }
            }
            return 0
        case (.null, .null): return 0
        case (.null, _): return -1
        case (_, .null): return 1
        default: return 0
        }
    }

    // MARK: - The runtime's own printing (print, println, panic values)

    static func runtimePrint(_ v: GoValue, _ t: GoType) -> String {
        switch t.underlying {
        case .basic(let k):
            if k.isBoolean { return v.intValue != 0 ? "true" : "false" }
            if k.isFloat { return runtimeFloat(v.floatValue) }
            if k.isString {
                guard case .string(let b, let o, let l) = v else { return "" }
                return String(decoding: UnsafeBufferPointer(start: b.bytes + Int(o), count: Int(l)), as: UTF8.self)
            }
            if k == .untypedNil { return "nil" }
            if IntKind(k) == .uint64 { return String(UInt(bitPattern: v.intValue)) }
            return String(v.intValue)
        case .interface:
            if case .iface(_, let b) = v { return "(0x4a0e60," + hex(b.address) + ")" }
            return "(0x0,0x0)"
        case .slice:
            if case .slice(let b, let o, let l, let c) = v { return "[\(l)/\(c)]" + hex(b.address + Int(o) * 8) }
            return "[0/0]0x0"
        default:
            switch v {
            case .pointer(let b, let i): return hex(b.address + i * 8)
            case .map(let m): return hex(m.address)
            case .chan(let c): return hex(c.address)
            default: return "0x0"
            }
        }
    }

    /// The runtime's float format: `+1.500000e+000`.
    static func runtimeFloat(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "+Inf" : "-Inf" }
        var s = String(format: "%.6e", d)
        if !s.hasPrefix("-") { s = "+" + s }
        if let e = s.firstIndex(of: "e") {
            let mant = s[..<e]
            var exp = String(s[s.index(after: e)...])
            let sign = exp.removeFirst()
            while exp.count < 3 { exp = "0" + exp }
            s = mant + "e" + String(sign) + exp
        }
        return s
    }
}
