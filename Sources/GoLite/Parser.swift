import TextKit

/// A recursive-descent parser for GoLite that follows the structure of Go's
/// own parser, so that it accepts the same texts, places nodes at the same
/// positions and words its errors the same way. It stops at the first
/// error (Go goes on and may print several; the first is the same).
///
/// Constructs outside the subset are parsed far enough to be recognised
/// and then refused with `not supported by GoLite: …`.
public struct Parser {
    private var tokens: [Token]
    private var k = 0
    private var nextID = 0
    /// Expression nesting that decides whether `{` may open a composite
    /// literal (-1 inside `if`/`for`/`switch` headers), as in Go.
    private var xnest = 0
    private var fnest = 0
    private var depth = 0
    private var constSpecs: [ConstSpec] = []

    /// Deeper nesting than this is refused before the stack could overflow.
    public static let maxDepth = 400

    public init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole file.
    public static func parse(_ source: String) throws(GoLiteError) -> SourceFile {
        var p = Parser(tokens: try Lexer.tokenize(source))
        return try p.file()
    }

    // MARK: - Tokens

    private var tok: Token { tokens[k] }
    private var kind: TokenKind { tokens[k].kind }
    private var pos: Pos { tokens[k].pos }

    private mutating func next() {
        if k < tokens.count - 1 { k += 1 }
    }

    private mutating func got(_ t: TokenKind) -> Bool {
        if kind == t { next(); return true }
        return false
    }

    private mutating func want(_ t: TokenKind) throws(GoLiteError) {
        if !got(t) { throw syntaxError("expecting " + t.spelling) }
    }

    private mutating func newID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    private mutating func expr(_ p: Pos, _ kind: ExprKind) -> Expr {
        Expr(id: newID(), pos: p, kind: kind)
    }

    /// Builds Go's wording: "unexpected X, expecting Y", "unexpected X in Y", or a plain message.
    private func syntaxError(_ msg: String, at p: Pos? = nil) -> GoLiteError {
        let at = p ?? pos
        var rest: String
        if msg.hasPrefix("in ") || msg.hasPrefix("at ") || msg.hasPrefix("after ") {
            rest = " " + msg
        } else if msg.hasPrefix("expecting ") {
            rest = ", " + msg
        } else {
            return .syntax(at, msg)
        }
        let t = tok
        var word: String
        switch t.kind {
        case .name, .semi: word = t.text
        case .literal: word = "literal " + t.text
        case .op, .star, .arrow: word = t.op?.rawValue ?? t.kind.spelling
        case .assignOp: word = (t.op?.rawValue ?? "") + "="
        case .incOp: word = (t.op?.rawValue ?? "") + (t.op?.rawValue ?? "")
        default: word = t.kind.spelling
        }
        if t.kind == .name && t.text.isEmpty { word = "name" }
        rest = "unexpected " + word + rest
        return .syntax(at, rest)
    }

    private mutating func enter() throws(GoLiteError) {
        depth += 1
        if depth > Parser.maxDepth {
            throw GoLiteError(pos, L("the program is nested too deeply for GoLite (more than {0} levels)", Parser.maxDepth), kind: .limit)
        }
    }

    private mutating func leave() { depth -= 1 }

    // MARK: - File

    mutating func file() throws(GoLiteError) -> SourceFile {
        guard got(.kwPackage) else { throw syntaxError("package statement must be first") }
        let pkg = try name()
        try want(.semi)
        var imports: [ImportDecl] = []
        while got(.kwImport) {
            if got(.lparen) {
                while kind != .rparen && kind != .eof {
                    imports.append(try importSpec())
                    if !got(.semi) && kind != .rparen {
                        throw syntaxError("in grouped declaration; possibly missing semicolon or newline or )")
                    }
                }
                try want(.rparen)
            } else {
                imports.append(try importSpec())
            }
            try want(.semi)
        }
        var decls: [Decl] = []
        while kind != .eof {
            switch kind {
            case .kwConst:
                next()
                decls += try group(Parser.constDecl)
            case .kwType:
                next()
                decls += try group(Parser.typeDecl)
            case .kwVar:
                next()
                decls += try group(Parser.varDecl)
            case .kwFunc:
                next()
                decls.append(.funcDecl(try funcDecl()))
            case .kwImport:
                throw syntaxError("imports must appear before other declarations")
            default:
                if kind == .lbrace, case .funcDecl(let f)? = decls.last, f.body == nil {
                    throw syntaxError("unexpected semicolon or newline before {")
                }
                throw syntaxError("non-declaration statement outside function body")
            }
            if kind != .eof && !got(.semi) {
                throw syntaxError("after top level declaration")
            }
        }
        return SourceFile(packageName: pkg, imports: imports, decls: decls, constSpecs: constSpecs, nodeCount: nextID)
    }

