import Testing
import TextKit
@testable import Book
@testable import Grader

func parse(_ text: String, file: String = "l.md") -> (Lesson?, [Diagnostic]) {
    var parser = LessonParser(file: file)
    let lesson = parser.parse(text)
    return (lesson, parser.diagnostics)
}

let fullLesson = """
---
id: sample
title: A sample
sim: asm
---

# A sample

Opening words.

## Second step

Task text.

```exercise id=ex-one
mov r0, 1
```

```check id=ex-one
# a comment
reg.r0 == 2 => "r0 is {reg.r0}"
steps > 0
```

```hint id=ex-one
First *hint*.
```

```hint id=ex-one
Second hint.
```

```solution id=ex-one
mov r0, 2
```

```quiz id=q-one
? Pick b.
( ) a   ! wrong
(x) b
> because
```

## Third step

```sim sim=asm
mov r1, 3
```

```go
package main
```

```go file=go/hello.go
```

```text
an ordinary block
```
"""

@Suite struct LessonParserTests {
    @Test func readsFrontMatterStepsAndEveryDirective() throws {
        let (lesson, diagnostics) = parse(fullLesson)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let l = try #require(lesson)
        #expect(l.id == "sample")
        #expect(l.title == "A sample")
        #expect(l.sim == "asm")
        #expect(l.steps.count == 3)
        #expect(l.steps[1].title == "Second step")
        #expect(l.steps[1].line == 11)
        let ex = try #require(l.exercise("ex-one"))
        #expect(ex.step == 1)
        #expect(ex.sim == "asm")
        #expect(ex.setup.map(\.text) == ["mov r0, 1"])
        #expect(ex.setup.first?.line == 16)
        #expect(ex.checks.map(\.source) == ["reg.r0 == 2", "steps > 0"])
        #expect(ex.checks.first?.line == 2)
        #expect(ex.checkBlocks.first?.origin.location.line == 19)
        #expect(ex.hints == ["First *hint*.", "Second hint."])
        #expect(ex.solution?.map(\.text) == ["mov r0, 2"])
        let quiz = try #require(l.quiz("q-one"))
        #expect(quiz.quiz.kind == .single)
        #expect(quiz.quiz.choices.map(\.text) == ["a", "b"])
        #expect(quiz.quiz.choices[0].feedback == "wrong")
        #expect(quiz.quiz.explanation == "because")
        #expect(l.demos.count == 1)
        #expect(l.fileReferences.map(\.path) == ["go/hello.go"])
        // Step 3: a demo, two go blocks, an ordinary code block as prose.
        let kinds = l.steps[2].blocks.map { block -> String in
            switch block {
            case .prose: "prose"
            case .demo: "demo"
            case .goCode(_, let file): file == nil ? "go" : "go-file"
            case .exercise: "exercise"
            case .quiz: "quiz"
            }
        }
        #expect(kinds == ["prose", "demo", "go", "go-file", "prose"])
    }

