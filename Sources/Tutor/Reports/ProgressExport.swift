import Book
import Foundation
import TextKit

/// One learner's progress as handed to an instructor (`memlane progress
/// --export FILE`). It carries the book's id and version and the outline
/// of the book the learner had (lessons with their exercise and quiz ids),
/// so `memlane report` can total a class without the book at hand and can
/// tell exports from an older version of the book apart.
public struct ProgressExport: Codable, Equatable, Sendable {
    /// What identifies the file as an export; `report` refuses anything else.
    public static let formatName = "memlane-progress-export"
    public static let currentFormatVersion = 1
    /// Exports larger than this are refused unread.
    public static let maxBytes = 16 << 20

    public struct BookInfo: Codable, Equatable, Sendable {
        public var id: String
        public var version: String
        public var title: String
    }

    public struct LessonOutline: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var exercises: [String]
        public var quizzes: [String]
    }

    /// Why a file is not a usable export.
    public struct Problem: Error, Equatable, Sendable {
        public var message: String
        public init(_ message: String) { self.message = message }
    }

    public var format: String
    public var formatVersion: Int
    public var learner: String
    /// ISO 8601, UTC; when two exports name the same learner, the later wins.
    public var exportedAt: String
    public var book: BookInfo
    public var lessons: [LessonOutline]
    public var progress: LearnerProgress

    public init(learner: String, book: Book, progress: LearnerProgress, date: Date = Date()) {
        format = Self.formatName
        formatVersion = Self.currentFormatVersion
        self.learner = Self.cleanName(learner)
        exportedAt = ISO8601DateFormatter().string(from: date)
        self.book = BookInfo(id: book.id, version: book.version, title: book.title)
        lessons = book.lessons.map {
            LessonOutline(id: $0.id, title: $0.title, exercises: $0.exercises.map(\.id), quizzes: $0.quizzes.map(\.id))
        }
        var p = progress
        p.book = nil
        self.progress = p
    }

    /// A learner's name on one line, at most 64 characters.
    public static func cleanName(_ name: String) -> String {
        let line = Sanitizer.line(name).trimmingCharacters(in: .whitespaces)
        return String((line.isEmpty ? "learner" : line).prefix(64))
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return (try? encoder.encode(self)) ?? Data()
    }

    /// Reads an export; the error says why a file is not one.
    public static func read(_ url: URL) -> Result<ProgressExport, Problem> {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maxBytes {
            return .failure(Problem(L("larger than {0} MiB", maxBytes >> 20)))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(Problem(L("cannot be read")))
        }
        let export: ProgressExport
        do {
            export = try JSONDecoder().decode(ProgressExport.self, from: data)
        } catch {
            return .failure(Problem(L("not a memlane progress export (invalid JSON or missing fields)")))
        }
        guard export.format == formatName else {
            return .failure(Problem(L("not a memlane progress export")))
        }
        guard export.formatVersion <= currentFormatVersion else {
            return .failure(Problem(L("written by a newer memlane (export format {0})", export.formatVersion)))
        }
        return .success(export.sanitized())
    }

    /// The export with every text that will be printed made harmless: a
    /// file from someone else must not drive the instructor's terminal.
    func sanitized() -> ProgressExport {
        var e = self
        e.learner = Self.cleanName(learner)
        e.book = BookInfo(id: Sanitizer.line(book.id), version: Sanitizer.line(book.version), title: Sanitizer.line(book.title))
        e.lessons = lessons.map {
            LessonOutline(id: Sanitizer.line($0.id), title: Sanitizer.line($0.title), exercises: $0.exercises, quizzes: $0.quizzes)
        }
        return e
    }
}
