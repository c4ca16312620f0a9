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

    /// Where one book folder's outline is kept in one language, and the
    /// stamps of its files taken now: taken before a load, so that a file
    /// changed during the load leaves an entry that no longer matches.
    public struct Key {
        let url: URL
        let folder: String
        let language: String
        let files: [String]

        public init(book: URL, language: Language, environment: [String: String]) {
            url = OutlineCache.file(for: book, language: language, environment: environment)
            folder = book.standardizedFileURL.path
            self.language = language.rawValue
            files = OutlineCache.stamps(of: book)
        }
    }

    /// The outline saved under `key`, if no file changed since.
    public static func read(_ key: Key) -> BookOutline? {
        guard case .success(let text) = FileText.read(key.url.path, limit: 1 << 20),
              let entry = try? JSONDecoder().decode(Entry.self, from: Data(text.utf8)),
              entry.folder == key.folder, entry.language == key.language, entry.files == key.files else { return nil }
        return entry.outline
    }

    /// Keeps the outline of a book that loaded cleanly.
    public static func write(_ outline: BookOutline, _ key: Key) {
        let entry = Entry(folder: key.folder, language: key.language, files: key.files, outline: outline)
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: key.url.deletingLastPathComponent(), withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        try? data.write(to: key.url, options: .atomic)
    }
}
