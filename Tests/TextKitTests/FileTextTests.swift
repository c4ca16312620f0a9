import Foundation
import Testing
@testable import TextKit

/// Files named by a book or a learner are read only when they are ordinary
/// files within the limit; anything else is refused at once.
@Suite struct FileTextTests {
    let folder: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("memlane-filetext-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test func ordinaryFilesUpToTheLimit() throws {
        let file = folder.appendingPathComponent("ten.txt")
        try Data("0123456789".utf8).write(to: file)
        #expect(FileText.read(file.path, limit: 10) == .success("0123456789"))
        #expect(FileText.read(file.path, limit: 9) == .failure(.tooLarge))
        #expect(FileText.read(folder.appendingPathComponent("none").path, limit: 10) == .failure(.unreadable))
        #expect(FileText.read(folder.path, limit: 10) == .failure(.notAFile))
    }

    @Test func devicesAndFifosAreRefusedWithoutWaiting() throws {
        #expect(FileText.read("/dev/zero", limit: 1 << 20) == .failure(.notAFile))
        let fifo = folder.appendingPathComponent("fifo")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(FileText.read(fifo.path, limit: 1 << 20) == .failure(.notAFile))
        let link = folder.appendingPathComponent("zero.go")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/zero")
        #expect(FileText.read(link.path, limit: 1 << 20) == .failure(.notAFile))
    }
}
