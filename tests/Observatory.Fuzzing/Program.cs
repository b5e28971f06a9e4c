using Observatory.Fuzzing.Targets;
using SharpFuzz;

namespace Observatory.Fuzzing;

/// <summary>
/// The process afl-fuzz starts: <c>dotnet Observatory.Fuzzing.dll TARGET</c> runs inputs through one target
/// (xlsx, csv, json or validator) for as long as afl-fuzz feeds it. <c>dotnet Observatory.Fuzzing.dll TARGET FILE…</c>
/// runs files once, without afl, and prints each outcome (to replay a crash or a hang).
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.Names.Contains(args[0]))
        {
            Console.Error.WriteLine($"usage: Observatory.Fuzzing TARGET [FILE...]   (TARGET: {string.Join(", ", FuzzTargets.Names)})");
            return 2;
        }
        var target = args[0];
        if (args.Length > 1)
        {
            // Only for an uninstrumented build: instrumented code writes to afl's shared coverage map, which exists
            // only inside Fuzzer.OutOfProcess.Run (outside it, the first instrumented call faults).
            FuzzTargets.Warm();
            foreach (var file in args.Skip(1))
            {
                using var stream = File.OpenRead(file);
                Console.WriteLine($"{file}: {FuzzTargets.Run(target, stream)}");
            }
            return 0;
        }
        // An exception that escapes a target is what afl-fuzz records as a crash; a run past its -t budget, a hang. The
        // reference data loads on the first input (afl-fuzz's calibration), once for the whole run.
        var crashLog = Environment.GetEnvironmentVariable("OBSERVATORY_FUZZ_CRASH_LOG");
        Fuzzer.OutOfProcess.Run(stream =>
        {
            try
            {
                FuzzTargets.Run(target, stream);
            }
            catch (Exception exception) when (crashLog is not null && Note(crashLog, exception))
            {
                // Never reached: the filter notes the exception and declines it, so it escapes to afl-fuzz as a crash.
            }
        });
        return 0;
    }

    /// <summary>
    /// Appends the exception's type and stack to the crash log (afl-fuzz keeps the input, not why it crashed), once per
    /// distinct first frame so the log stays short. Returns false, so the exception goes on escaping.
    /// </summary>
    private static bool Note(string crashLog, Exception exception)
    {
        try
        {
            var text = exception.ToString();
            var signature = exception.GetType().FullName + " " + (exception.StackTrace?.Split('\n')[0].Trim() ?? "");
            if (!File.Exists(crashLog) || !File.ReadAllText(crashLog).Contains(signature, StringComparison.Ordinal))
                File.AppendAllText(crashLog, $"== {signature}\n{text}\n\n");
        }
        catch (IOException)
        {
            // The log is only a help: a crash is still recorded by afl-fuzz.
        }
        return false;
    }
}
