#if canImport(Glibc)
import Glibc
#endif
import TallyCore

/// One size's input tree: `<base>/<rows>/ReportSpecs/<spec>` beside `<base>/<rows>/SampleData/tickets.csv`, as the
/// spec's `../SampleData/tickets.csv` expects, and `<base>/out` for the reports.
struct Workspace: Sendable {
    /// Ticket rows.
    var rows: Int
    /// The copied spec.
    var specPath: String
    /// `--out` for the builds.
    var outputDirectory: String
    /// Where the first child build's output goes (for reading when it fails).
    var logPath: String
    /// Size of tickets.csv in bytes.
    var dataBytes: Int

    /// Copies the spec and generates the tickets with the `sampledata` executable; nil after printing a problem.
    static func make(base: String, rows: Int, spec: [UInt8], specName: String, sampledata: String) -> Workspace? {
        let root = Path.join(base, String(rows))
        let specPath = Path.join(root, "ReportSpecs/" + specName)
        let data = Path.join(root, "SampleData")
        let world = LocalWorld()
        do {
            try world.createDirectories(Path.join(root, "ReportSpecs"))
            try world.writeFileAtomically(spec, to: specPath)
        } catch {
            print("pipeline: cannot write \(specPath): \(error)")
            return nil
        }
        let log = Path.join(base, "log-\(rows).txt")
        let tickets = Path.join(data, "tickets.csv")
        let generated = ProcessMeasure.run(sampledata, ["--out", data, "--rows", String(rows), "--only", "tickets"], log: log)
        guard let generated, generated.status == 0, let bytes = world.fileSize(tickets) else {
            print("pipeline: \(sampledata) could not write \(tickets); see \(log)")
            return nil
        }
        print("pipeline: generated \(tickets): \(PipelineReport.rowsLabel(rows)) rows, \(NumberFormat.fixed(Double(bytes) / 1_000_000, 1)) MB "
            + "in \(NumberFormat.fixed(generated.wall, 2)) s")
        return Workspace(rows: rows, specPath: specPath, outputDirectory: Path.join(base, "out"), logPath: log, dataBytes: bytes)
    }

    /// Removes `path` and everything under it (symbolic links are removed, never followed).
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? LocalWorld().listDirectory(path)) ?? [] { remove(Path.join(path, name)) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
