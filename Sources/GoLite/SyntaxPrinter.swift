/// Writes syntax back as text the way Go's `syntax.String` does (its short
/// form): `a + b`, `f(x, y)`, `T{…}`. The compiler uses that text for
/// constants in its messages (`1 << 10 escapes to heap`) and for some
/// syntax errors, so ours must match it.
public enum Printer {
    public static func expr(_ e: Expr) -> String {
        var out = ""
        write(e, into: &out)
        return out
    }

    public static func exprs(_ list: [Expr]) -> String {
        list.map(expr).joined(separator: ", ")
    }

    static func write(_ e: Expr, into out: inout String) {
        switch e.kind {
        case .bad: out += "<bad expr>"
        case .name(let n): out += n
        case .basicLit(_, let raw): out += raw
        case .compositeLit(let c):
            if let t = c.type { write(t, into: &out) }
            out += c.elements.isEmpty ? "{}" : "{…}"
        case .funcLit(let f):
            out += "func"
            signature(f.signature, into: &out)
            out += f.body.stmts.isEmpty ? " {}" : " {…}"
        case .paren(let x):
            out += "("
            write(x, into: &out)
            out += ")"
        case .selector(let x, let sel):
            write(x, into: &out)
            out += "." + sel.name
        case .index(let x, let i):
            write(x, into: &out)
            out += "["
            write(i, into: &out)
            out += "]"
        case .slice(let x, let lo, let hi, let mx, _):
            write(x, into: &out)
            out += "["
            if let lo { write(lo, into: &out) }
            out += ":"
            if let hi { write(hi, into: &out) }
            if let mx { out += ":"; write(mx, into: &out) }
            out += "]"
        case .typeAssert(let x, let t):
            write(x, into: &out)
            out += ".("
            if let t { write(t, into: &out) } else { out += "type" }
            out += ")"
        case .call(let f, let args, let dots):
            write(f, into: &out)
            out += "(" + exprs(args) + (dots ? "..." : "") + ")"
        case .unary(let op, let x):
            out += op.rawValue
            write(x, into: &out)
        case .binary(let op, let x, let y):
            write(x, into: &out)
            out += " " + op.rawValue + " "
            write(y, into: &out)
        case .arrayType(let len, let elem):
            out += "["
            if let len { write(len, into: &out) } else { out += "..." }
            out += "]"
            write(elem, into: &out)
        case .sliceType(let elem):
            out += "[]"
            write(elem, into: &out)
        case .structType(let fields):
            out += "struct{"
            out += fields.map { f in
                let t = expr(f.type)
                return f.names.isEmpty ? t : f.names.map(\.name).joined(separator: ", ") + " " + t
            }.joined(separator: "; ")
            out += "}"
        case .funcType(let sig):
            out += "func"
            signature(sig, into: &out)
        case .interfaceType(let elems):
            out += "interface{"
            out += elems.map { m in
                if let n = m.name, let s = m.signature {
                    var t = n.name
                    signature(s, into: &t)
                    return t
                }
                return m.embedded.map(expr) ?? ""
            }.joined(separator: "; ")
            out += "}"
        case .mapType(let k, let v):
            out += "map["
            write(k, into: &out)
            out += "]"
            write(v, into: &out)
        case .chanType(let dir, let elem):
            out += dir == .recv ? "<-chan " : dir == .send ? "chan<- " : "chan "
            write(elem, into: &out)
        }
    }

    static func signature(_ s: Signature, into out: inout String) {
        func list(_ ps: [Param]) -> String {
            ps.map { p in
                let t = (p.variadic ? "..." : "") + expr(p.type)
                return p.name.map { $0.name + " " + t } ?? t
            }.joined(separator: ", ")
        }
        out += "(" + list(s.params) + ")"
        if s.results.count == 1 && s.results[0].name == nil {
            out += " " + expr(s.results[0].type)
        } else if !s.results.isEmpty {
            out += " (" + list(s.results) + ")"
        }
    }

    /// A simple statement, for "cannot use … as value".
    public static func stmt(_ s: Stmt) -> String {
        switch s {
        case .expr(let e): return expr(e)
        case .assign(let a):
            let op = a.define ? ":=" : (a.op?.rawValue ?? "") + "="
            return exprs(a.lhs) + " " + op + " " + exprs(a.rhs)
        case .incDec(_, let op, let t): return expr(t) + op.rawValue + op.rawValue
        case .send(_, let c, let v): return expr(c) + " <- " + expr(v)
        default: return ""
        }
    }
}
