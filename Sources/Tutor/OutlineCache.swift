import Book
import Foundation
import TextKit

/// A book's outline kept between runs of `memlane toc`, valid while no file
/// of the book folder changed: each entry records the size, modification
/// time (to the nanosecond) and inode of every file it was made from
/// (`BookWatcher`'s stamps). Only a book that loaded without a problem is
/// kept, so a cached `toc` shows exactly what a fresh one would. The cache
/// is a convenience: any failure to read or write it just means a full load.
public enum OutlineCache {
    struct Entry: Codable {
        var folder: String
        var language: String
        var files: [String]
        var outline: BookOutline
    }

    /// $XDG_CACHE_HOME/memlane, by default ~/.cache/memlane.
    public static func folder(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("memlane")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/memlane")
    }

    /// The cache file of one book folder in one language.
    static func file(for book: URL, language: Language, environment: [String: String]) -> URL {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 // FNV-1a
        for byte in (book.standardizedFileURL.path + "\u{0}" + language.rawValue).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let name = "outline-" + String(hash, radix: 16) + ".json"
        return folder(environment: environment).appendingPathComponent(name)
    }

    /// The stamps of every file under the book folder, one line each, in order.
    static func stamps(of book: URL) -> [String] {
        BookWatcher(folders: [book]).snapshot().sorted { $0.key < $1.key }.map { path, s in
            "\(path) \(s.size) \(s.seconds).\(s.nanoseconds) \(s.inode)"
        }
    }

    /// The outline saved for this folder and language, if no file changed since.
    public static func read(book: URL, language: Language, environment: [String: String]) -> BookOutline? {
        let url = file(for: book, language: language, environment: environment)
        guard case .success(let text) = FileText.read(url.path, limit: 1 << 20),
              let entry = try? JSONDecoder().decode(Entry.self, from: Data(text.utf8)),
              entry.folder == book.standardizedFileURL.path, entry.language == language.rawValue,
              entry.files == stamps(of: book) else { return nil }
        return entry.outline
    }

    /// Keeps the outline of a book that loaded cleanly.
    public static func write(_ outline: BookOutline, book: URL, language: Language, environment: [String: String]) {
        let url = file(for: book, language: language, environment: environment)
        let entry = Entry(folder: book.standardizedFileURL.path, language: language.rawValue,
                          files: stamps(of: book), outline: outline)
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? data.write(to: url, options: .atomic)
    }
}
