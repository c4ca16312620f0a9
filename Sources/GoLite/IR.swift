/// The intermediate form the escape analysis reads: the checked program
/// after the rewrites Go's front end makes before its own escape analysis
/// (implicit conversions to interfaces, `&`/`*` around method receivers,
/// `...` arguments packed into slices, method calls turned into function
/// calls with the receiver first, string concatenations flattened…). Each
/// node keeps the position the Go compiler gives it, because that is where
/// the `-m` messages point.
enum IROp: Equatable {
    case name, literal, nilValue, typeNode
    case addr, deref, dot, dotPtr, index, indexMap, slice, sliceString, sliceArray
    case conv, convNop, convIface, stringToBytes, bytesToString, stringToRunes, runesToString, runeToString
    case binary, andAnd, orOr, unary, recv
    case dotType, dotType2
    case callFunc, callInter
    /// `T.m` — the callee of a method call (`x` is the type node).
    case methodExpr
    /// `i.m` — the callee of an interface method call.
    case dotInter
    /// `x.m` used as a value.
    case methodValue
    case len, cap, append, copy, delete, panic, print, println, close, recover
    case new, makeSlice, makeMap, makeChan
    case structLit, arrayLit, sliceLit, mapLit, pointerLit
    /// `key: value` in an array, slice or map literal.
    case key
    /// `field: value` in a struct literal.
    case structKey
    case closure
    case addString
}

/// What a call calls, when that is known before running the program.
enum Callee {
    /// A function or method declared in this file, or a function literal.
    case local(Int)
    /// A function or method from `fmt` or `testing`.
    case external(ExternalFunc)
}

final class IRNode {
    var op: IROp
    var pos: Pos
    var type: GoType
    /// Inserted by the compiler: printed as its operand.
    var implicit = false
    var x: IRNode?
    var y: IRNode?
    var list: [IRNode] = []
    var low: IRNode?
    var high: IRNode?
    var max: IRNode?
    var oper: Operator?
    /// For names: the object.
    var object: ObjectID?
    /// Field or method name for selectors; the source text of constants;
    /// the name printed for names.
    var text = ""
    var constant: ConstValue?
    var isDDD = false
    /// For calls, method expressions and method values: the static callee.
    var callee: Callee?
    /// For closures: the function literal's index.
    var function: Int?
    /// A literal `... argument` slice made for a variadic call.
    var isDotArgs = false
    /// For `go`/`defer` wrappers: the closure made around the call.
    var isGoDeferWrapper = false
    /// For `go`/`defer` wrappers: true for `go`.
    var isGoWrapper = false

    init(_ op: IROp, _ pos: Pos, _ type: GoType) {
        self.op = op
        self.pos = pos
        self.type = type
    }

    /// Constant literals and typed nils have no storage of their own.
    var isConstant: Bool { op == .literal || op == .nilValue }
}

/// Assignment statements are told apart the way Go does, because the
/// analysis treats "declared and assigned once" specially.
enum AssignKind {
    /// `a, b = x, y`
    case pair
    /// `a, b = f()`
    case call
    /// `v, ok = m[k]`
    case mapRead
    /// `v, ok = <-ch`
    case receive
    /// `v, ok = x.(T)`
    case typeAssert
}

indirect enum IRStmt {
    /// A variable comes into scope (its loop depth is fixed here).
    case declare(ObjectID)
    /// `dst = src`; `dst` nil for `_`; `src` nil for a zero value.
    /// `id` identifies the statement for "declared here" checks.
    case assign(id: Int, pos: Pos, dst: IRNode?, src: IRNode?)
    case assignList(id: Int, pos: Pos, kind: AssignKind, lhs: [IRNode?], rhs: [IRNode])
    /// `x op= y`, `x++`
    case assignOp(id: Int, pos: Pos, op: Operator, dst: IRNode, src: IRNode)
    case block([IRStmt])
    case ifStmt(cond: IRNode, then: [IRStmt], els: [IRStmt])
    case forStmt(cond: IRNode?, post: [IRStmt], body: [IRStmt])
    case range(id: Int, pos: Pos, key: IRNode?, value: IRNode?, x: IRNode, body: [IRStmt])
    case switchStmt(tag: IRNode?, cases: [(exprs: [IRNode], body: [IRStmt])])
    /// A type switch: one variable per clause (or nil without a binding).
    case typeSwitch(pos: Pos, x: IRNode, cases: [(variable: ObjectID?, types: [GoType], body: [IRStmt])])
    case send(pos: Pos, chan: IRNode, value: IRNode)
    case returnStmt(pos: Pos, results: [IRNode])
    /// A call (or receive) whose value is dropped.
    case expr(IRNode)
    case goStmt(pos: Pos, call: IRNode)
    case deferStmt(pos: Pos, call: IRNode)
    case branch
}

/// One function ready for the analysis.
struct IRFunction {
    var index: Int
    var body: [IRStmt]
    /// Every variable the function declares (parameters, results, locals), in order.
    var declared: [ObjectID]
    /// Set on function literals called right where they are written.
    var calledDirectly = false
}

/// The lowered program.
struct IRProgram {
    var functions: [IRFunction]
    /// Package initialisation (`var g = …` at top level), when it has code.
    var initFunction: Int?
    /// Which statement declared and initialised each variable (Go's `Defn`).
    var definedBy: [ObjectID: Int]
    /// Lines `-m` prints about devirtualized calls, in order.
    var devirtualized: [(pos: Pos, message: String)]
    /// The checker's objects and the temporaries lowering added.
    var objects: [Object]
}
