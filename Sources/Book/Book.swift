import Foundation

/// A book: a folder with SUMMARY.md and lesson files.
public struct Book: Sendable {
    /// Stable id; progress is kept per book. From SUMMARY.md's front matter,
    /// or the folder's name.
    public var id: String
    public var title: String
    public var version: String
    public var folder: URL
    public var lessons: [Lesson]
    /// The book a translation was made from; its Content/ serves both.
    public var original: URL?

    public func lesson(_ id: String) -> Lesson? { lessons.first { $0.id == id } }
    public func index(of id: String) -> Int? { lessons.firstIndex { $0.id == id } }

    /// Where `file=` paths are looked up: the book's Content/ folder, then a
    /// Content/ folder beside the book.
    public var contentFolders: [URL] {
        let base = original ?? folder
        return [base.appendingPathComponent("Content"),
                base.deletingLastPathComponent().appendingPathComponent("Content")]
    }

    /// The file a `file=` path names, if it exists and stays inside a content
    /// folder.
    public func resolveContent(_ path: String) -> URL? {
        for base in contentFolders {
            let url = base.appendingPathComponent(path).standardizedFileURL
            guard url.path.hasPrefix(base.standardizedFileURL.path + "/") else { continue }
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }
}
