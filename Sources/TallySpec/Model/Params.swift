import TallyCore

/// A typed report parameter (`params:`), usable as `{{ params.name }}` and overridable with `--param`.
public struct ParamSpec: Sendable, Hashable {
    /// The parameter name.
    public var name: Located<String>
    /// The type values are checked against.
    public var type: ParamType
    /// The value when `--param` does not set one; nil makes the parameter required at build time.
    public var defaultValue: ParamValue?
    /// What the parameter means (shown by `tally validate` and in the docs).
    public var description: String?

    /// Creates a parameter.
    public init(name: Located<String>, type: ParamType, defaultValue: ParamValue? = nil, description: String? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.description = description
    }
}

/// The type of a parameter.
public enum ParamType: String, Sendable, CaseIterable {
    case text, number, date, boolean

    /// Converts a value written as text (in the spec or after `--param name=`) to this type.
    public func parse(_ text: String) -> ParamValue? {
        switch self {
        case .text: return .text(text)
        case .number: return Checker.parseNumber(text.trimmingSpaces).map { .number($0) }
        case .date: return CivilDate(iso: Substring(text.trimmingSpaces)).map { .date($0) }
        case .boolean:
            switch text.trimmingSpaces.lowercased() {
            case "true", "yes": return .boolean(true)
            case "false", "no": return .boolean(false)
            default: return nil
            }
        }
    }
}

/// A parameter value.
public enum ParamValue: Sendable, Hashable {
    case text(String)
    case number(Double)
    case date(CivilDate)
    case boolean(Bool)
}
