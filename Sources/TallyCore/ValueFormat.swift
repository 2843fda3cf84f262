/// How a number is shown to people: the unit decides the form ("72.0%", "£1,250", "6m 12s").
public enum ValueFormat: String, Sendable, Codable, CaseIterable {
    /// A plain number with grouping, e.g. "1,234.5".
    case number
    /// A whole number, e.g. "1,235".
    case integer
    /// A fraction shown as a percentage, e.g. 0.72 → "72.0%".
    case percent
    /// Money in the locale's currency, e.g. "£1,234.50".
    case currency
    /// Seconds shown as a duration, e.g. 372 → "6m 12s".
    case duration
    /// A score such as NPS (−100…100) or a 1–7 scale, e.g. "+12.3" for NPS-like signed scores.
    case score
}

/// Locale conventions a report uses for numbers and dates.
public struct ReportLocale: Sendable, Hashable, Codable {
    /// Locale identifier, e.g. "en-GB".
    public var identifier: String
    /// Decimal separator.
    public var decimalSeparator: String
    /// Thousands separator.
    public var groupingSeparator: String
    /// Currency symbol placed before the amount.
    public var currencySymbol: String

    /// Creates a locale description.
    public init(identifier: String, decimalSeparator: String, groupingSeparator: String, currencySymbol: String) {
        self.identifier = identifier
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.currencySymbol = currencySymbol
    }

    /// British English: "1,234.5", "£".
    public static let enGB = ReportLocale(identifier: "en-GB", decimalSeparator: ".", groupingSeparator: ",", currencySymbol: "£")
    /// US English: "1,234.5", "$".
    public static let enUS = ReportLocale(identifier: "en-US", decimalSeparator: ".", groupingSeparator: ",", currencySymbol: "$")

    /// The locale for an identifier, or nil when unsupported.
    public static func named(_ identifier: String) -> ReportLocale? {
        switch identifier.lowercased().replacingUnderscores() {
        case "en-gb", "en": return .enGB
        case "en-us": return .enUS
        default: return nil
        }
    }

    /// Supported identifiers, for error messages.
    public static let supported = ["en-GB", "en-US"]
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}

/// Formats numbers for people: rounding half away from zero, grouping, a true minus sign.
public enum ValueFormatter {
    /// The minus sign used in reports (U+2212), typographically correct and never confused with a hyphen.
    public static let minus = "\u{2212}"

    /// Default decimals for a format when the spec gives none.
    public static func defaultDecimals(for format: ValueFormat) -> Int {
        switch format {
        case .number: return 1
        case .integer: return 0
        case .percent: return 1
        case .currency: return 2
        case .duration: return 0
        case .score: return 1
        }
    }

    /// Formats `value`; `signed` adds "+" to positive values (for changes and differences).
    public static func format(
        _ value: Double, as format: ValueFormat, decimals: Int? = nil, locale: ReportLocale = .enGB, signed: Bool = false
    ) -> String {
        guard value.isFinite else { return "–" }
        let places = decimals ?? defaultDecimals(for: format)
        let sign = value < 0 ? minus : (signed && value > 0 ? "+" : "")
        let magnitude = abs(value)
        switch format {
        case .percent:
            return sign + fixed(magnitude * 100, places: places, locale: locale) + "%"
        case .currency:
            return sign + locale.currencySymbol + fixed(magnitude, places: places, locale: locale)
        case .integer:
            return sign + fixed(magnitude, places: 0, locale: locale)
        case .duration:
            return sign + duration(seconds: magnitude)
        case .number, .score:
            return sign + fixed(magnitude, places: places, locale: locale)
        }
    }

    /// A difference in percentage points, e.g. 0.061 → "+6.1 points".
    public static func points(_ difference: Double, decimals: Int = 1, locale: ReportLocale = .enGB) -> String {
        format(difference * 100, as: .number, decimals: decimals, locale: locale, signed: true) + " points"
    }

    /// A non-negative number with fixed decimals and grouping, rounded half away from zero.
    public static func fixed(_ value: Double, places: Int, locale: ReportLocale) -> String {
        let places = max(0, min(places, 9))
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        // Round half away from zero on the decimal representation (nudged to absorb binary error).
        let scaled = (value * scale * (1 + 4 * Double.ulpOfOne)).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e15 else { return String(value) }
        let whole = UInt64(scaled)
        var divisor: UInt64 = 1
        for _ in 0..<places { divisor *= 10 }
        let integerPart = whole / divisor
        let fraction = whole % divisor
        var digits = String(integerPart)
        if !locale.groupingSeparator.isEmpty && digits.count > 3 {
            var grouped = ""
            for (i, ch) in digits.enumerated() {
                if i > 0 && (digits.count - i) % 3 == 0 { grouped += locale.groupingSeparator }
                grouped.append(ch)
            }
            digits = grouped
        }
        guard places > 0 else { return digits }
        let fractionText = String(fraction)
        return digits + locale.decimalSeparator + String(repeating: "0", count: places - fractionText.count) + fractionText
    }

    /// "45s", "6m 12s", "1h 05m", "2.3 days".
    public static func duration(seconds: Double) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total)s" }
        if total < 3600 {
            let s = total % 60
            return "\(total / 60)m " + (s < 10 ? "0" : "") + "\(s)s"
        }
        if total < 48 * 3600 {
            let m = total / 60 % 60
            return "\(total / 3600)h " + (m < 10 ? "0" : "") + "\(m)m"
        }
        return fixed(seconds / 86_400, places: 1, locale: .enGB) + " days"
    }
}
