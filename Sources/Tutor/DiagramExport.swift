import Foundation
import Simulators
import TextKit

/// Writes a simulator's drawing as a DOT file, or as SVG through
/// Graphviz's `dot`. `dot` is the only program ever run: found on PATH,
/// started directly (never through a shell) with the DOT text in a scratch
/// file, stopped after `timeout` seconds or on Ctrl-C.
enum DiagramExport {
    static let timeout = 20.0

    /// The first executable `dot` on PATH.
    static func findDot(environment: [String: String]) -> URL? {
        let path = environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? ""
        for folder in path.split(separator: ":") where folder.hasPrefix("/") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("dot")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return candidate
            }
        }
        return nil
    }

    /// Where the learner asked the file to go, checked before anything runs.
    static func target(_ path: String) throws(SimulatorError) -> URL {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), isDir.boolValue {
            throw SimulatorError(L("`{0}` is a folder: give a file name", Sanitizer.line(path)))
        }
        let parent = url.deletingLastPathComponent()
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDir), isDir.boolValue else {
            throw SimulatorError(L("there is no folder {0} to write `{1}` in", Sanitizer.line(parent.path), Sanitizer.line(path)))
        }
        return url
    }

    static func writeDOT(_ dot: String, to path: String) throws(SimulatorError) {
        let url = try target(path)
        do {
            try Data(dot.utf8).write(to: url, options: .atomic)
        } catch {
            throw SimulatorError(L("cannot write {0}", Sanitizer.line(path)))
        }
    }

    static func writeSVG(_ dot: String, to path: String, environment: [String: String],
                         isInterrupted: () -> Bool) throws(SimulatorError) {
        let url = try target(path)
        guard let program = findDot(environment: environment) else {
            throw SimulatorError(L("Graphviz's `dot` is not installed (or not on PATH), so no SVG was drawn."),
                                 hint: L("Install Graphviz (Debian: `sudo apt-get install graphviz`), or write the DOT file with `export dot FILE` and draw it elsewhere."))
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("memlane-dot-\(getpid())-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try Data(dot.utf8).write(to: scratch.appendingPathComponent("state.dot"))
        } catch {
            throw SimulatorError(L("cannot write a scratch file in {0}", scratch.path))
        }
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errors = scratch.appendingPathComponent("errors.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = program
        // Absolute paths: neither can be mistaken for an option.
        process.arguments = ["-Tsvg", "-o", url.path, scratch.appendingPathComponent("state.dot").path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle = FileHandle(forWritingAtPath: errors.path)
        process.standardError = errorHandle
        defer { try? errorHandle?.close() }
        do {
            try process.run()
        } catch {
            throw SimulatorError(L("cannot start {0}", program.path))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline || isInterrupted() {
                process.terminate()
                process.waitUntilExit()
                throw SimulatorError(isInterrupted() ? L("interrupted: no SVG was written")
                                                     : L("`dot` took more than {0} seconds and was stopped", Int(timeout)))
            }
            usleep(20_000)
        }
        guard process.terminationStatus == 0 else {
            let detail = (FileManager.default.contents(atPath: errors.path)).map { String(decoding: $0.prefix(400), as: UTF8.self) } ?? ""
            throw SimulatorError(L("`dot` failed with status {0}: {1}", process.terminationStatus,
                                   Sanitizer.line(detail.trimmingCharacters(in: .whitespacesAndNewlines))))
        }
    }
}
