import TallyCore

/// The contact centre's vocabulary: channels, teams, ticket categories, with the planted per-item parameters.
enum Catalog {
    /// A contact channel with its planted parameters.
    struct Channel: Sendable {
        /// Name as exported.
        let name: String
        /// Share of contacts on an ordinary weekday.
        let share: Double
        /// Median handle time in seconds before category, agent and phase effects.
        let handleMedian: Double
        /// Median wait for the first response in seconds (queue for phone/chat, inbox for email/social).
        let waitMedian: Double
        /// σ of the log of that wait.
        let waitSigma: Double
        /// SLA threshold on the first-response wait, in seconds.
        let slaSeconds: Double
        /// Effect on the log-odds of first-contact resolution.
        let fcrLogit: Double
        /// Probability the customer answers the post-contact survey (CSAT).
        let surveyResponse: Double
    }

    /// phone, email, chat, social (index order is used by the generators).
    static let channels: [Channel] = [
        Channel(name: "phone", share: 0.52, handleMedian: 420, waitMedian: 22, waitSigma: 1.1, slaSeconds: 60,
                fcrLogit: 0, surveyResponse: 0.34),
        Channel(name: "email", share: 0.22, handleMedian: 360, waitMedian: 8 * 3600, waitSigma: 1.1,
                slaSeconds: 24 * 3600, fcrLogit: -0.45, surveyResponse: 0.28),
        Channel(name: "chat", share: 0.19, handleMedian: 600, waitMedian: 22, waitSigma: 1.1, slaSeconds: 60,
                fcrLogit: -0.10, surveyResponse: 0.40),
        Channel(name: "social", share: 0.07, handleMedian: 240, waitMedian: 50 * 60, waitSigma: 1.1,
                slaSeconds: 4 * 3600, fcrLogit: -0.30, surveyResponse: 0.26),
    ]
    /// Index of the phone channel.
    static let phone = 0
    /// Index of the email channel.
    static let email = 1
    /// Index of the chat channel.
    static let chat = 2
    /// Index of the social channel.
    static let social = 3

    /// Team names (index order is used by the roster and categories).
    static let teams = ["Billing", "Payments", "Technical", "Moves & Changes", "Complaints"]

    /// A ticket category with its planted parameters.
    struct Category: Sendable {
        /// Name as exported.
        let name: String
        /// Relative frequency (Pareto-skewed).
        let weight: Double
        /// Index of the team that owns it.
        let team: Int
        /// Multiplier on the channel's median handle time.
        let handleFactor: Double
        /// Effect on the log-odds of first-contact resolution.
        let fcrLogit: Double
        /// True for the billing categories that peak at month end.
        let billing: Bool
    }

    /// The categories, most frequent first.
    static let categories: [Category] = [
        Category(name: "billing query", weight: 28, team: 0, handleFactor: 1.0, fcrLogit: 0.2, billing: true),
        Category(name: "payment arrangement", weight: 15, team: 1, handleFactor: 1.3, fcrLogit: 0.1, billing: true),
        Category(name: "meter reading", weight: 12, team: 2, handleFactor: 0.65, fcrLogit: 0.6, billing: false),
        Category(name: "tariff change", weight: 9, team: 3, handleFactor: 0.9, fcrLogit: 0.4, billing: false),
        Category(name: "smart meter fault", weight: 8, team: 2, handleFactor: 1.35, fcrLogit: -0.7, billing: false),
        Category(name: "moving home", weight: 7, team: 3, handleFactor: 1.2, fcrLogit: -0.2, billing: false),
        Category(name: "direct debit", weight: 6, team: 1, handleFactor: 0.8, fcrLogit: 0.3, billing: true),
        Category(name: "complaint", weight: 5, team: 4, handleFactor: 1.7, fcrLogit: -0.8, billing: false),
        Category(name: "online account", weight: 4, team: 2, handleFactor: 0.85, fcrLogit: -0.2, billing: false),
        Category(name: "refund", weight: 3, team: 0, handleFactor: 0.95, fcrLogit: -0.4, billing: true),
        Category(name: "other", weight: 3, team: 0, handleFactor: 0.9, fcrLogit: 0.0, billing: false),
    ]
    /// Index of "online account", the category the outage floods.
    static let onlineAccount = 8
    /// Index of "complaint".
    static let complaint = 7
}