    private mutating func importSpec() throws(GoLiteError) -> ImportDecl {
        let p = pos
        var local: Ident? = nil
        if kind == .name {
            local = try name()
        } else if kind == .dot {
            local = Ident(id: newID(), pos: pos, name: ".")
            next()
        }
        guard kind == .literal else {
            throw syntaxError("missing import path")
        }
        guard tok.literalKind == .string else { throw syntaxError("import path must be a string") }
        let pathPos = pos
        let raw = tok.text
        next()
        let path = (try? Literals.string(raw)) ?? raw
        return ImportDecl(pos: p, name: local, path: path, pathPos: pathPos)
    }

    /// `f` or `( f ; f ; … )`.
    private mutating func group(_ f: (inout Parser, Int) throws(GoLiteError) -> [Decl]) throws(GoLiteError) -> [Decl] {
        var out: [Decl] = []
        if got(.lparen) {
            var index = 0
            while kind != .eof && kind != .rparen {
                out += try f(&self, index)
                index += 1
                if !got(.semi) && kind != .rparen {
                    throw syntaxError("in grouped declaration; possibly missing semicolon or newline or )")
                }
            }
            try want(.rparen)
        } else {
            out += try f(&self, -1)
        }
        return out
    }

    /// The index in `constSpecs` of the last spec of the current group that has values.
    private var lastValuedConst: Int? = nil

    private static func constDecl(_ p: inout Parser, _ index: Int) throws(GoLiteError) -> [Decl] {
        let at = p.pos
        var names = [try p.name()]
        while p.got(.comma) { names.append(try p.name()) }
        var type: Expr? = nil
        var values: [Expr] = []
        if p.kind != .eof && p.kind != .semi && p.kind != .rparen {
            type = try p.typeOrNil()
            if p.kind == .define { throw p.syntaxError("expecting =") }
            if p.got(.assign) { values = try p.exprList() }
        }
        if index <= 0 { p.lastValuedConst = nil }
        var spec = ConstSpec(pos: at, names: names, type: type, values: values, iota: max(index, 0), inheritedFrom: nil)
        if values.isEmpty && type == nil {
            spec.inheritedFrom = p.lastValuedConst
        }
        p.constSpecs.append(spec)
        if !values.isEmpty || type != nil { p.lastValuedConst = p.constSpecs.count - 1 }
        return [.constDecl(spec)]
    }

    private static func typeDecl(_ p: inout Parser, _ index: Int) throws(GoLiteError) -> [Decl] {
        let at = p.pos
        let n = try p.name()
        if p.kind == .lbrack {
            // `type T [N]E`, `type T []E` or a generic `type T[P any] …`.
            let lb = p.pos
            p.next()
            if p.got(.rbrack) {
                let elem = try p.type()
                return [.typeDecl(TypeSpec(pos: at, name: n, isAlias: false, type: p.expr(lb, .sliceType(elem))))]
            }
            if p.kind == .name {
                let save = p.k
                p.next()
                if p.kind != .rbrack && p.kind != .op && p.kind != .star && p.kind != .dot && p.kind != .lparen && p.kind != .lbrack {
                    throw GoLiteError.unsupported(p.tokens[save].pos, L("generics"))
                }
                p.k = save
            }
            let len = try p.arrayLength()
            try p.want(.rbrack)
            let elem = try p.type()
            return [.typeDecl(TypeSpec(pos: at, name: n, isAlias: false, type: p.expr(lb, .arrayType(len: len, elem: elem))))]
        }
        let alias = p.kind == .assign
        if alias { p.next() }
        guard let t = try p.typeOrNil() else {
            throw p.syntaxError("in type declaration")
        }
        return [.typeDecl(TypeSpec(pos: at, name: n, isAlias: alias, type: t))]
    }

    private static func varDecl(_ p: inout Parser, _ index: Int) throws(GoLiteError) -> [Decl] {
        let at = p.pos
        var names = [try p.name()]
        while p.got(.comma) { names.append(try p.name()) }
        var type: Expr? = nil
        var values: [Expr] = []
        if p.kind == .define { throw p.syntaxError("expecting =") }
        if p.got(.assign) {
            values = try p.exprList()
        } else {
            type = try p.type()
            if p.kind == .define { throw p.syntaxError("expecting =") }
            if p.got(.assign) { values = try p.exprList() }
        }
        return [.varDecl(VarSpec(pos: at, names: names, type: type, values: values))]
    }

    private mutating func funcDecl() throws(GoLiteError) -> FuncDecl {
        let at = pos
        var receiver: Param? = nil
        if got(.lparen) {
            let list = try paramList(close: .rparen)
            if list.isEmpty { throw GoLiteError(pos, "method has no receiver", kind: .syntax) }
            if list.count > 1 { throw GoLiteError(pos, "method has multiple receivers", kind: .syntax) }
            receiver = list[0]
        }
        guard kind == .name else { throw syntaxError("expecting name or (") }
        let n = try name()
        if kind == .lbrack { throw GoLiteError.unsupported(pos, L("generics")) }
        let sig = try signature()
        var body: Block? = nil
        if kind == .lbrace {
            fnest += 1
            body = try block(context: "")
            fnest -= 1
        }
        return FuncDecl(pos: at, receiver: receiver, name: n, signature: sig, body: body)
    }

