import TallyCore

/// The planted story measured back from a written tickets.csv, for `--check`: baseline vs post KPIs and the
/// outage week's volume.
struct StoryCheck {
    /// Below this many tickets the phases are too small for the checks to be meaningful.
    static let minimumRows = 5000
    /// Accumulated counts of one phase.
    struct Phase {
        /// Tickets.
        var tickets = 0
        /// Tickets resolved at first contact.
        var resolved = 0
        /// Tickets meeting their SLA.
        var slaMet = 0
        /// Tickets followed by a repeat contact.
        var repeats = 0
        /// Sum of handle times in seconds.
        var handleSeconds = 0
        /// Answered CSAT surveys.
        var surveys = 0
        /// CSAT answers of 4 or 5.
        var topTwo = 0

        /// A share as a percentage.
        func percent(_ count: Int, of total: Int) -> Double { total == 0 ? 0 : Double(count) / Double(total) * 100 }
    }

    /// Reads tickets.csv back and checks that the story is visible: FCR, CSAT, SLA, repeat contacts and handle
    /// time better after the change, and the outage week the busiest. Returns a one-line summary.
    static func check(path: String) throws(CheckError) -> String {
        let bytes = try Checker.read(path)
        let change = Story.change.description
        let start = Story.start.daysSinceEpoch
        var baseline = Phase()
        var post = Phase()
        var weekly = [Int](repeating: 0, count: Story.dayCount / 7)
        Checker.parse(bytes) { record, fields in
            guard record > 0, fields.count == 15 else { return true }
            let opened = fields[1]
            let isPost = String(opened.prefix(10)) >= change
            if let day = CivilDate(iso: Substring(opened.prefix(10))) {
                let week = (day.daysSinceEpoch - start) / 7
                if weekly.indices.contains(week) { weekly[week] += 1 }
            }
            /// Adds this ticket to a phase.
            func add(_ phase: inout Phase) {
                phase.tickets += 1
                if fields[8] == "Y" { phase.resolved += 1 }
                if fields[12] == "Y" { phase.slaMet += 1 }
                if fields[13] == "Y" { phase.repeats += 1 }
                phase.handleSeconds += Int(fields[7]) ?? 0
                if let csat = Int(fields[9]) {
                    phase.surveys += 1
                    if csat >= 4 { phase.topTwo += 1 }
                }
            }
            if isPost { add(&post) } else { add(&baseline) }
            return true
        }
        /// `before → after` with one decimal.
        func arrow(_ before: Double, _ after: Double, _ unit: String) -> String {
            "\((before * 10).rounded() / 10)\(unit) → \((after * 10).rounded() / 10)\(unit)"
        }
        let fcr = (baseline.percent(baseline.resolved, of: baseline.tickets),
                   post.percent(post.resolved, of: post.tickets))
        let csat = (baseline.percent(baseline.topTwo, of: baseline.surveys),
                    post.percent(post.topTwo, of: post.surveys))
        let sla = (baseline.percent(baseline.slaMet, of: baseline.tickets), post.percent(post.slaMet, of: post.tickets))
        let repeats = (baseline.percent(baseline.repeats, of: baseline.tickets),
                       post.percent(post.repeats, of: post.tickets))
        let aht = (Double(baseline.handleSeconds) / Double(max(1, baseline.tickets)),
                   Double(post.handleSeconds) / Double(max(1, post.tickets)))
        let outageWeek = (Story.outageStart.daysSinceEpoch - start) / 7
        let median = weekly.sorted()[weekly.count / 2]
        let surge = Double(weekly[outageWeek]) / Double(max(1, median))
        let summary = "FCR \(arrow(fcr.0, fcr.1, "%")), CSAT top-2-box \(arrow(csat.0, csat.1, "%")), "
            + "SLA \(arrow(sla.0, sla.1, "%")), repeat contacts \(arrow(repeats.0, repeats.1, "%")), "
            + "AHT \(arrow(aht.0, aht.1, " s")); outage week \((surge * 100).rounded() / 100)× the median week"
        var failures: [String] = []
        if fcr.1 <= fcr.0 { failures.append("FCR did not improve") }
        if csat.1 <= csat.0 { failures.append("CSAT did not improve") }
        if sla.1 <= sla.0 { failures.append("SLA did not improve") }
        if repeats.1 >= repeats.0 { failures.append("repeat contacts did not fall") }
        if aht.1 >= aht.0 { failures.append("AHT did not fall") }
        if weekly.max() != weekly[outageWeek] { failures.append("the outage week is not the busiest week") }
        if !failures.isEmpty {
            let reasons = failures.joined(separator: "; ")
            throw CheckError(description: "\(path): story not visible (\(reasons)): \(summary)")
        }
        return summary
    }
}
