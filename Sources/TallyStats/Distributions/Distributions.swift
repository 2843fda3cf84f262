/// Namespace of the continuous and discrete distributions used by the intervals and tests.
///
/// Each distribution is a small value type with `cdf`, `survival` (the upper tail, computed directly,
/// never as `1 − cdf`) and, where the inference needs it, `quantile` / `inverseSurvival`. Parameters are
/// validated by failable initialisers; arguments follow IEEE rules (NaN in, NaN out), so the inference
/// layer, which never passes NaN, never gets NaN back.
public enum Distributions {}