    // MARK: - Expressions

    mutating func parseExpr() throws(GoLiteError) -> Expr { try binaryExpr(nil, 0) }

    private mutating func exprList() throws(GoLiteError) -> [Expr] {
        var list = [try parseExpr()]
        while got(.comma) { list.append(try parseExpr()) }
        return list
    }

    private mutating func binaryExpr(_ lhs: Expr?, _ prec: Int) throws(GoLiteError) -> Expr {
        try enter()
        defer { leave() }
        var x: Expr
        if let lhs { x = lhs } else { x = try unaryExpr() }
        // Each operator of a chain like a + b + c nests the tree one level deeper.
        var chain = 0
        defer { depth -= chain }
        while kind == .op || kind == .star, let op = tok.op, op.precedence > prec {
            let p = pos
            next()
            let y = try binaryExpr(nil, op.precedence)
            x = expr(p, .binary(op, x, y))
            chain += 1
            try enter()
        }
        return x
    }

    private mutating func unaryExpr() throws(GoLiteError) -> Expr {
        try enter()
        defer { leave() }
        switch kind {
        case .op, .star:
            guard let op = tok.op else { break }
            switch op {
            case .mul, .add, .sub, .not, .xor:
                let p = pos
                next()
                return expr(p, .unary(op, try unaryExpr()))
            case .and:
                let p = pos
                next()
                return expr(p, .unary(.and, try unaryExpr().unparenthesized))
            case .tilde:
                throw GoLiteError.unsupported(pos, L("generics"))
            default: break
            }
        case .arrow:
            let p = pos
            next()
            let x = try unaryExpr()
            if case .chanType(let dir, let elem) = x.kind {
                // `<-chan T` is a receive-only channel type.
                if dir == .recv { throw syntaxError("unexpected <-, expecting chan") }
                if dir == .send { throw GoLiteError.unsupported(p, L("channels of send-only channels")) }
                return Expr(id: x.id, pos: p, kind: .chanType(.recv, elem))
            }
            return expr(p, .unary(.recv, x))
        default: break
        }
        return try primaryExpr(nil, keepParens: true)
    }

    private mutating func operand(keepParens: Bool) throws(GoLiteError) -> Expr {
        switch kind {
        case .name:
            let t = tok
            next()
            return expr(t.pos, .name(t.text))
        case .literal:
            let t = tok
            if t.literalKind == .imaginary { throw GoLiteError.unsupported(t.pos, L("complex numbers")) }
            next()
            return expr(t.pos, .basicLit(t.literalKind ?? .int, t.text))
        case .lparen:
            let p = pos
            next()
            xnest += 1
            let x = try parseExpr()
            xnest -= 1
            try want(.rparen)
            return expr(p, .paren(x))
        case .kwFunc:
            let p = pos
            next()
            let sig = try signature()
            if kind == .lbrace {
                xnest += 1
                fnest += 1
                let body = try block(context: "")
                fnest -= 1
                xnest -= 1
                return expr(p, .funcLit(FuncLit(signature: sig, body: body)))
            }
            return expr(p, .funcType(sig))
        case .lbrack, .kwChan, .kwMap, .kwStruct, .kwInterface:
            return try type()
        default:
            throw syntaxError("expecting expression")
        }
    }

