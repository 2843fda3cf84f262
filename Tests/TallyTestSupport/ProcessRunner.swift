import Foundation

/// The outcome of running a program: exit status and captured output.
public struct ProcessOutcome: Sendable {
    /// Exit status (or 128+signal).
    public var status: Int32
    /// Captured standard output.
    public var stdout: String
    /// Captured standard error.
    public var stderr: String
}

/// Runs programs for end-to-end tests (the built `tally`, poppler's tools).
public enum ProcessRunner {
    /// Runs `executable` with `arguments` in `directory`, waits, and captures stdout and stderr.
    public static func run(
        _ executable: String, _ arguments: [String], in directory: String? = nil, environment: [String: String] = [:]
    ) throws -> ProcessOutcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so a full stderr buffer cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Full path of a program on PATH, or nil.
    public static func which(_ program: String) -> String? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The `tally` binary built by SwiftPM next to the test bundle (debug or release).
    public static var tallyExecutable: String? {
        let root = TestPaths.repositoryRoot
        for candidate in [".build/debug/tally", ".build/release/tally"] {
            let path = root + "/" + candidate
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }
}
