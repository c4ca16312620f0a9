import TextKit

/// The result of checking an expression.
struct Operand {
    var mode: ExprMode
    var type: GoType
    var value: ConstValue? = nil
    var expr: Expr
    var builtin: Builtin? = nil

    static func invalid(_ e: Expr) -> Operand { Operand(mode: .value, type: .invalid, expr: e) }
    var isInvalid: Bool { type.isInvalid && mode != .novalue }
}

extension Checker {
    // MARK: - Recording

    mutating func record(_ op: Operand) -> Operand {
        info.types[op.expr.id] = op.type
        info.modes[op.expr.id] = op.mode
        if let v = op.value, op.mode == .constant { info.constants[op.expr.id] = v }
        return op
    }

    /// `x (variable of type int)`, `1 (untyped int constant)`: how Go's
    /// checker names an operand in errors.
    func describe(_ e: Expr, _ t: GoType) -> String {
        Printer.expr(e) + " (" + modeDescription(Operand(mode: info.modes[e.id], type: t, value: info.constants[e.id], expr: e)) + ")"
    }

    func describe(_ op: Operand) -> String {
        if case .basic(.untypedNil) = op.type { return "nil" }
        return Printer.expr(op.expr) + " (" + modeDescription(op) + ")"
    }

    func modeDescription(_ op: Operand) -> String {
        switch op.mode {
        case .constant:
            // The value is shown when the expression does not spell it already.
            let value = op.value.map(constantText) ?? ""
            let showValue = !value.isEmpty && Printer.expr(op.expr) != value
            if op.type.isUntyped {
                return op.type.checkerDescription + " constant" + (showValue ? " " + value : "")
            }
            return "constant " + value + " of type " + op.type.checkerDescription
        case .variable, .mapIndex:
            if case .name = op.expr.kind { return "variable of type " + op.type.checkerDescription }
            return "variable of type " + op.type.checkerDescription
        case .novalue: return "no value"
        case .typeExpr: return "type"
        case .builtin: return "built-in"
        default: return "value of type " + op.type.checkerDescription
        }
    }

    /// A constant as Go's checker prints it: 10, 2.5, "text", true.
    func constantText(_ v: ConstValue) -> String {
        switch v {
        case .int(let n): return String(n)
        case .float(let d): return d.rounded() == d && abs(d) < 1e21 ? String(Int(d)) : String(d)
        case .string(let b):
            var out = "\""
            for c in String(decoding: b, as: UTF8.self).unicodeScalars {
                switch c {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default: out.unicodeScalars.append(c)
                }
            }
            return out + "\""
        case .bool(let b): return b ? "true" : "false"
        }
    }

    // MARK: - Entry points

    /// A single value (not a type, not a multi-value call).
    mutating func expr(_ e: Expr, hint: GoType? = nil) -> Operand {
        single(rawExpr(e, hint: hint))
    }

    /// Checks that an already checked operand is one value.
    mutating func single(_ operand: Operand) -> Operand {
        var op = operand
        let e = op.expr
        switch op.mode {
        case .typeExpr:
            error(e.pos, Printer.expr(e) + " (type) is not an expression")
            return record(.invalid(e))
        case .builtin:
            error(e.pos, Printer.expr(e) + " (built-in) must be called")
            return record(.invalid(e))
        case .package:
            error(e.pos, "use of package " + Printer.expr(e) + " without selector")
            return record(.invalid(e))
        case .novalue:
            error(e.pos, Printer.expr(e) + " (no value) used as value")
            return record(.invalid(e))
        case .commaOK:
            op.mode = .value
        default: break
        }
        if case .tuple(let ts) = op.type {
            error(e.startPos, "multiple-value " + Printer.expr(e) + " (value of type " + GoType.tuple(ts).checkerDescription + ") in single-value context")
            return record(.invalid(e))
        }
        return op
    }

    /// Any expression: values, types, builtins, multi-value calls.
    mutating func rawExpr(_ e: Expr, hint: GoType? = nil) -> Operand {
        record(rawExpr0(e, hint: hint))
    }

    private mutating func rawExpr0(_ e: Expr, hint: GoType?) -> Operand {
        switch e.kind {
        case .bad:
            return .invalid(e)
        case .name(let n):
            return identifier(e, n)
        case .basicLit(let kind, let raw):
            return literal(e, kind, raw)
        case .paren(let x):
            var op = rawExpr(x, hint: hint)
            op.expr = e
            return op
        case .compositeLit(let c):
            return compositeLit(e, c, hint: hint)
        case .funcLit(let f):
            return funcLit(e, f)
        case .selector(let x, let sel):
            return selector(e, x, sel)
        case .index(let x, let i):
            return index(e, x, i)
        case .slice(let x, let lo, let hi, let mx, _):
            return sliceExpr(e, x, lo, hi, mx)
        case .typeAssert(let x, let t):
            guard let t else {
                error(e.startPos, "invalid AST: use of .(type) outside type switch")
                _ = expr(x)
                return .invalid(e)
            }
            return typeAssertion(e, x, t)
        case .call(let f, let args, let dots):
            return call(e, f, args, dots)
        case .unary(let op, let x):
            return unary(e, op, x, hint: hint)
        case .binary(let op, let x, let y):
            return binary(e, op, x, y, hint: hint)
        case .arrayType, .sliceType, .structType, .funcType, .interfaceType, .mapType, .chanType:
            return Operand(mode: .typeExpr, type: typeExpr(e), expr: e)
        }
    }