    private mutating func primaryExpr(_ start: Expr?, keepParens: Bool) throws(GoLiteError) -> Expr {
        var x: Expr
        if let start { x = start } else { x = try operand(keepParens: keepParens) }
        var chain = 0
        defer { depth -= chain }
        while true {
            let p = pos
            switch kind {
            case .dot:
                next()
                switch kind {
                case .name:
                    x = expr(p, .selector(x, try name()))
                case .lparen:
                    next()
                    if got(.kwType) {
                        x = expr(p, .typeAssert(x, type: nil))
                    } else {
                        x = expr(p, .typeAssert(x, type: try type()))
                    }
                    try want(.rparen)
                default:
                    throw syntaxError("expecting name or (")
                }
            case .lbrack:
                next()
                if kind == .rbrack { throw syntaxError("expecting operand") }
                var index: Expr? = nil
                if kind != .colon {
                    xnest += 1
                    index = try parseExpr()
                    xnest -= 1
                    if kind == .comma { throw GoLiteError.unsupported(pos, L("generics")) }
                    if got(.rbrack) {
                        x = expr(p, .index(x, index!))
                        break
                    }
                }
                if !got(.colon) { throw syntaxError("expecting comma, : or ]") }
                xnest += 1
                var high: Expr? = nil
                var maxE: Expr? = nil
                var full = false
                if kind != .colon && kind != .rbrack { high = try parseExpr() }
                if kind == .colon {
                    full = true
                    if high == nil { throw GoLiteError(pos, "middle index required in 3-index slice", kind: .syntax) }
                    next()
                    if kind == .rbrack { throw GoLiteError(pos, "final index required in 3-index slice", kind: .syntax) }
                    maxE = try parseExpr()
                }
                xnest -= 1
                try want(.rbrack)
                x = expr(p, .slice(x, low: index, high: high, max: maxE, full: full))
            case .lparen:
                next()
                xnest += 1
                var args: [Expr] = []
                var dots = false
                while kind != .eof && kind != .rparen {
                    args.append(try parseExpr())
                    dots = got(.dotDotDot)
                    if !got(.comma) && kind != .rparen {
                        throw syntaxError("in argument list; possibly missing comma or )")
                    }
                    if dots { break }
                }
                xnest -= 1
                try want(.rparen)
                x = expr(p, .call(x, args: args, hasDots: dots))
            case .lbrace:
                let t = x.unparenthesized
                var complitOK = false
                switch t.kind {
                case .name, .selector: complitOK = xnest >= 0
                case .index: complitOK = xnest >= 0
                case .arrayType, .sliceType, .structType, .mapType: complitOK = true
                default: break
                }
                if !complitOK { return x }
                if case .paren = x.kind { throw syntaxError("cannot parenthesize type in composite literal") }
                x = try compositeLit(type: x)
            default:
                return x
            }
            chain += 1
            try enter()
        }
    }

    private mutating func compositeLit(type: Expr?) throws(GoLiteError) -> Expr {
        try enter()
        defer { leave() }
        let p = pos
        xnest += 1
        try want(.lbrace)
        var elements: [CompositeLit.Element] = []
        while kind != .eof && kind != .rbrace {
            var e = try bareComplit()
            var key: Expr? = nil
            var colon: Pos? = nil
            if kind == .colon {
                colon = pos
                next()
                key = e
                e = try bareComplit()
            }
            elements.append(CompositeLit.Element(key: key, value: e, colon: colon))
            if !got(.comma) && kind != .rbrace {
                throw syntaxError("in composite literal; possibly missing comma or }")
            }
        }
        let rb = pos
        try want(.rbrace)
        xnest -= 1
        return expr(p, .compositeLit(CompositeLit(type: type, elements: elements, rbrace: rb)))
    }

    private mutating func bareComplit() throws(GoLiteError) -> Expr {
        if kind == .lbrace { return try compositeLit(type: nil) }
        return try parseExpr()
    }

    // MARK: - Types

    mutating func type() throws(GoLiteError) -> Expr {
        guard let t = try typeOrNil() else { throw syntaxError("expecting type") }
        return t
    }

    private mutating func typeOrNil() throws(GoLiteError) -> Expr? {
        try enter()
        defer { leave() }
        let p = pos
        switch kind {
        case .star:
            next()
            return expr(p, .unary(.mul, try type()))
        case .arrow:
            next()
            try want(.kwChan)
            return expr(p, .chanType(.recv, try chanElem()))
        case .kwFunc:
            next()
            return expr(p, .funcType(try signature()))
        case .lbrack:
            next()
            if got(.rbrack) { return expr(p, .sliceType(try type())) }
            let len = try arrayLength()
            if kind == .comma { throw syntaxError("unexpected comma; expecting ]") }
            try want(.rbrack)
            return expr(p, .arrayType(len: len, elem: try type()))
        case .kwChan:
            next()
            var dir = ChanDir.both
            if got(.arrow) { dir = .send }
            return expr(p, .chanType(dir, try chanElem()))
        case .kwMap:
            next()
            try want(.lbrack)
            let key = try type()
            try want(.rbrack)
            return expr(p, .mapType(key: key, value: try type()))
        case .kwStruct:
            return try structType()
        case .kwInterface:
            return try interfaceType()
        case .name:
            return try qualifiedName()
        case .lparen:
            next()
            let t = try type()
            try want(.rparen)
            return expr(p, .paren(t))
        default:
            return nil
        }
    }

    /// `[N]` or `[...]` (nil).
    private mutating func arrayLength() throws(GoLiteError) -> Expr? {
        if got(.dotDotDot) { return nil }
        xnest += 1
        defer { xnest -= 1 }
        return try parseExpr()
    }

    private mutating func chanElem() throws(GoLiteError) -> Expr {
        guard let t = try typeOrNil() else { throw syntaxError("missing channel element type") }
        return t
    }

    private mutating func qualifiedName() throws(GoLiteError) -> Expr {
        let first = tok
        next()
        var x = expr(first.pos, .name(first.text))
        if kind == .dot {
            let p = pos
            next()
            x = expr(p, .selector(x, try name()))
        }
        if kind == .lbrack {
            // `T[...]` in type position is an instantiation.
            let save = k
            next()
            if kind != .rbrack { throw GoLiteError.unsupported(tokens[save].pos, L("generics")) }
            k = save
        }
        return x
    }

