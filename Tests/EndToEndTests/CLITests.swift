import Foundation
import Testing
import TallyTestSupport

/// The command line for schedulers: exit codes, shards, incremental builds, JSON, atomic outputs.
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct CLITests {
    /// A tiny dataset and spec in a scratch folder (fast to build), with a batch over `team`.
    static func scratchProject(batch: Bool = false, target: String = "50%") throws -> String {
        let folder = try EndToEnd.temporaryDirectory()
        var csv = "ticket_id,opened_at,team,fcr\n"
        for i in 0..<120 {
            let day = i % 56, team = ["Billing", "Payments", "Moves & Changes"][i % 3]
            let date = Calendar(identifier: .gregorian).date(byAdding: .day, value: day, to: Date(timeIntervalSince1970: 1_735_689_600)) ?? Date()
            let stamp = ISO8601DateFormatter().string(from: date)
            csv += "T\(i),\(stamp),\(team),\(i % 4 == 0 ? "N" : "Y")\n"
        }
        try csv.write(toFile: folder + "/tickets.csv", atomically: true, encoding: .utf8)
        let spec = """
            version: 1
            report: { title: Scratch, as_of: 2025-03-01 }
            data:
              tickets: { file: tickets.csv, columns: { opened_at: datetime, fcr: boolean } }
            \(batch ? "batch: { for_each: team }\n" : "")phases:
              time: opened_at
              periods:
                - { id: baseline, label: Before, from: 2025-01-01, to: 2025-01-28 }
                - { id: post, label: After, from: 2025-01-29, to: 2025-02-25 }
            kpis:
              fcr: { label: FCR, builtin: fcr, target: \(target) }
            sections:
              - title: S
                blocks:
                  - { type: prepost_chart, id: fcr, kpis: [fcr] }
            output: { formats: [pdf, png] }

            """
        try spec.write(toFile: folder + "/scratch.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func incrementalBuildSkipsUnchangedAndRebuildsOnChange() throws {
        let folder = try Self.scratchProject()
        let first = try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/scratch.yaml"])
        #expect(first.status == 0 && first.stdout.contains("built scratch"), "\(first.stderr)")
        let second = try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/scratch.yaml"])
        #expect(second.status == 0 && second.stdout.contains("up to date scratch"))
        let forced = try EndToEnd.tally(["build", "--force", "--out", folder + "/out", folder + "/scratch.yaml"])
        #expect(forced.stdout.contains("built scratch"))
        // A changed input is rebuilt.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/tickets.csv"))
        handle.seekToEndOfFile()
        handle.write(Data("T999,2025-02-20T10:00:00Z,Billing,Y\n".utf8))
        try handle.close()
        #expect(try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/scratch.yaml"]).stdout.contains("built scratch"))
    }

    @Test func shardsCoverEveryBatchItemExactlyOnce() throws {
        let folder = try Self.scratchProject(batch: true)
        var built: [String] = []
        for shard in ["1/2", "2/2"] {
            let run = try EndToEnd.tally(["build", "--shard", shard, "--json", "--out", folder + "/out", folder + "/scratch.yaml"])
            #expect(run.status == 0, "\(run.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
            built += (json?["reports"] as? [[String: Any]] ?? []).compactMap { $0["item"] as? String }
        }
        #expect(built.sorted() == ["Billing", "Moves & Changes", "Payments"])
        #expect(FileManager.default.fileExists(atPath: folder + "/out/scratch/moves-changes/report.pdf"))
    }

    @Test func alertsExitFourOnlyWhenAskedFor() throws {
        let folder = try Self.scratchProject(target: "99%")
        let quiet = try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/scratch.yaml"])
        #expect(quiet.status == 0)
        let loud = try EndToEnd.tally(["build", "--fail-on", "target-missed", "--out", folder + "/out", folder + "/scratch.yaml"])
        #expect(loud.status == 4)
        #expect(loud.stderr.contains("alert: target-missed: FCR is"))
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [["build", "--shard", "3/2", "x.yaml"], ["build", "--format", "docx", "x.yaml"], ["build", "--as-of", "5/1/2026", "x.yaml"],
                          ["build", "--fail-on", "sometimes", "x.yaml"], ["build", "--no-such-flag"], ["frobnicate"]] {
            let run = try EndToEnd.tally(arguments)
            #expect(run.status == 2, "\(arguments): \(run.status) \(run.stderr)")
            #expect(run.stderr.contains("error:"))
        }
        #expect(try EndToEnd.tally(["--version"]).stdout.hasPrefix("tally "))
    }

    @Test func oneFailingSpecDoesNotStopTheOthers() throws {
        let folder = try Self.scratchProject()
        try "version: 1\nreport: { titel: Oops }\n".write(toFile: folder + "/broken.yaml", atomically: true, encoding: .utf8)
        let run = try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/broken.yaml", folder + "/scratch.yaml"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("built scratch"))
        #expect(run.stderr.contains("broken.yaml:2:"))
    }

    /// A build killed with SIGKILL at random moments leaves either the old or the new report — never a truncated one.
    @Test func killedBuildsNeverLeaveTruncatedOutputs() throws {
        let folder = try Self.scratchProject()
        let out = folder + "/out"
        #expect(try EndToEnd.tally(["build", "--out", out, folder + "/scratch.yaml"]).status == 0)
        let pdf = out + "/scratch/report.pdf"
        let good = try Data(contentsOf: URL(fileURLWithPath: pdf))
        guard let executable = ProcessRunner.tallyExecutable else { return }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = ["build", "--force", "--out", out, folder + "/scratch.yaml"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 5_000...400_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try Data(contentsOf: URL(fileURLWithPath: pdf))
            #expect(now == good, "the PDF changed or was truncated by a killed build")
            let info = try EndToEnd.poppler("pdfinfo", [pdf])
            #expect(info.contains("Pages:"))
        }
    }
}

/// The helper commands: init, explain, inspect, schema, validate.
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct HelperCommandTests {
    @Test func initWritesASpecThatBuilds() throws {
        let folder = try CLITests.scratchProject()
        let spec = folder + "/started.yaml"
        let run = try EndToEnd.tally(["init", "--out", spec, folder + "/tickets.csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: spec, encoding: .utf8)
        #expect(text.contains("time: opened_at"))
        #expect(text.contains("fcr: boolean"))
        let build = try EndToEnd.tally(["build", "--out", folder + "/out", spec])
        #expect(build.status == 0, "the starter spec should build as written: \(build.stderr)")
        // Refuses to overwrite without --force.
        #expect(try EndToEnd.tally(["init", "--out", spec, folder + "/tickets.csv"]).status == 2)
    }

    @Test func explainNamesTheRuleAndThePoints() throws {
        let run = try EndToEnd.tally(["explain", "ReportSpecs/monitoring-pack.yaml", "--block", "fcr-pprime"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Method: Laney p′ chart"))
        #expect(run.stdout.contains("Signal nhs.astronomical: A point outside the process limits — w/c 10 Mar 2025"))
        let list = try EndToEnd.tally(["explain", "ReportSpecs/monitoring-pack.yaml"])
        #expect(list.stdout.contains("aht-xmr  (control_chart)"))
        let wrong = try EndToEnd.tally(["explain", "ReportSpecs/monitoring-pack.yaml", "--block", "fcr"])
        #expect(wrong.status == 2 && wrong.stderr.contains("did you mean"))
    }

    @Test func inspectProfilesAndPrintsRecords() throws {
        let folder = try CLITests.scratchProject()
        let profile = try EndToEnd.tally(["inspect", "--json", folder + "/tickets.csv"])
        #expect(profile.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(profile.stdout.utf8)) as? [String: Any]
        #expect(json != nil)
        let records = try EndToEnd.tally(["inspect", "--records", folder + "/tickets.csv"])
        let array = try JSONSerialization.jsonObject(with: Data(records.stdout.utf8)) as? [[String: String]]
        #expect(array?.count == 120)
        #expect(array?.first?["team"] == "Billing")
        try "a,b\n1,2,3\n".write(toFile: folder + "/ragged.csv", atomically: true, encoding: .utf8)
        let bad = try EndToEnd.tally(["inspect", folder + "/ragged.csv"])
        #expect(bad.status == 3)
        #expect(bad.stderr.contains("ragged.csv:2:"))
    }

    @Test func schemaIsJSONAndValidateAcceptsTheExamples() throws {
        let schema = try EndToEnd.tally(["schema"])
        #expect(schema.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(schema.stdout.utf8)) as? [String: Any]
        #expect((object?["$schema"] as? String)?.contains("2020-12") == true)
        let validate = try EndToEnd.tally(["validate", "ReportSpecs/"])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.split(separator: "\n").count == ExampleReportsTests.specs.count)
    }
}

/// Progress is drawn on a terminal and never in pipes, cron mail or CI logs.
@Suite(.serialized, .enabled(if: EndToEnd.ready, EndToEnd.skipReason))
struct ProgressTests {
    @Test func noProgressWhenNotOnATerminal() throws {
        let folder = try CLITests.scratchProject(batch: true)
        let run = try EndToEnd.tally(["build", "--out", folder + "/out", folder + "/scratch.yaml"])
        #expect(run.status == 0)
        #expect(!run.stderr.contains("\u{1B}[2K") && !run.stdout.contains("\u{1B}[2K"))
    }

    @Test(.enabled(if: ProcessRunner.which("script") != nil, "needs script(1) to give tally a terminal"))
    func progressOnATerminal() throws {
        let folder = try CLITests.scratchProject(batch: true)
        guard let tally = ProcessRunner.tallyExecutable, let script = ProcessRunner.which("script") else { return }
        let command = "\(tally) build --out \(folder)/out \(folder)/scratch.yaml"
        let run = try ProcessRunner.run(script, ["-qec", command, "/dev/null"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("[3/3] built scratch"))
    }
}
