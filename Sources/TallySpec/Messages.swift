import Foundation
import TallyCore

/// A user-facing message: what is wrong, and how to fix it.
struct Message: Sendable, Equatable {
    /// One sentence a non-programmer can follow.
    var text: String
    /// How to fix it (rendered as `hint: …`).
    var hint: String?

    /// Creates a message.
    init(_ text: String, hint: String? = nil) {
        self.text = text
        self.hint = hint
    }
}

/// Every user-facing text of the spec loader, in one place so wording stays consistent and reviewable.
enum Messages {
    /// `'word'`.
    static func quoted(_ text: String) -> String { "'\(text)'" }

    /// `'a', 'b' or 'c'`.
    static func alternatives(_ words: [String]) -> String {
        let quotedWords = words.map { quoted($0) }
        guard quotedWords.count > 1, let last = quotedWords.last else { return quotedWords.first ?? "" }
        return quotedWords.dropLast().joined(separator: ", ") + " or " + last
    }

    /// `did you mean 'x'?` when a close candidate exists.
    static func suggestion(for word: String, in candidates: [String]) -> String? {
        DidYouMean.suggestion(for: word, in: candidates).map { "did you mean \(quoted($0))?" }
    }

    /// The name of one item of a list key: `sections` → `section`, `criteria` → `criterion`.
    static func singular(_ key: String) -> String {
        switch key {
        case "criteria": return "criterion"
        case "periods": return "phase"
        case "exclude": return "excluded range"
        default: return key.hasSuffix("s") ? String(key.dropLast()) : key
        }
    }

    private static func found(_ node: YAMLNode) -> String {
        if let text = node.scalarText, !node.isNull { return quoted(text) }
        return node.shapeName
    }

    // MARK: YAML

    static let emptySpec = Message(
        "the spec is empty", hint: "start from an example spec; the first line should be `version: 1`")
    static let yamlOutOfMemory = Message("could not start the YAML reader (out of memory)")

    static func notUTF8(byte: UInt8) -> Message {
        let hex = String(byte, radix: 16, uppercase: true)
        return Message(
            "the spec is not UTF-8 text: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot start a character here",
            hint: "save the file as UTF-8 in your editor (it was probably saved as Windows-1252 or Latin-1)")
    }

    static func yamlReader(_ problem: String) -> Message {
        Message("the spec is not valid UTF-8 text (\(problem))", hint: "save the file as UTF-8 in your editor")
    }

