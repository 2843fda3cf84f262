import Foundation
import TallyCore

/// Generates `complaints.csv`: the formal complaints register, one row per complaint, in order of receipt.
struct ComplaintsGenerator {
    /// The run's seed.
    let seed: UInt64
    /// Tickets per day of the period (from tickets.csv), which set the complaint rate.
    let dailyContacts: [Int]

    /// Columns of complaints.csv.
    static let header = [
        "complaint_id", "received_date", "resolved_date", "channel", "category", "root_cause", "days_to_resolve",
        "escalated", "upheld", "redress_gbp",
    ]
    /// Complaints per 1,000 contacts in the baseline.
    static let baselineRate = 30.0
    /// Channels a complaint arrives by, with shares.
    static let channels: [(name: String, weight: Double)] = [
        ("phone", 45), ("email", 30), ("web form", 15), ("letter", 5), ("social", 5),
    ]
    /// Categories of complaints, with shares (the outage adds to "online account").
    static let categories: [(name: String, weight: Double)] = [
        ("billing query", 32), ("meter reading", 15), ("smart meter fault", 12), ("payment arrangement", 10),
        ("moving home", 10), ("tariff change", 6), ("direct debit", 6), ("refund", 5), ("online account", 4),
    ]
    /// Root causes: baseline share (Pareto-skewed) and probability that such a complaint is upheld.
    static let rootCauses: [(name: String, weight: Double, upheld: Double)] = [
        ("billing error", 31, 0.62), ("estimated reading", 19, 0.48), ("process delay", 14, 0.55),
        ("communication", 11, 0.45), ("agent knowledge", 9, 0.70), ("metering fault", 6, 0.50),
        ("system outage", 4, 0.85), ("other", 6, 0.30),
    ]
    /// Root causes made more likely by a complaint's category (multiplier on the root cause's weight).
    static let causeAffinity: [String: (cause: String, factor: Double)] = [
        "billing query": ("billing error", 1.5), "meter reading": ("estimated reading", 3),
        "smart meter fault": ("metering fault", 4), "online account": ("system outage", 3),
        "moving home": ("process delay", 2), "tariff change": ("process delay", 2),
        "payment arrangement": ("communication", 1.5), "direct debit": ("billing error", 1.5),
        "refund": ("process delay", 2),
    ]
    /// Fixed goodwill amounts in pounds.
    static let goodwill: [Double] = [20, 25, 30, 40, 50, 75, 100]

    /// Writes the register and returns its row count.
    func write(to path: String) throws(OutputError) -> Int {
        var rng = Random(seed: seed, stream: "complaints")
        var csv = try CSVWriter(path: path, header: ComplaintsGenerator.header)
        let channelTable = Categorical(ComplaintsGenerator.channels.map(\.weight))
        let lastDay = Story.day(Story.dayCount - 1).daysSinceEpoch
        var number = 0
        for dayIndex in 0..<min(Story.dayCount, dailyContacts.count) {
            let date = Story.day(dayIndex)
            let r = Story.ramp(date)
            let o = Story.outage(date)
            let rate = ComplaintsGenerator.baselineRate * (1 - 0.25 * r) * (1 + 1.5 * o)
            let count = rng.poisson(Double(dailyContacts[dayIndex]) * rate / 1000)
            guard count > 0 else { continue }
            let categoryTable = Categorical(
                ComplaintsGenerator.categories.map { $0.name == "online account" ? $0.weight + 60 * o : $0.weight })
            let causeWeights = ComplaintsGenerator.rootCauses.map { cause in
                switch cause.name {
                case "communication", "agent knowledge": return cause.weight * (1 - 0.4 * r)
                case "process delay": return cause.weight * (1 - 0.3 * r)
                case "system outage": return cause.weight + 150 * o
                default: return cause.weight
                }
            }
            // One cause table per category, with the category's affinity applied.
            let causeTables = ComplaintsGenerator.categories.map { category in
                Categorical(
                    zip(ComplaintsGenerator.rootCauses, causeWeights).map { cause, weight in
                        let affinity = ComplaintsGenerator.causeAffinity[category.name]
                        return affinity?.cause == cause.name ? weight * (affinity?.factor ?? 1) : weight
                    })
            }
            for _ in 0..<count {
                number += 1
                let channel = ComplaintsGenerator.channels[channelTable.sample(&rng)].name
                let categoryIndex = categoryTable.sample(&rng)
                let category = ComplaintsGenerator.categories[categoryIndex].name
                let cause = ComplaintsGenerator.rootCauses[causeTables[categoryIndex].sample(&rng)]
                var escalated = rng.bernoulli(0.12 * (1 - 0.4 * r) + 0.2 * o)
                let median = 11 * (1 - 0.35 * r) * (escalated ? 1.8 : 1)
                let days = Int(min(rng.logNormal(median: median, sigma: 0.75), 180).rounded())
                if days > 56 { escalated = true }
                let upheld = rng.bernoulli(cause.upheld)
                var redress = 0.0
                if upheld && !rng.bernoulli(0.25) {
                    redress = rng.bernoulli(0.55) ? rng.pick(ComplaintsGenerator.goodwill)
                        : min(rng.logNormal(median: 45, sigma: 0.9), 2500)
                }
                let resolvedDay = date.daysSinceEpoch + days
                let isResolved = resolvedDay <= lastDay

                csv.id([67], number, width: 5)
                csv.date(date)
                if isResolved { csv.date(CivilDate(daysSinceEpoch: resolvedDay)) } else { csv.empty() }
                csv.text(channel)
                csv.text(category)
                csv.text(cause.name)
                if isResolved { csv.int(days) } else { csv.empty() }
                csv.flag(escalated)
                if isResolved { csv.flag(upheld) } else { csv.empty() }
                if isResolved { csv.fixed(redress, decimals: 2) } else { csv.empty() }
                try csv.endRow()
            }
        }
        try csv.close()
        return csv.rows
    }
}
