import Foundation
import TallyCore

/// Generates `servqual.csv`: the 22-item SERVQUAL survey (expectations E1–E22, perceptions P1–P22, 1–7) in two
/// independent waves, before and after the change.
struct ServqualGenerator {
    /// The run's seed.
    let seed: UInt64

    /// A SERVQUAL dimension: its items, expectation mean and the perception gap (P − E) planted per wave.
    struct Dimension: Sendable {
        /// Name (tangibles, reliability, responsiveness, assurance, empathy).
        let name: String
        /// Item numbers, 1-based.
        let items: ClosedRange<Int>
        /// Mean expectation on 1–7.
        let expectation: Double
        /// Mean perception minus expectation before the change (negative = shortfall).
        let gapBefore: Double
        /// Mean perception minus expectation after the change.
        let gapAfter: Double
    }

    /// The standard mapping (Parasuraman, Zeithaml & Berry 1988) with the planted means.
    static let dimensions: [Dimension] = [
        Dimension(name: "tangibles", items: 1...4, expectation: 5.6, gapBefore: -0.4, gapAfter: -0.4),
        Dimension(name: "reliability", items: 5...9, expectation: 6.5, gapBefore: -1.3, gapAfter: -0.9),
        Dimension(name: "responsiveness", items: 10...13, expectation: 6.3, gapBefore: -1.5, gapAfter: -0.8),
        Dimension(name: "assurance", items: 14...17, expectation: 6.3, gapBefore: -0.8, gapAfter: -0.6),
        Dimension(name: "empathy", items: 18...22, expectation: 6.0, gapBefore: -1.1, gapAfter: -0.6),
    ]
    /// Respondents per wave.
    static let waveSizes = [("before", 152), ("after", 148)]
    /// Probability that any one item is left blank.
    static let blankRate = 0.025

    /// Columns of servqual.csv.
    static var header: [String] {
        ["respondent_id", "wave"] + (1...22).map { "E\($0)" } + (1...22).map { "P\($0)" }
    }

    /// Writes the file and returns its row count.
    func write(to path: String) throws(OutputError) -> Int {
        var rng = Random(seed: seed, stream: "servqual")
        var csv = try CSVWriter(path: path, header: ServqualGenerator.header)
        var number = 0
        for (wave, size) in ServqualGenerator.waveSizes {
            for _ in 0..<size {
                number += 1
                // Person effects: a general leniency on expectations and on perceptions, plus per-dimension taste.
                let expectationShift = rng.normal(mean: 0, sd: 0.45)
                let perceptionShift = rng.normal(mean: 0, sd: 0.7)
                var expectations: [Int] = []
                var perceptions: [Int] = []
                for dimension in ServqualGenerator.dimensions {
                    let taste = rng.normal(mean: 0, sd: 0.35)
                    let gap = wave == "before" ? dimension.gapBefore : dimension.gapAfter
                    for _ in dimension.items {
                        let e = dimension.expectation + expectationShift + rng.normal(mean: 0, sd: 0.6)
                        let p = dimension.expectation + gap + perceptionShift + taste + rng.normal(mean: 0, sd: 0.6)
                        expectations.append(Int(clamp(e.rounded(), 1, 7)))
                        perceptions.append(Int(clamp(p.rounded(), 1, 7)))
                    }
                }
                csv.id([82], number, width: 4)
                csv.text(wave)
                for value in expectations + perceptions {
                    if rng.bernoulli(ServqualGenerator.blankRate) { csv.empty() } else { csv.int(value) }
                }
                try csv.endRow()
            }
        }
        try csv.close()
        return csv.rows
    }
}
