import TallyCore

/// A named CSV dataset and how to read it (`data: <name>:`).
public struct DatasetSpec: Sendable, Hashable {
    /// The dataset name used by `dataset:` references.
    public var name: Located<String>
    /// The CSV path as written (relative to the spec file's directory).
    public var file: Located<String>
    /// The field separator.
    public var delimiter: Delimiter
    /// The file's text encoding.
    public var encoding: TextEncoding
    /// The decimal separator in numbers.
    public var decimal: DecimalSeparator
    /// The thousands separator in numbers.
    public var thousands: ThousandsSeparator
    /// Cell texts that mean "no value".
    public var missing: [String]
    /// Cell texts read as true and false in boolean columns.
    public var booleans: BooleanWords
    /// What to do with rows that do not fit the declared columns.
    public var badRows: BadRowPolicy
    /// Declared column types; undeclared columns are inferred.
    public var columns: [ColumnSpec]
    /// A row formula keeping only matching rows.
    public var filter: Located<String>?
    /// Columns computed per row from formulas, in order (later ones may use earlier ones).
    public var computed: [ComputedColumnSpec]
    /// Where the dataset's entry starts.
    public var location: SourceLocation

    /// Creates a dataset with the loader's defaults.
    public init(
        name: Located<String>, file: Located<String>, delimiter: Delimiter = .auto, encoding: TextEncoding = .utf8,
        decimal: DecimalSeparator = .point, thousands: ThousandsSeparator = .none,
        missing: [String] = DatasetSpec.defaultMissing, booleans: BooleanWords = BooleanWords(),
        badRows: BadRowPolicy = .fail, columns: [ColumnSpec] = [], filter: Located<String>? = nil,
        computed: [ComputedColumnSpec] = [], location: SourceLocation
    ) {
        self.name = name
        self.file = file
        self.delimiter = delimiter
        self.encoding = encoding
        self.decimal = decimal
        self.thousands = thousands
        self.missing = missing
        self.booleans = booleans
        self.badRows = badRows
        self.columns = columns
        self.filter = filter
        self.computed = computed
        self.location = location
    }

    /// Cell texts read as missing when `missing:` is not given.
    public static let defaultMissing = ["", "NA", "N/A", "null"]

    /// The declared column with this name.
    public func column(named name: String) -> ColumnSpec? { columns.first { $0.name.value == name } }
}

/// The CSV field separator.
public enum Delimiter: String, Sendable, CaseIterable {
    /// Detected from the first lines (`,` `;` tab or `|`).
    case auto
    case comma = ","
    case semicolon = ";"
    case tab
    case pipe = "|"

    /// The separator byte, or nil for `auto`.
    public var byte: UInt8? {
        switch self {
        case .auto: return nil
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        case .tab: return 9
        case .pipe: return UInt8(ascii: "|")
        }
    }
}

/// A CSV file's text encoding.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case latin1
    case utf16 = "utf-16"
}

/// The decimal separator of numbers in a CSV.
public enum DecimalSeparator: String, Sendable, CaseIterable {
    case point = "."
    case comma = ","
}

/// The thousands separator of numbers in a CSV.
public enum ThousandsSeparator: String, Sendable, CaseIterable {
    case none = ""
    case comma = ","
    case point = "."
    case space = " "
}

/// What the CSV reader does with a row that does not fit.
public enum BadRowPolicy: String, Sendable, CaseIterable {
    /// Stop with a data error naming the row (the default).
    case fail
    /// Leave the row out and count it in the data-quality notes.
    case skip
}

/// Cell texts read as true or false in boolean columns (compared case-insensitively).
public struct BooleanWords: Sendable, Hashable {
    /// Texts meaning true.
    public var trueWords: [String]
    /// Texts meaning false.
    public var falseWords: [String]

    /// Creates the word lists (defaults: Y/yes/true/1 and N/no/false/0).
    public init(trueWords: [String] = ["Y", "yes", "true", "1"], falseWords: [String] = ["N", "no", "false", "0"]) {
        self.trueWords = trueWords
        self.falseWords = falseWords
    }
}

/// A declared column (`columns: <name>: <type>` or `{ type: …, format: …, timezone: … }`).
public struct ColumnSpec: Sendable, Hashable {
    /// The column header in the CSV.
    public var name: Located<String>
    /// Its type.
    public var type: ColumnType
    /// For date and datetime columns: the pattern the CSV uses, e.g. `dd/MM/yyyy` (default ISO 8601).
    public var format: Located<String>?
    /// For datetime columns without an offset: the zone the times are in (default: the report's).
    public var timezone: Located<String>?
    /// Where the declaration starts.
    public var location: SourceLocation

    /// Creates a column declaration.
    public init(
        name: Located<String>, type: ColumnType, format: Located<String>? = nil, timezone: Located<String>? = nil,
        location: SourceLocation
    ) {
        self.name = name
        self.type = type
        self.format = format
        self.timezone = timezone
        self.location = location
    }
}

/// A column type.
public enum ColumnType: String, Sendable, CaseIterable {
    case text, category, number, integer, boolean, date, datetime
}

/// A column computed per row (`computed: <name>: '=formula'`).
public struct ComputedColumnSpec: Sendable, Hashable {
    /// The new column's name.
    public var name: Located<String>
    /// The row formula, starting with `=`.
    public var formula: Located<String>

    /// Creates a computed column.
    public init(name: Located<String>, formula: Located<String>) {
        self.name = name
        self.formula = formula
    }
}
