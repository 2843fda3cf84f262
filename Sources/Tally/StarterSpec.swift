import Foundation
import TallyCore
import TallyData

/// `tally init`: a commented starter spec written from a CSV file's inferred columns.
public enum StarterSpec {
    /// YAML text for a spec over the CSV at `csvPath`, relative to where the spec will be saved (`specPath`).
    public static func make(csvPath: String, specPath: String, world: any World) -> Result<String, DiagnosticError> {
        let bytes: [UInt8]
        do {
            bytes = try world.readFile(csvPath)
        } catch {
            return .failure(DiagnosticError(.error(.data, "cannot read '\(csvPath)': \(error.reason)", at: SourceLocation(file: csvPath))))
        }
        let profile: CSVProfile
        do {
            profile = try CSVReader.profile(bytes: bytes, path: csvPath)
        } catch {
            return .failure(error)
        }
        let name = identifier(Path.stem(of: csvPath))
        let timeColumn = profile.columns.first { $0.type == .datetime } ?? profile.columns.first { $0.type == .date }
        let booleans = profile.columns.filter { $0.type == .boolean }
        let numbers = profile.columns.filter { $0.type.isNumeric && !$0.name.lowercased().hasSuffix("id") }
        var yaml: [String] = [
            "# yaml-language-server: $schema=tally.schema.json",
            "# Starter spec written by `tally init` from \(Path.fileName(of: csvPath)) (\(profile.rowCount) rows).",
            "# Edit the words, check the phase dates and KPIs, then run: tally build \(Path.fileName(of: specPath))",
            "version: 1", "", "report:", "  title: \(name.replacingUnderscores.capitalisedWords) evaluation",
            "  # subtitle: What changed, and when", "  # organisation: Your organisation", "  # author: Your name",
            "  timezone: Europe/London", "", "data:", "  \(name):", "    file: \(relativePath(from: specPath, to: csvPath))",
            "    columns:                 # types inferred from the data; change any that are wrong",
        ]
        for column in profile.columns {
            yaml.append("      \(yamlKey(column.name)): \(specTypeName(column.type))    # \(column.missing) missing, \(column.distinct) distinct, e.g. \(column.samples.first.map { yamlComment($0) } ?? "—")")
        }
        if let time = timeColumn, let first = time.min.flatMap({ CivilDate(iso: Substring($0.prefix(10))) }), let last = time.max.flatMap({ CivilDate(iso: Substring($0.prefix(10))) }) {
            let middle = CivilDate(daysSinceEpoch: (first.daysSinceEpoch + last.daysSinceEpoch) / 2)
            let dayBefore = CivilDate(daysSinceEpoch: middle.daysSinceEpoch - 1)
            yaml += [
                "", "phases:                      # proposed: the data split in half — set the real change date",
                "  time: \(yamlKey(time.name))", "  periods:",
                "    - { id: baseline, label: Before, from: \(first), to: \(dayBefore) }",
                "    - id: post", "      label: After", "      from: \(middle)", "      to: \(last)",
                "      change: { label: The change, reason: Describe what changed }",
            ]
        } else {
            yaml += ["", "# phases: no date column was found; add one to compare before and after"]
        }
        yaml += ["", "kpis:"]
        var kpiIds: [String] = []
        for column in booleans.prefix(4) {
            let id = identifier(column.name)
            kpiIds.append(id)
            yaml += ["  \(id):", "    label: \(column.name.replacingUnderscores.capitalisedWords) (share of rows)",
                     "    formula: '=COUNTIF(\(formulaName(column.name)),TRUE)/COUNTA(\(formulaName(column.name)))'",
                     "    format: percent", "    better: higher             # or lower", "    # target: 80%"]
        }
        for column in numbers.prefix(max(0, 4 - kpiIds.count)) {
            let id = identifier(column.name) + "_mean"
            kpiIds.append(id)
            yaml += ["  \(id):", "    label: Mean \(column.name.replacingUnderscores)", "    formula: '=AVERAGE(\(formulaName(column.name)))'",
                     "    format: number", "    better: higher             # or lower"]
        }
        if kpiIds.isEmpty { yaml += ["  rows:", "    label: Rows", "    formula: '=COUNTA(\(formulaName(profile.columns.first?.name ?? "id")))'", "    format: integer"] ; kpiIds = ["rows"] }
        let list = "[" + kpiIds.joined(separator: ", ") + "]"
        yaml += ["", "sections:", "  - title: Summary", "    blocks:", "      - type: findings", "        kpis: \(list)",
                 "      - type: variance_table", "        kpis: \(list)"]
        if timeColumn != nil {
            yaml += ["      - type: prepost_chart", "        kpis: [\(kpiIds[0])]", "  - title: Over time", "    blocks:",
                     "      - type: control_chart", "        kpi: \(kpiIds[0])", "        chart: xmr", "        period: week"]
        }
        yaml += ["", "output:", "  formats: [pdf, png]", ""]
        return .success(yaml.joined(separator: "\n"))
    }

    /// The spec language's name for a reader type (the spec says `number` for decimals, percentages and durations).
    static func specTypeName(_ type: ColumnType) -> String {
        switch type {
        case .decimal, .percent, .duration: return "number"
        default: return type.rawValue
        }
    }

    private static func identifier(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() { out.append(ch.isLetter || ch.isNumber ? ch : "_") }
        if let first = out.first, first.isNumber { out = "c_" + out }
        return out.isEmpty ? "data" : out
    }

    private static func formulaName(_ column: String) -> String {
        column.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } ? column : "[\(column)]"
    }

    private static func yamlKey(_ text: String) -> String {
        text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } ? text : "\"\(text.replacingOccurrencesOfQuote)\""
    }

    private static func yamlComment(_ text: String) -> String { String(text.prefix(30).map { $0.isNewline ? " " : $0 }) }

    /// `csvPath` as seen from the folder of `specPath` (both relative to the working directory, or absolute).
    static func relativePath(from specPath: String, to csvPath: String) -> String {
        if csvPath.hasPrefix("/") { return csvPath }
        // A spec saved by absolute path with a CSV named relative to here: use the CSV's absolute path.
        if specPath.hasPrefix("/") { return Path.normalised(Path.join(FileManager.default.currentDirectoryPath, csvPath)) }
        let base = Path.normalised(Path.directory(of: specPath)).split(separator: "/").filter { $0 != "." }
        let target = Path.normalised(csvPath).split(separator: "/")
        var common = 0
        while common < base.count, common < target.count - 1, base[common] == target[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...].map(String.init)).joined(separator: "/")
    }
}

extension String {
    fileprivate var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
    fileprivate var capitalisedWords: String { prefix(1).uppercased() + dropFirst() }
    fileprivate var replacingOccurrencesOfQuote: String { String(flatMap { $0 == "\"" ? ["\\", "\""] : [$0] }) }
}
