#if canImport(Glibc)
import Glibc
#endif
import TallyCore

/// What one child process cost: wall time from spawn to reap, its CPU time and its peak resident set.
struct ProcessCost: Sendable {
    /// Exit status (`-1` when it was killed by a signal).
    var status: Int32
    /// Monotonic seconds from `posix_spawn` to `wait4` returning.
    var wall: Double
    /// User + system CPU seconds of the child (all its threads).
    var cpu: Double
    /// Peak resident set size of the child in bytes (`ru_maxrss`, which Linux reports in KB).
    var peakRSS: Int
}

/// Runs child processes and reads their cost from `wait4`'s rusage: no timing of the parent's own work.
enum ProcessMeasure {
    /// Spawns `executable` with `arguments` (not including argv[0]), output sent to `log` (appended) or
    /// /dev/null, waits for it and returns its cost; nil when it could not be started.
    static func run(_ executable: String, _ arguments: [String], log: String? = nil) -> ProcessCost? {
        var argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let target = log ?? "/dev/null"
        posix_spawn_file_actions_addopen(&actions, 1, target, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var pid: pid_t = 0
        let start = Clock.now()
        guard posix_spawn(&pid, executable, &actions, nil, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            if errno != EINTR { return nil }
        }
        let wall = Clock.now() - start
        // WIFEXITED / WEXITSTATUS by hand: the macros are not imported into Swift.
        let exited = status & 0x7f == 0
        return ProcessCost(
            status: exited ? (status >> 8) & 0xff : -1, wall: wall, cpu: Clock.seconds(usage.ru_utime) + Clock.seconds(usage.ru_stime),
            peakRSS: Int(usage.ru_maxrss) * 1024)
    }

    /// Like `run`, but through a fresh `tally-bench spawn-measure` helper, which spawns the child and reports its cost.
    ///
    /// Linux's `ru_maxrss` of a child is at least the peak RSS of the address space it replaced at `exec`; after
    /// `posix_spawn` (a vfork) that is this process's, which after a 1M-row benchmark is hundreds of MB. The
    /// helper is a small new process, so the peak reported for its child is the child's own.
    static func runIsolated(_ executable: String, _ arguments: [String], log: String? = nil, scratch: String) -> ProcessCost? {
        let report = scratch + ".cost"
        defer { unlink(report) }
        var helper = ["spawn-measure", "--report", report]
        if let log { helper += ["--log", log] }
        guard let outer = run("/proc/self/exe", helper + ["--", executable] + arguments), outer.status == 0,
              let bytes = try? LocalWorld().readFile(report)
        else { return nil }
        let fields = String(decoding: bytes, as: UTF8.self).split(separator: " ").map(String.init)
        guard fields.count == 4, let status = Int32(fields[0]), let wall = Double(fields[1]), let cpu = Double(fields[2]), let rss = Int(fields[3])
        else { return nil }
        return ProcessCost(status: status, wall: wall, cpu: cpu, peakRSS: rss)
    }

    /// `tally-bench spawn-measure --report FILE [--log FILE] -- EXECUTABLE ARGS…`: runs the child and writes
    /// "status wall cpu peak-bytes" to FILE (the helper half of `runIsolated`).
    static func helperMain(_ arguments: [String]) {
        guard let separator = arguments.firstIndex(of: "--"), separator + 1 < arguments.count,
              let reportIndex = arguments.firstIndex(of: "--report"), reportIndex + 1 < separator
        else {
            print("usage: tally-bench spawn-measure --report FILE [--log FILE] -- EXECUTABLE ARGS…")
            exit(2)
        }
        let log = arguments.firstIndex(of: "--log").flatMap { $0 + 1 < separator ? arguments[$0 + 1] : nil }
        guard let cost = run(arguments[separator + 1], Array(arguments[(separator + 2)...]), log: log) else { exit(1) }
        let text = "\(cost.status) \(cost.wall) \(cost.cpu) \(cost.peakRSS)"
        do { try LocalWorld().writeFileAtomically(Array(text.utf8), to: arguments[reportIndex + 1]) } catch { exit(1) }
    }

    /// The folder holding this executable (where SwiftPM puts its sibling products), or nil.
    static func ownDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let path = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Path.directory(of: path)
    }

    /// True when `path` is an executable file.
    static func isExecutable(_ path: String) -> Bool { access(path, X_OK) == 0 }
}

/// Clocks for the benchmark: monotonic wall time and this process's CPU time.
enum Clock {
    /// Monotonic seconds.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// User + system CPU seconds of this process so far (every thread).
    static func cpu() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// A `timeval` in seconds.
    static func seconds(_ value: timeval) -> Double { Double(value.tv_sec) + Double(value.tv_usec) / 1e6 }
}
