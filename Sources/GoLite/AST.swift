/// The syntax tree of a GoLite file, shaped like the tree of Go's own
/// parser (`cmd/compile/internal/syntax`) so positions and later phases
/// line up with the real compiler. Every node carries its position; every
/// expression and declared name also carries an `id`, unique in its file,
/// that the type checker's `TypeInfo` is indexed by.
///
/// Positions follow Go's conventions, which the escape messages depend on:
/// a binary expression is at its operator, a call at its `(`, an index or
/// slice at its `[`, a selector at its `.`, a composite literal at its `{`,
/// an assignment at its `=` or `:=`.

/// A name where it is declared (a variable, parameter, field, function…).
public struct Ident: Sendable, Hashable {
    public var id: Int
    public var pos: Pos
    public var name: String

    public init(id: Int, pos: Pos, name: String) {
        self.id = id
        self.pos = pos
        self.name = name
    }

    public var isBlank: Bool { name == "_" }
}

public struct Expr: Sendable {
    public var id: Int
    public var pos: Pos
    public var kind: ExprKind

    public init(id: Int, pos: Pos, kind: ExprKind) {
        self.id = id
        self.pos = pos
        self.kind = kind
    }

    /// The expression without enclosing parentheses.
    public var unparenthesized: Expr {
        var e = self
        while case .paren(let inner) = e.kind { e = inner }
        return e
    }

    /// The name if the expression is a plain identifier.
    public var nameValue: String? {
        if case .name(let n) = kind { return n }
        return nil
    }
}

public enum ChanDir: Sendable, Hashable {
    case both, send, recv
}

public indirect enum ExprKind: Sendable {
    /// Where a syntax error left a hole (never reaches the checker).
    case bad
    case name(String)
    /// A literal exactly as written (`42`, `0x40`, `"hi\n"`, `'a'`).
    case basicLit(LiteralKind, String)
    case compositeLit(CompositeLit)
    case funcLit(FuncLit)
    case paren(Expr)
    /// `x.sel` — also a qualified name such as `fmt.Println`.
    case selector(Expr, Ident)
    case index(Expr, Expr)
    /// `x[low:high]` or `x[low:high:max]`.
    case slice(Expr, low: Expr?, high: Expr?, max: Expr?, full: Bool)
    /// `x.(T)`; `type` is nil for the `x.(type)` of a type switch.
    case typeAssert(Expr, type: Expr?)
    case call(Expr, args: [Expr], hasDots: Bool)
    /// `*x` (dereference or pointer type), `&x`, `<-x`, `-x`, `+x`, `!x`, `^x`.
    case unary(Operator, Expr)
    case binary(Operator, Expr, Expr)

    // Types written in expressions.
    /// `[N]T`; `len` is nil for `[...]T`.
    case arrayType(len: Expr?, elem: Expr)
    case sliceType(Expr)
    case structType([FieldDecl])
    case funcType(Signature)
    case interfaceType([InterfaceElem])
    case mapType(key: Expr, value: Expr)
    case chanType(ChanDir, Expr)
}

/// `T{elements}`; `type` is nil inside another literal (`[]point{{1, 2}}`).
public struct CompositeLit: Sendable {
    public var type: Expr?
    public var elements: [Element]
    public var rbrace: Pos

    public struct Element: Sendable {
        /// The field name, index or map key before `:`, if any.
        public var key: Expr?
        public var value: Expr
        /// The position of `:` when there is a key.
        public var colon: Pos?
    }
}

public struct FuncLit: Sendable {
    public var signature: Signature
    public var body: Block
}

/// A struct field line: `a, b int`, or an embedded type (`names` empty).
public struct FieldDecl: Sendable {
    public var pos: Pos
    public var names: [Ident]
    public var type: Expr
    public var tag: String?
}

/// A method of an interface, or an embedded interface (`name` nil).
public struct InterfaceElem: Sendable {
    public var pos: Pos
    public var name: Ident?
    public var signature: Signature?
    public var embedded: Expr?
}

/// One parameter or result. Unnamed parameters have `name == nil`.
public struct Param: Sendable {
    public var pos: Pos
    public var name: Ident?
    public var type: Expr
    /// `...T`, the last parameter only.
    public var variadic: Bool
}

public struct Signature: Sendable {
    public var pos: Pos
    public var params: [Param]
    public var results: [Param]
}

// MARK: - Statements

public struct Block: Sendable {
    public var pos: Pos
    public var stmts: [Stmt]
    public var rbrace: Pos
}

public enum BranchKind: String, Sendable {
    case breakStmt = "break"
    case continueStmt = "continue"
    case fallthroughStmt = "fallthrough"
}

