import Foundation
import Testing

/// The built `memlane` executable and a private environment to run it in.
enum MemlaneBinary {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Next to the test bundle (where `swift build --build-tests` puts it),
    /// else in .build/debug.
    static var path: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("memlane")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside.path }
        return repository.appendingPathComponent(".build/debug/memlane").path
    }

    /// A fresh HOME and state folder; plain output unless a test asks otherwise.
    static func environment(home: URL, extra: [String: String] = [:]) -> [String: String] {
        var env = ["HOME": home.path, "XDG_STATE_HOME": home.appendingPathComponent("state").path,
                   "LANG": "C.UTF-8", "TERM": "xterm", "PATH": "/usr/bin:/bin", "COLUMNS": "80",
                   "MEMLANE_BOOK": repository.appendingPathComponent("Lessons").path]
        for (k, v) in extra { env[k] = v }
        return env
    }

    static func temporaryHome() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memlane-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String

        /// Whether the output says `text`, however the tutor wrapped it to
        /// the terminal's width.
        func says(_ text: String) -> Bool {
            Self.flatten(stdout).contains(Self.flatten(text))
        }

        static func flatten(_ text: String) -> String {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        }
    }

    /// Runs memlane with `input` on a pipe as standard input.
    static func run(_ arguments: [String], input: String = "", home: URL, extra: [String: String] = [:],
                    directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment(home: home, extra: extra)
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// One lesson's records from `memlane progress --json`, by exercise and quiz id.
    struct LessonProgress {
        var exercises: [String: [String: Any]]
        var quizzes: [String: [String: Any]]

        func passed(_ id: String) -> Bool { exercises[id]?["status"] as? String == "passed" }
        func attempts(_ id: String) -> Int? { exercises[id]?["attempts"] as? Int }
        func correct(_ id: String) -> Bool { quizzes[id]?["correct"] as? Bool == true }
    }

    /// What `memlane progress --json` records for `lesson`.
    static func progress(of lesson: String, home: URL) throws -> LessonProgress {
        let json = try run(["progress", "--json"], home: home)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let lessons = try #require(object["lessons"] as? [String: Any])
        let record = try #require(lessons[lesson] as? [String: Any], "no progress for \(lesson)")
        return LessonProgress(exercises: record["exercises"] as? [String: [String: Any]] ?? [:],
                              quizzes: record["quizzes"] as? [String: [String: Any]] ?? [:])
    }
}
