/// How a dataset's CSV file should be read: dialect, encoding, number/boolean/missing conventions and schema.
public struct CSVReadOptions: Sendable, Equatable {
    /// The field separator: detected among `,` `;` tab `|`, or declared.
    public var delimiter: DelimiterChoice
    /// The file's character encoding (strict UTF-8 unless declared).
    public var encoding: CSVEncoding
    /// The decimal separator for decimal, percent and duration fields: `.` (default) or `,`.
    public var decimalSeparator: UInt8
    /// An optional thousands separator (e.g. `,`, `.`, space or `'`); none by default.
    public var thousandsSeparator: UInt8?
    /// Field texts (compared case-insensitively, after trimming spaces) that mean "no value".
    public var missingTokens: [String]
    /// Texts read as true in boolean columns (case-insensitive).
    public var trueTokens: [String]
    /// Texts read as false in boolean columns (case-insensitive).
    public var falseTokens: [String]
    /// Whether the first record is a header row (without one, columns are named `column1`, `column2`, …).
    public var hasHeader: Bool
    /// What to do with a malformed row: stop with an error (default) or skip it and list it.
    public var badRows: BadRowPolicy
    /// Declared column types and formats, keyed by header name; other columns are inferred.
    public var schema: [String: ColumnSpec]
    /// Time zone for datetimes written without an offset, unless a column declares its own.
    public var timeZone: String
    /// Worker threads for large files (nil: one per available core).
    public var threads: Int?
    /// Also compute the SHA-256 of the file's bytes as read (for the audit trail), in the same read.
    public var fingerprint: Bool = false
    /// Which columns to type and keep (nil: all). Skipped columns are still tokenised, so a record's
    /// structure is checked, but their values are never parsed; declared (`schema`) columns are always read.
    public var columns: ColumnSelection? = nil

    /// The defaults: detected delimiter, strict UTF-8, `.` decimals, header row, `bad_rows: fail`, UTC.
    public init(
        delimiter: DelimiterChoice = .auto, encoding: CSVEncoding = .utf8, decimalSeparator: UInt8 = UInt8(ascii: "."),
        thousandsSeparator: UInt8? = nil, missingTokens: [String] = CSVReadOptions.defaultMissingTokens,
        trueTokens: [String] = ["y", "yes", "true", "1"], falseTokens: [String] = ["n", "no", "false", "0"],
        hasHeader: Bool = true, badRows: BadRowPolicy = .fail, schema: [String: ColumnSpec] = [:],
        timeZone: String = "UTC", threads: Int? = nil
    ) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.decimalSeparator = decimalSeparator
        self.thousandsSeparator = thousandsSeparator
        self.missingTokens = missingTokens
        self.trueTokens = trueTokens
        self.falseTokens = falseTokens
        self.hasHeader = hasHeader
        self.badRows = badRows
        self.schema = schema
        self.timeZone = timeZone
        self.threads = threads
    }

    /// Empty, `NA`, `N/A` and `null` (any case).
    public static let defaultMissingTokens = ["", "na", "n/a", "null"]
}

/// The field separator: detected or declared.
public enum DelimiterChoice: Sendable, Equatable {
    /// Detect among `,` `;` tab `|` (an Excel `sep=` line wins).
    case auto
    /// Use this byte.
    case byte(UInt8)
}

/// Character encodings the reader understands; everything is transcoded to UTF-8 before parsing.
public enum CSVEncoding: String, Sendable, Equatable, CaseIterable {
    /// UTF-8, validated strictly (an optional BOM is removed).
    case utf8 = "utf-8"
    /// Windows code page 1252 (Western European Excel exports).
    case windows1252 = "windows-1252"
    /// ISO-8859-1.
    case latin1 = "latin1"
    /// UTF-16 with a BOM (little-endian without one).
    case utf16 = "utf-16"

    /// Parses a spec value such as `utf8`, `UTF-8`, `cp1252`, `iso-8859-1`, `utf-16le`.
    public init?(name: String) {
        let key = name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " }
        switch key {
        case "utf8": self = .utf8
        case "windows1252", "cp1252": self = .windows1252
        case "latin1", "iso88591": self = .latin1
        case "utf16", "utf16le", "utf16be": self = .utf16
        default: return nil
        }
    }
}

/// What happens to a malformed row.
public enum BadRowPolicy: String, Sendable, Equatable {
    /// Stop with an error naming the row (the default).
    case fail
    /// Skip the row, count it and list it in the results.
    case skip
}

/// A declared column: its type and, for dates, datetimes and durations, an optional format or time zone.
public struct ColumnSpec: Sendable, Equatable {
    /// The declared type.
    public var type: ColumnType
    /// A format such as `dd/MM/yyyy` or `dd/MM/yyyy HH:mm` (dates and datetimes).
    public var format: String?
    /// Time zone for datetimes without an offset: `UTC`, `+01:00`, or a name like `Europe/London`.
    public var timeZone: String?

    /// Creates a column declaration.
    public init(_ type: ColumnType, format: String? = nil, timeZone: String? = nil) {
        self.type = type
        self.format = format
        self.timeZone = timeZone
    }
}

/// Which columns a read types and keeps: those named, or mentioned anywhere in a text such as a spec.
///
/// Matching is Table.column(named:)'s rule (case, spaces, `_` and `-` ignored), and a column counts as
/// mentioned when its normalised name occurs anywhere in the normalised text — a superset of what the text
/// uses, never less, so a read for a report skips only columns the report cannot refer to.
public struct ColumnSelection: Sendable, Equatable {
    /// The text, normalised.
    let text: String
    /// Names always kept, normalised.
    let names: Set<String>

    /// Keeps the columns mentioned in `text` and those in `names`.
    public init(mentionedIn text: String, plus names: [String] = []) {
        self.text = Table.normalisedName(text)
        self.names = Set(names.map(Table.normalisedName))
    }

    /// Whether the column is read.
    public func keeps(_ column: String) -> Bool {
        let name = Table.normalisedName(column)
        return !name.isEmpty && (names.contains(name) || text.contains(name))
    }
}
