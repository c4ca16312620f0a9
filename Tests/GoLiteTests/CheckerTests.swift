import Testing
@testable import GoLite

@Suite struct CheckerTests {
    /// Two preludes the error cases are appended to (the same text was given to Go).
    static let preludeA = "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\ntype T struct{ a int }\n\ntype I interface{ M() }\n\nfunc two() (int, int) { return 1, 2 }\n\n"
    static let preludeB = "package main\n\nimport \"fmt\"\n\nvar _ = fmt.Sprint\n\ntype T struct{ a int }\n\nfunc (t *T) P() {}\n\ntype I interface{ M() }\n\nfunc two() (int, int) { return 1, 2 }\n\n"

    func firstError(_ src: String) -> String? {
        do { _ = try Program.check(src); return nil } catch { return error.description }
    }

    @Test func typeErrorsMatchGo() {
        // Each expectation is the first line Go 1.19's `go build` printed for the same program.
        let cases: [(String, String, String)] = [
            ("A", "func main() {\n\tx := y\n}", "14:7: undefined: y"),
            ("A", "func main() {\n\tx := 1\n}", "14:2: x declared but not used"),
            ("A", "func main() {\n\tvar s string = 1\n\t_ = s\n}", "14:17: cannot use 1 (untyped int constant) as string value in variable declaration"),
            ("A", "func main() {\n\tx := 1\n\tvar s string = x\n\t_ = s\n}", "15:17: cannot use x (variable of type int) as type string in variable declaration"),
            ("A", "func f() int {\n}", "14:1: missing return"),
            ("A", "func main() {\n\tf(1)\n}\nfunc f() {}", "14:4: too many arguments in call to f"),
            ("A", "func main() {\n\tf()\n}\nfunc f(a int) {}", "14:2: not enough arguments in call to f"),
            ("A", "func main() {\n\t_ = 1 + \"a\"\n}", "14:6: invalid operation: 1 + \"a\" (mismatched types untyped int and untyped string)"),
            ("A", "func main() {\n\tx, y := 1, \"a\"\n\t_ = x + y\n}", "15:6: invalid operation: x + y (mismatched types int and string)"),
            ("A", "func main() {\n\tx := 1\n\tx + 1\n}", "15:2: x + 1 (value of type int) is not used"),
            ("A", "func main() {\n\ta, b := 1\n\t_, _ = a, b\n}", "14:10: assignment mismatch: 2 variables but 1 value"),
            ("A", "func main() {\n\ta := 1\n\ta := 2\n\t_ = a\n}", "15:4: no new variables on left side of :="),
            ("A", "func main() {\n\tt := T{}\n\t_ = t.b\n}", "15:8: t.b undefined (type T has no field or method b)"),
            ("A", "func main() {\n\tif 1 {\n\t}\n}", "14:5: non-boolean condition in if statement"),
            ("A", "func main() {\n\tvar i I = T{}\n\t_ = i\n}", "14:12: cannot use T{} (value of type T) as type I in variable declaration:"),
            ("A", "func main() {\n\tx := two()\n\t_ = x\n}", "14:7: assignment mismatch: 1 variable but two returns 2 values"),
            ("A", "func main() {\n\tvar x int\n\t_ = append(x, 1)\n}", "15:13: first argument to append must be a slice; have x (variable of type int)"),
            ("A", "func main() {\n\tf := 1\n\tf()\n}", "15:2: invalid operation: cannot call non-function f (variable of type int)"),
            ("A", "func main() {\n\treturn 1\n}", "14:9: too many return values"),
            ("A", "func f() (int, string) {\n\treturn 1\n}", "14:9: not enough return values"),
            ("A", "func main() {\n\tvar x int = nil\n\t_ = x\n}", "14:14: cannot use nil as int value in variable declaration"),
            ("A", "func main() {\n\tx := []int{}\n\t_ = x[\"a\"]\n}", "15:8: cannot convert \"a\" (untyped string constant) to int"),
            ("A", "func main() {\n\tfor i := range 10 {\n\t\t_ = i\n\t}\n}", "14:17: cannot range over 10 (untyped int constant)"),
            ("A", "func main() {\n\tbreak\n}", "14:2: break is not in a loop, switch, or select"),
            ("A", "func main() {\n\tvar x int\n\tx.y = 1\n}", "15:4: x.y undefined (type int has no field or method y)"),
            ("A", "func main() {\n\t_ = T{1, 2}\n}", "14:11: too many values in T{…}"),
            ("A", "func main() {\n\t_ = T{b: 1}\n}", "14:8: unknown field 'b' in struct literal of type T"),
            ("A", "func main() {\n\tvar p *int\n\t_ = p + 1\n}", "15:10: cannot convert 1 (untyped int constant) to *int"),
            ("A", "func main() {\n\t1 = 2\n}", "14:2: cannot assign to 1 (untyped int constant)"),
            ("A", "func main() {\n\t_ = x\n}\nvar x = x", "16:5: initialization loop for x"),
            ("A", "type R struct{ r R }", "13:6: invalid recursive type R"),
            ("A", "func (t T) a() {}", "13:12: field and method with the same name a"),
            ("A", "func main() {\n\t_ = fmt.Foo\n}", "14:10: undefined: fmt.Foo"),
            ("A", "func main() {\n\tfmt.Println(\"a\",)\n\tvar u uint8 = 300\n\t_ = u\n}", "15:16: cannot use 300 (untyped int constant) as uint8 value in variable declaration (overflows)"),
            ("A", "func main() {\n\ts := \"a\"\n\ts[0] = 1\n}", "15:2: cannot assign to s[0] (value of type byte)"),
            ("A", "func main() {\n\tvar x interface{} = 1\n\t_ = x.(int) + x\n}", "15:6: invalid operation: x.(int) + x (mismatched types int and interface{})"),
            ("A", "func main() {\n\t_ = len(1)\n}", "14:10: invalid argument: 1 (untyped int constant) for len"),
            ("A", "func main() {\n\tm := map[T]int{}\n\tm[1] = 2\n}", "15:4: cannot use 1 (untyped int constant) as T value in map index"),
            ("A", "func main() {\n\tch := make(chan<- int)\n\t<-ch\n}", "15:4: invalid operation: cannot receive from send-only channel ch (variable of type chan<- int)"),
            ("A", "func main() {\n\tvar f func()\n\t_ = f == f\n}", "15:6: invalid operation: f == f (func can only be compared to nil)"),
            ("B", "func main() {\n\ta, b := 1, 2, 3\n\t_, _ = a, b\n}", "16:10: assignment mismatch: 2 variables but 3 values"),
            ("B", "func main() {\n\tvar a, b int = 1\n\t_, _ = a, b\n}", "16:17: assignment mismatch: 2 variables but 1 value"),
            ("B", "func main() {\n\tT{}.P()\n}", "16:6: cannot call pointer method P on T"),
            ("B", "func main() {\n\tvar t T\n\tvar i I = t\n\t_ = i\n}", "17:12: cannot use t (variable of type T) as type I in variable declaration:"),
            ("B", "func main() {\n\tx := 5\n\tx()\n}", "17:2: invalid operation: cannot call non-function x (variable of type int)"),
            ("B", "func main() {\n\tvar s []int\n\ts.x = 1\n}", "17:4: s.x undefined (type []int has no field or method x)"),
            ("B", "func f(x int) int {\n\tswitch {\n\tcase x > 0:\n\t\treturn 1\n\t}\n}\nfunc main() {}", "20:1: missing return"),
            ("B", "func main() {\n\tvar x uint = -1\n\t_ = x\n}", "16:15: cannot use -1 (untyped int constant) as uint value in variable declaration (overflows)"),
            ("B", "func main() {\n\tconst c = 10\n\tc = 5\n}", "17:2: cannot assign to c (untyped int constant 10)"),
            ("B", "func main() {\n\tm := map[string]int{}\n\tm.x = 1\n}", "17:4: m.x undefined (type map[string]int has no field or method x)"),
            ("B", "func main() {\n\tvar p *T\n\tp.a = 1\n\t_ = p.b\n}", "18:8: p.b undefined (type *T has no field or method b)"),
            ("B", "func main() {\n\tx := []int{1,2,3}\n\t_ = x[5]\n\ty := [3]int{}\n\t_ = y[5]\n}", "19:8: invalid argument: index 5 out of bounds [0:3]"),
            ("B", "func main() {\n\tvar f float64 = 1.5\n\tvar i int = f\n\t_ = i\n}", "17:14: cannot use f (variable of type float64) as type int in variable declaration"),
            ("B", "func main() {\n\tch := make(chan int)\n\tch <- \"x\"\n}", "17:8: cannot use \"x\" (untyped string constant) as int value in send"),
            ("B", "func main() {\n\ts := \"abc\"\n\tfor i, c := range s {\n\t\t_ = i + c\n\t}\n}", "18:7: invalid operation: i + c (mismatched types int and rune)"),
            ("B", "func main() {\n\tgo fmt.Println\n}", "16:8: expression in go must be function call"),
            ("B", "func main() {\n\tdefer int(1)\n}", "16:8: defer requires function call, not conversion int(1) (constant 1 of type int)"),
            ("B", "func main() {\n\t_ = append()\n}", "16:6: invalid operation: not enough arguments for append() (expected 1, found 0)"),
        ]
        for (prelude, body, want) in cases {
            let src = (prelude == "A" ? Self.preludeA : Self.preludeB) + body + "\n"
            // Go continues some messages on indented lines (have/want); the first line must match.
            #expect(firstError(src)?.split(separator: "\n").first.map(String.init) == want, "\(body)")
        }
    }

