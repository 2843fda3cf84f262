/// File- and id-safe names made from any text, the one rule every stage uses.
public enum Slug {
    /// Lower-case ASCII letters and digits with single hyphens between words:
    /// `Before & after` → `before-after`, `Moves & Changes` → `moves-changes` (may be empty).
    public static func make(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !result.isEmpty { result += "-" }
                result.unicodeScalars.append(scalar)
                pendingDash = false
            } else {
                pendingDash = true
            }
        }
        return result
    }
}
