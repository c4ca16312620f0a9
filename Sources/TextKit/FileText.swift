import Glibc

/// Reads the text files books and learners name. Only ordinary files are
/// read, and never more than a limit: a lesson or a `load` that names
/// /dev/zero, a FIFO or a huge file gets an answer at once instead of
/// filling memory or waiting forever.
public enum FileText {
    public enum Failure: Error, Equatable {
        case unreadable
        case notAFile
        case tooLarge
    }

    public static func read(_ path: String, limit: Int) -> Result<String, Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        guard info.st_size <= limit else { return .failure(.tooLarge) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(.unreadable) }
            if n == 0 { break }
            bytes += chunk[0..<n]
        }
        guard bytes.count <= limit else { return .failure(.tooLarge) }
        return .success(String(decoding: bytes, as: UTF8.self))
    }
}
