import Foundation
import TallyCore
import TallyEval

/// Plain-English findings: what changed, by how much, how sure we are, and the caveats that apply.
enum Findings {
    /// One sentence (plus caveat sentences) per later phase of a KPI.
    static func sentences(for kpi: KPIResult, phases: [PhaseFacts], numbers: NumberText, testsInReport: Int) -> [String] {
        guard let baseline = kpi.phases.first else { return [] }
        let label = sentenceCase(kpi.label)
        var sentences: [String] = []
        for comparison in kpi.comparisons {
            guard let later = kpi.value(in: comparison.phase) else { continue }
            guard let before = baseline.value, let after = later.value else {
                let missing = baseline.value == nil ? "the baseline" : "the \(phases.first { $0.id == comparison.phase }?.label ?? comparison.phase) phase"
                sentences.append("\(label) cannot be compared: there is no value for \(missing) (\((baseline.value == nil ? baseline.problem : later.problem) ?? "no data")).")
                continue
            }
            let difference = after - before
            let verb = difference > 0 ? "rose" : (difference < 0 ? "fell" : "was unchanged")
            var sentence = difference == 0
                ? "\(label) was unchanged at \(numbers.value(after, of: kpi))"
                : "\(label) \(verb) from \(numbers.value(before, of: kpi)) to \(numbers.value(after, of: kpi))"
            var detail = difference == 0 ? [] : [numbers.difference(difference, of: kpi)]
            if kpi.kind == "median", let shift = comparison.difference {
                // The interval belongs to the Hodges–Lehmann shift, so quote that estimate with it.
                detail = ["typical shift \(numbers.bound(shift, of: kpi))"]
            }
            if let interval = comparison.interval {
                detail.append("\(Int((interval.level * 100).rounded()))% CI \(numbers.bound(interval.lower, of: kpi)) to \(numbers.bound(interval.upper, of: kpi))")
            }
            if !detail.isEmpty { sentence += " (" + detail.joined(separator: ", ") + ")" }
            if let reason = comparison.notComputable {
                sentence += "; no test was possible: \(reason)."
            } else if let p = comparison.pValue {
                let judged = comparison.holmPValue ?? p
                let pText = NumberText.pValue(p) + (comparison.holmPValue != nil && testsInReport > 1 ? "; Holm-adjusted " + NumberText.pValue(judged).replacingFirst("p ", "") : "")
                if judged < 0.001 {
                    sentence += "; a change this large is very unlikely to be chance (\(pText))."
                } else if judged < 0.05 {
                    sentence += "; a change this large is unlikely to be chance (\(pText))."
                } else {
                    sentence += "; a difference this size could well be chance (\(pText)), so the data cannot tell whether it really changed."
                }
            } else {
                sentence += "."
            }
            if let better = kpi.better, difference != 0 {
                let improved = (better == "higher") == (difference > 0)
                sentence += improved ? " This is in the desired direction." : " This is in the wrong direction."
            }
            sentences.append(sentence)
            if comparison.caveats.contains("small-sample") {
                sentences.append("Caution: fewer than 30 observations in a phase, so the interval is wide and the test has little power.")
            }
            if comparison.caveats.contains("unequal-period-lengths") {
                sentences.append("The phases cover periods of different lengths; seasonal effects may differ between them.")
            }
        }
        return sentences
    }

    /// "First contact resolution" stays; "FCR rate" stays: only the first letter is touched.
    private static func sentenceCase(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension String {
    /// Replaces the first occurrence of `target`.
    func replacingFirst(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
