import Book

/// What `toc` and `progress` show of a book: its lessons with their
/// exercise and quiz ids. Small enough to keep in `OutlineCache`, so that
/// `memlane toc` need not parse the whole book each time.
public struct BookOutline: Codable, Sendable, Equatable {
    public struct LessonOutline: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var exercises: [String]
        public var quizzes: [String]
    }

    public var id: String
    public var title: String
    public var version: String
    public var lessons: [LessonOutline]

    public init(_ book: Book) {
        id = book.id
        title = book.title
        version = book.version
        lessons = book.lessons.map {
            LessonOutline(id: $0.id, title: $0.title, exercises: $0.exercises.map(\.id), quizzes: $0.quizzes.map(\.id))
        }
    }

    /// The stamp progress files carry, as `Book` gives it.
    public var stamp: LearnerProgress.BookStamp { LearnerProgress.BookStamp(id: id, version: version) }
}
