import Book
import Foundation
import Simulators
import TextKit

/// Why `memlane new` wrote nothing.
public struct ScaffoldError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// `memlane new book` and `memlane new lesson`: files that pass `lint` as
/// they are written. An empty book is SUMMARY.md (with the book's id, title
/// and version) and one welcome lesson, because lint wants at least one
/// lesson.
public enum BookScaffold {
    /// What `newLesson` wrote.
    public struct NewLesson: Equatable {
        /// The lesson file, relative to the book folder.
        public var file: String
        public var id: String
        /// The simulator had no example: the lesson holds a quiz only.
        public var withoutExercise: Bool
    }

    public static let maxTitle = 120

    /// Starts a book in `folder`, which must not exist or be empty.
    /// Returns the files written, relative to the folder.
    @discardableResult
    public static func newBook(at folder: URL, id: String? = nil, title: String? = nil) throws(ScaffoldError) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isDir) {
            guard isDir.boolValue else { throw ScaffoldError(L("{0} exists and is not a folder", folder.path)) }
            let entries = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            guard entries.isEmpty else {
                throw ScaffoldError(L("{0} is not empty: a new book needs an empty or new folder", folder.path))
            }
        }
        let bookID = id ?? Identifier.slug(folder.lastPathComponent, fallback: "book")
        guard Identifier.isValid(bookID) else {
            throw ScaffoldError(L("`{0}` is not a valid id: use lowercase letters, digits and `-`", Sanitizer.line(bookID)))
        }
        let bookTitle = try cleanTitle(title ?? folder.lastPathComponent)
        let summary = "---\nid: \(bookID)\ntitle: \(LessonTemplate.yamlQuoted(bookTitle))\nversion: 1\n---\n\n# Summary\n\n"
            + "- [Welcome](00-welcome.md)\n"
        do {
            try fm.createDirectory(at: folder, withIntermediateDirectories: true)
            try write(summary, to: folder.appendingPathComponent("SUMMARY.md"))
            try write(LessonTemplate.welcome(bookTitle: bookTitle), to: folder.appendingPathComponent("00-welcome.md"))
        } catch {
            throw ScaffoldError(L("cannot write in {0}: {1}", folder.path, error.localizedDescription))
        }
        return ["SUMMARY.md", "00-welcome.md"]
    }

    /// Writes a lesson for `simulator` (nil: a quiz-only lesson) into the
    /// book in `folder` and lists it at the end of SUMMARY.md. The file
    /// name and id come from the title and are made unique in the book.
    @discardableResult
    public static func newLesson(title rawTitle: String, simulator: String?, in folder: URL) throws(ScaffoldError) -> NewLesson {
        let title = try cleanTitle(rawTitle)
        var info: SimulatorInfo?
        if let simulator {
            guard let type = SimulatorCatalog.type(named: simulator) else {
                throw ScaffoldError(L("There is no simulator `{0}`", Sanitizer.line(simulator))
                                    + Suggestion.hint(for: simulator, among: SimulatorCatalog.names))
            }
            info = type.info
        }
        let summaryURL = folder.appendingPathComponent("SUMMARY.md")
        guard let data = FileManager.default.contents(atPath: summaryURL.path) else {
            throw ScaffoldError(L("no SUMMARY.md in {0}: start a book with `memlane new book DIR`", folder.path))
        }
        let summary = String(decoding: data, as: UTF8.self)
        let (book, _) = BookLoader.load(folder)
        let onDisk = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }
        let files = Set(onDisk + (book?.lessons.map(\.file) ?? []))
        let ids = Set(book?.lessons.map(\.id) ?? [])

        let base = Identifier.slug(title)
        let id = unique(base) { !ids.contains($0) }
        let prefix = numberPrefix(book?.lessons.map(\.file) ?? [])
        let file = unique(prefix + base) { !files.contains($0 + ".md") } + ".md"

        let text = LessonTemplate.lesson(id: id, title: title, simulator: info)
        var newSummary = summary
        if !newSummary.isEmpty && !newSummary.hasSuffix("\n") { newSummary += "\n" }
        newSummary += "- [" + linkText(title) + "](" + file + ")\n"
        do {
            try write(text, to: folder.appendingPathComponent(file), overwrite: false)
            try write(newSummary, to: summaryURL)
        } catch {
            throw ScaffoldError(L("cannot write in {0}: {1}", folder.path, error.localizedDescription))
        }
        return NewLesson(file: file, id: id, withoutExercise: info != nil && info?.example == nil)
    }

    /// A title on one line, trimmed and not too long.
    static func cleanTitle(_ raw: String) throws(ScaffoldError) -> String {
        let title = Sanitizer.line(raw).trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { throw ScaffoldError(L("the title is empty")) }
        guard title.count <= maxTitle else {
            throw ScaffoldError(L("the title is longer than {0} characters", maxTitle))
        }
        return title
    }

    /// `base`, else `base-2`, `base-3`… whichever is free first.
    static func unique(_ base: String, isFree: (String) -> Bool) -> String {
        if isFree(base) { return base }
        var n = 2
        while !isFree("\(base)-\(n)") { n += 1 }
        return "\(base)-\(n)"
    }

    /// Continues a numbering like `00-welcome.md`, `01-…`: the next number,
    /// as wide as the widest so far; "" when the files are not numbered.
    static func numberPrefix(_ files: [String]) -> String {
        let names = files.map { ($0 as NSString).lastPathComponent }
        guard !names.isEmpty else { return "" }
        var numbers: [(Int, Int)] = []
        for name in names {
            let digits = name.prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, name.dropFirst(digits.count).first == "-", let n = Int(digits) else { return "" }
            numbers.append((n, digits.count))
        }
        let next = (numbers.map(\.0).max() ?? -1) + 1
        return String(next).leftPadded(to: max(2, numbers.map(\.1).max() ?? 2), with: "0") + "-"
    }

    /// Link text in SUMMARY.md: brackets and backslashes escaped.
    static func linkText(_ title: String) -> String {
        var out = ""
        for c in title {
            if c == "[" || c == "]" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out
    }

    static func write(_ text: String, to url: URL, overwrite: Bool = true) throws {
        if !overwrite && FileManager.default.fileExists(atPath: url.path) {
            throw CocoaError(.fileWriteFileExists)
        }
        try Data(text.utf8).write(to: url, options: .atomic)
    }
}