    private mutating func structType() throws(GoLiteError) -> Expr {
        let p = pos
        try want(.kwStruct)
        try want(.lbrace)
        var fields: [FieldDecl] = []
        while kind != .eof && kind != .rbrace {
            fields.append(try fieldDecl())
            if !got(.semi) && kind != .rbrace {
                throw syntaxError("in struct type; possibly missing semicolon or newline or }")
            }
        }
        try want(.rbrace)
        return expr(p, .structType(fields))
    }

    private mutating func fieldDecl() throws(GoLiteError) -> FieldDecl {
        let p = pos
        switch kind {
        case .name:
            let first = try name()
            if kind == .dot || kind == .literal || kind == .semi || kind == .rbrace {
                // An embedded type.
                var t = expr(first.pos, .name(first.name))
                if kind == .dot {
                    let dp = pos
                    next()
                    t = expr(dp, .selector(t, try name()))
                }
                return FieldDecl(pos: p, names: [], type: t, tag: try tagOrNil())
            }
            var names = [first]
            while got(.comma) { names.append(try name()) }
            let t = try type()
            return FieldDecl(pos: p, names: names, type: t, tag: try tagOrNil())
        case .star:
            next()
            if kind == .lparen { throw syntaxError("cannot parenthesize embedded type") }
            let t = try qualifiedName()
            return FieldDecl(pos: p, names: [], type: expr(p, .unary(.mul, t)), tag: try tagOrNil())
        case .lparen:
            throw syntaxError("cannot parenthesize embedded type")
        default:
            throw syntaxError("expecting field name or embedded type")
        }
    }

    private mutating func tagOrNil() throws(GoLiteError) -> String? {
        guard kind == .literal else { return nil }
        let t = tok.text
        next()
        return t
    }

    private mutating func interfaceType() throws(GoLiteError) -> Expr {
        let p = pos
        try want(.kwInterface)
        try want(.lbrace)
        var elems: [InterfaceElem] = []
        while kind != .eof && kind != .rbrace {
            let ep = pos
            if kind == .name {
                let n = try name()
                if kind == .lparen {
                    elems.append(InterfaceElem(pos: ep, name: n, signature: try signature(), embedded: nil))
                } else if kind == .lbrack || (kind == .op && tok.op == .or) {
                    throw GoLiteError.unsupported(pos, L("generics"))
                } else {
                    var t = expr(n.pos, .name(n.name))
                    if kind == .dot {
                        let dp = pos
                        next()
                        t = expr(dp, .selector(t, try name()))
                    }
                    elems.append(InterfaceElem(pos: ep, name: nil, signature: nil, embedded: t))
                }
            } else if kind == .op && tok.op == .tilde {
                throw GoLiteError.unsupported(pos, L("generics"))
            } else {
                guard let t = try typeOrNil() else { throw syntaxError("expecting ~ term or type") }
                _ = t
                throw GoLiteError.unsupported(ep, L("generics"))
            }
            if kind == .op && tok.op == .or { throw GoLiteError.unsupported(pos, L("generics")) }
            if !got(.semi) && kind != .rbrace {
                throw syntaxError("in interface type; possibly missing semicolon or newline or }")
            }
        }
        try want(.rbrace)
        return expr(p, .interfaceType(elems))
    }

    /// `(params) results` — the `func` keyword is already consumed.
    private mutating func signature() throws(GoLiteError) -> Signature {
        let p = pos
        if kind == .lbrack { throw GoLiteError.unsupported(p, L("generics")) }
        try want(.lparen)
        let params = try paramList(close: .rparen)
        var results: [Param] = []
        if got(.lparen) {
            results = try paramList(close: .rparen)
        } else {
            let rp = pos
            if let t = try typeOrNil() {
                results = [Param(pos: rp, name: nil, type: t, variadic: false)]
            }
        }
        return Signature(pos: p, params: params, results: results)
    }

