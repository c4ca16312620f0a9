/// The fuzzer's bytes, read as a sequence of choices. Reading past the end
/// gives zeros, so every input means something.
struct FuzzInput {
    private let bytes: [UInt8]
    private var index = 0

    init(_ buffer: UnsafeRawBufferPointer) { bytes = Array(buffer) }
    init(_ text: String) { bytes = Array(text.utf8) }

    var isEmpty: Bool { index >= bytes.count }
    var count: Int { bytes.count }

    mutating func byte() -> UInt8 {
        guard index < bytes.count else { return 0 }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func int(below n: Int) -> Int { n <= 1 ? 0 : Int(byte()) % n }

    mutating func pick<T>(_ items: [T]) -> T? { items.isEmpty ? nil : items[int(below: items.count)] }

    /// The bytes up to the next newline (dropped), decoded as UTF-8 with
    /// invalid sequences replaced, as the tutor reads them.
    mutating func line() -> String {
        var out: [UInt8] = []
        while index < bytes.count {
            let b = bytes[index]
            index += 1
            if b == 0x0A { break }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Up to `limit` bytes that are not a newline.
    mutating func word(limit: Int) -> String {
        var out: [UInt8] = []
        while index < bytes.count, out.count < limit, bytes[index] != 0x0A {
            out.append(bytes[index])
            index += 1
        }
        if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        return String(decoding: out, as: UTF8.self)
    }

    /// Everything not read yet, as text.
    mutating func rest() -> String {
        defer { index = bytes.count }
        return index < bytes.count ? String(decoding: bytes[index...], as: UTF8.self) : ""
    }

    /// The whole input as text split at NUL bytes: how targets that read
    /// several texts (a lesson and its SUMMARY.md, a quiz and its answers)
    /// take them apart.
    var parts: [String] {
        bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }
}
