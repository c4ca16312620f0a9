import Foundation
import Testing
import TextKit
@testable import Book

/// A throwaway book folder.
struct TempBook {
    let folder: URL

    init(_ files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("memlane-book-\(UUID().uuidString)")
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }
}

let lessonA = "---\nid: a\ntitle: A\n---\nText.\n"

@Suite struct BookLoaderTests {
    @Test func summaryOrderAndBookFields() throws {
        let book = try TempBook([
            "SUMMARY.md": "---\nid: my-book\ntitle: Mine\nversion: 3\n---\n- [A](a.md)\n- [B](b.md)\n- [Draft]()\n",
            "a.md": lessonA,
            "b.md": "---\nid: b\ntitle: B\n---\nMore.\n",
        ])
        let (loaded, diagnostics) = BookLoader.load(book.folder, shownAs: "bk")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(loaded?.id == "my-book")
        #expect(loaded?.version == "3")
        #expect(loaded?.lessons.map(\.id) == ["a", "b"])
    }

    @Test func summaryProblemsArePositioned() throws {
        let book = try TempBook([
            "SUMMARY.md": "- [A](a.md)\n- [Missing](b.md)\n- [Out](../x.md)\n- [Dup](c.md)\n",
            "a.md": lessonA,
            "c.md": lessonA,
            "stray.md": lessonA,
        ])
        let (_, diagnostics) = BookLoader.load(book.folder, shownAs: "bk")
        let text = diagnostics.map(\.description)
        #expect(text.contains("bk/SUMMARY.md:2:13: `b.md` does not exist (did you mean `a.md`?)"), "\(text)")
        #expect(text.contains("bk/SUMMARY.md:3:9: `../x.md` is outside the book folder"), "\(text)")
        #expect(text.contains { $0.hasPrefix("bk/c.md:2:1: lesson id `a` is already used") }, "\(text)")
        #expect(text.contains("bk/stray.md:1:1: `stray.md` is not listed in SUMMARY.md"), "\(text)")
    }

    @Test func missingSummaryIsAnError() throws {
        let book = try TempBook(["a.md": lessonA])
        let (loaded, diagnostics) = BookLoader.load(book.folder, shownAs: "bk")
        #expect(loaded == nil)
        #expect(diagnostics.first?.description.hasPrefix("bk/SUMMARY.md:1:1: cannot read SUMMARY.md") == true)
    }

    @Test func contentFilesResolveAndStayInside() throws {
        let book = try TempBook([
            "SUMMARY.md": "- [A](a.md)\n",
            "a.md": "---\nid: a\ntitle: A\n---\n```go file=hello.go\n```\n```go file=../secret.go\n```\n```go file=none.go\n```\n",
            "Content/hello.go": "package main\n",
            "secret.go": "package secret\n",
        ])
        let (loaded, diagnostics) = BookLoader.load(book.folder, shownAs: "bk")
        let text = diagnostics.map(\.description)
        #expect(text.contains("bk/a.md:7:7: `../secret.go` is outside the Content folder"), "\(text)")
        #expect(text.contains("bk/a.md:9:7: `none.go` is not in Content/"), "\(text)")
        guard case .goCode(let source, _) = loaded?.lessons[0].steps[0].blocks[0] else {
            Issue.record("no go block"); return
        }
        #expect(source == "package main\n")
    }
}

/// What a hostile or broken book folder cannot do to the loader.
@Suite struct BookLoaderSafetyTests {
    @Test func aLessonThatIsNotAnOrdinaryFileIsReportedAtOnce() throws {
        let book = try TempBook(["SUMMARY.md": "- [A](a.md)\n- [Pipe](pipe.md)\n- [Zero](zero.md)\n", "a.md": lessonA])
        #expect(mkfifo(book.folder.appendingPathComponent("pipe.md").path, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: book.folder.appendingPathComponent("zero.md").path,
                                                   withDestinationPath: "/dev/zero")
        let (loaded, diagnostics) = BookLoader.load(book.folder, shownAs: "bk")
        #expect(loaded?.lessons.map(\.id) == ["a"])
        #expect(diagnostics.map(\.description).contains("bk/SUMMARY.md:2:10: `pipe.md` is not an ordinary file"))
        #expect(diagnostics.map(\.description).contains("bk/SUMMARY.md:3:10: `zero.md` is not an ordinary file"))
    }

    @Test func aBookIdIsNeverAPath() throws {
        let book = try TempBook(["SUMMARY.md": "---\nid: ../../escape\n---\n- [A](a.md)\n", "a.md": lessonA])
        let (loaded, diagnostics) = BookLoader.load(book.folder, shownAs: "bk")
        #expect(diagnostics.map(\.description) == ["bk/SUMMARY.md:2:1: `../../escape` is not a valid book id: use lowercase letters, digits and `-`"])
        #expect(loaded?.id.contains("/") == false)
        #expect(loaded?.id == BookLoader.slug(book.folder.lastPathComponent))
    }

    @Test func escapesDecodedByCmarkDoNotReachDiagnostics() throws {
        let book = try TempBook(["SUMMARY.md": "- [A](a.md)\n- [Evil](&#x1B;[2J.md)\n", "a.md": lessonA])
        let (_, diagnostics) = BookLoader.load(book.folder, shownAs: "bk")
        #expect(diagnostics.contains { $0.description.contains("`^[[2J.md` does not exist") })
        #expect(!diagnostics.contains { $0.description.unicodeScalars.contains { $0.value < 0x20 } })
    }
}
