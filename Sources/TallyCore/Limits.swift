/// The bounds a build stays within, so a hostile or broken input ends in a clear error instead of a crash,
/// a hang or an exhausted machine. Every default lives here (documented in README, "Limits").
///
/// The limits on what a spec may contain (size, YAML nesting, formulas) are fixed; the limits on what a
/// build may produce or hold (charts, pages, batch items, memory per dataset) can be changed per build
/// through `BuildRequest.limits`, and the memory budget with `tally build --max-dataset-memory`.
public struct Limits: Sendable, Hashable {
    /// Largest spec file, in bytes (1 MiB; the examples are under 10 KiB).
    public var maxSpecBytes: Int
    /// Deepest nesting of YAML mappings and lists in a spec (the deepest spec key is 7 levels down).
    public var maxYAMLDepth: Int
    /// Longest formula, in characters (Excel's limit).
    public var maxFormulaLength: Int
    /// Deepest formula: parentheses, function calls, signs and chained operators each add a level.
    public var maxFormulaDepth: Int
    /// Most charts in one report.
    public var maxCharts: Int
    /// Most pages in one report's PDF.
    public var maxPages: Int
    /// Most reports one spec's `batch.for_each` may make.
    public var maxBatchItems: Int
    /// Memory one dataset may take while it is read: the file plus an estimate of its typed columns, in bytes.
    public var maxDatasetMemory: Int

    /// Creates limits; every argument defaults to the value in `Limits.standard`.
    public init(
        maxSpecBytes: Int = 1 << 20, maxYAMLDepth: Int = 64, maxFormulaLength: Int = 8_192, maxFormulaDepth: Int = 100,
        maxCharts: Int = 500, maxPages: Int = 1_000, maxBatchItems: Int = 1_000, maxDatasetMemory: Int = 2 << 30
    ) {
        self.maxSpecBytes = maxSpecBytes
        self.maxYAMLDepth = maxYAMLDepth
        self.maxFormulaLength = maxFormulaLength
        self.maxFormulaDepth = maxFormulaDepth
        self.maxCharts = maxCharts
        self.maxPages = maxPages
        self.maxBatchItems = maxBatchItems
        self.maxDatasetMemory = maxDatasetMemory
    }

    /// The defaults.
    public static let standard = Limits()
}

/// Byte sizes written the way people write them: `512M`, `2G`, `1.5GB`, `800MiB`, `4096` (bytes).
public enum ByteSize {
    /// Parses a size; units K, M, G, T (optionally followed by B or iB) are powers of 1024. Nil when malformed.
    public static func parse(_ text: String) -> Int? {
        var digits = Substring(text.filter { $0 != " " && $0 != "_" })
        var multiplier = 1.0
        let upper = digits.uppercased()
        for (suffix, power) in [("TIB", 4), ("GIB", 3), ("MIB", 2), ("KIB", 1), ("TB", 4), ("GB", 3), ("MB", 2), ("KB", 1),
                                ("T", 4), ("G", 3), ("M", 2), ("K", 1), ("B", 0)] where upper.hasSuffix(suffix) {
            digits = digits.dropLast(suffix.count)
            for _ in 0..<power { multiplier *= 1024 }
            break
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let value = Double(digits), value.isFinite, value > 0 else { return nil }
        let bytes = value * multiplier
        guard bytes < 9e18 else { return nil }
        return Int(bytes.rounded(.up))
    }

    /// A size for messages: `2 GiB`, `512 MiB`, `1.5 KiB`, `300 bytes`.
    public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return "\(text) \(units[unit])"
    }
}
