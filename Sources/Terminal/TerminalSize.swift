import CSystem

/// The width to wrap to: COLUMNS first (a user's explicit wish), then the
/// terminal's own size, then 80.
public enum TerminalSize {
    public static func columns(environment: [String: String]) -> Int {
        if let c = environment["COLUMNS"], let n = Int(c), n >= 20 { return min(n, 1000) }
        let w = Int(memlane_terminal_width())
        return w >= 20 ? w : 80
    }
}
