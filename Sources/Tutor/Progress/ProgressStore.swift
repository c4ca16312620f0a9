import CSystem
import Foundation
import TextKit

/// Keeps progress.json safe: every save takes a lock, merges with what
/// another tutor may have written meanwhile, writes a temporary file and
/// renames it over the old one, so a crash or `kill -9` at any moment
/// leaves either the old or the new file, never half of one.
public final class ProgressStore {
    public let file: URL
    /// What the learner has done, including unsaved changes.
    public private(set) var progress: LearnerProgress
    /// What was last read from or written to disk.
    private var base: LearnerProgress
    /// A one-line warning for the learner (a corrupt file moved aside).
    public private(set) var warning: String?

    /// The folder for everything the tutor keeps: $XDG_STATE_HOME/memlane,
    /// by default ~/.local/state/memlane.
    public static func stateFolder(environment: [String: String]) -> URL {
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg).appendingPathComponent("memlane")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/memlane")
    }

    /// The progress file of one book.
    public static func file(forBook id: String, environment: [String: String]) -> URL {
        stateFolder(environment: environment).appendingPathComponent(id).appendingPathComponent("progress.json")
    }

    public init(file: URL, book: LearnerProgress.BookStamp? = nil) {
        self.file = file
        var warning: String?
        let loaded = Self.read(file, warning: &warning) ?? LearnerProgress()
        progress = loaded
        base = loaded
        self.warning = warning
        if let book { progress.book = book }
    }

    /// Changes the progress and saves at once; a change that changes
    /// nothing (`show` on the same step) costs no write.
    public func update(_ change: (inout LearnerProgress) -> Void) {
        let before = progress
        change(&progress)
        if progress == before && progress == base { return }
        save()
    }

    /// Merges with the file on disk under the lock and writes atomically.
    /// Returns false (and keeps the changes in memory) when the disk refuses.
    @discardableResult
    public func save() -> Bool {
        let folder = file.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            warning = L("cannot create {0}: progress is kept for this session only", folder.path)
            return false
        }
        let lockPath = file.path + ".lock"
        let fd = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if fd >= 0 { _ = memlane_lock_fd(fd) }
        defer {
            if fd >= 0 {
                _ = memlane_unlock_fd(fd)
                close(fd)
            }
        }
        Self.removeAbandonedTemporaries(of: file)
        var ignored: String?
        let disk = Self.read(file, warning: &ignored, moveCorrupt: false) ?? LearnerProgress()
        let merged = progress.merged(onto: disk, since: base)
        guard Self.write(merged, to: file) else {
            warning = L("cannot write {0}: progress is kept for this session only", file.path)
            return false
        }
        progress = merged
        base = merged
        return true
    }

    static func read(_ file: URL, warning: inout String?, moveCorrupt: Bool = true) -> LearnerProgress? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            return try JSONDecoder().decode(LearnerProgress.self, from: data)
        } catch {
            guard moveCorrupt else { return nil }
            let stamp = Int(Date().timeIntervalSince1970)
            let aside = file.path + ".corrupt-\(stamp)"
            try? FileManager.default.moveItem(atPath: file.path, toPath: aside)
            warning = L("Your progress file could not be read; it was moved to {0} and you start afresh.", aside)
            return nil
        }
    }

    /// A tutor killed in the middle of a save leaves its `.tmp-PID` file
    /// behind (the real file is intact). Called under the lock, so no live
    /// tutor is writing one it still needs unless its process exists.
    static func removeAbandonedTemporaries(of file: URL) {
        let folder = file.deletingLastPathComponent()
        let prefix = file.lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(folder.appendingPathComponent(name).path)
            }
        }
    }

    static func write(_ progress: LearnerProgress, to file: URL) -> Bool {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(progress) else { return false }
        let temp = file.path + ".tmp-\(getpid())"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var ok = data.withUnsafeBytes { buf -> Bool in
            var offset = 0
            while offset < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temp, file.path) == 0 else {
            unlink(temp)
            return false
        }
        return true
    }
}
