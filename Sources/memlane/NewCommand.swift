import ArgumentParser
import Foundation
import TextKit
import Tutor

/// `memlane new book DIR` and `memlane new lesson "TITLE" [--sim NAME]`:
/// scaffolding that passes `lint` as it is written.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Start a book, or add a lesson to one.",
        subcommands: [NewLesson.self, NewBook.self])
}

struct NewLesson: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "Write a lesson (one step, an exercise for the simulator, a quiz) and list it in SUMMARY.md.",
        discussion: "Without --sim the lesson holds a quiz only. The file name and id come from the title. `memlane lint` passes on the result.")

    @Argument(help: "The lesson's title.")
    var title: String

    @Option(name: .long, help: "The simulator the lesson's exercise uses (`memlane sims` lists them).")
    var sim: String?

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        let (url, shown) = try common.bookFolder()
        do {
            let made = try BookScaffold.newLesson(title: title, simulator: sim, in: url)
            let path = shown.hasSuffix("/") ? shown + made.file : shown + "/" + made.file
            printOut(L("Wrote {0} (lesson id `{1}`) and listed it in SUMMARY.md.", path, made.id) + "\n")
            if made.withoutExercise, let sim {
                printOut(L("The {0} simulator gives no example exercise, so the lesson holds a quiz only.", sim) + "\n")
            }
            printOut(L("`memlane lint {0}` checks the book; `memlane --book {0}` opens it.", shown) + "\n")
        } catch {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            throw ExitCode(1)
        }
    }
}

struct NewBook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Start a book in a new or empty folder: SUMMARY.md and a welcome lesson.")

    @Argument(help: "The folder for the book.")
    var folder: String

    @Option(name: .long, help: "The book's id (default: from the folder's name). Progress is kept per book id.")
    var id: String?

    @Option(name: .long, help: "The book's title (default: the folder's name).")
    var title: String?

    @Option(name: .long, help: "Language of the messages: en or ja.")
    var lang: String?

    func run() throws {
        Localization.current = Language.select(flag: lang, environment: ProcessInfo.processInfo.environment)
        let url = URL(fileURLWithPath: folder)
        do {
            let files = try BookScaffold.newBook(at: url, id: id, title: title)
            printOut(L("Started a book in {0}: {1}.", folder, files.joined(separator: ", ")) + "\n")
            printOut(L("Add lessons with `memlane new lesson \"TITLE\" --sim NAME --book {0}`.", folder) + "\n")
        } catch {
            FileHandle.standardError.write(Data((error.message + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
