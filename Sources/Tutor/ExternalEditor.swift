import Foundation
import Simulators
import TextKit

/// Runs the learner's editor ($VISUAL, then $EDITOR, then vi) on a scratch
/// copy of a text and returns what was saved. Nothing else is ever run.
enum ExternalEditor {
    /// `fileName` names the scratch file (its extension lets the editor pick
    /// a syntax); only its last component is used.
    static func edit(_ text: String, fileName: String, environment: [String: String]) throws(SimulatorError) -> String {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        // A fresh folder only we can enter (mkdtemp: mode 0700, a name no one
        // can have prepared), so no other user can read or swap the scratch file.
        var template = Array((FileManager.default.temporaryDirectory.path + "/memlane-edit-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw SimulatorError(L("cannot write a scratch file in {0}", FileManager.default.temporaryDirectory.path))
        }
        let folder = URL(fileURLWithPath: String(cString: made))
        let base = URL(fileURLWithPath: fileName).lastPathComponent
        let file = folder.appendingPathComponent(base.isEmpty || base == "/" ? "scratch.txt" : base)
        do {
            try text.write(to: file, atomically: true, encoding: .utf8)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw SimulatorError(L("cannot write a scratch file in {0}", folder.path))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The editor command may carry its own arguments (`code -w`), as shells expect.
        process.arguments = ["-c", editor + " \"$1\"", "memlane-editor", file.path]
        do {
            try process.run()
        } catch {
            throw SimulatorError(L("cannot start the editor `{0}`", Sanitizer.line(editor)))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SimulatorError(L("the editor `{0}` exited with status {1}; nothing changed", Sanitizer.line(editor), process.terminationStatus))
        }
        guard case .success(let edited) = FileText.read(file.path, limit: Session.maxLoadBytes) else {
            throw SimulatorError(L("the scratch file is gone or larger than 1 MiB; nothing changed"))
        }
        return edited
    }
}
