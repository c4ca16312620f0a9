import Foundation
import Grader
import TextKit

/// A book in another language lives in a subfolder named by the language
/// (`Lessons/ja/`), with the same file names and the same lesson, exercise
/// and quiz ids, so progress is shared between languages.
public enum Translation {
    /// The translation's folder, if the book has one for `language`.
    public static func folder(of book: URL, for language: Language) -> URL? {
        guard language != .en else { return nil }
        let url = book.appendingPathComponent(language.rawValue)
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("SUMMARY.md").path) ? url : nil
    }

    /// The book as a learner of `language` reads it: each lesson from the
    /// translation when there is one, else the original, marked as a
    /// fallback. Order, id and version are the original's.
    public static func load(_ folder: URL, shownAs: String? = nil, language: Language) -> (book: Book?, diagnostics: [Diagnostic]) {
        let (original, diagnostics) = BookLoader.load(folder, shownAs: shownAs)
        guard var book = original, let translatedFolder = Self.folder(of: folder, for: language) else {
            return (original, diagnostics)
        }
        let shown = shownAs.map { ($0.hasSuffix("/") ? $0 : $0 + "/") + language.rawValue }
        let (translated, translationDiagnostics) = BookLoader.load(translatedFolder, shownAs: shown, original: folder)
        guard let translated else { return (book, diagnostics + translationDiagnostics) }
        book.title = translated.title
        book.lessons = book.lessons.map { lesson in
            if let twin = translated.lessons.first(where: { $0.file == lesson.file && $0.id == lesson.id }) { return twin }
            var fallback = lesson
            fallback.isFallback = true
            return fallback
        }
        return (book, diagnostics + translationDiagnostics)
    }

    /// Where a translation departs from its original in anything but words:
    /// lessons, exercise and quiz ids, setups, checks and solutions, and the
    /// number and the right answers of quiz choices must be the same.
    public static func compare(_ translated: Book, with original: Book, shownAs prefix: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let at = { (file: String, line: Int) in SourceLocation(file: prefix + file, line: line, column: 1) }
        for lesson in translated.lessons {
            guard let source = original.lessons.first(where: { $0.file == lesson.file }) else {
                out.append(Diagnostic(at(lesson.file, 1), L("`{0}` has no original in the book it translates", lesson.file)))
                continue
            }
            if lesson.id != source.id {
                out.append(Diagnostic(at(lesson.file, lesson.frontMatterLines["id"] ?? 2),
                                      L("the id must stay `{0}`, as in the original", source.id)))
            }
            if lesson.sim != source.sim {
                out.append(Diagnostic(at(lesson.file, lesson.frontMatterLines["sim"] ?? 2),
                                      L("the simulator must stay `{0}`, as in the original", source.sim ?? "none")))
            }
            out += compareExercises(lesson, source, at)
            out += compareQuizzes(lesson, source, at)
        }
        for lesson in original.lessons where !translated.lessons.contains(where: { $0.file == lesson.file }) {
            out.append(Diagnostic(at(lesson.file, 1), L("`{0}` is not translated yet: learners see the original", lesson.file),
                                  severity: .warning))
        }
        return out
    }

    static func commands(_ lines: [ScriptLine]?) -> [String] {
        (lines ?? []).map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    static func compareExercises(_ lesson: Lesson, _ source: Lesson, _ at: (String, Int) -> SourceLocation) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if lesson.exercises.map(\.id) != source.exercises.map(\.id) {
            out.append(Diagnostic(at(lesson.file, 1), L("the exercises must be {0}, in that order, as in the original",
                                                         source.exercises.map(\.id).joined(separator: ", "))))
            return out
        }
        for (mine, theirs) in zip(lesson.exercises, source.exercises) {
            let line = mine.origin.location.line
            if mine.sim != theirs.sim || mine.file != theirs.file || commands(mine.setup) != commands(theirs.setup) {
                out.append(Diagnostic(at(lesson.file, line), L("exercise `{0}` must start exactly as in the original", mine.id)))
            }
            if mine.checks.map(\.source) != theirs.checks.map(\.source) {
                out.append(Diagnostic(at(lesson.file, mine.checkBlocks.first?.origin.location.line ?? line),
                                      L("the checks of `{0}` must be the original's (only messages may be translated)", mine.id)))
            }
            if commands(mine.solution) != commands(theirs.solution) {
                out.append(Diagnostic(at(lesson.file, mine.solutionOrigin?.location.line ?? line),
                                      L("the solution of `{0}` must be the original's", mine.id)))
            }
            if mine.hints.count != theirs.hints.count {
                out.append(Diagnostic(at(lesson.file, line), L("exercise `{0}` needs {1} hint(s), as in the original", mine.id, theirs.hints.count)))
            }
        }
        return out
    }

    static func compareQuizzes(_ lesson: Lesson, _ source: Lesson, _ at: (String, Int) -> SourceLocation) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if lesson.quizzes.map(\.id) != source.quizzes.map(\.id) {
            out.append(Diagnostic(at(lesson.file, 1), L("the quizzes must be {0}, in that order, as in the original",
                                                         source.quizzes.map(\.id).joined(separator: ", "))))
            return out
        }
        for (mine, theirs) in zip(lesson.quizzes, source.quizzes) {
            let line = mine.origin.location.line
            let a = mine.quiz, b = theirs.quiz
            if a.kind != b.kind || a.choices.count != b.choices.count || a.choices.map(\.correct) != b.choices.map(\.correct) {
                out.append(Diagnostic(at(lesson.file, line),
                                      L("quiz `{0}` must keep the original's {1} choice(s) with the same right answers", mine.id, b.choices.count)))
            }
            let numbers = { (q: Quiz) in q.accepted.compactMap { if case .number(let n, let t) = $0 { "\(n)±\(t)" } else { nil } } }
            if a.kind == .free && numbers(a) != numbers(b) {
                out.append(Diagnostic(at(lesson.file, line), L("quiz `{0}` must accept the original's numbers", mine.id)))
            }
        }
        return out
    }
}
