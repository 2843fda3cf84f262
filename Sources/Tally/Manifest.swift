import Foundation
import TallyCore
import TallySpec

/// The record beside a report's outputs that makes rebuilds incremental: what the outputs were built from.
struct Manifest: Codable {
    /// Hash of every input that decides the outputs.
    var key: String
    /// Files written, relative to the report directory.
    var files: [String]
    /// Alerts the build raised (so an up-to-date build still reports them).
    var alerts: [Alert]

    /// File name of the manifest inside the report directory.
    static let fileName = ".tally-manifest.json"

    /// SHA-256 over the tool version, the spec, every input file, parameters, pinned date, formats and batch value.
    static func key(_ prepared: PreparedReport, item: BatchItem, world: any World) -> String {
        var parts = ["tally \(TallyVersion.current)", "spec \(prepared.specFile.sha256)"]
        for name in prepared.datasets.keys.sorted() { parts.append("data \(name) \(prepared.datasets[name]?.facts.file.sha256 ?? "")") }
        for (name, value) in prepared.request.parameters.sorted(by: { $0.key < $1.key }) { parts.append("param \(name)=\(value)") }
        parts.append("as-of \(prepared.request.asOf?.description ?? "-")")
        parts.append("formats \(prepared.formats.joined(separator: ","))")
        parts.append("item \(item.value ?? "-")")
        parts.append("source-date-epoch \(world.environment("SOURCE_DATE_EPOCH") ?? "-")")
        if case .buildDate = prepared.spec.report.asOf, prepared.request.asOf == nil {
            // A report dated "today" is out of date tomorrow.
            parts.append("today \(world.currentTime() / 86_400)")
        }
        return SHA256.hexDigest(of: Array(parts.joined(separator: "\n").utf8))
    }

    /// The manifest in `directory`, if there is a readable one.
    static func read(directory: String, world: any World) -> Manifest? {
        guard let bytes = try? world.readFile(Path.join(directory, fileName)) else { return nil }
        return try? JSONDecoder().decode(Manifest.self, from: Data(bytes))
    }

    /// Writes the manifest last, atomically, once every output is in place.
    static func write(_ manifest: Manifest, directory: String, world: any World) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(manifest) else { return }
        try? world.writeFileAtomically(Array(data) + [10], to: Path.join(directory, fileName))
    }
}
