#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File helpers for golden tests (no Foundation): paths relative to this test folder.
enum TestFiles {
    /// `Tests/TallyChartsTests/Golden/<name>`.
    static func golden(_ name: String) -> String {
        var dir = #filePath
        while let last = dir.last, last != "/" { dir.removeLast() }
        return dir + "Golden/" + name
    }

    /// True when `TALLY_UPDATE_GOLDEN=1`: expectations are rewritten instead of compared.
    static var updating: Bool {
        guard let raw = getenv("TALLY_UPDATE_GOLDEN") else { return false }
        return String(cString: raw) == "1"
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }

    static func write(_ bytes: [UInt8], to path: String) {
        var dir = path
        while let last = dir.last, last != "/" { dir.removeLast() }
        mkdir(dir, 0o755)
        guard let file = fopen(path, "wb") else { return }
        _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
    }
}