/// One agent: id, team, individual skill and employment window.
struct Agent: Sendable {
    /// Exported id, e.g. `A017`.
    let id: String
    /// Team index into `Catalog.teams`.
    let team: Int
    /// Skill z-score on the first working day (higher = faster, resolves more, happier customers).
    let skill: Double
    /// Relative share of the team's work (1 full-time, 0.6 part-time).
    let workload: Double
    /// Date of hire (before the period for everyone but the new starter).
    let hired: CivilDate
    /// First working day (days since epoch).
    let from: Int
    /// Last working day (days since epoch).
    let until: Int
    /// Skill gained over the learning period (new starters only).
    var learningGain = 0.0
    /// Days over which a new starter's skill rises linearly by `learningGain` (0 = no learning curve).
    var learningDays = 0

    /// Skill on a day: the starting skill plus the part of the learning gain reached by then.
    func skill(onDay day: Int) -> Double {
        guard learningDays > 0 else { return skill }
        return skill + learningGain * clamp(Double(day - from) / Double(learningDays), 0, 1)
    }

    /// True when the agent works on that day.
    func isActive(_ day: Int) -> Bool { day >= from && day <= until }
}

/// The agent roster: drawn once from its own random stream so every dataset sees the same agents.
enum Roster {
    /// Agents per team, in `Catalog.teams` order.
    static let teamSizes = [12, 9, 11, 9, 8]

    /// The agents, ids A001… in team order, plus one leaver and one new starter (see README).
    ///
    /// Skills are N(0, 1) draws clamped to ±2, then centred to mean 0 within each team, so a team's level (and the
    /// story's KPI levels) does not depend on the luck of the seed; only the spread between agents does.
    static func agents(seed: UInt64) -> [Agent] {
        var rng = Random(seed: seed, stream: "roster")
        let first = Story.start.daysSinceEpoch
        let last = first + Story.dayCount - 1
        let hiredFrom = CivilDate(year: 2015, month: 1, day: 5).daysSinceEpoch
        let leaver = "A012"
        let leaving = CivilDate(year: 2025, month: 8, day: 29).daysSinceEpoch
        var result: [Agent] = []
        var number = 1
        for (team, size) in teamSizes.enumerated() {
            var draws: [(skill: Double, workload: Double, hired: CivilDate)] = []
            for _ in 0..<size {
                let skill = clamp(rng.normal(), -2.0, 2.0)
                let workload = rng.bernoulli(0.2) ? 0.6 : 1.0
                let hired = CivilDate(daysSinceEpoch: hiredFrom + rng.int(below: first - 30 - hiredFrom))
                draws.append((skill, workload, hired))
            }
            let mean = draws.map(\.skill).reduce(0, +) / Double(max(1, size))
            for draw in draws {
                let id = agentID(number)
                result.append(
                    Agent(id: id, team: team, skill: draw.skill - mean, workload: draw.workload, hired: draw.hired,
                          from: first, until: id == leaver ? leaving : last))
                number += 1
            }
        }
        // A050 joins Billing on 2025-09-01 (after A012 left on 2025-08-29) as a new starter whose skill rises
        // from -1.2 to 0 over 90 days.
        let joining = CivilDate(year: 2025, month: 9, day: 1)
        result.append(
            Agent(id: agentID(number), team: 0, skill: -1.2, workload: 1.0, hired: joining,
                  from: joining.daysSinceEpoch, until: last, learningGain: 1.2, learningDays: 90))
        return result
    }

    /// `A` and a three-digit number.
    static func agentID(_ number: Int) -> String {
        number < 10 ? "A00\(number)" : number < 100 ? "A0\(number)" : "A\(number)"
    }
}
