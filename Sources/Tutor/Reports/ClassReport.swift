import Book
import Foundation
import Terminal
import TextKit

/// A class's progress merged from many learners' exports, one row per
/// lesson: how many learners started it, how many of its exercises were
/// passed, the median number of `check`s (attempts) and of hints per
/// exercise tried, and how many of the quiz answers given were right.
public struct ClassReport: Equatable {
    public struct Row: Equatable {
        public var lesson: String
        public var title: String
        public var learners: Int
        public var started: Int
        public var exercisesPassed: Int
        /// Learners × exercises in the lesson.
        public var exercisesPossible: Int
        /// Over every (learner, exercise) pair with at least one `check`.
        public var medianAttempts: Double?
        /// Over every (learner, exercise) pair tried (a check or a hint).
        public var medianHints: Double?
        public var quizAnswers: Int
        public var quizRight: Int

        public var quizAccuracy: Double? { quizAnswers == 0 ? nil : Double(quizRight) / Double(quizAnswers) }
    }

    /// An input file that was left out, and why.
    public struct Skipped: Equatable {
        public var file: String
        public var reason: String
    }

    public var bookID: String
    public var bookTitle: String
    public var version: String
    /// Learners merged, in the order their files were given.
    public var learners: [String]
    public var rows: [Row]
    /// Things the reader of the report must know (exports from another
    /// version of the book, learners exported twice).
    public var notes: [String]
    public var skipped: [Skipped]

    // MARK: - Merging

    /// Merges exports. The book, when given, decides the id, the version and
    /// the lessons; otherwise the id most exports share, the newest version
    /// among them and that version's outline do.
    public static func build(_ files: [(name: String, result: Result<ProgressExport, ProgressExport.Problem>)],
                             book: Book? = nil) -> ClassReport {
        var skipped: [Skipped] = []
        var exports: [(name: String, export: ProgressExport)] = []
        for file in files {
            switch file.result {
            case .success(let e): exports.append((file.name, e))
            case .failure(let p): skipped.append(Skipped(file: file.name, reason: p.message))
            }
        }
        // The id most exports share; on a tie, the one given first.
        var counts: [String: Int] = [:]
        var firstSeen: [String] = []
        for e in exports {
            if counts[e.export.book.id] == nil { firstSeen.append(e.export.book.id) }
            counts[e.export.book.id, default: 0] += 1
        }
        let bookID = book?.id ?? firstSeen.reduce(nil as String?) { best, id in
            guard let best else { return id }
            return counts[id]! > counts[best]! ? id : best
        } ?? ""
        var forBook: [(name: String, export: ProgressExport)] = []
        for e in exports {
            if e.export.book.id == bookID {
                forBook.append(e)
            } else {
                skipped.append(Skipped(file: e.name, reason: L("for the book `{0}`, not `{1}`", e.export.book.id, bookID)))
            }
        }
        var notes: [String] = []
        // One export per learner: the latest.
        var latest: [String: Int] = [:]
        var copies: [String: Int] = [:]
        for (i, e) in forBook.enumerated() {
            copies[e.export.learner, default: 0] += 1
            if let j = latest[e.export.learner], forBook[j].export.exportedAt > e.export.exportedAt { continue }
            latest[e.export.learner] = i
        }
        for (learner, n) in copies.sorted(by: { $0.key < $1.key }) where n > 1 {
            notes.append(L("{0} has {1} exports; the latest is used.", learner, n))
        }
        let merged = forBook.indices.filter { latest[forBook[$0].export.learner] == $0 }.map { forBook[$0].export }

        let version = book?.version ?? merged.map(\.book.version).max(by: { compareVersions($0, $1) < 0 }) ?? ""
        let outline: [ProgressExport.LessonOutline]
        if let book {
            outline = book.lessons.map { .init(id: $0.id, title: $0.title, exercises: $0.exercises.map(\.id), quizzes: $0.quizzes.map(\.id)) }
        } else {
            outline = merged.filter { $0.book.version == version }.max { $0.exportedAt < $1.exportedAt }?.lessons ?? []
        }
        let title = book?.title ?? merged.first { $0.book.version == version }?.book.title ?? bookID
        var byVersion: [String: [String]] = [:]
        for e in merged where e.book.version != version { byVersion[e.book.version, default: []].append(e.learner) }
        for (v, names) in byVersion.sorted(by: { compareVersions($0.key, $1.key) < 0 }) {
            let age = compareVersions(v, version) < 0 ? L("older") : L("newer")
            notes.append(L("Merged {0} export(s) from an {1} version of the book (version {2}: {3}); lessons, exercises or quizzes may have changed since.",
                           names.count, age, v, names.joined(separator: ", ")))
        }
        let rows = outline.map { row(for: $0, learners: merged) }
        return ClassReport(bookID: bookID, bookTitle: title, version: version, learners: merged.map(\.learner),
                           rows: rows, notes: notes, skipped: skipped)
    }

