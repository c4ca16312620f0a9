import Testing
@testable import GoLite

@Suite struct ParserTests {
    func parse(_ src: String) throws -> SourceFile { try Parser.parse(src) }

    /// The error for a program, as `LINE:COL: message`.
    func error(_ src: String) -> String? {
        do { _ = try Parser.parse(src); return nil } catch { return error.description }
    }

    func body(_ src: String) throws -> [Stmt] {
        let f = try parse("package main\n\nfunc main() {\n" + src + "\n}\n")
        guard case .funcDecl(let fn) = f.decls.last! else { Issue.record("no func"); return [] }
        return fn.body!.stmts
    }

    @Test func fileStructure() throws {
        let f = try parse("""
        package main

        import (
        \t"fmt"
        \t"testing"
        )

        type point struct {
        \tx, y int
        \tname string `json:"n"`
        }

        const (
        \ta = iota
        \tb
        )

        var global *point

        func (p *point) move(dx int) { p.x += dx }

        func main() { fmt.Println(a, b) }
        """)
        #expect(f.packageName.name == "main")
        #expect(f.imports.map(\.path) == ["fmt", "testing"])
        #expect(f.decls.count == 6)
        guard case .typeDecl(let t) = f.decls[0], case .structType(let fields) = t.type.kind else {
            Issue.record("expected a struct type"); return
        }
        #expect(fields.map { $0.names.map(\.name) } == [["x", "y"], ["name"]])
        #expect(fields[1].tag == "`json:\"n\"`")
        guard case .constDecl(let b) = f.decls[2] else { Issue.record("expected const"); return }
        #expect(b.iota == 1)
        #expect(b.inheritedFrom == 0)
        guard case .funcDecl(let m) = f.decls[4] else { Issue.record("expected method"); return }
        #expect(m.receiver?.name?.name == "p")
        #expect(m.name.name == "move")
        #expect(m.name.pos == Pos(line: 20, column: 17))
    }

    @Test func positionsFollowGo() throws {
        let stmts = try body("\tx := f(a)[i] + &T{1}\n\ty.z = <-ch")
        guard case .assign(let a) = stmts[0] else { Issue.record("assign"); return }
        #expect(a.pos == Pos(line: 4, column: 4))             // at :=
        let rhs = a.rhs[0]
        #expect(rhs.pos == Pos(line: 4, column: 15))          // binary at +
        guard case .binary(.add, let l, let r) = rhs.kind else { Issue.record("binary"); return }
        #expect(l.pos == Pos(line: 4, column: 11))            // index at [
        guard case .index(let call, _) = l.kind else { Issue.record("index"); return }
        #expect(call.pos == Pos(line: 4, column: 8))          // call at (
        #expect(r.pos == Pos(line: 4, column: 17))            // & at &
        guard case .unary(.and, let lit) = r.kind else { Issue.record("unary"); return }
        #expect(lit.pos == Pos(line: 4, column: 19))          // composite literal at {
        guard case .assign(let b) = stmts[1], case .selector(_, let z) = b.lhs[0].kind else { Issue.record("sel"); return }
        #expect(b.lhs[0].pos == Pos(line: 5, column: 3))      // selector at .
        #expect(z.pos == Pos(line: 5, column: 4))
    }

    @Test func statementsOfTheSubset() throws {
        let stmts = try body("""
        \tfor i := 0; i < 3; i++ {
        \t\tcontinue
        \t}
        \tfor k, v := range m {
        \t\t_, _ = k, v
        \t}
        \tfor x > 0 {
        \t\tbreak
        \t}
        \tswitch v := x.(type) {
        \tcase int, string:
        \tdefault:
        \t}
        \tswitch {
        \tcase a > 1:
        \t\tfallthrough
        \tdefault:
        \t}
        \tif err := f(); err != nil {
        \t} else if x {
        \t} else {
        \t}
        \tgo work(ch)
        \tdefer func() {}()
        \tch <- 1
        \tx++
        \ts += "a"
        \treturn
        """)
        let kinds: [String] = stmts.map {
            switch $0 {
            case .forStmt: "for"
            case .rangeStmt: "range"
            case .typeSwitch: "typeswitch"
            case .switchStmt: "switch"
            case .ifStmt: "if"
            case .goStmt: "go"
            case .deferStmt: "defer"
            case .send: "send"
            case .incDec: "incdec"
            case .assign: "assign"
            case .returnStmt: "return"
            default: "other"
            }
        }
        #expect(kinds == ["for", "range", "for", "typeswitch", "switch", "if", "go", "defer", "send", "incdec", "assign", "return"])
        guard case .rangeStmt(let r) = stmts[1] else { return }
        #expect(r.define)
        #expect(r.rangePos == Pos(line: 7, column: 14))
        guard case .typeSwitch(let ts) = stmts[3] else { return }
        #expect(ts.binding?.name == "v")
        #expect(ts.clauses.count == 2)
        #expect(ts.clauses[1].exprs == nil)
    }

