/// Go's size classes (runtime/sizeclasses.go, Go 1.19): every small
/// allocation is rounded up to one of 67 sizes, so that objects of one
/// class can share a span without fragmenting it. Larger objects get whole
/// 8 KiB pages of their own. `B/op` in a benchmark counts these rounded
/// sizes, which is why 1600 bytes of data cost 1792.
public enum SizeClasses {
    /// The class sizes in bytes, smallest first (class 1 … class 67).
    public static let sizes: [Int] = [
        8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
        288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280,
        1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528,
        6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072,
        20480, 21760, 24576, 27264, 28672, 32768,
    ]
    /// Runtime pages are 8 KiB (`_PageShift = 13`).
    public static let pageSize = 8192
    /// Objects up to this size use a size class (`_MaxSmallSize`).
    public static let maxSmallSize = 32768
    /// Pointer-free objects smaller than this share 16-byte tiny blocks (`maxTinySize`).
    public static let tinySize = 16

    /// The class an object of `size` bytes (1…32768) falls in, 1-based.
    /// Looked up in two tables, as the runtime does (`size_to_class8` and
    /// `size_to_class128`): the allocator asks on every allocation.
    public static func classIndex(for size: Int) -> Int? {
        guard size > 0, size <= maxSmallSize else { return nil }
        if size <= smallSizeMax { return Int(bySmallSize[(size + 7) >> 3]) }
        return Int(byLargeSize[(size - smallSizeMax + 127) >> 7])
    }

    /// Sizes up to 1024 bytes step by 8; larger ones by 128.
    private static let smallSizeMax = 1024
    private static let bySmallSize: [UInt8] = (0...smallSizeMax / 8).map { searchClass(max(1, $0 * 8)) }
    private static let byLargeSize: [UInt8] = (0...(maxSmallSize - smallSizeMax) / 128).map { searchClass(smallSizeMax + $0 * 128) }

    /// The smallest class holding `size` bytes, by binary search (builds the tables).
    private static func searchClass(_ size: Int) -> UInt8 {
        var lo = 0, hi = sizes.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if sizes[mid] >= size { hi = mid } else { lo = mid + 1 }
        }
        return UInt8(lo + 1)
    }

    /// The bytes the runtime actually hands out for a request (`roundupsize`):
    /// the class size for small objects, whole pages for large ones.
    public static func roundUp(_ size: Int) -> Int {
        if size <= 0 { return 0 }
        if let c = classIndex(for: size) { return sizes[c - 1] }
        let (sum, overflow) = size.addingReportingOverflow(pageSize - 1)
        if overflow { return size }
        return sum / pageSize * pageSize
    }

    /// Whether a request is served from whole pages rather than a class.
    public static func isLarge(_ size: Int) -> Bool { size > maxSmallSize }
}