public indirect enum Stmt: Sendable {
    case empty(Pos)
    case expr(Expr)
    case send(pos: Pos, chan: Expr, value: Expr)
    /// `x++` / `x--`: `op` is `.add` or `.sub`.
    case incDec(pos: Pos, op: Operator, target: Expr)
    case assign(AssignStmt)
    case decl(pos: Pos, [Decl])
    case block(Block)
    case ifStmt(IfStmt)
    case forStmt(ForStmt)
    case rangeStmt(RangeStmt)
    case switchStmt(SwitchStmt)
    case typeSwitch(TypeSwitchStmt)
    case branch(pos: Pos, BranchKind)
    case goStmt(pos: Pos, call: Expr)
    case deferStmt(pos: Pos, call: Expr)
    case returnStmt(pos: Pos, results: [Expr])

    public var pos: Pos {
        switch self {
        case .empty(let p): p
        case .expr(let e): e.pos
        case .send(let p, _, _): p
        case .incDec(let p, _, _): p
        case .assign(let a): a.pos
        case .decl(let p, _): p
        case .block(let b): b.pos
        case .ifStmt(let s): s.pos
        case .forStmt(let s): s.pos
        case .rangeStmt(let s): s.pos
        case .switchStmt(let s): s.pos
        case .typeSwitch(let s): s.pos
        case .branch(let p, _): p
        case .goStmt(let p, _): p
        case .deferStmt(let p, _): p
        case .returnStmt(let p, _): p
        }
    }
}

/// `lhs = rhs`, `lhs := rhs` or `lhs op= rhs` (then one each side).
public struct AssignStmt: Sendable {
    public var pos: Pos
    public var op: Operator?
    public var define: Bool
    public var lhs: [Expr]
    public var rhs: [Expr]
}

public struct IfStmt: Sendable {
    public var pos: Pos
    public var initStmt: Stmt?
    public var cond: Expr
    public var then: Block
    /// Another `if` or a block.
    public var elseStmt: Stmt?
}

public struct ForStmt: Sendable {
    public var pos: Pos
    public var initStmt: Stmt?
    public var cond: Expr?
    public var post: Stmt?
    public var body: Block
}

/// `for k, v := range x { … }`.
public struct RangeStmt: Sendable {
    public var pos: Pos
    /// The position of `range`.
    public var rangePos: Pos
    public var key: Expr?
    public var value: Expr?
    public var define: Bool
    public var x: Expr
    public var body: Block
}

public struct CaseClause: Sendable {
    public var pos: Pos
    /// nil for `default`.
    public var exprs: [Expr]?
    public var colon: Pos
    public var body: [Stmt]
}

public struct SwitchStmt: Sendable {
    public var pos: Pos
    public var initStmt: Stmt?
    public var tag: Expr?
    public var clauses: [CaseClause]
    public var rbrace: Pos
}

/// `switch v := x.(type) { case T: … }`. Each clause's `exprs` are types
/// (or `nil`); the checker declares a `v` per clause.
public struct TypeSwitchStmt: Sendable {
    public var pos: Pos
    public var initStmt: Stmt?
    public var binding: Ident?
    /// The `x.(type)` expression (its position is the `.`).
    public var guardExpr: Expr
    public var x: Expr
    public var clauses: [CaseClause]
    public var rbrace: Pos
}

// MARK: - Declarations

public struct VarSpec: Sendable {
    public var pos: Pos
    public var names: [Ident]
    public var type: Expr?
    public var values: [Expr]
}

public struct ConstSpec: Sendable {
    public var pos: Pos
    public var names: [Ident]
    public var type: Expr?
    /// As written; empty when the spec repeats the previous one in its group.
    public var values: [Expr]
    /// The value of `iota` in this spec (its index in the group).
    public var iota: Int
    /// The spec whose type and values an empty spec repeats.
    public var inheritedFrom: Int?
}

public struct TypeSpec: Sendable {
    public var pos: Pos
    public var name: Ident
    public var isAlias: Bool
    public var type: Expr
}

public struct FuncDecl: Sendable {
    public var pos: Pos
    public var receiver: Param?
    public var name: Ident
    public var signature: Signature
    public var body: Block?
}

public enum Decl: Sendable {
    case varDecl(VarSpec)
    case constDecl(ConstSpec)
    case typeDecl(TypeSpec)
    case funcDecl(FuncDecl)
}

public struct ImportDecl: Sendable {
    public var pos: Pos
    public var name: Ident?
    public var path: String
    public var pathPos: Pos
}

public struct SourceFile: Sendable {
    public var packageName: Ident
    public var imports: [ImportDecl]
    public var decls: [Decl]
    /// All const specs by index, so repeated specs can find their source.
    public var constSpecs: [ConstSpec]
    /// One more than the largest node id (sizes `TypeInfo` tables).
    public var nodeCount: Int
}
