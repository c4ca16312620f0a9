import TextKit

/// Calls: functions, methods, conversions and built-ins.
extension Checker {
    mutating func call(_ e: Expr, _ f: Expr, _ args: [Expr], _ dots: Bool) -> Operand {
        let fop = rawExpr(f)
        switch fop.mode {
        case .typeExpr:
            return conversion(e, fop.type, args, dots)
        case .builtin:
            return builtinCall(e, fop.builtin!, args, dots)
        case .package:
            error(f.pos, "use of package " + Printer.expr(f) + " without selector")
            return .invalid(e)
        default: break
        }
        if fop.isInvalid {
            for a in args { _ = rawExpr(a) }
            return .invalid(e)
        }
        guard let sig = fop.type.signature else {
            error(e.pos.isKnown ? f.pos : e.pos, "invalid operation: cannot call non-function " + describe(fop))
            for a in args { _ = rawExpr(a) }
            return .invalid(e)
        }
        // A method called directly is not a method value.
        if case .method(let path, let named, let m, _)? = info.selections[f.unparenthesized.id] {
            info.selections[f.unparenthesized.id] = .method(path: path, named: named, method: m, value: false)
        } else if case .interfaceMethod(let name, _)? = info.selections[f.unparenthesized.id] {
            info.selections[f.unparenthesized.id] = .interfaceMethod(name: name, value: false)
        }
        arguments(e, f, sig, args, dots)
        switch sig.results.count {
        case 0: return Operand(mode: .novalue, type: .tuple([]), expr: e)
        case 1: return Operand(mode: .value, type: sig.results[0], expr: e)
        default: return Operand(mode: .value, type: .tuple(sig.results), expr: e)
        }
    }

    /// Checks call arguments against a signature (with `...` and `f(g())`).
    mutating func arguments(_ e: Expr, _ f: Expr, _ sig: FuncSignature, _ args: [Expr], _ dots: Bool) {
        let name = Printer.expr(f)
        // f(g()) where g returns several values.
        var first: Operand? = nil
        if args.count == 1 && !dots {
            let pt: GoType? = sig.params.isEmpty ? nil : (sig.variadic ? sig.params[0].elem : sig.params[0])
            let op = rawExpr(args[0], hint: pt)
            first = op
            if case .tuple(let ts) = op.type, ts.count != 1, op.mode != .novalue {
                let want = sig.params
                let fits: Bool
                if sig.variadic {
                    fits = ts.count >= want.count - 1
                } else {
                    fits = ts.count == want.count
                }
                if !fits {
                    error(ts.count > want.count ? args[0].pos : e.pos,
                          (ts.count > want.count ? "too many" : "not enough") + " arguments in call to " + name
                          + "\n\thave " + GoType.tuple(ts).checkerDescription + "\n\twant " + GoType.tuple(want).checkerDescription)
                    return
                }
                for (i, t) in ts.enumerated() {
                    let pt = sig.variadic && i >= want.count - 1 ? want[want.count - 1].elem! : want[i]
                    if !assignable(t, to: pt) {
                        error(args[0].pos, "cannot use " + Printer.expr(args[0]) + " (value of type " + t.checkerDescription + ") as type " + pt.checkerDescription + " in argument to " + name)
                    }
                }
                return
            }
            if op.mode == .novalue {
                error(args[0].pos, Printer.expr(args[0]) + " (no value) used as value")
                return
            }
        }
        func checked(_ i: Int, _ a: Expr, _ pt: GoType) -> Operand {
            if i == 0, let f = first { return single(f) }
            return expr(a, hint: pt)
        }
        if dots {
            guard sig.variadic else {
                error(args.last!.pos, "have (...) but function is not variadic: " + name)
                for (i, a) in args.enumerated() { _ = checked(i, a, .invalid) }
                return
            }
            if args.count != sig.params.count {
                error(args.count > sig.params.count ? args[sig.params.count].pos : e.pos,
                      (args.count > sig.params.count ? "too many" : "not enough") + " arguments in call to " + name)
                for (i, a) in args.enumerated() { _ = checked(i, a, .invalid) }
                return
            }
        } else {
            let fixed = sig.variadic ? sig.params.count - 1 : sig.params.count
            if args.count < fixed || (!sig.variadic && args.count > fixed) {
                let have = args.enumerated().map { i, a -> String in
                    let t = info.types[a.id] ?? checked(i, a, .invalid).type
                    return t.isUntyped ? "number" : t.checkerDescription
                }
                let want = sig.params.enumerated().map { i, t -> String in
                    sig.variadic && i == sig.params.count - 1 ? "..." + (t.elem?.checkerDescription ?? "") : t.checkerDescription
                }
                if args.count > fixed {
                    error(args[fixed].pos, "too many arguments in call to " + name + "\n\thave (" + have.joined(separator: ", ") + ")\n\twant (" + want.joined(separator: ", ") + ")")
                } else {
                    error(e.rparenPos(args), "not enough arguments in call to " + name + "\n\thave (" + have.joined(separator: ", ") + ")\n\twant (" + want.joined(separator: ", ") + ")")
                }
                return
            }
        }
        for (i, a) in args.enumerated() {
            var pt: GoType
            if sig.variadic && i >= sig.params.count - 1 {
                pt = dots ? sig.params[sig.params.count - 1] : (sig.params[sig.params.count - 1].elem ?? .invalid)
            } else {
                pt = sig.params[i]
            }
            var op = checked(i, a, pt)
            assign(&op, to: pt, context: "argument to " + name)
        }
    }