    static func yamlSyntax(
        problem: String, context: String?, character: Character?, openedOnLine: Int? = nil, line: String? = nil,
        column: Int? = nil
    ) -> Message {
        let where_ = context.map { " \($0)" } ?? ""
        var hint: String?
        let opened = openedOnLine.map { " (the one opened on line \($0))" } ?? ""
        // `title: "FCR" vs "AHT"`: a quoted value ends at its closing quote, so the rest is read as a stray key.
        if problem == "did not find expected key" || problem == "could not find expected ':'",
            let line, let column, let fix = requotedValue(line: line, column: column)
        {
            return Message(
                "text follows a quoted value; a value that starts with a quote ends at the closing quote",
                hint: "quote the whole value with the other kind of quote, e.g. \(fix)")
        }
        switch problem {
        case "found character that cannot start any token":
            if character == "\t" {
                return Message("a tab is used for indentation", hint: "YAML indents with spaces only; replace the tab with spaces")
            }
            if let character, "@`%".contains(character) {
                hint = "a value starting with '\(character)' must be quoted, e.g. \"\(character)…\""
            }
        case "mapping values are not allowed in this context":
            return Message(
                "a ': ' inside a value is read as a new key",
                hint: #"put the whole value in quotes, e.g. title: "FCR: before and after""#)
        case "did not find expected key":
            hint = "check this line's indentation: keys of one mapping start in the same column, and list items start with '- '"
        case "could not find expected ':'":
            hint = "each line of a mapping is `key: value`; look for a missing ':' or an unclosed quote here or on the line above"
        case "found unexpected end of stream":
            hint = "a quote or bracket opened earlier is never closed"
        case "did not find expected ',' or ']'":
            hint = "items of a [list] are separated by commas and the list ends with ']'\(opened)"
        case "did not find expected ',' or '}'":
            hint = "entries of a { mapping } are separated by commas and it ends with '}'\(opened)"
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return Message("a tab is used for indentation", hint: "YAML indents with spaces only; replace the tab with spaces")
        default:
            break
        }
        return Message("YAML syntax error: \(problem)\(where_)", hint: hint)
    }

    /// `key: '"FCR" vs "AHT"'` when the text before `column` is `key: "…"` followed by more text; else nil.
    private static func requotedValue(line: String, column: Int) -> String? {
        let scalars = Array(line.unicodeScalars)
        guard column >= 2, column - 1 <= scalars.count else { return nil }
        var end = column - 2
        while end >= 0, scalars[end] == " " { end -= 1 }
        guard end >= 0, scalars[end] == "\"" || scalars[end] == "'" else { return nil }
        guard let colon = (0..<max(0, end)).first(where: { scalars[$0] == ":" && scalars[$0 + 1] == " " }) else { return nil }
        var keyView = String.UnicodeScalarView()
        keyView.append(contentsOf: scalars[..<colon])
        var valueView = String.UnicodeScalarView()
        valueView.append(contentsOf: scalars[(colon + 2)...])
        let value = String(valueView).trimmingSpaces
        let quote: Character = value.first == "\"" ? "'" : "\""
        let escaped = quote == "'" ? value.replacingOccurrences(of: "'", with: "''") : value.replacingOccurrences(of: "\"", with: "\\\"")
        return "\(String(keyView).trimmingSpaces): \(quote)\(escaped)\(quote)"
    }

    static func duplicateKey(_ key: String, firstLine: Int) -> Message {
        Message(
            "duplicate key \(quoted(key)) (already set on line \(firstLine))",
            hint: "keep one \(quoted(key)) and delete the other")
    }

    static let complexKey = Message("keys must be plain words", hint: "write `name: value`")
    static let badMerge = Message("'<<' must merge a mapping or a list of mappings (e.g. `<<: *defaults`)")
    static let secondDocument = Message(
        "the spec must be a single YAML document", hint: "remove the second '---' line and everything after it, or move it to its own file")

    static func unknownAlias(_ name: String, known: [String]) -> Message {
        Message(
            "unknown alias '*\(name)'",
            hint: suggestion(for: name, in: known) ?? "define it first with '&\(name)' on the value to reuse")
    }

    static func tooDeep(limit: Int) -> Message {
        Message(
            "the YAML nests more than \(limit) levels deep; the spec was not loaded",
            hint: "no spec key sits deeper than 7 levels; look for an unclosed `[` or `{`, or indentation that keeps growing")
    }

    static func specTooLarge(bytes: Int, limit: Int) -> Message {
        Message(
            "the spec is \(ByteSize.describe(bytes)), more than the limit of \(ByteSize.describe(limit)); it was not loaded",
            hint: "a spec describes a report and points at its data with `file:`; move data or long text out of it")
    }

    static func aliasBomb(limit: Int) -> Message {
        Message(
            "YAML aliases expand to more than \(limit) values; the spec was not loaded",
            hint: "aliases (*name) copy the anchored value each time they are used; use fewer nested aliases")
    }

    // MARK: Shapes and values

    static func rootNotMapping(found: String) -> Message {
        Message("the spec must be a mapping of keys such as 'version', 'report' and 'data', found \(found)",
                hint: "start from an example spec; the first line should be `version: 1`")
    }

    static func unknownKey(_ key: String, in label: String, schema: ObjectSchema) -> Message {
        let keys = schema.fields.map(\.key)
        let hint = suggestion(for: key, in: keys) ?? belongsElsewhere(key, notIn: schema)
            ?? "allowed keys here: " + keys.map { quoted($0) }.joined(separator: ", ")
        return Message("unknown key \(quoted(key)) in \(label)", hint: hint)
    }

    /// "'title' belongs under `report:`" when the key is valid in another part of the spec.
    private static func belongsElsewhere(_ key: String, notIn schema: ObjectSchema) -> String? {
        let owners = RootKeys.allSchemas.filter { $0.name != schema.name && $0.field(key) != nil }.compactMap { placement(of: $0.name) }
        guard !owners.isEmpty else { return nil }
        var unique: [String] = []
        for owner in owners where !unique.contains(owner) { unique.append(owner) }
        let shown = unique.prefix(3).joined(separator: ", ") + (unique.count > 3 ? ", …" : "")
        return "\(quoted(key)) is a key \(shown); check the indentation or the part it is in"
    }

    /// Where the keys of a mapping schema are written, for "belongs under" hints.
    private static func placement(of schema: String) -> String? {
        if schema.hasPrefix("block.") { return "of \(schema.dropFirst("block.".count)) blocks" }
        switch schema {
        case "spec": return "at the top level"
        case "report": return "under `report:`"
        case "param": return "of a parameter under `params:`"
        case "dataset": return "of a dataset under `data:`"
        case "column": return "of a column under `columns:`"
        case "booleans": return "under `booleans:`"
        case "phases": return "under `phases:`"
        case "period": return "of a phase under `periods:`"
        case "change": return "under `change:`"
        case "exclusion": return "of a range under `exclude:`"
        case "kpi": return "of a KPI under `kpis:`"
        case "section": return "of a section"
        case "evidence": return "under `evidence:`"
        case "criterion": return "of a criterion under `criteria:`"
        case "signature": return "of a signature line"
        case "batch": return "under `batch:`"
        case "output": return "under `output:`"
        case "page": return "under `output: page:`"
        default: return nil
        }
    }

    static func missingKey(_ field: Field, in label: String) -> Message {
        if field.key == "version" {
            return Message(
                "the spec does not say which version of the spec format it uses",
                hint: "add `version: 1` as the first line")
        }
        return Message("\(label) is missing the required key \(quoted(field.key))", hint: "add `\(field.key): …` (\(field.summary))")
    }

    static func missingValue(key: String) -> Message {
        Message("\(quoted(key)) has no value", hint: "write a value after `\(key): `")
    }

    static func wrongShape(key: String, expected: ValueKind, found node: YAMLNode) -> Message {
        var hint: String?
        if case .list = expected, node.scalarText != nil { hint = "write a list, e.g. `\(key): [\(node.scalarText ?? "")]`" }
        if case .dictionary = expected, case .sequence = node.content {
            hint = "write one `name: settings` line per entry under `\(key):`, without '- ' in front"
        }
        if case .object(let schema) = expected, let value = node.scalarText, !node.isNull {
            if let first = schema.fields.first(where: \.required) {
                hint = "write `\(key): { \(first.key): \(value) }`"
            } else {
                hint = "write settings such as " + schema.fields.prefix(3).map { quoted($0.key) }.joined(separator: ", ")
                    + " on the lines below `\(key):`, indented"
            }
        }
        return Message("\(quoted(key)) should be \(expected.expectation), found \(node.shapeName)", hint: hint)
    }

    static func expectedList(key: String, element: ValueKind, found node: YAMLNode) -> Message {
        var hint: String
        if case .mapping = node.content {
            // `sections:` followed by `title: …` without the `- ` that starts each item.
            hint = "start each item with '- ', e.g. `- \(firstKeyExample(of: element))` on the line below `\(key):`"
        } else {
            let example = node.scalarText.map { "[\($0)]" } ?? "[a, b]"
            hint = "write a list, e.g. `\(key): \(example)`"
        }
        return Message("\(quoted(key)) should be a list of \(element.pluralExpectation), found \(found(node))", hint: hint)
    }

    /// `title: …` for a list of sections, `type: …` for blocks: the first line of an item.
    private static func firstKeyExample(of element: ValueKind) -> String {
        switch element {
        case .object(let schema): return "\((schema.fields.first(where: \.required) ?? schema.fields.first)?.key ?? "key"): …"
        case .tagged(let tagged): return "\(tagged.discriminator): …"
        default: return "…"
        }
    }

    static func noAlternative(key: String, value: String, options: [ValueKind]) -> Message {
        Message(
            "\(quoted(key)) cannot be \(quoted(value)): it should be " + options.map(\.expectation).joined(separator: ", or "))
    }

    static func badChoice(key: String, value: String, allowed: [String]) -> Message {
        let hint = suggestion(for: value, in: allowed)
        return Message(
            "\(quoted(value)) is not a valid \(quoted(key)); use \(alternatives(allowed))", hint: hint)
    }

    static func notNumber(key: String, value: String, kind: ValueKind) -> Message {
        var hint: String?
        if value.hasSuffix("%") { hint = "a percentage is not allowed here; write the plain number" }
        if value.contains(",") { hint = "write numbers without thousands separators, with '.' for decimals" }
        return Message("\(quoted(key)) should be \(kind.expectation), found \(quoted(value))", hint: hint)
    }

    static func outOfRange(key: String, value: String, kind: ValueKind) -> Message {
        Message("\(quoted(key)) should be \(kind.expectation), found \(value)")
    }

    static func notBoolean(key: String, value: String) -> Message {
        Message("\(quoted(key)) should be true or false, found \(quoted(value))")
    }

    static func notFormula(key: String, value: String) -> Message {
        Message(
            "\(quoted(key)) should be a formula starting with '=', found \(quoted(value))",
            hint: #"start the formula with '=' and quote it, e.g. '=channel<>"test"'"#)
    }

    static func badDate(key: String, value: String) -> Message {
        var hint = "write dates as YYYY-MM-DD, e.g. 2025-07-06"
        let parts = value.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" }).map(String.init)
        if parts.count == 3, parts[2].count == 4, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
            let date = CivilDate(validatingYear: y, month: m, day: d)
        {
            hint = "write dates as YYYY-MM-DD: did you mean \(date)?"
        } else if parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            CivilDate(validatingYear: y, month: m, day: d) == nil, parts[0].count == 4
        {
            hint = "\(value) is not a day of the calendar; write dates as YYYY-MM-DD, e.g. 2025-07-06"
        } else if parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            let date = CivilDate(validatingYear: y, month: m, day: d)
        {
            hint = "write months and days with two digits: \(date)"
        }
        return Message("\(quoted(key)) should be a date written YYYY-MM-DD, found \(quoted(value))", hint: hint)
    }

    static func badSpan(key: String, value: String) -> Message {
        Message(
            "\(quoted(key)) should be a length of time like '12 weeks', found \(quoted(value))",
            hint: "write a whole number and one of: days, weeks, months, quarters")
    }

    static func badIdentifier(_ value: String, what: String) -> Message {
        Message(
            "\(quoted(value)) cannot be used as \(what): ids use letters, digits, '_' or '-' and start with a letter",
            hint: "e.g. \(quoted(Identifier.made(from: value, prefix: "id")))")
    }

    static func missingDiscriminator(_ key: String, of what: String, allowed: [String]) -> Message {
        Message("this \(what) has no \(quoted(key))", hint: "add `\(key): …`, one of: " + allowed.joined(separator: ", "))
    }

    // MARK: Within one part

    static func unreadableSpec(_ path: String, reason: String) -> Message {
        Message("cannot read the spec file \(path): \(reason)")
    }

    static func unsupportedVersion(_ version: Int) -> Message {
        Message(
            "this Tally reads spec version 1, but the spec says version \(version)",
            hint: "write `version: 1`, or build with the Tally release the spec was written for")
    }

    static func badParamDefault(_ value: String, type: ParamType) -> Message {
        let example: String
        switch type {
        case .text: example = "any text"
        case .number: example = "e.g. 42 or 0.5"
        case .date: example = "e.g. 2025-07-06"
        case .boolean: example = "true or false"
        }
        return Message("the default \(quoted(value)) is not a \(type.rawValue)", hint: "write a \(type.rawValue) (\(example)) or change `type:`")
    }

    static func repeatedListItem(_ value: String, key: String) -> Message {
        Message("\(quoted(value)) is listed twice in \(quoted(key))", hint: "remove the second one")
    }

    static func emptyList(key: String) -> Message {
        Message("\(quoted(key)) is empty", hint: "list at least one item")
    }

    static let lastWithFromTo = Message(
        "a phase has either 'from'/'to' dates or 'last', not both", hint: "keep `from:`/`to:` for fixed dates, or `last:` for a rolling window")

    static func periodWithoutDates(_ id: String) -> Message {
        Message(
            "phase \(quoted(id)) has no dates",
            hint: "add `from: YYYY-MM-DD` (and `to:`), or `last: 12 weeks` for a window ending on the as-of date")
    }

    static func endBeforeStart(from: CivilDate, to: CivilDate) -> Message {
        Message("'to' (\(to)) is before 'from' (\(from))", hint: "swap the dates, or correct the year")
    }

    static func builtinAndFormula(_ kpi: String) -> Message {
        Message(
            "KPI \(quoted(kpi)) has both 'builtin' and 'formula'",
            hint: "keep one: `builtin:` for a standard KPI, or `formula:` for your own")
    }

    static func neitherBuiltinNorFormula(_ kpi: String) -> Message {
        Message(
            "KPI \(quoted(kpi)) says neither what to compute: add 'builtin' or 'formula'",
            hint: "e.g. `builtin: fcr`, or `formula: '=COUNTIF(fcr,TRUE)/COUNT(fcr)'`")
    }

    static func unknownRole(_ role: String, builtin: BuiltinKPI) -> Message {
        Message(
            "built-in KPI \(quoted(builtin.rawValue)) has no input \(quoted(role)); its inputs are \(alternatives(builtin.roles))",
            hint: suggestion(for: role, in: builtin.roles) ?? "write `columns: { \(builtin.roles[0]): your_column }`")
    }

    static func builtinKeyWithFormula(_ key: String) -> Message {
        Message(
            "\(quoted(key)) applies to built-in KPIs, but this KPI uses a formula",
            hint: key == "columns" ? "remove `columns:`; a formula names its columns itself" : "remove `\(key):`; write the values into the formula")
    }

    static func unknownOption(_ name: String, builtin: BuiltinKPI) -> Message {
        let names = builtin.optionNames
        return Message(
            "built-in KPI \(quoted(builtin.rawValue)) has no option \(quoted(name))"
                + (names.isEmpty ? " (it has no options)" : "; its options are \(alternatives(names))"),
            hint: suggestion(for: name, in: names))
    }

    static let kpiAndColumn = Message(
        "a distribution shows either a KPI or a column, not both", hint: "keep `kpi:` or `column:`")
    static let neitherKPINorColumn = Message(
        "a distribution needs 'kpi' or 'column'", hint: "e.g. `kpi: aht` or `column: handle_time_sec`")

    // MARK: References

    static func unknownReference(_ what: String, _ name: String, known: [String]) -> Message {
        let hint = suggestion(for: name, in: known)
            ?? (known.isEmpty ? "the spec defines no \(what)s" : "known: " + known.map { quoted($0) }.joined(separator: ", "))
        return Message("unknown \(what) \(quoted(name))", hint: hint)
    }

    static func ambiguousDataset(_ what: String, names: [String]) -> Message {
        Message(
            "the spec has \(names.count) datasets, so \(what) must say which one it uses",
            hint: "add `dataset: \(names.first ?? "name")` (datasets: \(names.joined(separator: ", ")))")
    }

    static func noPhases(needed what: String) -> Message {
        Message(
            "\(what) needs phases, but the spec has no 'phases'",
            hint: "add `phases:` with a `time:` column and `periods:` (baseline first)")
    }

    static let datasetWithTimeMapping = Message(
        "'dataset' is not used when 'time' names a column per dataset", hint: "remove `dataset:` from `phases:`")

    static func datasetWithoutTime(kpi: String, dataset: String, covered: [(String, String)]) -> Message {
        let existing = covered.map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return Message(
            "KPI \(quoted(kpi)) uses dataset \(quoted(dataset)), but 'phases' has no time column for it",
            hint: "name a time column per dataset: `time: { \(existing.isEmpty ? "" : existing + ", ")\(dataset): <date column> }`")
    }

    static func duplicateId(_ what: String, _ id: String, firstLine: Int) -> Message {
        Message("the \(what) id \(quoted(id)) is already used on line \(firstLine)", hint: "ids must be unique; rename one (or give it an `id:`)")
    }

    // MARK: Consistency

    static func sameSeparators(_ separator: String) -> Message {
        Message("'decimal' and 'thousands' are both \(quoted(separator))", hint: "numbers like 1.234,5 use `decimal: \",\"` with `thousands: \".\"`")
    }

    static func wordTrueAndFalse(_ word: String) -> Message {
        Message("\(quoted(word)) is listed as both true and false in 'booleans'", hint: "remove it from one list")
    }

    static func formatNeedsDate(_ column: String, type: ColumnType) -> Message {
        Message("'format' applies to date and datetime columns, but \(quoted(column)) is \(type.rawValue)", hint: "remove `format:` or change `type:`")
    }

    static func timezoneNeedsDatetime(_ column: String, type: ColumnType) -> Message {
        Message("'timezone' applies to datetime columns, but \(quoted(column)) is \(type.rawValue)", hint: "remove `timezone:` or use `type: datetime`")
    }

    static func computedShadowsColumn(_ name: String) -> Message {
        Message("the computed column \(quoted(name)) has the name of a declared column", hint: "give the computed column a new name")
    }

    static func unknownTimeZone(_ zone: String, known: [String]) -> Message {
        Message(
            "unknown time zone \(quoted(zone))",
            hint: suggestion(for: zone, in: known) ?? "use an IANA name such as Europe/London, America/New_York or UTC")
    }

    static func openEndedNotLast(_ id: String) -> Message {
        Message("phase \(quoted(id)) has no 'to' date, but only the last phase may be open-ended", hint: "add `to: YYYY-MM-DD`")
    }

    static func startsAfterAsOf(_ id: String, from: CivilDate, asOf: CivilDate) -> Message {
        Message("phase \(quoted(id)) starts on \(from), after the report's as_of date \(asOf)", hint: "move `as_of` later or correct `from`")
    }

    static func phasesOutOfOrder(_ id: String, before: String) -> Message {
        Message("phase \(quoted(id)) starts before phase \(quoted(before)); phases must be listed in date order", hint: "list the baseline first and later phases after it")
    }

    static func phasesOverlap(_ id: String, from: CivilDate, previous: String, end: CivilDate) -> Message {
        Message(
            "phase \(quoted(id)) starts on \(from), but phase \(quoted(previous)) runs until \(end); phases must not overlap",
            hint: "start \(quoted(id)) after \(end), or end \(quoted(previous)) earlier")
    }

    static func percentOutOfRange(_ key: String, value: Double, kpi: String) -> Message {
        // Whole numbers print without ".0", but only those that fit an Int (a huge target must not trap).
        let shown = value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        let hint = value > 1 && value <= 100 ? "write it as a percentage: `\(key): \(shown)%`" : "a percentage lies between 0% and 100%"
        return Message("the \(key) of percentage KPI \(quoted(kpi)) is \(shown), outside 0–100%", hint: hint)
    }

    static func percentForNonPercentKPI(_ key: String, kpi: String, format: KPIFormat) -> Message {
        Message(
            "the \(key) of KPI \(quoted(kpi)) is written as a percentage, but the KPI is shown as \(format.rawValue)",
            hint: "a percentage is read as a fraction (75% = 0.75); write the plain number, or set `format: percent`")
    }

    // MARK: Parameters (`--param`)

    static func unknownParam(_ name: String, known: [String]) -> Message {
        Message(
            "--param \(name): the spec has no parameter \(quoted(name))",
            hint: suggestion(for: name, in: known) ?? (known.isEmpty ? "the spec declares no `params:`" : "parameters: " + known.joined(separator: ", ")))
    }

    static func badParamValue(_ name: String, value: String, type: ParamType) -> Message {
        Message("--param \(name)=\(value): \(quoted(value)) is not a \(type.rawValue)", hint: "e.g. " + paramExample(type))
    }

    static func missingParam(_ name: String, type: ParamType) -> Message {
        Message(
            "parameter \(quoted(name)) has no default, so it must be given",
            hint: "pass `--param \(name)=…` (a \(type.rawValue), e.g. \(paramExample(type))) or add `default:` to the spec")
    }

    private static func paramExample(_ type: ParamType) -> String {
        switch type {
        case .text: return "Team B"
        case .number: return "30"
        case .date: return "2025-07-07"
        case .boolean: return "true"
        }
    }

    static func chartDoesNotFit(_ chart: ControlChartType, kpi: String, method: KPIMethod) -> Message {
        let fitting = ControlChartType.allCases.filter { $0.acceptedMethods.contains(method) }.map(\.rawValue)
        let needs = chart.acceptedMethods.map(\.rawValue).sorted().joined(separator: " or ")
        return Message(
            "a \(chart.rawValue) chart needs a \(needs) KPI, but \(quoted(kpi)) is a \(method.rawValue)",
            hint: fitting.isEmpty ? nil : "for a \(method.rawValue) KPI use `chart:` \(alternatives(fitting))")
    }

    static func thresholdOutOfRange(_ value: Double) -> Message {
        Message("'threshold' must be between 0% and 100%", hint: "e.g. `threshold: 80%`")
    }

    static func likertLabels(count: Int, scale: Int) -> Message {
        Message("'labels' has \(count) labels but the scale has \(scale) points", hint: "give one label per point, lowest first, or change `scale:`")
    }

    static func templateShape(_ text: String, expected: String) -> Message {
        Message("\(text) does not name a value", hint: "write it like \(expected)")
    }

    static func unknownTemplateValue(_ text: String, of owner: String, known: [String]) -> Message {
        let last = text.split(separator: ".").last.map { String($0).split(separator: "}").first.map(String.init) ?? "" } ?? ""
        let name = last.split(separator: "|").first.map { String($0).trimmingSpaces } ?? last
        return Message(
            "\(text): \(quoted(owner)) has no value \(quoted(name))",
            hint: suggestion(for: name, in: known) ?? "use one of: " + known.joined(separator: ", "))
    }

    static func unknownTemplateName(_ name: String, in text: String, known: [String]) -> Message {
        Message(
            "\(text): there is no KPI \(quoted(name))",
            hint: suggestion(for: name, in: known) ?? (known.isEmpty ? nil : "known: " + known.joined(separator: ", ")))
    }

    static func unknownFilter(_ filter: String, in text: String) -> Message {
        Message(
            "\(text): unknown filter \(quoted(filter))",
            hint: suggestion(for: filter, in: TextTemplate.filters) ?? "filters: " + TextTemplate.filters.joined(separator: ", "))
    }
}
