/// Spells IR expressions the way `go build -gcflags=-m` does in its
/// messages: implicit conversions and `&`/`*` vanish, literals print as
/// `T{...}`, function literals as `func literal`, the packed arguments of a
/// variadic call as `... argument`, conversions to unnamed types as
/// `([]byte)(s)`, and parentheses appear only where precedence needs them.
enum IRPrinter {
    static func string(_ n: IRNode) -> String {
        var out = ""
        write(n, prec: 0, into: &out)
        return out
    }

    /// Binding strength of each operation (Go's `ir.OpPrec`).
    static func precedence(_ n: IRNode) -> Int {
        switch n.op {
        case .name, .literal, .nilValue, .callFunc, .callInter, .index, .indexMap, .slice, .sliceString, .sliceArray,
             .dot, .dotPtr, .dotInter, .methodValue, .methodExpr, .dotType, .dotType2,
             .conv, .convNop, .convIface, .stringToBytes, .bytesToString, .stringToRunes, .runesToString, .runeToString,
             .len, .cap, .append, .copy, .delete, .panic, .print, .println, .close, .recover, .new,
             .makeSlice, .makeMap, .makeChan, .structLit, .arrayLit, .sliceLit, .mapLit:
            return 8
        case .typeNode:
            return n.type.isNamed ? 8 : (n.type.isPointer && !n.type.isNamed ? 7 : 8)
        case .unary, .addr, .deref, .recv:
            return 7
        case .binary:
            switch n.oper ?? .add {
            case .mul, .div, .rem, .shl, .shr, .and, .andNot: return 6
            case .add, .sub, .or, .xor: return 5
            default: return 4
            }
        case .andAnd: return 2
        case .orOr: return 1
        case .pointerLit, .key, .structKey, .closure, .addString: return 0
        }
    }

    private static func skipImplicit(_ node: IRNode) -> IRNode {
        var n = node
        while n.implicit, n.op == .addr || n.op == .deref || n.op == .conv || n.op == .convNop || n.op == .convIface, let x = n.x {
            n = x
        }
        return n
    }

    static func write(_ node: IRNode, prec: Int, into out: inout String) {
        let n = skipImplicit(node)
        let p = precedence(n)
        if prec > p {
            out += "("
            write(n, prec: 0, into: &out)
            out += ")"
            return
        }
        switch n.op {
        case .name, .literal:
            out += n.text
        case .nilValue:
            out += "nil"
        case .typeNode:
            out += n.type.description
        case .closure:
            out += "func literal"
        case .structLit, .arrayLit, .sliceLit, .mapLit:
            if n.isDotArgs { out += "... argument"; return }
            out += n.type.description + (n.list.isEmpty ? "{}" : "{...}")
        case .pointerLit:
            out += "&"
            write(n.x!, prec: 0, into: &out)
        case .key:
            if let k = n.x { write(k, prec: 0, into: &out) }
            out += ":"
            if let v = n.y { write(v, prec: 0, into: &out) }
        case .structKey:
            out += n.text + ":"
            write(n.y!, prec: 0, into: &out)
        case .dot, .dotPtr, .dotInter, .methodValue, .methodExpr:
            write(n.x!, prec: p, into: &out)
            out += "." + n.text
        case .dotType, .dotType2:
            write(n.x!, prec: p, into: &out)
            out += ".(" + n.type.description + ")"
        case .index, .indexMap:
            write(n.x!, prec: p, into: &out)
            out += "["
            write(n.y!, prec: 0, into: &out)
            out += "]"
        case .slice, .sliceString, .sliceArray:
            write(n.x!, prec: p, into: &out)
            out += "["
            if let l = n.low { write(l, prec: 0, into: &out) }
            out += ":"
            if let h = n.high { write(h, prec: 0, into: &out) }
            if let m = n.max { out += ":"; write(m, prec: 0, into: &out) }
            out += "]"
        case .copy:
            out += "copy("
            write(n.x!, prec: 0, into: &out)
            out += ", "
            write(n.y!, prec: 0, into: &out)
            out += ")"
        case .conv, .convNop, .convIface, .stringToBytes, .bytesToString, .stringToRunes, .runesToString, .runeToString:
            out += typeName(n.type) + "("
            write(n.x!, prec: 0, into: &out)
            out += ")"
        case .len, .cap, .new, .panic, .close:
            out += opName(n.op) + "("
            write(n.x!, prec: 0, into: &out)
            out += ")"
        case .append, .delete, .print, .println, .recover:
            out += opName(n.op) + "(" + list(n.list) + (n.isDDD ? "..." : "") + ")"
        case .callFunc, .callInter:
            write(n.x!, prec: p, into: &out)
            out += "(" + list(n.list) + (n.isDDD ? "..." : "") + ")"
        case .makeSlice, .makeMap, .makeChan:
            out += "make(" + n.type.description
            if let l = n.low, let c = n.high {
                out += ", " + string(l) + ", " + string(c)
            } else if let l = n.low, n.op == .makeSlice || !l.type.isUntyped {
                out += ", " + string(l)
            }
            out += ")"
        case .unary, .recv:
            let sym = n.op == .recv ? "<-" : (n.oper?.rawValue ?? "")
            out += sym
            if let x = n.x, x.op == n.op, x.oper == n.oper { out += " " }
            write(n.x!, prec: p + 1, into: &out)
        case .addr:
            out += "&"
            if let x = n.x, x.op == .addr { out += " " }
            write(n.x!, prec: p + 1, into: &out)
        case .deref:
            out += "*"
            write(n.x!, prec: p + 1, into: &out)
        case .binary, .andAnd, .orOr:
            write(n.x!, prec: p, into: &out)
            let sym = n.op == .andAnd ? "&&" : n.op == .orOr ? "||" : (n.oper?.rawValue ?? "?")
            out += " " + sym + " "
            write(n.y!, prec: p + 1, into: &out)
        case .addString:
            for (i, item) in n.list.enumerated() {
                if i > 0 { out += " + " }
                write(item, prec: p, into: &out)
            }
        }
    }

    private static func list(_ items: [IRNode]) -> String {
        items.map { string($0) }.joined(separator: ", ")
    }

    /// Conversions to unnamed types are parenthesised: `([]byte)(s)`.
    private static func typeName(_ t: GoType) -> String {
        switch t {
        case .named, .basic: return t.description
        default: return "(" + t.description + ")"
        }
    }

    private static func opName(_ op: IROp) -> String {
        switch op {
        case .len: "len"
        case .cap: "cap"
        case .new: "new"
        case .panic: "panic"
        case .close: "close"
        case .append: "append"
        case .delete: "delete"
        case .print: "print"
        case .println: "println"
        case .recover: "recover"
        default: "?"
        }
    }
}
