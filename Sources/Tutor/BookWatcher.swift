import Book
import Foundation

/// Notices edits to a book's files by polling (`memlane --watch`): the
/// size, modification time (to the nanosecond) and inode of every file in
/// the book folder and its content folders. Cheap enough to run twice a
/// second; an editor that saves by renaming a new file over the old one
/// changes the inode, so it is seen too.
public final class BookWatcher {
    /// Files looked at, at most; a folder with more is not a book.
    static let maxFiles = 5000

    struct Stamp: Equatable {
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
        var inode: UInt64
    }

    let folders: [URL]
    private var last: [String: Stamp]

    public convenience init(book: Book) {
        self.init(folders: [book.folder] + book.contentFolders)
    }

    init(folders: [URL]) {
        self.folders = folders
        last = [:]
        last = snapshot()
    }

    /// Whether anything changed since the last call (or since `init`).
    public func changed() -> Bool {
        let now = snapshot()
        defer { last = now }
        return now != last
    }

    func snapshot() -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        for folder in folders {
            walk(folder.path, depth: 0, into: &out)
        }
        return out
    }

    private func walk(_ path: String, depth: Int, into out: inout [String: Stamp]) {
        guard depth <= 6, out.count < Self.maxFiles,
              let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let full = path + "/" + name
            var st = stat()
            guard lstat(full, &st) == 0 else { continue }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                walk(full, depth: depth + 1, into: &out)
            } else if (st.st_mode & S_IFMT) == S_IFREG {
                out[full] = Stamp(size: Int64(st.st_size), seconds: st.st_mtim.tv_sec, nanoseconds: st.st_mtim.tv_nsec,
                                  inode: UInt64(st.st_ino))
                if out.count >= Self.maxFiles { return }
            }
        }
    }
}