    // MARK: - Conversions

    private mutating func conversion(_ e: Expr, _ t: GoType, _ args: [Expr], _ dots: Bool) -> Operand {
        guard args.count == 1, !dots else {
            if args.isEmpty {
                error(e.pos, "missing argument in conversion to " + t.checkerDescription)
            } else {
                error(args[args.count - 1].pos, "too many arguments in conversion to " + t.checkerDescription)
            }
            for a in args { _ = expr(a) }
            return .invalid(e)
        }
        var x = expr(args[0], hint: t)
        if x.isInvalid || t.isInvalid { return .invalid(e) }
        // Constant conversions stay constant when the result is a basic type.
        if x.mode == .constant, let v = x.value, let tk = t.basicKind {
            if tk.isString, let n = v.intValue, x.type.basicKind?.isInteger == true || x.type == .basic(.untypedFloat) && false {
                let scalar = Unicode.Scalar(UInt32(clamping: max(n, 0))) ?? Unicode.Scalar(0xFFFD)!
                if x.type.isUntyped { convertUntyped(&x, to: .basic(x.type.basicKind!.defaultType)) }
                return Operand(mode: .constant, type: t, value: .string(Array(String(scalar).utf8)), expr: e)
            }
            if x.type.isUntyped {
                switch ConstantFolding.fit(v, tk) {
                case .fits(let fv):
                    convertUntyped(&x, to: t)
                    return Operand(mode: .constant, type: t, value: fv, expr: e)
                case .overflows:
                    error(args[0].pos, "cannot convert " + describe(x) + " to type " + t.checkerDescription + " (overflows)")
                    return .invalid(e)
                case .truncated:
                    error(args[0].pos, "cannot convert " + describe(x) + " to type " + t.checkerDescription + " (truncated)")
                    return .invalid(e)
                case .mismatch: break
                }
            } else if let xk = x.type.basicKind, xk.isNumeric && tk.isNumeric {
                var r = v
                if tk.isInteger, let d = v.doubleValue { r = .int(Int(d.rounded(.towardZero))) }
                if case .fits(let fv) = ConstantFolding.fit(r, tk) {
                    return Operand(mode: .constant, type: t, value: fv, expr: e)
                }
                error(args[0].pos, "cannot convert " + describe(x) + " to type " + t.checkerDescription + " (overflows)")
                return .invalid(e)
            } else if x.type.basicKind?.isString == true && tk.isString {
                return Operand(mode: .constant, type: t, value: v, expr: e)
            } else if x.type.basicKind?.isBoolean == true && tk.isBoolean {
                return Operand(mode: .constant, type: t, value: v, expr: e)
            }
        }
        if x.type.isUntyped {
            if case .basic(.untypedNil) = x.type {
                if !implicitConvert(&x, to: t) {
                    error(args[0].pos, "cannot convert nil to type " + t.checkerDescription)
                    return .invalid(e)
                }
            } else if t.isInterface || t.basicKind == nil {
                defaultType(&x, context: "")
            } else {
                convertUntyped(&x, to: t)
            }
        }
        if !convertible(x.type, to: t, constant: x.mode == .constant) {
            error(args[0].pos, "cannot convert " + describe(x) + " to type " + t.checkerDescription)
            return .invalid(e)
        }
        return Operand(mode: .value, type: t, expr: e)
    }

    // MARK: - Built-ins

