import TallyCore

/// Generates `targets.csv`: the project's SMART objectives, one row per KPI (fixed, not random).
struct TargetsGenerator {
    /// Columns of targets.csv.
    static let header = ["kpi", "target", "deadline", "owner", "better", "baseline", "expected", "unit"]

    /// One objective.
    struct Objective: Sendable {
        /// KPI key as used in the report specs.
        let kpi: String
        /// The value to reach by the deadline.
        let target: Double
        /// The date by which the target is to be reached.
        let deadline: CivilDate
        /// The accountable role.
        let owner: String
        /// `higher` or `lower`: which direction is better.
        let better: String
        /// The value measured over the baseline phase (2025-01-06 … 2025-07-06) of the default sample, rounded.
        let baseline: Double
        /// The value the project plan expected after the change.
        let expected: Double
        /// Unit and definition.
        let unit: String
    }

    /// The objectives, all due by the end of the calendar year (2025-12-31).
    static let objectives: [Objective] = {
        let deadline = CivilDate(year: 2025, month: 12, day: 31)
        return [
            Objective(kpi: "csat", target: 80, deadline: deadline, owner: "Head of Customer Care", better: "higher",
                      baseline: 73.7, expected: 80, unit: "% of answered surveys scoring 4 or 5"),
            Objective(kpi: "nps", target: 20, deadline: deadline, owner: "Head of Customer Care", better: "higher",
                      baseline: 14.7, expected: 22, unit: "NPS points (% promoters minus % detractors)"),
            Objective(kpi: "fcr", target: 72, deadline: deadline, owner: "Contact Centre Operations Manager",
                      better: "higher", baseline: 65.7, expected: 72, unit: "% of contacts resolved first time"),
            Objective(kpi: "sla", target: 85, deadline: deadline, owner: "Workforce Planning Lead",
                      better: "higher", baseline: 75, expected: 84,
                      unit: "% of contacts answered within channel SLA"),
            Objective(kpi: "aht", target: 500, deadline: deadline, owner: "Contact Centre Operations Manager",
                      better: "lower", baseline: 527, expected: 495, unit: "seconds (mean handle time)"),
            Objective(kpi: "complaints_per_1000", target: 24, deadline: deadline, owner: "Complaints Manager",
                      better: "lower", baseline: 32.3, expected: 24, unit: "complaints per 1000 contacts"),
            Objective(kpi: "repeat_contact_rate", target: 11, deadline: deadline,
                      owner: "Contact Centre Operations Manager", better: "lower", baseline: 13.6, expected: 11,
                      unit: "% of contacts followed by a repeat contact"),
            Objective(kpi: "days_to_resolve", target: 10, deadline: deadline, owner: "Complaints Manager",
                      better: "lower", baseline: 15.5, expected: 10, unit: "mean calendar days to resolve a complaint"),
        ]
    }()

    /// Writes the file and returns its row count.
    func write(to path: String) throws(OutputError) -> Int {
        var csv = try CSVWriter(path: path, header: TargetsGenerator.header)
        for objective in TargetsGenerator.objectives {
            csv.text(objective.kpi)
            number(objective.target, into: &csv)
            csv.date(objective.deadline)
            csv.text(objective.owner)
            csv.text(objective.better)
            number(objective.baseline, into: &csv)
            number(objective.expected, into: &csv)
            csv.text(objective.unit)
            try csv.endRow()
        }
        try csv.close()
        return csv.rows
    }

    /// Writes a whole number without decimals, anything else with one decimal.
    private func number(_ value: Double, into csv: inout CSVWriter) {
        csv.fixed(value, decimals: value == value.rounded() ? 0 : 1)
    }
}