    @Test func frontMatterErrorsArePositioned() {
        let cases: [(String, Int, Int, String)] = [
            ("# no front matter\n", 1, 1, "front matter"),
            ("---\nid: x\n", 1, 1, "never ends"),
            ("---\nid: x\ntitel: T\n---\n", 3, 1, "did you mean `title`"),
            ("---\nid: X Y\ntitle: T\n---\n", 2, 1, "not a valid id"),
            ("---\ntitle: T\n---\n", 1, 1, "needs an `id`"),
            ("---\nid: x\n---\n", 1, 1, "needs a `title`"),
            ("---\nid: x\ntitle: [a, b\n---\n", 4, 1, "invalid front matter"),
        ]
        for (text, line, column, fragment) in cases {
            let (_, diagnostics) = parse(text)
            let d = diagnostics.first { $0.message.contains(fragment) || ($0.hint ?? "").contains(fragment) }
            #expect(d != nil, "\(fragment): \(diagnostics)")
            #expect(d?.location.line == line, "\(fragment)")
            if fragment != "invalid front matter" { #expect(d?.location.column == column, "\(fragment)") }
        }
    }

    @Test func directiveErrorsArePositioned() {
        let head = "---\nid: x\ntitle: T\nsim: asm\n---\n"
        let cases: [(String, Int, Int, String)] = [
            ("```exercize id=a\n```\n", 6, 4, "unknown directive `exercize`"),
            ("```exercise\n```\n", 6, 4, "needs an id"),
            ("```exercise id=a colour=x\n```\n```check id=a\ntrue\n```\n```solution id=a\n```\n", 6, 18, "does not take `colour`"),
            ("```exercise id=Bad\n```\n", 6, 13, "not a valid id"),
            ("```check id=nope\nsteps == 1\n```\n", 6, 1, "belongs to no exercise"),
            ("```exercise id=a\n```\n```check id=a\nsteps = 1\n```\n```solution id=a\n```\n", 9, 7, "compare with `==`"),
            ("```exercise id=a\n```\n```check id=a\nsteps == 1 => oops\n```\n```solution id=a\n```\n", 9, 15, "double quotes"),
            ("```exercise id=a\n```\n```solution id=a\n```\n", 6, 1, "no ```check"),
            ("```exercise id=a\n```\n```check id=a\nsteps == 1\n```\n", 6, 1, "no ```solution"),
            ("```quiz id=q\n? Q\n( ) a\n( ) b\n```\n", 8, 1, "exactly one correct"),
            ("```quiz id=q\n( ) a\n(x) b\n```\n", 7, 1, "no question"),
            ("```quiz id=q\n? Q\n( ) a\n[x] b\n```\n", 7, 1, "not a mix"),
            ("```quiz id=q\nstray\n? Q\n= 1\n```\n", 7, 1, "a quiz line starts"),
            ("```quiz id=q\n? Q\n= /[/\n```\n", 8, 3, "regular expression"),
            ("```exercise id=a\n```\n```exercise id=a\n```\n", 8, 13, "already used on line 6"),
            ("```exercise id=a\nmov r0, 1\n", 6, 1, "never closed"),
        ]
        for (body, line, column, fragment) in cases {
            let (_, diagnostics) = parse(head + body)
            let d = diagnostics.first { $0.description.contains(fragment) }
            #expect(d != nil, "\(fragment): \(diagnostics)")
            #expect(d?.location.line == line, "\(fragment): \(String(describing: d))")
            #expect(d?.location.column == column, "\(fragment): \(String(describing: d))")
        }
    }

    @Test func ordinaryCodeBlocksAreNotDirectives() throws {
        let (lesson, diagnostics) = parse("---\nid: x\ntitle: T\n---\n```text\nexercise id=a\n```\n```go\nx := 1\n```\n```\nplain\n```\n")
        #expect(diagnostics.isEmpty)
        #expect(lesson?.exercises.isEmpty == true)
    }

    @Test func controlCharactersInLessonsAreNeutralised() throws {
        let (lesson, _) = parse("---\nid: x\ntitle: T\u{1B}[2J\n---\nHello \u{1B}]0;owned\u{07} there\n")
        let l = try #require(lesson)
        #expect(!l.title.contains("\u{1B}"))
        guard case .prose(let text) = l.steps[0].blocks[0] else { Issue.record("no prose"); return }
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(text.contains("^["))
    }

    @Test func blockVerbBodiesKeepTheirIndentation() throws {
        let (lesson, _) = parse("---\nid: x\ntitle: T\nsim: escape\n---\n```exercise id=a\ncode\n\tx := 1\n.\n```\n```check id=a\ntrue == false\n```\n```solution id=a\n```\n")
        #expect(lesson?.exercise("a")?.setup.map(\.text) == ["code", "\tx := 1", "."])
    }
}