    /// A parameter list after its `(`, through the closing `)`. Go's rule:
    /// either every parameter has a name or none has; `a, b int` shares a type.
    private mutating func paramList(close: TokenKind) throws(GoLiteError) -> [Param] {
        struct Raw { var pos: Pos; var name: Ident?; var type: Expr?; var variadic: Bool }
        var list: [Raw] = []
        var named = 0, typed = 0
        while kind != .eof && kind != close {
            let p = pos
            var r = Raw(pos: p, name: nil, type: nil, variadic: false)
            if kind == .name {
                let n = try name()
                if kind == .dot {
                    let dp = pos
                    next()
                    r.type = expr(dp, .selector(expr(n.pos, .name(n.name)), try name()))
                } else if kind == .lbrack {
                    // `name []T` / `name [N]T`
                    r.name = n
                    r.type = try type()
                } else {
                    r.name = n
                    if kind == .dotDotDot {
                        next()
                        r.variadic = true
                        guard let t = try typeOrNil() else { throw syntaxError("... is missing type") }
                        r.type = t
                    } else {
                        r.type = try typeOrNil()
                    }
                }
            } else if kind == .dotDotDot {
                next()
                r.variadic = true
                guard let t = try typeOrNil() else { throw syntaxError("... is missing type") }
                r.type = t
            } else if let t = try typeOrNil() {
                r.type = t
            } else {
                throw syntaxError("expecting " + close.spelling)
            }
            if r.name != nil && r.type != nil { named += 1 }
            if r.type != nil { typed += 1 }
            list.append(r)
            if !got(.comma) && kind != close {
                throw syntaxError("in parameter list; possibly missing comma or " + close.spelling)
            }
        }
        try want(close)
        if list.isEmpty { return [] }
        var out: [Param] = []
        if named == 0 {
            // All unnamed: a lone name is a type name.
            for r in list {
                let t = r.type ?? expr(r.name!.pos, .name(r.name!.name))
                out.append(Param(pos: r.pos, name: nil, type: t, variadic: r.variadic))
            }
            return out
        }
        if named != list.count {
            // Some named: names without types take the type on their right.
            var typ: Expr? = nil
            var errPos: Pos? = nil
            var filled = list
            for i in stride(from: list.count - 1, through: 0, by: -1) {
                if let t = list[i].type {
                    typ = t
                    if list[i].name == nil { errPos = list[i].pos }
                } else if let t = typ {
                    filled[i].type = t
                } else {
                    errPos = list[i].pos
                }
            }
            if let e = errPos { throw GoLiteError.syntax(e, "mixed named and unnamed parameters") }
            list = filled
        }
        for r in list { out.append(Param(pos: r.pos, name: r.name, type: r.type!, variadic: r.variadic)) }
        return out
    }

    private mutating func name() throws(GoLiteError) -> Ident {
        guard kind == .name else { throw syntaxError("expecting name") }
        let t = tok
        next()
        return Ident(id: newID(), pos: t.pos, name: t.text)
    }

    // MARK: - Statements

    private mutating func block(context: String) throws(GoLiteError) -> Block {
        try enter()
        defer { leave() }
        let p = pos
        if !got(.lbrace) { throw syntaxError("expecting { after " + context) }
        let stmts = try stmtList()
        let rb = pos
        try want(.rbrace)
        return Block(pos: p, stmts: stmts, rbrace: rb)
    }

    private mutating func stmtList() throws(GoLiteError) -> [Stmt] {
        var list: [Stmt] = []
        while kind != .eof && kind != .rbrace && kind != .kwCase && kind != .kwDefault {
            guard let s = try stmtOrNil() else { break }
            list.append(s)
            if !got(.semi) && kind != .rbrace {
                throw syntaxError("at end of statement")
            }
        }
        return list
    }

    private mutating func stmtOrNil() throws(GoLiteError) -> Stmt? {
        try enter()
        defer { leave() }
        if kind == .name {
            let lhs = try exprList()
            if lhs.count == 1, case .name = lhs[0].kind, kind == .colon {
                throw GoLiteError.unsupported(lhs[0].pos, L("labels and goto"))
            }
            return try simpleStmt(lhs, keyword: nil)
        }
        switch kind {
        case .kwVar:
            let p = pos
            next()
            return .decl(pos: p, try group(Parser.varDecl))
        case .kwConst:
            let p = pos
            next()
            return .decl(pos: p, try group(Parser.constDecl))
        case .kwType:
            let p = pos
            next()
            return .decl(pos: p, try group(Parser.typeDecl))
        case .lbrace:
            return .block(try block(context: ""))
        case .op, .star:
            if let op = tok.op, [.add, .sub, .mul, .and, .xor, .not].contains(op) {
                return try simpleStmt(nil, keyword: nil)
            }
            if tok.op == .tilde { throw GoLiteError.unsupported(pos, L("generics")) }
            return nil
        case .literal, .kwFunc, .lparen, .lbrack, .kwStruct, .kwMap, .kwChan, .kwInterface, .arrow:
            return try simpleStmt(nil, keyword: nil)
        case .kwFor:
            return try forStmt()
        case .kwSwitch:
            return try switchStmt()
        case .kwSelect:
            throw GoLiteError.unsupported(pos, L("select statements"))
        case .kwIf:
            return .ifStmt(try ifStmt())
        case .kwFallthrough:
            let p = pos
            next()
            return .branch(pos: p, .fallthroughStmt)
        case .kwBreak, .kwContinue:
            let p = pos
            let b: BranchKind = kind == .kwBreak ? .breakStmt : .continueStmt
            next()
            if kind == .name { throw GoLiteError.unsupported(pos, L("labels and goto")) }
            return .branch(pos: p, b)
        case .kwGo, .kwDefer:
            let p = pos
            let isGo = kind == .kwGo
            next()
            let x = try primaryExpr(nil, keepParens: true)
            if case .paren = x.kind {
                throw GoLiteError(x.pos, "expression in " + (isGo ? "go" : "defer") + " must not be parenthesized", kind: .syntax)
            }
            guard case .call = x.kind else {
                throw GoLiteError(x.pos, "expression in " + (isGo ? "go" : "defer") + " must be function call", kind: .syntax)
            }
            return isGo ? .goStmt(pos: p, call: x) : .deferStmt(pos: p, call: x)
        case .kwGoto:
            throw GoLiteError.unsupported(pos, L("labels and goto"))
        case .kwReturn:
            let p = pos
            next()
            var results: [Expr] = []
            if kind != .semi && kind != .rbrace { results = try exprList() }
            return .returnStmt(pos: p, results: results)
        case .semi:
            return .empty(pos)
        default:
            return nil
        }
    }

