import Foundation
import TextKit

/// Loads a book folder. Problems are returned as diagnostics with file,
/// line and column; the book is returned whenever SUMMARY.md could be read,
/// holding every lesson that could be parsed.
public enum BookLoader {
    /// - Parameter folder: the book folder.
    /// - Parameter shownAs: how to spell the folder in diagnostics (as the user typed it).
    public static func load(_ folder: URL, shownAs: String? = nil, original: URL? = nil) -> (book: Book?, diagnostics: [Diagnostic]) {
        let prefix = (shownAs ?? folder.path).hasSuffix("/") ? (shownAs ?? folder.path) : (shownAs ?? folder.path) + "/"
        let summaryURL = folder.appendingPathComponent("SUMMARY.md")
        guard let summaryText = readText(summaryURL) else {
            return (nil, [Diagnostic(SourceLocation(file: prefix + "SUMMARY.md", line: 1, column: 1),
                                     L("cannot read SUMMARY.md: a book folder lists its lessons there"))])
        }
        let summary = SummaryParser(summaryText, file: prefix + "SUMMARY.md")
        var diagnostics = summary.diagnostics
        var lessons: [Lesson] = []
        var lessonIDs: [String: SourceLocation] = [:]
        var listed = Set<String>()
        var firstListing: [String: Int] = [:]
        let onDisk = markdownFiles(in: folder)

        for entry in summary.entries {
            let path = entry.path
            let target = folder.appendingPathComponent(path).standardizedFileURL
            guard !path.hasPrefix("/"), target.path.hasPrefix(folder.standardizedFileURL.path + "/") else {
                diagnostics.append(Diagnostic(entry.location, L("`{0}` is outside the book folder", Sanitizer.line(path))))
                continue
            }
            if let first = firstListing[path] {
                diagnostics.append(Diagnostic(entry.location, L("`{0}` is already listed on line {1}", Sanitizer.line(path), first)))
                continue
            }
            firstListing[path] = entry.location.line
            listed.insert(path)
            let text: String
            switch FileText.read(target.path, limit: maxFileBytes) {
            case .success(let t): text = t
            case .failure(.unreadable):
                diagnostics.append(Diagnostic(entry.location, L("`{0}` does not exist", Sanitizer.line(path))
                                              + Suggestion.hint(for: path, among: onDisk)))
                continue
            case .failure(.notAFile):
                diagnostics.append(Diagnostic(entry.location, L("`{0}` is not an ordinary file", Sanitizer.line(path))))
                continue
            case .failure(.tooLarge):
                diagnostics.append(Diagnostic(entry.location, L("`{0}` is larger than {1} MiB", Sanitizer.line(path), maxFileBytes >> 20)))
                continue
            }
            var parser = LessonParser(file: prefix + path)
            guard var lesson = parser.parse(text) else {
                diagnostics += parser.diagnostics
                continue
            }
            diagnostics += parser.diagnostics
            lesson.file = path
            if !lesson.id.isEmpty {
                let here = SourceLocation(file: prefix + path, line: lesson.frontMatterLines["id"] ?? 2, column: 1)
                if let first = lessonIDs[lesson.id] {
                    diagnostics.append(Diagnostic(here, L("lesson id `{0}` is already used by {1}", lesson.id, first.file)))
                } else {
                    lessonIDs[lesson.id] = here
                }
            }
            lessons.append(lesson)
        }
        if summary.entries.isEmpty {
            diagnostics.append(Diagnostic(SourceLocation(file: prefix + "SUMMARY.md", line: 1, column: 1),
                                          L("SUMMARY.md lists no lessons: add lines like `- [Title](lesson.md)`")))
        }
        for file in onDisk where !listed.contains(file) && file != "SUMMARY.md"
            && !["README.md", "AUTHORING.md"].contains((file as NSString).lastPathComponent) {
            diagnostics.append(Diagnostic(SourceLocation(file: prefix + file, line: 1, column: 1),
                                          L("`{0}` is not listed in SUMMARY.md", file)))
        }

        let fm = summary.fields
        // The id names the folder progress is kept in: a slug, never a path.
        var id = slug(folder.lastPathComponent)
        if let given = fm["id"] {
            if DirectiveInfo.isValidID(given) {
                id = given
            } else {
                diagnostics.append(Diagnostic(SourceLocation(file: prefix + "SUMMARY.md", line: summary.keyLines["id"] ?? 2, column: 1),
                                              L("`{0}` is not a valid book id: use lowercase letters, digits and `-`", Sanitizer.line(given))))
            }
        }
        if id.isEmpty { id = "book" }
        var book = Book(id: id, title: fm["title"] ?? folder.lastPathComponent,
                        version: fm["version"] ?? "1", folder: folder, lessons: lessons, original: original)
        diagnostics += resolveFiles(&book, prefix: prefix)
        return (book, diagnostics)
    }

    /// Fills `go file=` blocks from Content/ and reports `file=` paths that
    /// do not resolve or leave the content folders.
    static func resolveFiles(_ book: inout Book, prefix: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for li in book.lessons.indices {
            for (path, location) in book.lessons[li].fileReferences where book.resolveContent(path) == nil {
                let reason = path.contains("..") || path.hasPrefix("/")
                    ? L("`{0}` is outside the Content folder", Sanitizer.line(path))
                    : L("`{0}` is not in Content/", Sanitizer.line(path)) + Suggestion.hint(for: path, among: contentFiles(book))
                diagnostics.append(Diagnostic(location, reason))
            }
            for si in book.lessons[li].steps.indices {
                for bi in book.lessons[li].steps[si].blocks.indices {
                    guard case .goCode(_, let file?) = book.lessons[li].steps[si].blocks[bi],
                          let url = book.resolveContent(file), let text = readText(url) else { continue }
                    book.lessons[li].steps[si].blocks[bi] = .goCode(source: Sanitizer.clean(text), file: file)
                }
            }
        }
        return diagnostics
    }

    /// The most a lesson, SUMMARY.md or a `file=` may hold.
    public static let maxFileBytes = 4 << 20

    static func readText(_ url: URL) -> String? {
        try? FileText.read(url.path, limit: maxFileBytes).get()
    }

    /// Markdown files of the book, sub-folders included (but not Content/,
    /// hidden ones, nor a folder with its own SUMMARY.md: a translation),
    /// as paths relative to the book folder.
    static func markdownFiles(in folder: URL) -> [String] {
        files(in: folder, skipping: ["Content"]).filter { $0.hasSuffix(".md") }.sorted()
    }

    /// Files a `file=` attribute can name, relative to the content folders.
    static func contentFiles(_ book: Book) -> [String] {
        book.contentFolders.flatMap { files(in: $0, skipping: []) }
    }

    /// Regular files below `folder` (at most 4 levels, 2000 files), relative to it.
    static func files(in folder: URL, skipping: Set<String>) -> [String] {
        var out: [String] = []
        func walk(_ relative: String, depth: Int) {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            guard depth < 4, out.count < 2000,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names.sorted() where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDir: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path, isDirectory: &isDir) else { continue }
                if isDir.boolValue {
                    let nestedBook = FileManager.default.fileExists(atPath: url.appendingPathComponent(name).appendingPathComponent("SUMMARY.md").path)
                    if !(relative.isEmpty && skipping.contains(name)) && !nestedBook { walk(path, depth: depth + 1) }
                } else {
                    out.append(path)
                }
            }
        }
        walk("", depth: 0)
        return out
    }

    static func slug(_ name: String) -> String {
        let s = name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(s).trimmingCharacters(in: CharacterSet(charactersIn: "-"))
    }
}
