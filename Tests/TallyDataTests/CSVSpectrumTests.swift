import Foundation
import TallyCore
import TallyTestSupport
import Testing
@testable import TallyData

/// Conformance with csv-spectrum (`../shared/reference/csv-spectrum`), via `CSVReader.records`.
@Suite struct CSVSpectrumTests {
    /// The suite's folder, or nil when absent.
    static var folder: String? { TestPaths.sharedReference.map { $0 + "/csv-spectrum" } }

    /// Parses JSON text into an array of string dictionaries.
    static func objects(_ text: String) throws -> [[String: String]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [[String: String]])
    }

    @Test(arguments: [
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines", "newlines_crlf",
        "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ])
    func matchesExpectedJSON(_ name: String) throws {
        guard let folder = Self.folder, FileManager.default.fileExists(atPath: folder) else {
            print("csv-spectrum not found beside the repository (../shared/reference/csv-spectrum): skipping \(name)")
            return
        }
        let csv = try #require(FileManager.default.contents(atPath: "\(folder)/csvs/\(name).csv"))
        let expected = try #require(FileManager.default.contents(atPath: "\(folder)/json/\(name).json"))
        let output = try CSVReader.records(bytes: Array(csv), path: "\(name).csv")
        #expect(try Self.objects(output) == Self.objects(String(decoding: expected, as: UTF8.self)))
        // The typed read must accept the same file.
        let table = try CSVReader.read(bytes: Array(csv), path: "\(name).csv", name: name).table
        #expect(table.rowCount == (try Self.objects(output)).count)
    }

    /// Documented choice: strict. A bare quote inside an unquoted field is an error naming line 2.
    @Test func locationCoordinatesIsRejectedStrictly() throws {
        guard let folder = Self.folder, FileManager.default.fileExists(atPath: folder) else {
            print("csv-spectrum not found: skipping location_coordinates")
            return
        }
        let csv = try #require(FileManager.default.contents(atPath: "\(folder)/csvs/location_coordinates.csv"))
        do {
            _ = try CSVReader.records(bytes: Array(csv), path: "location_coordinates.csv")
            Issue.record("expected a strict error")
        } catch {
            let d = try #require(error.diagnostics.first)
            #expect(d.location?.line == 2)
            #expect(d.location?.column == 22)  // the quote after 37\u{FFFD}36'37.8
            #expect(d.message.contains("double quote inside a value that does not start with one"))
            #expect(d.message.contains("\"Location Coordinates\""))
        }
    }
}
