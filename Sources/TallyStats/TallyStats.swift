// TallyStats: pure mathematics on arrays of numbers and counts. It knows nothing of Tables, Specs or
// wording: the evaluator hands it plain values and stores the returned result values in results.json.
//
// Steps (what lives here, in the order a comparison needs it):
// 1. Distributions/ — `SpecialFunctions` (log-gamma, Stirling correction, log1p(x) − x), `IncompleteGamma`
//    and `IncompleteBeta` (series and Lentz continued fractions with cancellation-free prefactors), and the
//    distributions built on them in `Distributions`: `Normal` (erfc; AS 241 quantile), `StudentT`,
//    `ChiSquared`, `F`, `Binomial`. Upper tails are computed directly, never as 1 − cdf, so p-values stay
//    within 1e-10 relative of SciPy far into the tails.
// 2. Descriptive/ — `Descriptive` (mean, variance, type-7 quantiles, average ranks) and `SampleSummary`.
// 3. Inference/ — per-phase intervals: `ProportionInference.wilson`, `MeanInference.tInterval`,
//    `NPSInference.interval`, `QuantileInference.medianInterval` / `quantileInterval` (order statistics);
//    and the shared result vocabulary: `IntervalEstimate`, `HypothesisTest`, `PointEstimate`,
//    `InferenceMethod` (stable ids), `InferenceCaveat` (flags for the wording layer) and `Unavailability`
//    (why a number is missing: "not enough data: n = 1 in baseline").
// 4. Comparison/ — a later phase against the baseline: `ProportionInference.compare` (Newcombe hybrid
//    score + pooled z), `MeanInference.welch` (Welch t + Hedges' g), `NPSInference.compare`,
//    `RankInference.compare` (Mann–Whitney U exact or tie-corrected normal + Hodges–Lehmann shift with an
//    O((m + n) log) selection of pairwise differences), then `MultipleTesting.holmAdjusted` over the family.
//
// Degenerate input (n = 0 or 1, zero variance, proportions of 0 or 1, all promoters) never traps and never
// yields NaN: the affected numbers are nil and `unavailable` carries a machine-readable reason.
//
// Beside these, SPC/ (control charts: limits, run rules) and Pareto/ live in the same module.