    // MARK: - Names and literals

    private mutating func identifier(_ e: Expr, _ n: String) -> Operand {
        if n == "_" {
            error(e.pos, "cannot use _ as value")
            return .invalid(e)
        }
        guard let id = lookup(n) else {
            error(e.pos, "undefined: " + n)
            return .invalid(e)
        }
        info.uses[e.id] = id
        if globalState[id] != nil && globalState[id] != .done { resolveGlobal(id) }
        let o = info.objects[id]
        switch o.kind {
        case .variable:
            markUsed(id)
            return Operand(mode: .variable, type: o.type, expr: e)
        case .constant:
            if o.name == "iota" && universe["iota"] == id {
                guard let v = iotaValue else {
                    error(e.pos, "cannot use iota outside constant declaration")
                    return .invalid(e)
                }
                return Operand(mode: .constant, type: .basic(.untypedInt), value: .int(v), expr: e)
            }
            if o.type.isInvalid { return .invalid(e) }
            return Operand(mode: .constant, type: o.type, value: o.constant, expr: e)
        case .typeName:
            if globalState[id] == .unresolved { resolveType(id) }
            return Operand(mode: .typeExpr, type: info.objects[id].type, expr: e)
        case .function:
            if o.name == "init" && o.function == nil {
                error(e.pos, "undefined: init")
                return .invalid(e)
            }
            return Operand(mode: .value, type: o.type, expr: e)
        case .builtin:
            guard let b = o.builtin else {
                unsupported(e.pos, n == "unsafe" ? L("package unsafe") : L("complex numbers"))
                return .invalid(e)
            }
            return Operand(mode: .builtin, type: .invalid, expr: e, builtin: b)
        case .package:
            return Operand(mode: .package, type: .invalid, expr: e)
        case .nilValue:
            return Operand(mode: .value, type: .basic(.untypedNil), expr: e)
        }
    }

    /// Marks a variable as read; a variable of an enclosing function used
    /// in a function literal becomes one of the literal's captures.
    mutating func markUsed(_ id: ObjectID) {
        usedVars.insert(id)
        let o = info.objects[id]
        guard o.storage != .global, let owner = o.function, let current = currentFunction, owner != current else { return }
        // Every literal between the use and the declaration captures it.
        var f: Int? = current
        while let fn = f, fn != owner {
            if !info.functions[fn].captures.contains(id) { info.functions[fn].captures.append(id) }
            f = info.functions[fn].parent
        }
    }

    private mutating func literal(_ e: Expr, _ kind: LiteralKind, _ raw: String) -> Operand {
        switch kind {
        case .int:
            guard let n = Literals.integer(raw) else {
                if let d = Literals.float(raw) {
                    return Operand(mode: .constant, type: .basic(.untypedInt), value: .float(d), expr: e)
                }
                error(e.pos, "integer constant too large for GoLite: " + raw)
                return .invalid(e)
            }
            return Operand(mode: .constant, type: .basic(.untypedInt), value: .int(n), expr: e)
        case .float:
            let d = Literals.float(raw) ?? 0
            return Operand(mode: .constant, type: .basic(.untypedFloat), value: .float(d), expr: e)
        case .rune:
            return Operand(mode: .constant, type: .basic(.untypedRune), value: .int(Literals.rune(raw)), expr: e)
        case .string:
            let bytes = (try? Literals.stringBytes(raw)) ?? []
            return Operand(mode: .constant, type: .basic(.untypedString), value: .string(bytes), expr: e)
        case .imaginary:
            unsupported(e.pos, L("complex numbers"))
            return .invalid(e)
        }
    }

    // MARK: - Function literals

