import TallyCore
import TallyData
import TallySpec

/// `tally inspect` as a library call: a CSV file's profile (text or JSON) or its parsed records.
public enum DataInspection {
    /// The profile or the records of the CSV at `path`; parse errors come back as located diagnostics.
    public static func inspect(path: String, json: Bool, records: Bool, world: any World) -> Result<String, DiagnosticError> {
        let bytes: [UInt8]
        do {
            bytes = try world.readFile(path)
        } catch {
            return .failure(DiagnosticError(.error(.data, "cannot read '\(path)': \(error.reason)", at: SourceLocation(file: path))))
        }
        do {
            if records { return .success(try CSVReader.records(bytes: bytes, path: path)) }
            let profile = try CSVReader.profile(bytes: bytes, path: path)
            return .success(json ? profile.json : profile.text)
        } catch {
            return .failure(error)
        }
    }
}

extension SpecValidation {
    /// The JSON Schema (2020-12) of report specs, generated from the same field tables the loader decodes with.
    public static func jsonSchema() -> String { SpecSchema.jsonSchema() }
}
