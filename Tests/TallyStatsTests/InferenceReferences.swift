// Reference values for the inference tests, computed with SciPy 1.17.1 and statsmodels 0.15.0 (or by the
// formula in the comment, evaluated in NumPy) on the samples of InferenceData.swift.
enum InferenceReferences {
    // (successes, trials, level, lower, upper): statsmodels proportion_confint(x, n, alpha=1-level, method='wilson')
    static let wilson: [(Int, Int, Double, Double, Double)] = [
        (0, 10, 0.95, 0.0, 0.2775327998628892),
        (10, 10, 0.95, 0.7224672001371107, 0.9999999999999999),
        (1, 1, 0.95, 0.20654931437723745, 1.0),
        (37, 120, 0.95, 0.23272736988916298, 0.39582997723800684),
        (512, 1000, 0.95, 0.4810325544060909, 0.5428756033902558),
        (3, 7, 0.95, 0.15821985525146975, 0.7495416354723428),
        (37, 120, 0.9, 0.24385619835333927, 0.38126261286639385),
        (37, 120, 0.99, 0.21219370709039861, 0.42455728939891313),
    ]
    // scipy.stats.t.interval(0.95, n-1, loc=np.mean(x), scale=scipy.stats.sem(x)) on InferenceData.welchBaseline
    static let tInterval_welchBaseline_95 = (285.204, 272.0081029344866, 298.3998970655134)
    // scipy.stats.t.interval(0.9, n-1, loc=np.mean(x), scale=scipy.stats.sem(x)) on InferenceData.welchBaseline
    static let tInterval_welchBaseline_90 = (285.204, 274.26517566170133, 296.1428243382987)
    // scipy.stats.t.interval(0.95, n-1, loc=np.mean(x), scale=scipy.stats.sem(x)) on InferenceData.skewed
    static let tInterval_skewed_95 = (170.93508771929825, 144.6887332901281, 197.1814421484684)
    // scipy.stats.t.interval(0.9, n-1, loc=np.mean(x), scale=scipy.stats.sem(x)) on InferenceData.skewed
    static let tInterval_skewed_90 = (170.93508771929825, 149.02178856149138, 192.84838687710513)
    // (promoters, passives, detractors, level, nps, lower, upper): 100(p+ − p−) ± norm.isf(α/2)·100·sqrt((p+ + p− − (p+ − p−)²)/n), clipped to ±100
    static let nps: [(Int, Int, Int, Double, Double, Double, Double)] = [
        (50, 30, 20, 0.95, 30.0, 14.69219192495733, 45.30780807504267),
        (120, 45, 35, 0.9, 42.5, 33.53309587837597, 51.46690412162403),
        (3, 1, 1, 0.95, 40.0, -30.121803246126532, 100.0),
        (9, 0, 1, 0.95, 80.0, 42.81229806172631, 100.0),
    ]
    // scipy.stats.quantile_test(skewed, p=0.5).confidence_interval(0.95); point: np.quantile(skewed, 0.5); coverage binom.cdf(u-1)-binom.cdf(l-1) for l=21, u=37
    static let quantile_50_95 = (171.5, 133.9, 193.3, 0.9668560322124946)
    // scipy.stats.quantile_test(skewed, p=0.9).confidence_interval(0.95); point: np.quantile(skewed, 0.9); coverage binom.cdf(u-1)-binom.cdf(l-1) for l=47, u=56
    static let quantile_90_95 = (299.04, 223.4, 453.0, 0.9576846742668155)
    // scipy.stats.quantile_test(skewed, p=0.5).confidence_interval(0.8); point: np.quantile(skewed, 0.5); coverage binom.cdf(u-1)-binom.cdf(l-1) for l=24, u=34
    static let quantile_50_80 = (171.5, 142.7, 181.0, 0.8151495175835817)
    // (x_base, n_base, x_later, n_later, level, lower_pp, upper_pp, z, p): statsmodels confint_proportions_2indep(x_later, n_later, x_base, n_base, method='newcomb', compare='diff') ×100; proportions_ztest([x_later, x_base], [n_later, n_base])
    static let newcombe: [(Int, Int, Int, Int, Double, Double, Double, Double, Double)] = [
        (45, 120, 62, 118, 0.95, 2.4062255972027518, 27.025332072179786, 2.3324316105735745, 0.019677996783463665),
        (0, 20, 3, 25, 0.95, -5.915689189369622, 29.95579392092732, 1.6035674514745462, 0.10880943004054568),
        (20, 20, 18, 20, 0.95, -30.103364522848718, 7.653487216419791, -1.4509525002200223, 0.1467930873085712),
        (5, 12, 9, 11, 0.9, 6.7040787511528315, 63.176560170154914, 1.9709134327767317, 0.048733778390007865),
        (430, 1000, 468, 1000, 0.99, -1.9245556271616844, 9.48950657341124, 1.70832158710184, 0.08757668792569276),
    ]
    // r = scipy.stats.ttest_ind(welchLater, welchBaseline, equal_var=False): (statistic, pvalue, df, ci95.low, ci95.high, ci90.low, ci90.high)
    static let welch = (-2.0766546505353554, 0.04291471995911596, 50.757464070045124, -46.24791225139397, -0.7794425873157245, -42.48437742780787, -4.542977410901827)
    // Hedges' g by formula: d = (mean_l − mean_b)/s_pooled, J = gamma(ν/2)/(sqrt(ν/2) gamma((ν−1)/2)), se = J sqrt((n1+n2)/(n1 n2) + d²/(2(n1+n2))), g ± norm.isf(0.025) se: (J, g, lower, upper)
    static let hedges = (0.9860356509485844, -0.5239441378588021, -1.0524266479474536, 0.004538372229849319)
    // (ν, J): mpmath (40 digits) gamma(ν/2)/(sqrt(ν/2) gamma((ν−1)/2)); float64 gammaln differences lose ~1e-10 here
    static let hedgesJ: [(Double, Double)] = [
        (2.0, 0.5641895835477563),
        (3.0, 0.7236012545582676),
        (10.0, 0.9227456080530871),
        (57.0, 0.9867744000089332),
        (1000.0, 0.9992497811797164),
        (1000000.0, 0.9999992499997813),
    ]
    // scipy.stats.mannwhitneyu(exactLater, exactBaseline, use_continuity=True, method='exact'): (U, p); Hodges–Lehmann by brute force: np.median of all later−baseline differences, CI = sorted differences [q−1], [mn−q] (q=50), achieved level
    static let mannWhitney_exact = (51.0, 0.059448016723558525, -38.665000000000006, -91.6, 1.3799999999999955, 0.953133653860535)
    // scipy.stats.mannwhitneyu(tiedLater, tiedBaseline, use_continuity=True, method='asymptotic'): (U, p); Hodges–Lehmann by brute force: np.median of all later−baseline differences, CI = sorted differences [q−1], [mn−q] (q=678), achieved level
    static let mannWhitney_tied = (604.0, 0.008962859758361577, -2.0, -4.0, -1.0, 0.950913474779063)
    // scipy.stats.mannwhitneyu(largeLater, largeBaseline, use_continuity=True, method='asymptotic'): (U, p); Hodges–Lehmann by brute force: np.median of all later−baseline differences, CI = sorted differences [q−1], [mn−q] (q=1680), achieved level
    static let mannWhitney_large = (1550.0, 0.01028063416770964, -30.576499999999992, -55.949, -8.01400000000001, 0.950446224353221)
    // (baseline P, Pa, D, later P, Pa, D, level, diff, lower, upper, z, p): diff ± norm.isf(α/2)·100·sqrt(v1+v2), z = diff/se, p = 2 norm.sf(|z|)
    static let npsDifference: [(Int, Int, Int, Int, Int, Int, Double, Double, Double, Double, Double, Double)] = [
        (50, 30, 20, 62, 25, 13, 0.95, 19.0, -1.7413831103312667, 39.74138311033127, 1.795411400877705, 0.0725881773430375),
        (120, 45, 35, 100, 60, 60, 0.9, -24.318181818181817, -37.19371648169219, -11.442647154671443, -3.1066554212977593, 0.0018921681370427917),
    ]
    // statsmodels multipletests([0.01, 0.04, 0.03, 0.005, 0.2, 0.04], method='holm')[1]
    static let holmInput: [Double] = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04]
    static let holmAdjusted: [Double] = [0.05, 0.12, 0.12, 0.03, 0.2, 0.12]
}
