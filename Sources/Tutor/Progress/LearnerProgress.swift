/// A learner's progress through one book, as stored in progress.json:
/// `{"position": {"lesson": ID, "step": N}, "lessons": {ID: {"exercises":
/// {ID: {"status", "attempts", "hints"}}, "quizzes": {ID: {"correct",
/// "attempts"}}}}}`. Steps count from 1, as the prompt shows them.
public struct LearnerProgress: Codable, Equatable, Sendable {
    public struct Position: Codable, Equatable, Sendable {
        public var lesson: String
        public var step: Int
    }

    public enum Status: String, Codable, Sendable, Comparable {
        case open, failed, passed

        var rank: Int { self == .open ? 0 : (self == .failed ? 1 : 2) }
        public static func < (a: Status, b: Status) -> Bool { a.rank < b.rank }
    }

    public struct ExerciseRecord: Codable, Equatable, Sendable {
        public var status: Status = .open
        public var attempts = 0
        public var hints = 0
    }

    public struct QuizRecord: Codable, Equatable, Sendable {
        public var correct = false
        public var attempts = 0
    }

    public struct LessonRecord: Codable, Equatable, Sendable {
        public var exercises: [String: ExerciseRecord] = [:]
        public var quizzes: [String: QuizRecord] = [:]
    }

    /// Which book and version the progress belongs to (for class reports).
    public struct BookStamp: Codable, Equatable, Sendable {
        public var id: String
        public var version: String
        public init(id: String, version: String) {
            self.id = id
            self.version = version
        }
    }

    public var book: BookStamp?
    public var position: Position?
    public var lessons: [String: LessonRecord] = [:]

    public init() {}

    public func exercise(_ lesson: String, _ id: String) -> ExerciseRecord {
        lessons[lesson]?.exercises[id] ?? ExerciseRecord()
    }

    public func quiz(_ lesson: String, _ id: String) -> QuizRecord {
        lessons[lesson]?.quizzes[id] ?? QuizRecord()
    }

    public mutating func updateExercise(_ lesson: String, _ id: String, _ change: (inout ExerciseRecord) -> Void) {
        var record = exercise(lesson, id)
        change(&record)
        lessons[lesson, default: LessonRecord()].exercises[id] = record
    }

    public mutating func updateQuiz(_ lesson: String, _ id: String, _ change: (inout QuizRecord) -> Void) {
        var record = quiz(lesson, id)
        change(&record)
        lessons[lesson, default: LessonRecord()].quizzes[id] = record
    }

    /// `disk` with the changes that lead from `base` to `self` applied on
    /// top: how two tutors on one state folder keep each other's work.
    /// Counters add their increments, statuses keep the best, a quiz once
    /// right stays right, and the position is ours.
    public func merged(onto disk: LearnerProgress, since base: LearnerProgress) -> LearnerProgress {
        var out = disk
        out.book = book ?? disk.book
        out.position = position ?? disk.position
        for (lessonID, lesson) in lessons {
            for (id, mine) in lesson.exercises {
                let was = base.exercise(lessonID, id)
                out.updateExercise(lessonID, id) { r in
                    r.attempts += max(mine.attempts - was.attempts, 0)
                    r.hints = max(r.hints, mine.hints)
                    if mine.status != was.status { r.status = max(r.status, mine.status) }
                }
            }
            for (id, mine) in lesson.quizzes {
                let was = base.quiz(lessonID, id)
                out.updateQuiz(lessonID, id) { r in
                    r.attempts += max(mine.attempts - was.attempts, 0)
                    r.correct = r.correct || mine.correct
                }
            }
        }
        return out
    }
}
