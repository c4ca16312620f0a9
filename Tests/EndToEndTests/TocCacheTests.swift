import Foundation
import Testing

/// `memlane toc` keeps the outline of a book that loaded cleanly and uses it
/// while no file of the book changes: an edit shows at once, and a broken
/// book is refused as if there were no cache.
@Suite struct TocCacheTests {
    let home = MemlaneBinary.temporaryHome()

    func run(_ arguments: [String]) throws -> MemlaneBinary.Result {
        try MemlaneBinary.run(arguments, home: home)
    }

    var cacheFiles: [String] {
        let folder = home.appendingPathComponent(".cache/memlane")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("outline-") }
    }

    @Test func anEditShowsAtOnceAndABrokenBookIsRefused() throws {
        let book = home.appendingPathComponent("course")
        #expect(try run(["new", "book", book.path, "--title", "A course"]).status == 0)
        #expect(try run(["new", "lesson", "Bytes in a row", "--sim", "asm", "--book", book.path]).status == 0)

        let first = try run(["toc", "--book", book.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Bytes in a row"))
        #expect(cacheFiles.count == 1, "the clean load was kept")
        let second = try run(["toc", "--book", book.path])
        #expect(second.stdout == first.stdout, "the kept outline shows the same table")
        // Proof that the second run read the cache: a title changed there shows.
        let cache = home.appendingPathComponent(".cache/memlane/" + (cacheFiles.first ?? "none"))
        let kept = try String(contentsOf: cache, encoding: .utf8)
        try kept.replacingOccurrences(of: "A course", with: "A kept course").write(to: cache, atomically: true, encoding: .utf8)
        #expect(try run(["toc", "--book", book.path]).stdout.contains("A kept course"))

        let lesson = book.appendingPathComponent("01-bytes-in-a-row.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try text.replacingOccurrences(of: "Bytes in a row", with: "Bytes in a line")
            .write(to: lesson, atomically: true, encoding: .utf8)
        let edited = try run(["toc", "--book", book.path])
        #expect(edited.stdout.contains("Bytes in a line"))
        #expect(!edited.stdout.contains("Bytes in a row"))

        try (text + "\n```check id=nowhere\nreg.r0 == 1\n```\n").write(to: lesson, atomically: true, encoding: .utf8)
        let broken = try run(["toc", "--book", book.path])
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("01-bytes-in-a-row.md:"))
        #expect(broken.stdout.isEmpty)

        let japanese = try run(["toc", "--book", book.path, "--lang", "ja"])
        #expect(japanese.status == 1, "the broken book is refused in every language")
    }
}
