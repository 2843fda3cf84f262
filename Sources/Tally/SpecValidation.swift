import TallyCore
import TallyData
import TallySpec

/// `tally validate` and `tally schema` as library calls.
public enum SpecValidation {
    /// Every problem in a spec, including columns its datasets' headers lack (headers only: fast).
    public static func validate(specPath: String, world: any World) -> [Diagnostic] {
        let (loaded, diagnostics) = SpecLoader.load(path: specPath, world: world)
        guard let spec = loaded else { return diagnostics }
        var all = diagnostics
        for dataset in spec.datasets {
            let path = DatasetReading.path(of: dataset, specPath: specPath)
            let bytes: [UInt8]
            do {
                bytes = try world.readFile(path)
            } catch {
                all.append(.error(
                    .data, "cannot read data file '\(path)' for dataset '\(dataset.name.value)': \(error.reason)", at: dataset.file.location,
                    hint: "paths in 'file:' are relative to the spec's folder"))
                continue
            }
            let options = DatasetReading.readOptions(for: dataset, reportTimeZone: spec.report.timezone.value)
            let header: [String]
            do {
                header = try CSVReader.readHeader(bytes: bytes, path: path, options: options)
            } catch {
                all += error.diagnostics
                continue
            }
            let available = Set(header.map(Table.normalisedName))
            for column in dataset.columns where !available.contains(Table.normalisedName(column.name.value)) {
                all.append(.error(
                    .data, "column '\(column.name.value)' is not in \(path)", at: column.name.location,
                    hint: "the file's columns are: \(header.joined(separator: ", "))"))
            }
            if let phases = spec.phases, (phases.dataset?.value ?? spec.datasets.first?.name.value) == dataset.name.value,
                !available.contains(Table.normalisedName(phases.time.value))
            {
                all.append(.error(
                    .data, "phase time column '\(phases.time.value)' is not in \(path)", at: phases.time.location,
                    hint: "the file's columns are: \(header.joined(separator: ", "))"))
            }
        }
        return all
    }
}
