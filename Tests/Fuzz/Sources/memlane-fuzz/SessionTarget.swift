import Book
import Foundation
import Tutor

/// Lines typed at the prompt of the shipped book: tutor commands, simulator
/// commands, sandboxes, `eval`, Tab. Every reply, the prompt and every Tab
/// candidate (which the line editor prints itself) must be printable.
enum SessionTarget {
    static let maxLines = 64

    /// The shipped book, found from this file: Tests/Fuzz/Sources/memlane-fuzz/ → the repository.
    static let book: Book = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        guard let book = BookLoader.load(repository.appendingPathComponent("Lessons")).book else {
            FuzzCheck.fail("cannot load the shipped book from \(repository.path)/Lessons")
        }
        return book
    }()

    static var target: FuzzTarget {
        let words = TutorCommand.words + SimulatorCatalog.names + book.lessons.map(\.id) + SimulatorCatalog.all.flatMap { $0.info.verbs.map(\.name) }
        return FuzzTarget(name: "session", dictionary: words.map { $0 + " " } + ["\n", ":", "#", "sandbox ", "goto ", "eval ", "state ", "answer ", ".\n"],
                          test: run)
    }

    static func run(_ input: inout FuzzInput) {
        let store = ProgressStore(file: Scratch.empty("session").appendingPathComponent("progress.json"))
        let session = Session(book: book, store: store, options: SessionOptions(width: 80, color: true))
        FuzzCheck.printable(session.start(), "the first step")
        var count = 0
        while !input.isEmpty && count < maxLines {
            count += 1
            let line = input.line()
            // `export dot|svg FILE` writes wherever the line says: not here.
            if ["export", ":export"].contains(line.split(separator: " ").first.map(String.init) ?? "") { continue }
            let reply = FuzzCheck.timed("`\(line)`") { session.handle(line) }
            FuzzCheck.printable(reply.text, "the reply to \(line.debugDescription)")
            FuzzCheck.fits(reply.text, width: session.options.width, "the reply to \(line.debugDescription)")
            FuzzCheck.printable(session.prompt, "the prompt after \(line.debugDescription)")
            if let completion = session.complete(line) {
                for text in [completion.insert] + completion.candidates {
                    FuzzCheck.terminalSafe(text, color: false, "Tab after \(line.debugDescription)")
                }
            }
            if reply.quit { break }
        }
    }
}
