using System.Globalization;
using BenchmarkDotNet.Running;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Tests.Support;

// `accuracy [thresholds...] [fold]` prints FEBRL and synthetic precision/recall (fold: also XOR-folded);
// anything else goes to BenchmarkDotNet, e.g. `--filter '*' --job short`.
if (args.Length > 0 && args[0] == "accuracy")
{
    var thresholds = args.Length > 1
        ? args.Skip(1).Where(a => a != "fold").Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray()
        : [0.7, 0.75, 0.8, 0.85, 0.9];
    foreach (var hardening in args.Contains("fold") ? new[] { ClkHardening.None, ClkHardening.XorFold } : [ClkHardening.None])
    {
        foreach (var t in thresholds)
        {
            var r = Febrl.Run(t, new MatchOptions(), ClkSchema.Default.WithHardening(hardening));
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{hardening,-8} t={t:0.00} predicted={r.PredictedPairs} correct={r.CorrectPairs} precision={r.Precision:0.0000} recall={r.Recall:0.0000}"));
        }
    }

    var lsh = Febrl.Run(MatchOptions.DefaultThreshold, new MatchOptions { Blocking = BlockingMode.MinHashLsh });
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"MinHash  t={MatchOptions.DefaultThreshold:0.00} predicted={lsh.PredictedPairs} correct={lsh.CorrectPairs} precision={lsh.Precision:0.0000} recall={lsh.Recall:0.0000}"));

    var keyed = Febrl.Run(MatchOptions.DefaultThreshold, new MatchOptions { Blocking = BlockingMode.Keyed });
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Keyed    t={MatchOptions.DefaultThreshold:0.00} predicted={keyed.PredictedPairs} correct={keyed.CorrectPairs} precision={keyed.Precision:0.0000} recall={keyed.Recall:0.0000}"));

    foreach (var t in thresholds)
    {
        var r = SyntheticEvaluation.Run(2000, 42, t);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"synthetic t={t:0.00} truth={r.TruePairs} predicted={r.PredictedPairs} correct={r.CorrectPairs} precision={r.Precision:0.0000} recall={r.Recall:0.0000}"));
    }

    return;
}

if (args.Length > 0 && args[0] == "e2e")
{
    Saphan.Linkage.Bench.EndToEnd.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5,
        args.Length > 3 ? Enum.Parse<BlockingMode>(args[3], ignoreCase: true) : BlockingMode.Auto,
        args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : new MatchOptions().MaxBlockSize,
        args.Length > 5 ? double.Parse(args[5], CultureInfo.InvariantCulture) : new MatchOptions().AmbiguityMargin,
        args.Length > 6 ? double.Parse(args[6], CultureInfo.InvariantCulture) : new MatchOptions().MinFieldAgreement,
        args.Length > 7 ? double.Parse(args[7], CultureInfo.InvariantCulture) : new MatchOptions().Threshold);
    return;
}

if (args.Length > 0 && args[0] == "blocking")
{
    Saphan.Linkage.Bench.BlockingDiagnostics.Run(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000,
        args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : MatchOptions.DefaultThreshold);
    return;
}

if (args.Length > 0 && args[0] == "kernel")
{
    Saphan.Linkage.Bench.KernelThroughput.Run(
        args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 0,
        args.Length > 3 ? args[3] : null);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
