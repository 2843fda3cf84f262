import Foundation
import TallyCore

/// Generates `mystery_shopper.csv`: two scored mystery-shopper contacts per team per month.
struct MysteryShopperGenerator {
    /// The run's seed.
    let seed: UInt64

    /// The scored criteria (each 0–5) with their baseline means and the full-strength change effect.
    static let criteria: [(name: String, baseline: Double, change: Double)] = [
        ("greeting", 4.3, 0.1), ("identification", 4.5, 0.0), ("empathy", 3.1, 0.8), ("knowledge", 3.5, 0.4),
        ("resolution", 3.2, 0.8), ("close", 3.8, 0.3),
    ]
    /// Team offsets on every criterion, in `Catalog.teams` order.
    static let teamShift = [0.0, 0.1, -0.2, 0.1, 0.2]
    /// The mystery shoppers (agency codes).
    static let shoppers = ["MS01", "MS02", "MS03", "MS04", "MS05", "MS06"]

    /// Columns of mystery_shopper.csv.
    static var header: [String] {
        ["visit_id", "team", "date", "shopper"] + criteria.map(\.name) + ["total_pct"]
    }

    /// A scheduled visit before scoring.
    private struct Visit {
        /// Team index.
        let team: Int
        /// Day of the visit.
        let date: CivilDate
    }

    /// Writes the file and returns its row count.
    func write(to path: String) throws(OutputError) -> Int {
        var rng = Random(seed: seed, stream: "mystery_shopper")
        var csv = try CSVWriter(path: path, header: MysteryShopperGenerator.header)
        // Schedule: for each month of 2025 and each team, one visit on days 1–14 and one on days 15–end,
        // moved forward to the next weekday.
        var visits: [Visit] = []
        for month in 1...12 {
            let length = CivilDate.daysInMonth(year: 2025, month: month)
            for team in Catalog.teams.indices {
                for half in 0..<2 {
                    let first = half == 0 ? 1 : 15
                    let last = half == 0 ? 14 : length
                    var day = CivilDate(year: 2025, month: month, day: rng.int(in: first...last)).daysSinceEpoch
                    while CivilDate(daysSinceEpoch: day).isoWeekday > 5 { day += 1 }
                    let date = CivilDate(daysSinceEpoch: max(day, Story.start.daysSinceEpoch))
                    visits.append(Visit(team: team, date: date))
                }
            }
        }
        visits.sort { $0.date != $1.date ? $0.date < $1.date : $0.team < $1.team }
        let maximum = Double(MysteryShopperGenerator.criteria.count * 5)
        for (index, visit) in visits.enumerated() {
            let r = Story.ramp(visit.date)
            let o = Story.outage(visit.date)
            let visitEffect = rng.normal(mean: 0, sd: 0.35) + MysteryShopperGenerator.teamShift[visit.team] - 0.8 * o
            csv.id([86], index + 1, width: 3)
            csv.text(Catalog.teams[visit.team])
            csv.date(visit.date)
            csv.text(rng.pick(MysteryShopperGenerator.shoppers))
            var total = 0
            for criterion in MysteryShopperGenerator.criteria {
                let mean = criterion.baseline + criterion.change * r + visitEffect
                let score = Int(clamp(rng.normal(mean: mean, sd: 0.6).rounded(), 0, 5))
                total += score
                csv.int(score)
            }
            csv.fixed(Double(total) / maximum * 100, decimals: 1)
            try csv.endRow()
        }
        try csv.close()
        return csv.rows
    }
}