    @Test func compositeLiteralsInHeadersNeedParentheses() throws {
        // As in Go, `T{` in an if header opens the block, so this is an error…
        #expect(error("package main\nfunc main() {\n\tif x == T{} {\n\t}\n}\n") != nil)
        // …and parentheses make it a literal.
        _ = try body("\tif x == (T{}) {\n\t}")
    }

    @Test func syntaxErrorsMatchGo() {
        // Each expectation was recorded from Go 1.19's compiler on the same text.
        let cases: [(String, String)] = [
            ("func main() {\n\tx := f(1,\n}", "5:1: syntax error: unexpected }, expecting expression"),
            ("x := 1", "3:1: syntax error: non-declaration statement outside function body"),
            ("func main() {\n\tif x := 1 {\n\t}\n}", "4:7: syntax error: cannot use x := 1 as value"),
            ("func main()\n{\n}", "4:1: syntax error: unexpected semicolon or newline before {"),
            ("func main() {\n\tif x == 1 {\n\t} else return\n}", "5:9: syntax error: else must be followed by if or statement block"),
            ("func f(a int, b) {}", "3:15: syntax error: mixed named and unnamed parameters"),
            ("func main() {\n\tx = = 2\n}", "4:6: syntax error: unexpected =, expecting expression"),
            ("func main() {\n\tgo func() {}\n}", "4:5: expression in go must be function call"),
            ("func main() {\n\tdefer (f())\n}", "4:8: expression in defer must not be parenthesized"),
            ("func main() {\n\tif x = 1; {\n\t}\n}", "4:10: syntax error: missing condition in if statement"),
            ("func main() {\n\tswitch x {\n\tfoo:\n\t}\n}", "5:2: syntax error: unexpected foo, expecting case or default or }"),
            ("func main() {\n\tfor i := 0; i < 10; i++ \n\t{\n\t}\n}", "4:26: syntax error: unexpected newline, expecting { after for clause"),
            ("func main() {\n\tx := []int{1, 2\n\t}\n}", "4:17: syntax error: unexpected newline in composite literal; possibly missing comma or }"),
            ("func main() {\n\tx := a[]\n}", "4:9: syntax error: unexpected ], expecting operand"),
            ("func main() {\n\tx := a.\n}", "5:1: syntax error: unexpected }, expecting name or ("),
            ("func main() {\n\tf(a b)\n}", "4:6: syntax error: unexpected b in argument list; possibly missing comma or )"),
            ("func main() {\n\tx, y\n}", "4:6: syntax error: unexpected newline, expecting := or = or comma"),
            ("func main() {\n\tfor i := 0; i < 3; j := 1 {\n\t}\n}", "4:23: syntax error: cannot declare in post statement of for loop"),
            ("func main() {\n\tif x == 1 {\n\t}\n\telse {\n\t}\n}", "6:2: syntax error: unexpected else, expecting }"),
            ("func main() {\n\tvar x := 1\n}", "4:8: syntax error: unexpected :=, expecting ="),
            ("func main() {\n\tfor x := range a, b {\n\t}\n}", "4:18: syntax error: unexpected comma, expecting { after for clause"),
            ("func () main() {}", "3:9: method has no receiver"),
            ("func main() {\n\tx := struct{ (a) }{}\n}", "4:15: syntax error: cannot parenthesize embedded type"),
            ("type T struct {\n\ta int,\n}", "4:7: syntax error: unexpected comma in struct type; possibly missing semicolon or newline or }"),
            ("type", "4:1: syntax error: unexpected EOF, expecting name"),
            ("func main() {\n\tx := map[string int{}\n}", "4:18: syntax error: unexpected int, expecting ]"),
            ("func main() {\n\tif x {\n\t}\n\tx := 1 2\n}", "6:9: syntax error: unexpected literal 2 at end of statement"),
            ("func main() {\n\tswitch {\n\tcase 1\n\t}\n}", "5:8: syntax error: unexpected newline, expecting :"),
            ("func f(a ...) {}", "3:13: syntax error: ... is missing type"),
            ("func main() {\n\tif {\n\t}\n}", "4:5: syntax error: missing condition in if statement"),
            ("var x int = ", "4:1: syntax error: unexpected EOF, expecting expression"),
            ("func main() {\n\tx := [3,]int{}\n}", "4:9: syntax error: unexpected comma; expecting ]"),
            ("func main() {\n\tif x := 1; x == 1; {\n\t}\n}", "4:19: syntax error: unexpected semicolon, expecting { after if clause"),
            ("func 1() {}", "3:6: syntax error: unexpected literal 1, expecting name or ("),
            ("func main() {\n\tx := 1\n\t_ = x.1\n}", "5:7: syntax error: unexpected literal .1 at end of statement"),
            ("func main() {\n\tx := a[1:2:]\n}", "4:13: final index required in 3-index slice"),
            ("func main() {\n\tx := a[1::3]\n}", "4:11: middle index required in 3-index slice"),
            ("func main() {\n\tfor k, v, w := range a {\n\t}\n}", "4:12: syntax error: range clause permits at most two iteration variables"),
            ("func main() {} func g() {}", "3:16: syntax error: unexpected func after top level declaration"),
            ("func main() {\n\tx := (T){}\n}", "4:10: syntax error: cannot parenthesize type in composite literal"),
            ("func main() {\n\tx := a[1 2]\n}", "4:11: syntax error: unexpected literal 2, expecting comma, : or ]"),
            ("type T struct {\n\t1\n}", "4:2: syntax error: unexpected literal 1, expecting field name or embedded type"),
            ("func main() {\n\tfor i := 0; {\n\t}\n}", "4:14: syntax error: unexpected {, expecting for loop condition"),
            ("var x map[string]", "3:18: syntax error: unexpected newline, expecting type"),
            ("var (\n\ta = 1\n\tb = 2 c\n)", "5:8: syntax error: unexpected c in grouped declaration; possibly missing semicolon or newline or )"),
            ("type I interface {\n\tM()\n\tN() int,\n}", "5:9: syntax error: unexpected comma in interface type; possibly missing semicolon or newline or }"),
            ("func f(a int b int) {}", "3:14: syntax error: unexpected b in parameter list; possibly missing comma or )"),
            ("type T", "3:7: syntax error: unexpected newline in type declaration"),
            ("var c chan", "4:1: syntax error: missing channel element type"),
            ("func main() {\n\tvar x <-<-chan int\n}", "4:10: syntax error: unexpected <-, expecting chan"),
            ("func main() {\n\tif var x = 1; x > 0 {\n\t}\n}", "4:9: syntax error: var declaration not allowed in if initializer"),
            ("func (a T, b T) f() {}", "3:17: method has multiple receivers"),
        ]
        for (src, want) in cases {
            #expect(error("package main\n\n" + src + "\n") == want, "\(src)")
        }
        #expect(error("main\n") == "1:1: syntax error: package statement must be first")
        #expect(error("package main\nfunc main() {}\nimport \"fmt\"\n") == "3:1: syntax error: imports must appear before other declarations")
        // (go build reports these two before its compiler runs, in words of its own.)
        #expect(error("package main\nimport 1\n") == "2:8: syntax error: import path must be a string")
        #expect(error("package main\nimport\n") == "3:1: syntax error: missing import path")
    }