    private mutating func builtinCall(_ e: Expr, _ b: Builtin, _ args: [Expr], _ dots: Bool) -> Operand {
        func count(_ range: ClosedRange<Int>) -> Bool {
            if args.count < range.lowerBound {
                error(e.rparenPos(args), "invalid operation: not enough arguments for " + Printer.expr(e) + " (expected \(range.lowerBound), found \(args.count))")
                return false
            }
            if args.count > range.upperBound {
                error(args[range.upperBound].startPos, "invalid operation: too many arguments for " + Printer.expr(e) + " (expected \(range.upperBound), found \(args.count))")
                for a in args { _ = rawExpr(a) }
                return false
            }
            return true
        }
        if dots && b != .append {
            error(e.pos, "invalid operation: invalid use of ... with built-in " + b.rawValue)
            for a in args { _ = rawExpr(a) }
            return .invalid(e)
        }
        switch b {
        case .len, .cap:
            guard count(1...1) else { return .invalid(e) }
            var x = expr(args[0])
            if x.isInvalid { return .invalid(e) }
            var t = x.type.underlying
            if case .pointer(let p) = t, case .array = p.underlying { t = p.underlying }
            var constant: Int? = nil
            var ok = false
            switch t {
            case .basic(let k) where k.isString && b == .len:
                ok = true
                if case .string(let s)? = x.value, x.mode == .constant { constant = s.count }
                if x.type.isUntyped { convertUntyped(&x, to: .string) }
            case .array(let n, _):
                ok = true
                if !containsCallOrReceive(args[0]) { constant = n }
            case .slice, .chan: ok = true
            case .map: ok = b == .len
            default: ok = false
            }
            guard ok else {
                error(args[0].pos, "invalid argument: " + describe(x) + " for " + b.rawValue)
                return .invalid(e)
            }
            if let c = constant { return Operand(mode: .constant, type: .int, value: .int(c), expr: e) }
            return Operand(mode: .value, type: .int, expr: e)
        case .append:
            guard args.count >= 1 else {
                error(e.rparenPos(args), "invalid operation: not enough arguments for append() (expected 1, found 0)")
                return .invalid(e)
            }
            let s = expr(args[0])
            if s.isInvalid { for a in args.dropFirst() { _ = expr(a) }; return .invalid(e) }
            guard case .slice(let elem) = s.type.underlying else {
                if case .basic(.untypedNil) = s.type {
                    error(args[0].pos, "first argument to append must be a typed slice; found untyped nil")
                } else {
                    error(args[0].pos, "first argument to append must be a slice; have " + describe(s))
                }
                for a in args.dropFirst() { _ = expr(a) }
                return .invalid(e)
            }
            if dots {
                guard args.count == 2 else {
                    error(e.pos, "can only use ... with final argument in list")
                    return .invalid(e)
                }
                var x = expr(args[1])
                if elem.underlying.basicKind == .uint8, x.type.basicKind?.isString == true {
                    if x.type.isUntyped { convertUntyped(&x, to: .string) }
                } else {
                    assign(&x, to: s.type.underlying, context: "append")
                }
            } else {
                for a in args.dropFirst() {
                    var x = expr(a, hint: elem)
                    assign(&x, to: elem, context: "argument to append")
                }
            }
            return Operand(mode: .value, type: s.type, expr: e)
        case .copy:
            guard count(2...2) else { return .invalid(e) }
            var dst = expr(args[0])
            var src = expr(args[1])
            if dst.isInvalid || src.isInvalid { return .invalid(e) }
            guard case .slice(let de) = dst.type.underlying else {
                error(e.pos, "invalid argument: copy expects slice arguments; found " + describe(dst) + " and " + describe(src))
                return .invalid(e)
            }
            if src.type.basicKind?.isString == true && de.underlying.basicKind == .uint8 {
                if src.type.isUntyped { convertUntyped(&src, to: .string) }
            } else if case .slice(let se) = src.type.underlying, se == de {
            } else {
                error(e.pos, "invalid argument: arguments to copy " + describe(dst) + " and " + describe(src) + " have different element types")
            }
            _ = dst
            dst.mode = .value
            return Operand(mode: .value, type: .int, expr: e)
        case .delete:
            guard count(2...2) else { return .invalid(e) }
            let m = expr(args[0])
            guard case .map(let kt, _) = m.type.underlying else {
                if !m.isInvalid { error(args[0].pos, "invalid argument: " + describe(m) + " is not a map") }
                _ = expr(args[1])
                return Operand(mode: .novalue, type: .tuple([]), expr: e)
            }
            var k = expr(args[1], hint: kt)
            assign(&k, to: kt, context: "argument to delete")
            return Operand(mode: .novalue, type: .tuple([]), expr: e)
        case .make:
            guard args.count >= 1 else {
                error(e.rparenPos(args), "invalid operation: not enough arguments for make() (expected 1, found 0)")
                return .invalid(e)
            }
            let t = typeExpr(args[0])
            if t.isInvalid { for a in args.dropFirst() { _ = expr(a) }; return .invalid(e) }
            var maxArgs = 1, minArgs = 1
            switch t.underlying {
            case .slice: minArgs = 2; maxArgs = 3
            case .map, .chan: maxArgs = 2
            default:
                error(args[0].pos, "invalid argument: cannot make " + Printer.expr(args[0]) + "; type must be slice, map, or channel")
                for a in args.dropFirst() { _ = expr(a) }
                return .invalid(e)
            }
            if args.count < minArgs {
                error(e.pos, "invalid operation: " + Printer.expr(e) + " expects \(minArgs) or \(maxArgs) arguments; found \(args.count)")
                return .invalid(e)
            }
            if args.count > maxArgs {
                error(e.pos, "invalid operation: " + Printer.expr(e) + " expects \(minArgs) or \(maxArgs) arguments; found \(args.count)")
                for a in args.dropFirst() { _ = expr(a) }
                return .invalid(e)
            }
            var sizes: [Int] = []
            for a in args.dropFirst() {
                var x = expr(a)
                if x.isInvalid { continue }
                guard let k = x.type.basicKind, k.isInteger || (x.mode == .constant && x.value?.intValue != nil) else {
                    error(a.pos, "cannot convert " + describe(x) + " to type int")
                    continue
                }
                if x.mode == .constant, let n = x.value?.intValue {
                    if n < 0 { error(a.pos, "invalid argument: index " + Printer.expr(a) + " (constant of type int) must not be negative"); continue }
                    sizes.append(n)
                }
                if x.type.isUntyped { convertUntyped(&x, to: .int) }
            }
            if sizes.count == 2 && sizes[0] > sizes[1] {
                error(args[1].pos, "invalid argument: length and capacity swapped")
            }
            return Operand(mode: .value, type: t, expr: e)
        case .new:
            guard count(1...1) else { return .invalid(e) }
            let t = typeExpr(args[0])
            if t.isInvalid { return .invalid(e) }
            return Operand(mode: .value, type: .pointer(t), expr: e)
        case .panic:
            guard count(1...1) else { return .invalid(e) }
            var x = expr(args[0])
            assign(&x, to: .emptyInterface, context: "argument to panic")
            return Operand(mode: .novalue, type: .tuple([]), expr: e)
        case .print, .println:
            for a in args {
                var x = expr(a)
                if case .basic(.untypedNil) = x.type {
                    error(a.pos, "use of untyped nil in argument to built-in " + b.rawValue)
                }
                defaultType(&x, context: "")
            }
            return Operand(mode: .novalue, type: .tuple([]), expr: e)
        case .recover:
            guard count(0...0) else { return .invalid(e) }
            return Operand(mode: .value, type: .emptyInterface, expr: e)
        case .close:
            guard count(1...1) else { return .invalid(e) }
            let x = expr(args[0])
            guard case .chan(let dir, _) = x.type.underlying else {
                if !x.isInvalid { error(args[0].pos, "invalid operation: cannot close non-channel " + describe(x)) }
                return Operand(mode: .novalue, type: .tuple([]), expr: e)
            }
            if dir == .recv { error(args[0].pos, "invalid operation: cannot close receive-only channel " + describe(x)) }
            return Operand(mode: .novalue, type: .tuple([]), expr: e)
        }
    }

    /// `len` of an array is constant unless computing the array calls or receives.
    func containsCallOrReceive(_ e: Expr) -> Bool {
        switch e.kind {
        case .call: return true
        case .unary(.recv, _): return true
        case .paren(let x), .selector(let x, _), .unary(_, let x): return containsCallOrReceive(x)
        case .index(let x, let i): return containsCallOrReceive(x) || containsCallOrReceive(i)
        case .binary(_, let x, let y): return containsCallOrReceive(x) || containsCallOrReceive(y)
        default: return false
        }
    }
}

extension Expr {
    /// Where Go reports a missing argument: at the start of the call.
    func rparenPos(_ args: [Expr]) -> Pos { startPos }

    /// The position of the leftmost token of the expression (Go's `syntax.StartPos`).
    public var startPos: Pos {
        switch kind {
        case .selector(let x, _), .index(let x, _), .slice(let x, _, _, _, _), .typeAssert(let x, _), .call(let x, _, _):
            return x.startPos
        case .binary(_, let x, _): return x.startPos
        case .compositeLit(let c): return c.type?.startPos ?? pos
        default: return pos
        }
    }
}