    @Test func typesOfExpressions() throws {
        let p = try Program.check("""
        package main

        type point struct{ x, y int }

        func main() {
        \tp := &point{1, 2}
        \tb := []byte("hi")
        \tr := 'x'
        \tf := 1.5
        \tm := map[string][]int{}
        \tvar i any = p
        \t_, _, _, _, _, _ = p, b, r, f, m, i
        }
        """)
        var types: [String: String] = [:]
        for o in p.info.objects where o.kind == .variable && o.storage == .local { types[o.name] = o.type.description }
        #expect(types == ["p": "*point", "b": "[]byte", "r": "rune", "f": "float64", "m": "map[string][]int", "i": "any"])
    }

    @Test func constantsAreFoldedAndTyped() throws {
        let p = try Program.check("""
        package main

        const (
        \tKiB = 1 << (10 * (iota + 1))
        \tMiB
        )

        const greeting = "hello, " + "world"

        func main() {
        \tvar small int8 = 100
        \t_ = small
        }
        """)
        let consts = p.info.objects.filter { $0.kind == .constant && $0.pos.isKnown }
        let values = Dictionary(uniqueKeysWithValues: consts.map { ($0.name, $0.constant!) })
        #expect(values["KiB"] == .int(1024))
        #expect(values["MiB"] == .int(1 << 20))
        #expect(values["greeting"]?.stringValue == "hello, world")
    }

