import ArgumentParser
import Book
import Foundation
import Terminal
import TextKit
import Tutor

/// Options every command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "A book folder other than the default Lessons/.")
    var book: String?

    @Flag(name: .long, help: "Plain output without colour.")
    var noColor = false

    @Option(name: .long, help: "Language of the tutor and the book: en or ja.")
    var lang: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// Sets the language for `L(...)`; call before anything is printed.
    func applyLanguage() {
        Localization.current = Language.select(flag: lang, environment: environment)
    }

    var color: Bool {
        ColorPolicy.enabled(flagNoColor: noColor, environment: environment, stdoutIsTTY: isatty(STDOUT_FILENO) != 0)
    }

    /// The book folder and how to spell it in messages.
    func bookFolder() throws -> (url: URL, shown: String) {
        if let book { return (URL(fileURLWithPath: book), book) }
        guard let url = BookLocator.defaultBook(environment: environment, executable: CommandLine.arguments[0]) else {
            throw ValidationError(L("No book found: run memlane in the repository, or give --book DIR."))
        }
        let cwd = FileManager.default.currentDirectoryPath + "/"
        return (url, url.path.hasPrefix(cwd) ? String(url.path.dropFirst(cwd.count)) : url.path)
    }

    /// Loads the book, printing its problems; fails when it cannot be used.
    func loadBook() throws -> Book {
        let (url, shown) = try bookFolder()
        let (book, diagnostics) = Translation.load(url, shownAs: shown, language: Localization.current)
        guard let book, diagnostics.isEmpty else {
            for d in diagnostics { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            FileHandle.standardError.write(Data((L("The book has problems; `memlane lint {0}` lists them.", shown) + "\n").utf8))
            throw ExitCode(1)
        }
        return book
    }

    func store(for book: Book) -> ProgressStore {
        store(for: BookOutline(book))
    }

    func store(for outline: BookOutline) -> ProgressStore {
        ProgressStore(file: ProgressStore.file(forBook: outline.id, environment: environment), book: outline.stamp)
    }

    /// The book's outline, from `OutlineCache` when no file of the book
    /// changed since the last clean load, else from a full load (which
    /// refuses a book with problems, as `loadBook` does).
    func loadOutline() throws -> BookOutline {
        let key = OutlineCache.Key(book: try bookFolder().url, language: Localization.current, environment: environment)
        if let outline = OutlineCache.read(key) { return outline }
        let outline = BookOutline(try loadBook())
        OutlineCache.write(outline, key)
        return outline
    }
}

/// Writes text to standard output as it is.
func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
