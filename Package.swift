// swift-tools-version:6.1
// Tally: declarative evaluation reports (YAML spec + CSV data → PDF/PNG).
// Targets follow ../shared/design/ARCHITECTURE.md; dependency arrows point down the pipeline.
import PackageDescription

let package = Package(
    name: "Tally",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "tally", targets: ["tally"]),
        .library(name: "Tally", targets: ["Tally"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // C libraries, behind TallyCairo only.
        .systemLibrary(
            name: "CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"]), .brew(["cairo"])]),
        .systemLibrary(
            name: "CPangoCairo", pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev"]), .brew(["pango"])]),

        // libcrypto for SHA-256 (audit fingerprints) and zlib for PNG compression: system libraries.
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"]), .brew(["openssl"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Pipeline stages.
        .target(name: "TallyCore", dependencies: ["CCrypto"]),
        .target(name: "TallyData", dependencies: ["TallyCore"]),
        .target(name: "TallyStats", dependencies: ["TallyCore"]),
        .target(name: "TallyFormula", dependencies: ["TallyCore", "TallyData"]),
        .target(name: "TallySpec", dependencies: ["TallyCore", .product(name: "Yams", package: "Yams")]),
        .target(
            name: "TallyEval",
            dependencies: ["TallyCore", "TallySpec", "TallyData", "TallyFormula", "TallyStats"]),
        .target(name: "TallyGraphics", dependencies: ["TallyCore"]),
        .target(name: "TallyCharts", dependencies: ["TallyCore", "TallyGraphics"]),
        .target(name: "TallyLayout", dependencies: ["TallyCore", "TallyGraphics", "TallyCharts"]),
        .target(name: "TallyCairo", dependencies: ["TallyGraphics", "CCairo", "CPangoCairo", "CZlib"]),
        // Results + Spec → Document (sections, text with resolved values, tables, chart models).
        .target(
            name: "TallyCompose",
            dependencies: ["TallyCore", "TallySpec", "TallyEval", "TallyCharts", "TallyLayout", "TallyGraphics"]),
        // The library facade: spec → files, usable without the CLI.
        .target(
            name: "Tally",
            dependencies: [
                "TallyCore", "TallySpec", "TallyData", "TallyEval", "TallyCompose", "TallyGraphics",
                "TallyCharts", "TallyLayout", "TallyCairo",
            ]),
        .executableTarget(
            name: "tally",
            dependencies: ["Tally", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // Deterministic, seeded generator of the sample datasets (and of large benchmark files).
        .executableTarget(name: "sampledata", dependencies: ["TallyCore"]),
        // `make bench`: stage benchmarks in a release build (never timed tests).
        .executableTarget(
            name: "tally-bench",
            dependencies: ["Tally", "TallyCore", "TallyData", "TallyFormula", "TallyStats", "TallyCharts", "TallyCairo", "TallyGraphics"]),
        // libFuzzer targets (`make fuzz`): real entry points only when built with -D TALLY_FUZZ and
        // -sanitize=fuzzer; a normal build gets a main that says so. Seeds and dictionaries sit beside them.
        .target(name: "FuzzDriver", swiftSettings: [.enableExperimentalFeature("Extern")]),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzDriver", "TallyCore", "TallyData"], exclude: ["seeds", "csv.dict"]),
        .executableTarget(name: "fuzz-spec", dependencies: ["FuzzDriver", "TallyCore", "TallySpec"], exclude: ["seeds", "spec.dict"]),
        .executableTarget(
            name: "fuzz-formula", dependencies: ["FuzzDriver", "TallyCore", "TallyData", "TallyFormula"],
            exclude: ["seeds", "formula.dict"]),

        // Tests mirror Sources/.
        .target(name: "TallyTestSupport", dependencies: ["TallyCore"], path: "Tests/TallyTestSupport"),
        .testTarget(name: "TallyCoreTests", dependencies: ["TallyCore", "TallyTestSupport"]),
        .testTarget(name: "TallyDataTests", dependencies: ["TallyData", "TallyTestSupport"]),
        .testTarget(name: "TallyStatsTests", dependencies: ["TallyStats", "TallyTestSupport"]),
        .testTarget(name: "TallyFormulaTests", dependencies: ["TallyFormula", "TallyData", "TallyTestSupport"]),
        .testTarget(name: "TallySpecTests", dependencies: ["TallySpec", "TallyTestSupport"]),
        .testTarget(name: "TallyEvalTests", dependencies: ["TallyEval", "TallyTestSupport"]),
        .testTarget(name: "TallyComposeTests", dependencies: ["TallyCompose", "TallyTestSupport"]),
        .testTarget(name: "TallyGraphicsTests", dependencies: ["TallyGraphics", "TallyTestSupport"]),
        .testTarget(name: "TallyChartsTests", dependencies: ["TallyCharts", "TallyCairo", "TallyTestSupport"]),
        .testTarget(name: "TallyLayoutTests", dependencies: ["TallyLayout", "TallyCairo", "TallyTestSupport"]),
        .testTarget(name: "TallyCairoTests", dependencies: ["TallyCairo", "CCairo", "TallyTestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Tally", "TallyTestSupport"]),
    ]
)
