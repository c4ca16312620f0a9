public enum TerminalInfo {}
