import Foundation
import TallyEval

/// Encodes results as results.json: sorted keys and unrounded numbers, so two builds give identical bytes.
enum ResultsJSON {
    /// Pretty-printed JSON with a trailing newline.
    static func encode(_ results: Results) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        guard let data = try? encoder.encode(results) else { return Array("{}\n".utf8) }
        return Array(data) + [10]
    }
}
