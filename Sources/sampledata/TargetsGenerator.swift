/// Placeholder.
struct TargetsGenerator {
    init(seed: UInt64 = 0, dailyContacts: [Int] = []) {}
    /// Placeholder.
    func write(to path: String) throws(OutputError) -> Int { 0 }
}
