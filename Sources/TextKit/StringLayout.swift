extension String {
    /// Pads with spaces on the right to `columns` display columns.
    public func padded(to columns: Int) -> String { DisplayWidth.pad(self, to: columns) }

    /// Pads on the left to `columns` display columns.
    public func leftPadded(to columns: Int, with pad: Character = " ") -> String {
        let w = DisplayWidth.of(self)
        return w >= columns ? self : String(repeating: pad, count: columns - w) + self
    }
}
