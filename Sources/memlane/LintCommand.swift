import ArgumentParser
import Foundation
import TextKit
import Tutor

/// `memlane lint [DIR]`: check a book; FILE:LINE:COL: messages; exit 1 on errors.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check a book: every exercise solvable, every check able to fail.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "The book folder (default: the default book).")
    var folder: String?

    @Option(name: .long, help: "text (FILE:LINE:COL: message) or json (an array of {file, line, column, severity, message}).")
    var format: Format = .text

    @OptionGroup var common: CommonOptions

    func run() throws {
        common.applyLanguage()
        let (url, shown) = try folder.map { (URL(fileURLWithPath: $0), $0) } ?? common.bookFolder()
        let (book, diagnostics) = Linter.lint(folder: url, shownAs: shown)
        switch format {
        case .text: for d in diagnostics { printOut(d.description + "\n") }
        case .json: printOut(DiagnosticJSON.encode(diagnostics) + "\n")
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let lessons = book?.lessons.count ?? 0
        let exercises = book?.lessons.reduce(0) { $0 + $1.exercises.count } ?? 0
        let quizzes = book?.lessons.reduce(0) { $0 + $1.quizzes.count } ?? 0
        let summary = L("{0}: {1} lessons, {2} exercises, {3} quizzes, {4} problem(s)", shown, lessons, exercises, quizzes, errors)
            + (diagnostics.count > errors ? ", " + L("{0} warning(s)", diagnostics.count - errors) : "")
        FileHandle.standardError.write(Data((summary + "\n").utf8))
        if errors > 0 { throw ExitCode(1) }
    }
}
