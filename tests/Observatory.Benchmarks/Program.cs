using Observatory.Benchmarks;
using Observatory.Benchmarks.Measurement;

// Observatory.Benchmarks [--quick | --full | --micro [BenchmarkDotNet arguments]] [--only reading,storing,compiling,end-to-end]
//                        [--rows <reading sizes, e.g. 10000,100000>] [--storage <connection string>] [--output <report path>]
//                        [--report-from <results json>] [--profile <format> <rows> <variant> <times>]
BenchmarkRun.RegisterProbes();
if (args.Length > 0 && args[0] == MemoryProbe.Switch)
    return MemoryProbe.RunHere(args[1..]);
return await BenchmarkCommand.RunAsync(args);