    @Test func unsupportedFeaturesAreNamed() {
        let cases: [(String, String)] = [
            ("func f[T any](x T) T { return x }", "3:7: not supported by GoLite: generics"),
            ("type list[T any] []T", "3:11: not supported by GoLite: generics"),
            ("type number interface{ ~int | ~float64 }", "3:24: not supported by GoLite: generics"),
            ("func main() {\n\tselect {}\n}", "4:2: not supported by GoLite: select statements"),
            ("func main() {\nloop:\n\tfor {\n\t}\n}", "4:1: not supported by GoLite: labels and goto"),
            ("func main() {\n\tgoto end\n}", "4:2: not supported by GoLite: labels and goto"),
            ("func main() {\n\tfor {\n\t\tbreak outer\n\t}\n}", "5:9: not supported by GoLite: labels and goto"),
            ("func main() {\n\tx := 2i\n}", "4:7: not supported by GoLite: complex numbers"),
        ]
        for (src, want) in cases {
            #expect(error("package main\n\n" + src + "\n") == want, "\(src)")
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let parens = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        let e1 = error("package main\n\nvar x = " + parens + "\n")
        #expect(e1?.contains("nested too deeply") == true)
        let blocks = String(repeating: "{\n", count: 10_000) + String(repeating: "}\n", count: 10_000)
        let e2 = error("package main\n\nfunc main() {\n" + blocks + "}\n")
        #expect(e2?.contains("nested too deeply") == true)
        let unary = String(repeating: "!", count: 10_000) + "true"
        #expect(error("package main\n\nvar x = " + unary + "\n")?.contains("nested too deeply") == true)
        let calls = String(repeating: "f(", count: 10_000) + String(repeating: ")", count: 10_000)
        #expect(error("package main\n\nvar x = " + calls + "\n")?.contains("nested too deeply") == true)
        // Long left-leaning chains build deep trees too.
        let sum = Array(repeating: "1", count: 10_000).joined(separator: " + ")
        #expect(error("package main\n\nvar x = " + sum + "\n")?.contains("nested too deeply") == true)
        let elses = "if x {\n} " + String(repeating: "else if x {\n} ", count: 10_000)
        #expect(error("package main\n\nfunc main() {\n" + elses + "\n}\n")?.contains("nested too deeply") == true)
        let chain = "x" + String(repeating: ".f()", count: 10_000)
        #expect(error("package main\n\nvar y = " + chain + "\n")?.contains("nested too deeply") == true)
    }

    @Test func syntaxPrinterMatchesGoShortForm() throws {
        let stmts = try body("\t_ = (1<<10)*4 + len(s[1:]) - T{1}.x + f(a, b...)")
        guard case .assign(let a) = stmts[0] else { return }
        #expect(Printer.expr(a.rhs[0]) == "(1 << 10) * 4 + len(s[1:]) - T{…}.x + f(a, b...)")
    }
}
