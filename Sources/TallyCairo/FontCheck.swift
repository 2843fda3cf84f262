import CPangoCairo
import TallyCore

/// Checks that a font family is installed, so a missing font is an error instead of a silent substitute.
public enum FontCheck {
    /// Every family name fontconfig offers through Pango, sorted.
    public static func installedFamilies() -> [String] {
        CairoLock.shared.run {
            var families: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
            var count: Int32 = 0
            pango_font_map_list_families(PangoText.shared.fontMap, &families, &count)
            defer { g_free(families) }
            var names: [String] = []
            if let families {
                for i in 0..<Int(count) {
                    if let family = families[i], let name = pango_font_family_get_name(family) {
                        names.append(String(cString: name))
                    }
                }
            }
            return names.sorted()
        }
    }

    /// Returns nil when `family` is installed, or a diagnostic naming close alternatives.
    public static func problem(with family: String, location: SourceLocation? = nil) -> Diagnostic? {
        let families = installedFamilies()
        if families.contains(where: { $0.caseInsensitiveEquals(family) }) { return nil }
        let similar = families.filter { $0.lowercased().contains(family.lowercased().split(separator: " ").first.map(String.init) ?? "") }
        let suggestion = (similar.isEmpty ? families : similar).prefix(5).joined(separator: ", ")
        return .error(
            .spec, "font '\(family)' is not installed",
            at: location,
            hint: families.isEmpty
                ? "install a font package, e.g. 'apt-get install fonts-dejavu-core'"
                : "use an installed family such as: \(suggestion); or install the font")
    }
}

extension String {
    fileprivate func caseInsensitiveEquals(_ other: String) -> Bool { lowercased() == other.lowercased() }
}