    /// `keyword` is `.kwFor` inside a for header (where `range` may appear)
    /// and `.kwSwitch` inside a switch header (where `x := y.(type)` may).
    private mutating func simpleStmt(_ lhsIn: [Expr]?, keyword: TokenKind?) throws(GoLiteError) -> Stmt {
        if keyword == .kwFor && kind == .kwRange {
            return try rangeClause(lhs: [], define: false, assignPos: pos)
        }
        let lhs: [Expr]
        if let lhsIn { lhs = lhsIn } else { lhs = try exprList() }
        if lhs.count == 1 && kind != .assign && kind != .define {
            let p = pos
            switch kind {
            case .assignOp:
                let op = tok.op!
                next()
                let rhs = try parseExpr()
                return .assign(AssignStmt(pos: p, op: op, define: false, lhs: lhs, rhs: [rhs]))
            case .incOp:
                let op = tok.op!
                next()
                return .incDec(pos: p, op: op, target: lhs[0])
            case .arrow:
                next()
                let v = try parseExpr()
                return .send(pos: p, chan: lhs[0], value: v)
            default:
                return .expr(lhs[0])
            }
        }
        switch kind {
        case .assign, .define:
            let p = pos
            let define = kind == .define
            next()
            if keyword == .kwFor && kind == .kwRange {
                return try rangeClause(lhs: lhs, define: define, assignPos: p)
            }
            let rhs = try exprList()
            return .assign(AssignStmt(pos: p, op: nil, define: define, lhs: lhs, rhs: rhs))
        default:
            throw syntaxError("expecting := or = or comma")
        }
    }

    /// Range clauses are returned as a placeholder `.rangeStmt` with an
    /// empty body; `forStmt` fills the body in.
    private mutating func rangeClause(lhs: [Expr], define: Bool, assignPos: Pos) throws(GoLiteError) -> Stmt {
        let rp = pos
        next() // range
        let x = try parseExpr()
        if lhs.count > 2 {
            throw GoLiteError.syntax(lhs[2].pos, "range clause permits at most two iteration variables")
        }
        return .rangeStmt(RangeStmt(pos: rp, rangePos: rp, key: lhs.first, value: lhs.count > 1 ? lhs[1] : nil,
                                    define: define, x: x, body: Block(pos: rp, stmts: [], rbrace: rp)))
    }

    /// The header of `if`, `for` or `switch`: init; cond; post.
    private mutating func header(_ keyword: TokenKind) throws(GoLiteError) -> (Stmt?, Stmt?, Stmt?) {
        if kind == .lbrace {
            if keyword == .kwIf { throw syntaxError("missing condition in if statement") }
            return (nil, nil, nil)
        }
        let outer = xnest
        xnest = -1
        defer { xnest = outer }
        var initStmt: Stmt? = nil
        if kind != .semi {
            if kind == .kwVar {
                next()
                throw syntaxError("var declaration not allowed in " + (keyword == .kwFor ? "for" : keyword == .kwIf ? "if" : "switch") + " initializer")
            }
            initStmt = try simpleStmt(nil, keyword: keyword)
            if case .rangeStmt? = initStmt { return (initStmt, nil, nil) }
        }
        var condStmt: Stmt? = nil
        var post: Stmt? = nil
        var semi: Token? = nil
        if kind != .lbrace {
            if kind == .semi {
                semi = tok
                next()
            } else {
                try want(.lbrace)
            }
            if keyword == .kwFor {
                if kind != .semi {
                    if kind == .lbrace { throw syntaxError("expecting for loop condition") }
                    condStmt = try simpleStmt(nil, keyword: nil)
                }
                try want(.semi)
                if kind != .lbrace {
                    post = try simpleStmt(nil, keyword: nil)
                    if case .assign(let a)? = post, a.define {
                        throw GoLiteError.syntax(a.pos, "cannot declare in post statement of for loop")
                    }
                }
            } else if kind != .lbrace {
                condStmt = try simpleStmt(nil, keyword: keyword)
            }
        } else {
            condStmt = initStmt
            initStmt = nil
        }
        if condStmt == nil, keyword == .kwIf, let s = semi {
            if s.text != "semicolon" {
                throw GoLiteError.syntax(s.pos, "unexpected " + s.text + ", expecting { after if clause")
            }
            throw GoLiteError.syntax(s.pos, "missing condition in if statement")
        }
        return (initStmt, condStmt, post)
    }