    private mutating func funcLit(_ e: Expr, _ f: FuncLit) -> Operand {
        let sig = signature(f.signature)
        let index = info.functions.count
        let parent = currentFunction
        var name = "glob..func"
        if let p = parent {
            var base = info.functions[p].name
            var isNested = info.functions[p].isLiteral
            if !isNested { base = base.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "").replacingOccurrences(of: "*", with: "") }
            let n = (closureCounter[p] ?? 0) + 1
            closureCounter[p] = n
            name = base + (isNested ? "." : ".func") + String(n)
            isNested = false
        } else {
            let n = (closureCounter[-1] ?? 0) + 1
            closureCounter[-1] = n
            name = "glob..func" + String(n)
        }
        info.functions.append(FunctionInfo(name: name, pos: e.pos, signature: sig, receiver: nil, params: [], results: [],
                                           parent: parent, captures: [], isLiteral: true, nodeID: e.id))
        info.literalFunctions[e.id] = index
        pushScope()
        let (params, results) = declareParams(f.signature, sig, function: index)
        info.functions[index].params = params
        info.functions[index].results = results
        let named = f.signature.results.contains { $0.name != nil }
        funcStack.append(FuncContext(function: index, results: sig.results, scopeDepth: scopes.count, namedResults: named))
        let savedBreakable = breakable
        breakable = []
        blockStmts(f.body.stmts)
        breakable = savedBreakable
        if !sig.results.isEmpty && !isTerminatingList(f.body.stmts) {
            error(f.body.rbrace, "missing return")
        }
        funcStack.removeLast()
        popScope()
        return Operand(mode: .value, type: .function(sig), expr: e)
    }

    // MARK: - Composite literals

    private mutating func compositeLit(_ e: Expr, _ c: CompositeLit, hint: GoType?) -> Operand {
        var t: GoType
        if let te = c.type {
            if case .arrayType(nil, let elem) = te.kind {
                // [...]T: the length is the number of elements.
                let et = typeExpr(elem)
                var n = 0, k = 0
                for el in c.elements {
                    if let key = el.key, let v = expr(key).value?.intValue { k = v }
                    k += 1
                    n = max(n, k)
                }
                t = .array(n, et)
                info.types[te.id] = t
                info.modes[te.id] = .typeExpr
            } else {
                t = typeExpr(te)
            }
        } else if let h = hint {
            t = h
        } else {
            error(e.pos, "invalid composite literal type: missing type")
            return .invalid(e)
        }
        var base = t
        // Inside another literal, `{…}` for a *T element means &T{…}.
        if c.type == nil, case .pointer(let inner) = t.underlying { base = inner }
        switch base.underlying {
        case .structure(let fields):
            structLit(e, c, base, fields)
        case .array(let n, let elem):
            arrayElements(c, elem, bound: n, typeName: base)
        case .slice(let elem):
            arrayElements(c, elem, bound: nil, typeName: base)
        case .map(let kt, let vt):
            for el in c.elements {
                guard let key = el.key else {
                    error(el.value.pos, "missing key in map literal")
                    _ = elementValue(el.value, vt)
                    continue
                }
                var k = elementOperand(key, kt)
                assign(&k, to: kt, context: "map literal")
                _ = elementValue(el.value, vt)
            }
        default:
            if !t.isInvalid { error(e.pos, "invalid composite literal type " + t.checkerDescription) }
            for el in c.elements { if let k = el.key { _ = rawExpr(k) }; _ = rawExpr(el.value) }
            return .invalid(e)
        }
        return Operand(mode: .value, type: t, expr: e)
    }

    /// An element that may itself be an untyped `{…}`.
    private mutating func elementOperand(_ v: Expr, _ t: GoType) -> Operand {
        if case .compositeLit(let inner) = v.kind, inner.type == nil {
            return record(compositeLit(v, inner, hint: t))
        }
        return expr(v, hint: t)
    }

    private mutating func elementValue(_ v: Expr, _ t: GoType) -> Operand {
        var op = elementOperand(v, t)
        assign(&op, to: t, context: t.isInterface || true ? "array or slice literal" : "")
        return op
    }

    private mutating func arrayElements(_ c: CompositeLit, _ elem: GoType, bound: Int?, typeName: GoType) {
        var index = 0
        for el in c.elements {
            if let key = el.key {
                let k = expr(key)
                if k.mode == .constant, let n = k.value?.intValue, n >= 0 {
                    index = n
                } else if !k.isInvalid {
                    error(key.pos, "index " + Printer.expr(key) + " must be integer constant")
                }
            }
            if let b = bound, index >= b {
                error(el.value.pos, "index \(index) is out of bounds (>= \(b))")
            }
            var op = elementOperand(el.value, elem)
            assign(&op, to: elem, context: "array or slice literal")
            index += 1
        }
    }

    private mutating func structLit(_ e: Expr, _ c: CompositeLit, _ t: GoType, _ fields: [StructField]) {
        let typeName = t.checkerDescription
        if c.elements.isEmpty { return }
        if c.elements[0].key != nil {
            var seen: Set<String> = []
            for el in c.elements {
                guard let key = el.key, case .name(let fname) = key.kind else {
                    error(el.value.pos, "mixture of field:value and value elements in struct literal")
                    _ = expr(el.value)
                    continue
                }
                guard let i = fields.firstIndex(where: { $0.name == fname }) else {
                    error(key.pos, "unknown field '" + fname + "' in struct literal of type " + typeName)
                    _ = expr(el.value)
                    continue
                }
                if isUnexported(fields[i].name, of: t) {
                    error(key.pos, "unknown field '" + fname + "' in struct literal of type " + typeName)
                }
                if seen.contains(fname) { error(key.pos, "duplicate field name " + fname + " in struct literal") }
                seen.insert(fname)
                info.types[key.id] = fields[i].type
                var op = elementOperand(el.value, fields[i].type)
                assign(&op, to: fields[i].type, context: "struct literal")
            }
        } else {
            for (i, el) in c.elements.enumerated() {
                if el.key != nil {
                    error(el.value.pos, "mixture of field:value and value elements in struct literal")
                    continue
                }
                guard i < fields.count else {
                    error(el.value.pos, "too many values in " + Printer.expr(e))
                    break
                }
                var op = elementOperand(el.value, fields[i].type)
                assign(&op, to: fields[i].type, context: "struct literal")
            }
            if c.elements.count < fields.count {
                error(c.rbrace, "too few values in " + Printer.expr(e))
            }
        }
    }

    /// Lower-case names of types from other packages cannot be used here.
    func isUnexported(_ name: String, of t: GoType) -> Bool {
        var base = t
        if case .pointer(let b) = t { base = b }
        guard case .named(let n) = base, n.package != nil else { return false }
        return name.first.map { !$0.isUppercase } ?? true
    }

    // MARK: - Selectors

    private mutating func selector(_ e: Expr, _ x: Expr, _ sel: Ident) -> Operand {
        // A qualified name: fmt.Println, testing.B.
        if case .name(let pkg) = x.kind, let id = lookup(pkg), info.objects[id].kind == .package {
            info.uses[x.id] = id
            info.types[x.id] = .invalid
            info.modes[x.id] = .package
            imports[pkg]?.used = true
            if let f = packageContents[pkg]?.funcs[sel.name] {
                var o = Object(kind: .function, name: sel.name, pos: .none, type: .function(f.signature))
                o.external = f
                o.package = pkg
                let oid = newObject(o)
                info.uses[e.id] = oid
                info.selections[e.id] = .qualified(oid)
                return Operand(mode: .value, type: .function(f.signature), expr: e)
            }
            if let t = packageContents[pkg]?.types[sel.name] {
                return Operand(mode: .typeExpr, type: .named(t), expr: e)
            }
            error(sel.pos, "undefined: " + pkg + "." + sel.name)
            return .invalid(e)
        }
        let xop = rawExpr(x)
        if xop.isInvalid { return .invalid(e) }
        if xop.mode == .typeExpr {
            unsupported(e.pos, L("method expressions"))
            return .invalid(e)
        }
        if xop.mode == .builtin || xop.mode == .novalue || xop.mode == .package {
            _ = single(xop)
            return .invalid(e)
        }
        let t = xop.type
        if t.isInterface, !t.isPointer {
            if let m = t.interfaceMethods?.first(where: { $0.name == sel.name }) {
                info.selections[e.id] = .interfaceMethod(name: sel.name, value: true)
                return Operand(mode: .value, type: .function(m.signature), expr: e)
            }
        }
        if let f = findField(t, sel.name), !isUnexported(sel.name, of: fieldOwner(t, f.path)) {
            info.selections[e.id] = .field(path: f.path)
            // Fields of addressable values and of anything reached through a pointer are addressable.
            let mode: ExprMode = (xop.mode == .variable || f.viaPointer) ? .variable : .value
            return Operand(mode: mode, type: f.type, expr: e)
        }
        if let m = findMethod(t, sel.name), !isUnexported(sel.name, of: .named(m.named)) || m.named.package == nil {
            if m.method.pointerReceiver && !m.viaPointer && !t.isPointer && xop.mode != .variable {
                error(sel.pos, "cannot call pointer method " + sel.name + " on " + t.checkerDescription)
                return .invalid(e)
            }
            info.selections[e.id] = .method(path: m.path, named: m.named, method: m.method, value: true)
            return Operand(mode: .value, type: .function(m.method.signature), expr: e)
        }
        var what = "type " + t.checkerDescription
        if case .pointer(let p) = t.underlying, p.isInterface {
            what = "type " + t.checkerDescription + " is pointer to interface, not interface"
        }
        error(sel.pos.isKnown ? Pos(line: sel.pos.line, column: sel.pos.column) : e.pos,
              Printer.expr(e) + " undefined (" + what + " has no field or method " + sel.name + ")")
        return .invalid(e)
    }

    /// The struct type that declares the field at the end of `path`.
    func fieldOwner(_ t: GoType, _ path: [Int]) -> GoType {
        var cur = t
        for i in path.dropLast() {
            var base = cur
            if case .pointer(let b) = cur.underlying { base = b }
            guard let fields = base.structFields, i < fields.count else { return cur }
            cur = fields[i].type
        }
        return cur
    }

    // MARK: - Index and slice

    private mutating func index(_ e: Expr, _ x: Expr, _ i: Expr) -> Operand {
        let xop = expr(x)
        if xop.isInvalid { _ = expr(i); return .invalid(e) }
        var t = xop.type.underlying
        if case .pointer(let p) = t, case .array = p.underlying { t = p.underlying }
        switch t {
        case .map(let kt, let vt):
            var k = expr(i, hint: kt)
            assign(&k, to: kt, context: "map index")
            return Operand(mode: .mapIndex, type: vt, expr: e)
        case .slice(let elem):
            checkIndex(i, bound: nil)
            return Operand(mode: .variable, type: elem, expr: e)
        case .array(let n, let elem):
            checkIndex(i, bound: n)
            let addressable = xop.mode == .variable || xop.type.isPointer
            return Operand(mode: addressable ? .variable : .value, type: elem, expr: e)
        case .basic(let k) where k.isString:
            let n: Int? = xop.value.flatMap { if case .string(let b) = $0 { return b.count } else { return nil } }
            let iop = checkIndex(i, bound: n)
            if let s = xop.value, case .string(let b) = s, let iv = iop?.value?.intValue, iv >= 0, iv < b.count {
                return Operand(mode: .constant, type: .byte, value: .int(Int(b[iv])), expr: e)
            }
            return Operand(mode: .value, type: .byte, expr: e)
        default:
            error(x.pos, "invalid operation: cannot index " + describe(xop))
            _ = expr(i)
            return .invalid(e)
        }
    }

    @discardableResult
    private mutating func checkIndex(_ i: Expr, bound: Int?) -> Operand? {
        var op = expr(i)
        if op.isInvalid { return nil }
        if op.mode == .constant, let v = op.value {
            guard let n = v.intValue, op.type.basicKind?.isNumeric == true else {
                if op.type.isUntyped {
                    error(i.startPos, "cannot convert " + describe(op) + " to int")
                } else {
                    error(i.startPos, "invalid argument: index " + describe(op) + " must be integer")
                }
                return nil
            }
            if n < 0 {
                error(i.pos, "invalid argument: index " + Printer.expr(i) + " (constant of type int) must not be negative")
                return nil
            }
            if let b = bound, n >= b {
                error(i.pos, "invalid argument: index \(n) out of bounds [0:\(b)]")
                return nil
            }
        }
        guard let k = op.type.basicKind, k.isInteger || (k == .untypedFloat && op.value?.intValue != nil) else {
            error(i.pos, "invalid argument: index " + describe(op) + " must be integer")
            return nil
        }
        if op.type.isUntyped { convertUntyped(&op, to: .int) }
        return op
    }

    private mutating func sliceExpr(_ e: Expr, _ x: Expr, _ lo: Expr?, _ hi: Expr?, _ mx: Expr?) -> Operand {
        let xop = expr(x)
        var length: Int? = nil
        var result: GoType = .invalid
        var mode: ExprMode = .value
        var isConstString = false
        switch xop.type.underlying {
        case .basic(let k) where k.isString:
            if mx != nil {
                error(mx!.pos, "invalid operation: 3-index slice of string")
            }
            result = xop.type.isUntyped ? .string : xop.type
            if case .string(let b)? = xop.value { length = b.count; isConstString = true }
        case .slice:
            result = xop.type
        case .array(let n, let elem):
            if xop.mode != .variable {
                error(e.pos, "invalid operation: " + Printer.expr(x) + " (slice of unaddressable value)")
            }
            length = n
            result = .slice(elem)
        case .pointer(let p):
            if case .array(let n, let elem) = p.underlying {
                length = n
                result = .slice(elem)
            } else {
                error(x.pos, "cannot slice " + describe(xop))
            }
        default:
            if !xop.isInvalid { error(x.pos, "cannot slice " + describe(xop)) }
        }
        _ = isConstString
        var values: [Int] = []
        for part in [lo, hi, mx] {
            guard let p = part else { continue }
            if let op = checkIndex(p, bound: length.map { $0 + 1 }), op.mode == .constant, let v = op.value?.intValue {
                if let last = values.last, v < last {
                    error(p.pos, "invalid slice indices: \(v) < \(last)")
                }
                values.append(v)
            }
        }
        _ = mode
        mode = .value
        return Operand(mode: mode, type: result, expr: e)
    }

    // MARK: - Type assertions

    private mutating func typeAssertion(_ e: Expr, _ x: Expr, _ te: Expr) -> Operand {
        let xop = expr(x)
        let t = typeExpr(te)
        if xop.isInvalid || t.isInvalid { return .invalid(e) }
        guard xop.type.isInterface else {
            error(x.pos, "invalid operation: " + Printer.expr(x) + " (" + modeDescription(xop) + ") is not an interface")
            return .invalid(e)
        }
        if !t.isInterface, let miss = missingMethod(t, xop.type) {
            error(te.pos, "impossible type assertion: " + Printer.expr(e) + "\n\t" + t.checkerDescription
                  + " does not implement " + xop.type.checkerDescription + " (missing " + miss.name + " method)")
        }
        return Operand(mode: .commaOK, type: t, expr: e)
    }

    // MARK: - Unary and binary operators

    private mutating func unary(_ e: Expr, _ op: Operator, _ x: Expr, hint: GoType?) -> Operand {
        switch op {
        case .and:
            let inner = x.unparenthesized
            if case .compositeLit(let c) = inner.kind {
                var h: GoType? = nil
                if let hint, case .pointer(let p) = hint.underlying { h = p }
                let lit = record(compositeLit(inner, c, hint: h))
                if x.id != inner.id { info.types[x.id] = lit.type }
                if lit.isInvalid { return .invalid(e) }
                return Operand(mode: .value, type: .pointer(lit.type), expr: e)
            }
            let xop = expr(x)
            if xop.isInvalid { return .invalid(e) }
            guard xop.mode == .variable else {
                error(e.pos, "invalid operation: cannot take address of " + describe(xop))
                return .invalid(e)
            }
            return Operand(mode: .value, type: .pointer(xop.type), expr: e)
        case .mul:
            let xop = rawExpr(x)
            if xop.mode == .typeExpr {
                return Operand(mode: .typeExpr, type: .pointer(xop.type), expr: e)
            }
            let v = single(xop)
            if v.isInvalid { return .invalid(e) }
            if case .basic(.untypedNil) = v.type {
                error(e.pos, "invalid operation: cannot indirect nil")
                return .invalid(e)
            }
            guard case .pointer(let base) = v.type.underlying else {
                error(x.pos, "invalid operation: cannot indirect " + describe(v))
                return .invalid(e)
            }
            return Operand(mode: .variable, type: base, expr: e)
        case .recv:
            let xop = expr(x)
            if xop.isInvalid { return .invalid(e) }
            guard case .chan(let dir, let elem) = xop.type.underlying else {
                error(x.startPos, "invalid operation: cannot receive from non-channel " + describe(xop))
                return .invalid(e)
            }
            if dir == .send {
                error(x.startPos, "invalid operation: cannot receive from send-only channel " + describe(xop))
                return .invalid(e)
            }
            return Operand(mode: .commaOK, type: elem, expr: e)
        default:
            var xop = expr(x, hint: hint)
            if xop.isInvalid { return .invalid(e) }
            let k = xop.type.basicKind
            let ok: Bool
            switch op {
            case .add, .sub: ok = k?.isNumeric == true
            case .xor: ok = k?.isInteger == true
            case .not: ok = k?.isBoolean == true
            default: ok = false
            }
            guard ok else {
                error(e.pos, "invalid operation: operator " + op.rawValue + " not defined on " + describe(xop))
                return .invalid(e)
            }
            if xop.mode == .constant, let v = xop.value {
                do {
                    var r = try ConstantFolding.unary(op, v, type: xop.type)
                    if !xop.type.isUntyped, let bk = xop.type.basicKind {
                        if case .fits(let fv) = ConstantFolding.fit(r, bk) { r = fv } else {
                            error(e.pos, "constant " + r.description + " overflows " + xop.type.checkerDescription)
                        }
                    }
                    return Operand(mode: .constant, type: xop.type, value: r, expr: e)
                } catch {
                    self.error(e.pos, "constant overflow")
                    return .invalid(e)
                }
            }
            xop.mode = .value
            xop.expr = e
            return xop
        }
    }

    private mutating func binary(_ e: Expr, _ op: Operator, _ x: Expr, _ y: Expr, hint: GoType?) -> Operand {
        if op == .shl || op == .shr { return shift(e, op, x, y, hint: hint) }
        var l = expr(x, hint: hint)
        var r = expr(y, hint: hint)
        if l.isInvalid || r.isInvalid { return .invalid(e) }
        // Remembered before nil takes the other side's type: a slice, map or
        // func may be compared with nil and with nothing else.
        let withNil = l.type == .basic(.untypedNil) || r.type == .basic(.untypedNil)
        // Match untyped operands to the other side.
        if l.type.isUntyped && !r.type.isUntyped {
            if !implicitConvert(&l, to: r.type) { return mismatch(e, op, l, r) }
        } else if r.type.isUntyped && !l.type.isUntyped {
            if !implicitConvert(&r, to: l.type) { return mismatch(e, op, l, r) }
        } else if l.type.isUntyped && r.type.isUntyped {
            let lk = l.type.basicKind!, rk = r.type.basicKind!
            if lk != rk {
                let rank: [BasicKind: Int] = [.untypedInt: 1, .untypedRune: 2, .untypedFloat: 3]
                if let a = rank[lk], let b = rank[rk] {
                    let t = GoType.basic(a >= b ? lk : rk)
                    l.type = t
                    r.type = t
                } else if lk == .untypedNil || rk == .untypedNil, op == .eql || op == .neq {
                    error(e.startPos, "invalid operation: " + Printer.expr(e) + " (mismatched types " + l.type.checkerDescription + " and " + r.type.checkerDescription + ")")
                    return .invalid(e)
                } else {
                    return mismatch(e, op, l, r)
                }
            }
        }
        if op.isComparison { return comparison(e, op, l, r, withNil: withNil) }
        if op == .andAnd || op == .orOr {
            guard l.type.basicKind?.isBoolean == true, r.type.basicKind?.isBoolean == true else {
                let bad = l.type.basicKind?.isBoolean == true ? r : l
                error(e.startPos, "invalid operation: operator " + op.rawValue + " not defined on " + describe(bad))
                return .invalid(e)
            }
        }
        guard l.type == r.type || (l.type.isUntyped && r.type.isUntyped) else { return mismatch(e, op, l, r) }
        let k = l.type.basicKind
        let ok: Bool
        switch op {
        case .add: ok = k?.isNumeric == true || k?.isString == true
        case .sub, .mul, .div: ok = k?.isNumeric == true
        case .rem, .and, .or, .xor, .andNot: ok = k?.isInteger == true || (l.mode == .constant && r.mode == .constant && l.type.isUntyped && l.value?.intValue != nil && r.value?.intValue != nil && op == .rem)
        case .andAnd, .orOr: ok = k?.isBoolean == true
        default: ok = false
        }
        guard ok else {
            error(e.startPos, "invalid operation: operator " + op.rawValue + " not defined on " + describe(l))
            return .invalid(e)
        }
        if (op == .div || op == .rem), r.mode == .constant, let v = r.value, v.doubleValue == 0 {
            error(y.pos, "invalid operation: division by zero")
            return .invalid(e)
        }
        if l.mode == .constant && r.mode == .constant, let a = l.value, let b = r.value {
            let integer = k?.isInteger == true && k != .untypedFloat
            do {
                var v = try ConstantFolding.binary(op, a, b, integer: integer || (k?.isInteger == true))
                if let bk = k, !bk.isUntyped {
                    switch ConstantFolding.fit(v, bk) {
                    case .fits(let fv): v = fv
                    default:
                        error(e.pos, "constant " + v.description + " overflows " + l.type.checkerDescription)
                    }
                }
                return Operand(mode: .constant, type: l.type, value: v, expr: e)
            } catch {
                self.error(e.pos, error == .divisionByZero ? "invalid operation: division by zero" : "constant overflow")
                return .invalid(e)
            }
        }
        if l.type.isUntyped && l.mode != .constant { defaultType(&l, context: "") }
        return Operand(mode: .value, type: l.type, expr: e)
    }

    private mutating func mismatch(_ e: Expr, _ op: Operator, _ l: Operand, _ r: Operand) -> Operand {
        if l.type.isUntyped && !r.type.isUntyped, l.mode == .constant {
            error(l.expr.startPos, "cannot convert " + describe(l) + " to " + r.type.checkerDescription)
        } else if r.type.isUntyped && !l.type.isUntyped, r.mode == .constant {
            error(r.expr.startPos, "cannot convert " + describe(r) + " to " + l.type.checkerDescription)
        } else {
            error(e.startPos, "invalid operation: " + Printer.expr(e) + " (mismatched types " + l.type.checkerDescription + " and " + r.type.checkerDescription + ")")
        }
        return .invalid(e)
    }

    private mutating func comparison(_ e: Expr, _ op: Operator, _ lIn: Operand, _ rIn: Operand, withNil: Bool) -> Operand {
        var l = lIn, r = rIn
        let lNil = l.type == .basic(.untypedNil), rNil = r.type == .basic(.untypedNil)
        var ok: Bool
        if lNil || rNil {
            let other = lNil ? r.type : l.type
            switch other.underlying {
            case .pointer, .slice, .map, .chan, .function, .interface: ok = op == .eql || op == .neq
            case .basic(.untypedNil): ok = false
            default: ok = false
            }
            if !ok {
                error(e.startPos, "invalid operation: " + Printer.expr(e) + " (mismatched types " + l.type.checkerDescription + " and " + r.type.checkerDescription + ")")
                return .invalid(e)
            }
            return Operand(mode: .value, type: .basic(.untypedBool), expr: e)
        }
        if !(assignable(l.type, to: r.type) || assignable(r.type, to: l.type)) {
            return mismatch(e, op, l, r)
        }
        if op == .eql || op == .neq {
            switch l.type.underlying {
            case .slice, .map, .function:
                if withNil { ok = true; break }
                let what = l.type.isSlice ? "slice" : l.type.isMap ? "map" : "func"
                error(e.startPos, "invalid operation: " + Printer.expr(e) + " (" + what + " can only be compared to nil)")
                return .invalid(e)
            default:
                ok = isComparable(l.type) || l.type.isInterface
            }
        } else {
            let k = l.type.basicKind
            ok = k.map { $0.isNumeric || $0.isString } ?? false
        }
        guard ok else {
            error(e.startPos, "invalid operation: " + Printer.expr(e) + " (operator " + op.rawValue + " not defined on " + l.type.checkerDescription + ")")
            return .invalid(e)
        }
        if l.mode == .constant && r.mode == .constant, let a = l.value, let b = r.value,
           let v = try? ConstantFolding.binary(op, a, b, integer: true) {
            return Operand(mode: .constant, type: .basic(.untypedBool), value: v, expr: e)
        }
        if l.type.isUntyped { defaultType(&l, context: "") }
        if r.type.isUntyped { defaultType(&r, context: "") }
        return Operand(mode: .value, type: .basic(.untypedBool), expr: e)
    }

    private mutating func shift(_ e: Expr, _ op: Operator, _ x: Expr, _ y: Expr, hint: GoType?) -> Operand {
        var l = expr(x, hint: hint)
        var r = expr(y)
        if l.isInvalid || r.isInvalid { return .invalid(e) }
        guard let rk = r.type.basicKind, rk.isInteger || (r.mode == .constant && r.value?.intValue != nil) else {
            error(y.pos, "invalid operation: shift count " + describe(r) + " must be integer")
            return .invalid(e)
        }
        if r.mode == .constant, let n = r.value?.intValue, n < 0 {
            error(y.pos, "invalid operation: negative shift count " + describe(r))
            return .invalid(e)
        }
        if r.type.isUntyped { convertUntyped(&r, to: .basic(.uint)) }
        if l.mode == .constant && l.type.isUntyped && r.mode != .constant {
            // A non-constant shift of an untyped constant takes the type the context asks for.
            convertUntyped(&l, to: hint.flatMap { $0.basicKind?.isInteger == true ? $0 : nil } ?? .int)
        }
        guard let lk = l.type.basicKind, lk.isInteger || (l.mode == .constant && l.value?.intValue != nil) else {
            error(x.pos, "invalid operation: shifted operand " + describe(l) + " must be integer")
            return .invalid(e)
        }
        if l.mode == .constant && r.mode == .constant, let a = l.value?.intValue, let b = r.value?.intValue {
            do {
                var v = try ConstantFolding.binary(op, .int(a), .int(b), integer: true)
                let t: GoType = l.type == .basic(.untypedFloat) ? .basic(.untypedInt) : l.type
                if let bk = t.basicKind, !bk.isUntyped {
                    if case .fits(let fv) = ConstantFolding.fit(v, bk) { v = fv } else {
                        error(e.pos, "constant " + v.description + " overflows " + t.checkerDescription)
                    }
                }
                return Operand(mode: .constant, type: t, value: v, expr: e)
            } catch {
                self.error(e.pos, "constant shift overflow")
                return .invalid(e)
            }
        }
        return Operand(mode: .value, type: l.type, expr: e)
    }

    // MARK: - Untyped values

    /// Gives an untyped operand the type `t` (after checking it fits) and
    /// records that type on the expression and its untyped operands.
    /// Returns false if it cannot take that type.
    @discardableResult
    mutating func implicitConvert(_ op: inout Operand, to t: GoType) -> Bool {
        guard case .basic(let k) = op.type, k.isUntyped else { return true }
        if t.isInvalid { return true }
        if t.isInterface {
            if k == .untypedNil { convertUntyped(&op, to: t); return true }
            defaultType(&op, context: "")
            return true
        }
        if k == .untypedNil {
            switch t.underlying {
            case .pointer, .slice, .map, .chan, .function, .interface:
                convertUntyped(&op, to: t)
                return true
            default: return false
            }
        }
        guard let tk = t.basicKind else { return false }
        switch k {
        case .untypedBool: if !tk.isBoolean { return false }
        case .untypedString: if !tk.isString { return false }
        case .untypedInt, .untypedRune, .untypedFloat: if !tk.isNumeric { return false }
        default: return false
        }
        if op.mode == .constant, let v = op.value {
            switch ConstantFolding.fit(v, tk) {
            case .fits(let fv): op.value = fv
            case .overflows:
                error(op.expr.startPos, "cannot use " + describe(op) + " as " + t.checkerDescription + " value in " + "assignment (overflows)")
                op.type = .invalid
                return true
            case .truncated:
                error(op.expr.startPos, "cannot use " + describe(op) + " as " + t.checkerDescription + " value in assignment (truncated)")
                op.type = .invalid
                return true
            case .mismatch: return false
            }
        }
        convertUntyped(&op, to: t)
        return true
    }

    /// Untyped constants in an interface or `:=` context take their default type.
    mutating func defaultType(_ op: inout Operand, context: String) {
        guard case .basic(let k) = op.type, k.isUntyped, k != .untypedNil else { return }
        convertUntyped(&op, to: .basic(k.defaultType))
    }

    /// Records the final type of an untyped expression tree.
    mutating func convertUntyped(_ op: inout Operand, to t: GoType) {
        if op.mode == .constant, let v = op.value, let tk = t.basicKind, case .fits(let fv) = ConstantFolding.fit(v, tk) {
            op.value = fv
            info.constants[op.expr.id] = fv
        }
        op.type = t
        setUntypedType(op.expr, t)
    }

    private mutating func setUntypedType(_ e: Expr, _ t: GoType) {
        guard let old = info.types[e.id], old.isUntyped else { return }
        info.types[e.id] = t
        switch e.kind {
        case .paren(let x): setUntypedType(x, t)
        case .unary(let op, let x) where op != .recv: setUntypedType(x, t)
        case .binary(let op, let x, let y):
            if op.isComparison { return }
            if op == .shl || op == .shr { setUntypedType(x, t); return }
            setUntypedType(x, t)
            setUntypedType(y, t)
        default: break
        }
    }

    /// Checks that `op` may be assigned to `t`, converting untyped values;
    /// `context` completes "cannot use x as T value in …".
    mutating func assign(_ op: inout Operand, to t: GoType, context: String) {
        if op.isInvalid || t.isInvalid { return }
        if op.mode == .novalue {
            error(op.expr.pos, Printer.expr(op.expr) + " (no value) used as value")
            return
        }
        if op.type.isUntyped {
            let before = errors.count
            if !implicitConvert(&op, to: t) {
                if case .basic(.untypedNil) = op.type {
                    error(op.expr.startPos, "cannot use nil as " + t.checkerDescription + " value in " + context)
                } else {
                    error(op.expr.startPos, "cannot use " + describe(op) + " as " + t.checkerDescription + " value in " + context)
                }
            } else if errors.count > before, let last = errors.last, last.message.hasSuffix("in assignment (overflows)") || last.message.hasSuffix("in assignment (truncated)") {
                errors[errors.count - 1].message = last.message.replacingOccurrences(of: "in assignment (", with: "in " + context + " (")
            }
            return
        }
        if !assignable(op.type, to: t) {
            var msg = "cannot use " + describe(op) + " as type " + t.checkerDescription + " in " + context
            if t.isInterface, let miss = missingMethod(op.type, t) {
                msg += ":\n\t" + op.type.checkerDescription + " does not implement " + t.checkerDescription
                    + (miss.wrongPointer ? " (method " + miss.name + " has pointer receiver)" : " (missing " + miss.name + " method)")
            }
            error(op.expr.startPos, msg)
        }
    }

    /// The types of a multi-value right-hand side, checked against the count wanted.
    mutating func tupleTypes(_ op: Operand, want: Int, at pos: Pos, rhs: Expr, context: String) -> [GoType]? {
        if op.isInvalid { return nil }
        if case .tuple(let ts) = op.type {
            if ts.count != want {
                let callee = calleeName(rhs)
                error(rhs.startPos, "assignment mismatch: \(want) variable" + (want == 1 ? "" : "s") + " but " + callee + " returns \(ts.count) value" + (ts.count == 1 ? "" : "s"))
                return nil
            }
            return ts
        }
        if op.mode == .commaOK && want == 2 {
            info.modes[op.expr.id] = .commaOK
            return [op.type, .basic(.untypedBool)]
        }
        if op.mode == .mapIndex && want == 2 {
            info.modes[op.expr.id] = .commaOK
            return [op.type, .basic(.untypedBool)]
        }
        error(rhs.startPos, "assignment mismatch: \(want) variable" + (want == 1 ? "" : "s") + " but 1 value")
        return nil
    }

    /// `x := f()` where f returns several values: Go's "assignment mismatch".
    mutating func singleValue(_ e: Expr, hint: GoType? = nil) -> Operand {
        let op = rawExpr(e, hint: hint)
        if case .tuple(let ts) = op.type, op.mode != .novalue, ts.count != 1 {
            error(e.startPos, "assignment mismatch: 1 variable but " + calleeName(e) + " returns \(ts.count) values")
            return record(.invalid(e))
        }
        return single(op)
    }

    func calleeName(_ e: Expr) -> String {
        if case .call(let f, _, _) = e.unparenthesized.kind { return Printer.expr(f) }
        return Printer.expr(e)
    }
}
