import Foundation

/// Finds the default book when no `--book` is given: $MEMLANE_BOOK, then
/// `Lessons/` in the working directory, then `Lessons/` next to the
/// executable's checkout (so `.build/release/memlane` finds the repository's book).
public enum BookLocator {
    public static func defaultBook(environment: [String: String], executable: String) -> URL? {
        if let explicit = environment["MEMLANE_BOOK"], !explicit.isEmpty { return URL(fileURLWithPath: explicit) }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Lessons")]
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("Lessons"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("SUMMARY.md").path) }
    }
}