    @Test func closuresRecordTheirCaptures() throws {
        let p = try Program.check("""
        package main

        func main() {
        \ta, b := 1, 2
        \tf := func() int {
        \t\tg := func() int { return a }
        \t\treturn g() + b
        \t}
        \t_ = f()
        }
        """)
        let literals = p.info.functions.filter(\.isLiteral)
        #expect(literals.map(\.name) == ["main.func1", "main.func1.1"])
        let names = literals.map { $0.captures.map { p.info.objects[$0].name } }
        #expect(names == [["a", "b"], ["a"]])
    }

    @Test func methodsAndEmbeddingAreResolved() throws {
        let p = try Program.check("""
        package main

        type base struct{ id int }

        func (b *base) ID() int { return b.id }

        type item struct {
        \tbase
        \tname string
        }

        func main() {
        \tit := item{}
        \t_ = it.ID() + it.id
        }
        """)
        #expect(p.info.functions.map(\.name) == ["(*base).ID", "main"])
        let methodSelections = p.info.selections.values.filter {
            if case .method(let path, _, let m, false) = $0 { return path == [0] && m.name == "ID" }
            return false
        }
        #expect(methodSelections.count == 1)
    }

    @Test func unsupportedFeaturesFoundByTheChecker() {
        #expect(firstError("package main\n\nimport \"os\"\n\nfunc main() { _ = os.Args }\n")
                == "3:8: not supported by GoLite: the package \"os\" (GoLite offers fmt and testing)")
        #expect(firstError("package main\n\ntype T struct{}\n\nfunc (T) M() {}\n\nfunc main() { _ = T.M }\n")
                == "7:20: not supported by GoLite: method expressions")
        #expect(firstError("package main\n\ntype A = int\n\nfunc main() {}\n")
                == "3:6: not supported by GoLite: type aliases")
        #expect(firstError("package main\n\nfunc main() { _ = complex(1, 2) }\n")
                == "3:19: not supported by GoLite: complex numbers")
    }
}