    static func row(for lesson: ProgressExport.LessonOutline, learners: [ProgressExport]) -> Row {
        var row = Row(lesson: lesson.id, title: lesson.title, learners: learners.count, started: 0, exercisesPassed: 0,
                      exercisesPossible: learners.count * lesson.exercises.count, medianAttempts: nil, medianHints: nil,
                      quizAnswers: 0, quizRight: 0)
        var attempts: [Int] = []
        var hints: [Int] = []
        for learner in learners {
            let p = learner.progress
            let record = p.lessons[lesson.id]
            let touched = (record?.exercises.values.contains { $0.attempts > 0 || $0.hints > 0 } ?? false)
                || (record?.quizzes.values.contains { $0.attempts > 0 } ?? false)
            if touched || p.position?.lesson == lesson.id { row.started += 1 }
            for id in lesson.exercises {
                let r = p.exercise(lesson.id, id)
                if r.status == .passed { row.exercisesPassed += 1 }
                if r.attempts > 0 { attempts.append(r.attempts) }
                if r.attempts > 0 || r.hints > 0 { hints.append(r.hints) }
            }
            for id in lesson.quizzes {
                let r = p.quiz(lesson.id, id)
                row.quizAnswers += r.attempts
                if r.correct && r.attempts > 0 { row.quizRight += 1 }
            }
        }
        row.medianAttempts = median(attempts)
        row.medianHints = median(hints)
        return row
    }

    static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let s = values.sorted()
        let mid = s.count / 2
        return s.count % 2 == 1 ? Double(s[mid]) : Double(s[mid - 1] + s[mid]) / 2
    }

    /// Orders versions like `1`, `1.2`, `2`, `10` by their numbers, and any
    /// other text alphabetically.
    public static func compareVersions(_ a: String, _ b: String) -> Int {
        let x = a.split(separator: ".").map { Int($0) }
        let y = b.split(separator: ".").map { Int($0) }
        if !x.contains(nil) && !y.contains(nil) {
            for i in 0..<max(x.count, y.count) {
                let p = i < x.count ? x[i]! : 0, q = i < y.count ? y[i]! : 0
                if p != q { return p < q ? -1 : 1 }
            }
            return 0
        }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    // MARK: - Output

    static func number(_ value: Double?) -> String {
        guard let value else { return "–" }
        return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func percent(_ value: Double) -> Int { Int((value * 100).rounded()) }

    /// The table for the terminal: fits 80 columns.
    public func table() -> String {
        var lines = [L("Class report: {0}", bookTitle),
                     L("book `{0}`, version {1}; {2} learner(s): {3}", bookID, version, learners.count, learners.joined(separator: ", ")),
                     ""]
        lines.append(L("lesson").padded(to: 24) + " " + L("started").leftPadded(to: 8) + " " + L("passed").leftPadded(to: 9)
                     + " " + L("attempts").leftPadded(to: 8) + " " + L("hints").leftPadded(to: 6) + " " + L("quiz accuracy").leftPadded(to: 18))
        for r in rows {
            let name = r.lesson.count > 24 ? String(r.lesson.prefix(23)) + "…" : r.lesson
            let passed = r.exercisesPossible == 0 ? "–" : "\(r.exercisesPassed)/\(r.exercisesPossible)"
            let quiz = r.quizAccuracy.map { "\(Self.percent($0))% (\(r.quizRight)/\(r.quizAnswers))" } ?? "–"
            lines.append(name.padded(to: 24) + " " + "\(r.started)/\(r.learners)".leftPadded(to: 8) + " " + passed.leftPadded(to: 9)
                         + " " + Self.number(r.medianAttempts).leftPadded(to: 8) + " " + Self.number(r.medianHints).leftPadded(to: 6)
                         + " " + quiz.leftPadded(to: 18))
        }
        lines.append("")
        lines.append(L("passed: exercises passed, of learners × exercises."))
        lines.append(L("attempts, hints: medians per exercise tried."))
        lines.append(L("quiz accuracy: right answers, of all answers given."))
        for note in notes { lines += TextWrapper.wrap(note, width: 80) }
        return lines.joined(separator: "\n")
    }

    /// Comma-separated values with a header line, for spreadsheets.
    public func csv() -> String {
        var lines = ["lesson,title,learners,started,exercises_passed,exercises_possible,median_attempts,median_hints,quiz_answers,quiz_right,quiz_accuracy_percent"]
        for r in rows {
            let fields = [r.lesson, r.title, String(r.learners), String(r.started), String(r.exercisesPassed),
                          String(r.exercisesPossible), r.medianAttempts.map { Self.number($0) } ?? "",
                          r.medianHints.map { Self.number($0) } ?? "", String(r.quizAnswers), String(r.quizRight),
                          r.quizAccuracy.map { String(Self.percent($0)) } ?? ""]
            lines.append(fields.map(Self.csvField).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Quoted when needed (RFC 4180); text a spreadsheet would run as a
    /// formula is prefixed with `'`.
    static func csvField(_ text: String) -> String {
        var t = text
        if let first = t.first, "=+-@".contains(first), Double(t) == nil { t = "'" + t }
        guard t.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return t }
        return "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
