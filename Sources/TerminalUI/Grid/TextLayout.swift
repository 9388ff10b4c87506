/// Horizontal alignment inside a column.
public enum Alignment: Sendable, Hashable {
    case left
    case right
    case center
}

/// Fitting text into columns by display width (CJK = 2), never by character count.
public enum TextLayout {
    /// `text` cut or padded with spaces to exactly `width` columns. A cut adds "…" (or "~" in
    /// ASCII mode) when `ellipsis` is set.
    public static func fit(_ text: String, width: Int, align: Alignment = .left, ellipsis: String? = nil) -> String {
        guard width > 0 else { return "" }
        var w = CharacterWidth.of(text)
        var body = text
        if w > width {
            let mark = ellipsis ?? ""
            let room = width - CharacterWidth.of(mark)
            body = truncate(text, to: max(room, 0)) + mark
            w = CharacterWidth.of(body)
        }
        let pad = max(0, width - w)
        switch align {
        case .left: return body + String(repeating: " ", count: pad)
        case .right: return String(repeating: " ", count: pad) + body
        case .center:
            let l = pad / 2
            return String(repeating: " ", count: l) + body + String(repeating: " ", count: pad - l)
        }
    }

    /// The longest prefix of `text` within `width` columns (padded with a space when a wide
    /// character would straddle the edge).
    public static func truncate(_ text: String, to width: Int) -> String {
        var out = ""
        var used = 0
        for ch in text {
            let cw = CharacterWidth.of(ch)
            if used + cw > width {
                if used < width { out += " " }
                break
            }
            out.append(ch)
            used += cw
        }
        return out
    }
}
