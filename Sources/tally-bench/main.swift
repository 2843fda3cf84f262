// tally-bench: measures each stage in a release build; `make bench` runs it. Each stage owns a file here.
//
// Steps: parse the stage name, run that stage's benchmark (it generates its own input), print a summary
// line per measurement (median of several runs) and append machine-readable rows to the results file.

let arguments = Array(CommandLine.arguments.dropFirst())
let stage = arguments.first ?? "all"
let rest = Array(arguments.dropFirst())
switch stage {
case "csv": CSVBenchmark.run(rest)
case "formula": FormulaBenchmark.run(rest)
case "charts": ChartBenchmark.run(rest)
case "pipeline": PipelineBenchmark.run(rest)
case "spawn-measure": ProcessMeasure.helperMain(rest)  // internal: used by `pipeline` to read a child's own peak RSS
case "all":
    CSVBenchmark.run(rest)
    FormulaBenchmark.run(rest)
    ChartBenchmark.run(rest)
    PipelineBenchmark.run(rest)
default:
    print("usage: tally-bench [csv|formula|charts|pipeline|all] [options]")
}
