import Testing
@testable import GoLite

@Suite struct LexerTests {
    func kinds(_ src: String) throws -> [TokenKind] {
        try Lexer.tokenize(src).map(\.kind)
    }

    func error(_ src: String) -> GoLiteError? {
        do { _ = try Lexer.tokenize(src); return nil } catch { return error }
    }

    @Test func positionsCountBytesAndTabsAsOneColumn() throws {
        let toks = try Lexer.tokenize("package main\n\tx := \"é\" + y\n")
        let x = toks.first { $0.text == "x" }!
        #expect(x.pos == Pos(line: 2, column: 2))
        let y = toks.first { $0.text == "y" }!
        // "é" is two bytes, so y sits two columns further than the characters suggest.
        #expect(y.pos == Pos(line: 2, column: 14))
        let plus = toks.first { $0.kind == .op && $0.op == .add }!
        #expect(plus.pos == Pos(line: 2, column: 12))
    }

    @Test func semicolonsAreInsertedWhereGoInsertsThem() throws {
        let toks = try Lexer.tokenize("x++\nreturn\nf(a,\nb)\n")
        let semis = toks.filter { $0.kind == .semi }
        // after x++, after return, after b) — not after "a,".
        #expect(semis.count == 3)
        #expect(semis.allSatisfy { $0.text == "newline" })
        #expect(semis[0].pos == Pos(line: 1, column: 4))
        let eof = try Lexer.tokenize("x")
        #expect(eof.map(\.kind) == [.name, .semi, .eof])
        #expect(eof[1].text == "EOF")
    }

    @Test func commentsVanishButEndLines() throws {
        #expect(try kinds("a // note\nb") == [.name, .semi, .name, .semi, .eof])
        #expect(try kinds("a /* one\ntwo */ b") == [.name, .semi, .name, .semi, .eof])
        #expect(try kinds("a /* inline */ b") == [.name, .name, .semi, .eof])
    }

    @Test func operatorsAndKeywords() throws {
        let toks = try Lexer.tokenize("x &^= y << 2 && <-ch != nil ... := func chan")
        #expect(toks.map(\.kind) == [.name, .assignOp, .name, .op, .literal, .op, .arrow, .name, .op, .name,
                                     .dotDotDot, .define, .kwFunc, .kwChan, .eof])
        #expect(toks[1].op == .andNot)
        #expect(toks[3].op == .shl)
        #expect(toks[5].op == .andAnd)
    }

    @Test func literalsKeepTheirText() throws {
        let toks = try Lexer.tokenize("0x_1F 1_000 0o17 0b101 3.5e2 .5 'a' '\\n' \"a\\tb\" `raw\\n`")
        #expect(toks.prefix(10).map(\.text) == ["0x_1F", "1_000", "0o17", "0b101", "3.5e2", ".5", "'a'", "'\\n'", "\"a\\tb\"", "`raw\\n`"])
        #expect(toks[4].literalKind == .float)
        #expect(toks[6].literalKind == .rune)
        #expect(Literals.integer("0x_1F") == 31)
        #expect(Literals.integer("0o17") == 15)
        #expect(Literals.integer("017") == 15)
        #expect(Literals.rune("'\\n'") == 10)
        #expect(try Literals.string("\"a\\tb\\u00e9\"") == "a\tbé")
        #expect(try Literals.stringBytes("\"\\xff\"") == [0xFF])
        #expect(try Literals.string("`raw\\n`") == "raw\\n")
    }

    @Test func scannerErrorsReadLikeGo() {
        #expect(error("x := @")?.description == "1:6: invalid character U+0040 '@'")
        #expect(error("x := \"abc\n")?.description == "1:10: newline in string")
        #expect(error("x := 'ab'")?.description == "1:6: more than one character in rune literal")
        #expect(error("x := ''")?.description == "1:7: empty rune literal or unescaped '")
        #expect(error("x := 0x")?.description == "1:8: hexadecimal literal has no digits")
        #expect(error("x := 09")?.description == "1:7: invalid digit '9' in octal literal")
        #expect(error("/* abc")?.description == "1:1: comment not terminated")
        #expect(error("x := \"a\\qb\"")?.description == "1:9: unknown escape")
        #expect(error("x := `abc")?.description == "1:6: string not terminated")
        #expect(error("x := 1__0")?.description == "1:8: '_' must separate successive digits")
        #expect(error("x := 0b12")?.description == "1:9: invalid digit '2' in binary literal")
        #expect(error("x := 1e")?.description == "1:8: exponent has no digits")
        #expect(error("x := 0x1.5")?.description == "1:11: hexadecimal mantissa requires a 'p' exponent")
        #expect(error("x := \"\\400\"")?.description == "1:11: octal escape value 256 > 255")
        #expect(error("x := '\\xZ1'")?.description == "1:9: invalid character 'Z' in hexadecimal escape")
        #expect(error("x := 'a")?.description == "1:6: rune literal not terminated")
        #expect(error("x := 'a\n'")?.description == "1:8: newline in rune literal")
    }
}
