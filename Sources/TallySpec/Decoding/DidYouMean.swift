/// Suggestions for misspelt names: the closest candidate by edit distance, when it is close enough.
enum DidYouMean {
    /// Damerau–Levenshtein distance (optimal string alignment) between two strings, case-insensitive.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased()), y = Array(b.lowercased())
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[y.count]
    }

    /// The best suggestion for `word` among `candidates`, or nil when none is plausibly meant.
    ///
    /// A candidate qualifies when its distance is at most a third of the longer word (at least 1, at most 3),
    /// or when one word contains the other (`handle` → `handle_time`); ties keep the table order.
    static func suggestion(for word: String, in candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            let d = distance(word, candidate)
            let allowed = min(3, max(1, max(word.count, candidate.count) / 3))
            let lowerWord = word.lowercased(), lowerCandidate = candidate.lowercased()
            let contains = word.count >= 3 && (lowerCandidate.contains(lowerWord) || lowerWord.contains(lowerCandidate))
            guard d <= allowed || contains else { continue }
            let score = d <= allowed ? d : allowed + 1
            if best == nil || score < (best?.distance ?? .max) { best = (candidate, score) }
        }
        return best?.name
    }
}
