import CNcursesw

extension NcursesTerminal {
    /// Rings the terminal bell (BEL; a visible flash where the terminal has no sound).
    public func bell() {
        _ = beep()
        refresh()
    }
}
