/// Whether output may be coloured. Colour is off when NO_COLOR is set to
/// anything non-empty (no-color.org), when TERM is `dumb`, when standard
/// output is not a terminal, or when the learner asked with `--no-color`.
public enum ColorPolicy {
    public static func enabled(flagNoColor: Bool, environment: [String: String], stdoutIsTTY: Bool) -> Bool {
        if flagNoColor { return false }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return stdoutIsTTY
    }
}
