import Book
import Foundation
import Simulators
import Terminal
import TextKit

extension Session {
    /// Problems listed when a reloaded book does not pass lint.
    static let reloadProblemsShown = 20

    /// Reads the book's files again and lints them (`reload`, and
    /// `--watch` when a file changes). A clean book replaces the one in
    /// memory: the learner stays on the same lesson and step (the last
    /// step when theirs is gone) and keeps their work on every exercise
    /// whose setup did not change. A book with lint errors is not taken:
    /// the errors are shown instead of the lesson and the tutor goes on
    /// with the book it had, until the files are fixed.
    public func reload() -> String {
        let shown = Self.shownPath(book.folder)
        let (linted, diagnostics) = Linter.lint(folder: book.folder, shownAs: shown)
        let errors = diagnostics.filter { $0.severity == .error }
        // Read the way the tutor first read it: in the learner's language.
        let fresh = linted.map { Translation.load($0.folder, language: Localization.current).book ?? $0 }
        guard let fresh, errors.isEmpty, !fresh.lessons.isEmpty else {
            var lines = TextWrapper.wrap(L("The book has problems, so the tutor keeps the version it had. Fix them and save, or type `reload`:"),
                                         width: options.width).map { Ink.paint($0, .bold, .red) }
            for d in errors.prefix(Self.reloadProblemsShown) { lines.append("  " + Sanitizer.line(d.description)) }
            if errors.count > Self.reloadProblemsShown {
                lines.append("  " + L("… and {0} more; `memlane lint {1}` lists them all.", errors.count - Self.reloadProblemsShown, shown))
            }
            return lines.joined(separator: "\n")
        }
        let old = book
        let lessonID = old.lessons.isEmpty ? nil : lesson.id
        book = fresh
        lessonIndex = lessonID.flatMap { fresh.index(of: $0) } ?? min(lessonIndex, fresh.lessons.count - 1)
        stepIndex = min(stepIndex, fresh.lessons[lessonIndex].steps.count - 1)
        // Work is kept only where the exercise still starts the same way.
        parked = parked.filter { Self.setupKey(old, $0.key) != nil && Self.setupKey(old, $0.key) == Self.setupKey(fresh, $0.key) }
        if let owner = simulatorOwner, owner.contains("#"),
           Self.setupKey(fresh, owner) == nil || Self.setupKey(old, owner) != Self.setupKey(fresh, owner) {
            simulator = nil
            simulatorOwner = nil
            undoStack = []
        }
        if fresh.id == old.id && fresh.version != old.version {
            store.update { $0.book = LearnerProgress.BookStamp(id: fresh.id, version: fresh.version) }
        }
        if sandbox != nil {
            return Ink.paint(L("The book was reloaded."), .green) + " " + L("`show` returns to the lesson.")
        }
        return Ink.paint(L("The book was reloaded."), .green) + "\n\n" + enterStep()
    }

    /// What makes an exercise start the way it does, for `lesson#exercise`.
    static func setupKey(_ book: Book, _ owner: String) -> String? {
        let parts = owner.split(separator: "#", maxSplits: 1).map(String.init)
        guard parts.count == 2, let exercise = book.lesson(parts[0])?.exercise(parts[1]) else { return nil }
        return ([exercise.sim ?? "", exercise.file ?? ""] + exercise.setup.map(\.text)).joined(separator: "\n")
    }

    /// A folder as the user would type it: relative to the working
    /// directory when it is inside it.
    static func shownPath(_ folder: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath + "/"
        let path = folder.standardizedFileURL.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
