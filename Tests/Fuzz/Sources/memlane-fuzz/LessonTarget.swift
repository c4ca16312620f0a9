import Book
import Foundation
import Terminal
import TextKit
import Tutor

/// Random Markdown as a lesson: the renderer on its own, then the whole
/// book path — BookLoader (SUMMARY.md, front matter, steps, directives),
/// lint (which runs setups, solutions and checks), and a session that
/// walks every step and tries `check`, `hint`, `answer` and `solution`.
/// Input: the lesson, optionally followed by NUL and a SUMMARY.md.
enum LessonTarget {
    static let summary = "---\nid: fuzz\ntitle: Fuzz\n---\n\n- [Lesson](lesson.md)\n"
    /// Replies a walk may ask for; a book of a thousand steps is not walked to the end.
    static let maxReplies = 40

    static var target: FuzzTarget {
        FuzzTarget(name: "lesson", dictionary: [
            "---\n", "id: ", "title: ", "sim: ", "asm", "arena", "greentea", "\n## ", "# ", "\n```", "```\n", "~~~",
            "exercise id=", "check id=", "hint id=", "solution id=", "quiz id=", "sim sim=", "go", "go file=", " file=",
            "=> \"", "{", "}", "\n? ", "\n( ) ", "\n(x) ", "\n[ ] ", "\n[x] ", "\n= ", "\n! ", "\n> ", "- ", "1. ", "> ",
            "*", "**", "`", "[a](b)", "<b>", "&#x1B;", "&#27;", "\\e", "\"\\e[2J\"", "\u{1B}[2J", "\u{202E}", "\t", "    ",
            "mov r0, 42", "reg.r0 == 42", ".var age", "layout dense 100", "arena new a",
        ], test: run)
    }

    static func run(_ input: inout FuzzInput) {
        let parts = input.parts
        let lesson = parts[0]
        let bound = max(FuzzCheck.maxOutputBytes, 64 * lesson.utf8.count)
        for (width, color) in [(80, true), (20, false)] {
            let renderer = MarkdownRenderer(width: width, color: color)
            FuzzCheck.printable(FuzzCheck.timed("render") { renderer.render(lesson) }, "the rendered Markdown", maxBytes: bound)
            FuzzCheck.printable(renderer.renderInline(lesson), "the inline rendering", maxBytes: bound)
        }

        let folder = Scratch.empty("book")
        Scratch.write(parts.count > 1 ? parts[1] : summary, to: folder.appendingPathComponent("SUMMARY.md"))
        Scratch.write(lesson, to: folder.appendingPathComponent("lesson.md"))
        let (book, diagnostics) = FuzzCheck.timed("lint") { Linter.lint(folder: folder, shownAs: "book") }
        for d in diagnostics {
            FuzzCheck.require(d.location.line >= 1 && d.location.column >= 1, "diagnostic at \(d.location): \(d.message)")
            FuzzCheck.terminalSafe(d.description, color: false, "a diagnostic as lint prints it")
        }
        guard let book, !book.lessons.isEmpty else { return }

        let store = ProgressStore(file: Scratch.empty("progress").appendingPathComponent("progress.json"))
        let session = Session(book: book, store: store, options: SessionOptions(width: 80, color: true))
        FuzzCheck.printable(session.start(), "the first step", maxBytes: bound)
        var replies = 0
        for index in book.lessons.indices {
            for line in ["goto \(index)"] + Array(repeating: ["check", "hint", "answer a", "solution --force", "next"], count: book.lessons[index].steps.count).flatMap({ $0 }) {
                replies += 1
                if replies > maxReplies { return }
                let reply = FuzzCheck.timed("`\(line)`") { session.handle(line) }
                FuzzCheck.printable(reply.text, "the reply to `\(line)`", maxBytes: bound)
                FuzzCheck.printable(session.prompt, "the prompt")
            }
        }
    }
}