    /// The condition of an `if`/`for` must be an expression, not a statement.
    private func condition(_ s: Stmt?) throws(GoLiteError) -> Expr? {
        guard let s else { return nil }
        switch s {
        case .expr(let e): return e
        case .assign(let a) where a.op == nil && !a.define:
            throw GoLiteError.syntax(a.pos, "cannot use assignment (" + Printer.exprs(a.lhs) + ") = (" + Printer.exprs(a.rhs) + ") as value")
        default:
            throw GoLiteError.syntax(s.pos, "cannot use " + Printer.stmt(s) + " as value")
        }
    }

    private mutating func ifStmt() throws(GoLiteError) -> IfStmt {
        let p = pos
        try want(.kwIf)
        let (initStmt, condStmt, _) = try header(.kwIf)
        guard let cond = try condition(condStmt) else { throw syntaxError("missing condition in if statement") }
        let then = try block(context: "if clause")
        var elseStmt: Stmt? = nil
        if got(.kwElse) {
            switch kind {
            case .kwIf:
                // An else-if chain nests like blocks do.
                try enter()
                defer { leave() }
                elseStmt = .ifStmt(try ifStmt())
            case .lbrace: elseStmt = .block(try block(context: ""))
            default: throw syntaxError("else must be followed by if or statement block")
            }
        }
        return IfStmt(pos: p, initStmt: initStmt, cond: cond, then: then, elseStmt: elseStmt)
    }

    private mutating func forStmt() throws(GoLiteError) -> Stmt {
        let p = pos
        try want(.kwFor)
        let (initStmt, condStmt, post) = try header(.kwFor)
        if case .rangeStmt(var r)? = initStmt {
            r.pos = p
            r.body = try block(context: "for clause")
            return .rangeStmt(r)
        }
        let cond = try condition(condStmt)
        let body = try block(context: "for clause")
        return .forStmt(ForStmt(pos: p, initStmt: initStmt, cond: cond, post: post, body: body))
    }

    private mutating func switchStmt() throws(GoLiteError) -> Stmt {
        let p = pos
        try want(.kwSwitch)
        let (initStmt, tagStmt, _) = try header(.kwSwitch)
        if !got(.lbrace) { throw syntaxError("missing { after switch clause") }
        var clauses: [CaseClause] = []
        while kind != .eof && kind != .rbrace {
            let cp = pos
            var exprs: [Expr]? = nil
            switch kind {
            case .kwCase:
                next()
                exprs = try exprList()
            case .kwDefault:
                next()
            default:
                throw syntaxError("expecting case or default or }")
            }
            let colon = pos
            try want(.colon)
            let body = try stmtList()
            clauses.append(CaseClause(pos: cp, exprs: exprs, colon: colon, body: body))
        }
        let rb = pos
        try want(.rbrace)
        // A type switch: `switch x.(type)` or `switch v := x.(type)`.
        switch tagStmt {
        case .expr(let e)?:
            if case .typeAssert(let x, nil) = e.kind {
                return .typeSwitch(TypeSwitchStmt(pos: p, initStmt: initStmt, binding: nil, guardExpr: e, x: x, clauses: clauses, rbrace: rb))
            }
            return .switchStmt(SwitchStmt(pos: p, initStmt: initStmt, tag: e, clauses: clauses, rbrace: rb))
        case .assign(let a)? where a.define && a.lhs.count == 1 && a.rhs.count == 1:
            if case .typeAssert(let x, nil) = a.rhs[0].kind, case .name(let n) = a.lhs[0].kind {
                let binding = Ident(id: a.lhs[0].id, pos: a.lhs[0].pos, name: n)
                return .typeSwitch(TypeSwitchStmt(pos: p, initStmt: initStmt, binding: binding, guardExpr: a.rhs[0], x: x, clauses: clauses, rbrace: rb))
            }
            throw GoLiteError.syntax(a.pos, "cannot use " + Printer.stmt(.assign(a)) + " as value")
        case nil:
            return .switchStmt(SwitchStmt(pos: p, initStmt: initStmt, tag: nil, clauses: clauses, rbrace: rb))
        case let s?:
            _ = try condition(s)
            return .switchStmt(SwitchStmt(pos: p, initStmt: initStmt, tag: nil, clauses: clauses, rbrace: rb))
        }
    }
}
