using System.Diagnostics;
using System.Globalization;
using Saphan.Linkage.Similarity;

namespace Saphan.Linkage.Bench;

/// <summary>
/// `kernel [seconds]`: raw comparisons per second of each word-major kernel path and the row-major kernel on 1 thread and on every
/// core, or only on the number of threads given after the seconds and only the kernels whose name contains the fourth argument (each thread its own queries against a shared 4,096-candidate L2-resident block). Every pair
/// is fully compared; nothing is pruned.
/// </summary>
internal static class KernelThroughput
{
    public static void Run(double seconds, int onlyThreads = 0, string? onlyKind = null)
    {
        const int candidates = 4096;
        var random = new Random(7);
        var rows = new ulong[candidates * 16];
        var bytes = new byte[8];
        for (var i = 0; i < rows.Length; i++)
        {
            random.NextBytes(bytes);
            rows[i] = BitConverter.ToUInt64(bytes);
        }

        var transposed = TransposedKernel.Transpose(rows);
        var kinds = new List<(string Name, TransposedKernel.Path? Path)>();
        foreach (var path in new[] { TransposedKernel.Path.Avx512Vbmi, TransposedKernel.Path.Avx512, TransposedKernel.Path.Scalar })
        {
            if (TransposedKernel.IsSupported(path))
            {
                kinds.Add(("word-major " + path, path));
            }
        }

        kinds.Add(("row-major best (" + PopCountKernel.Best + ")", null));
        foreach (var (kind, path) in kinds.Where(k => onlyKind is null || k.Name.Contains(onlyKind, StringComparison.OrdinalIgnoreCase)))
        foreach (var threads in onlyThreads > 0 ? new[] { onlyThreads } : new[] { 1, Environment.ProcessorCount })
        {
            // Warm-up: let tiered compilation reach the optimised code before the clock starts.
            var warmCounts = new int[candidates];
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < TimeSpan.FromSeconds(0.5))
            {
                if (path is { } w)
                {
                    TransposedKernel.AndCounts(w, rows.AsSpan(0, 16), transposed, candidates, warmCounts);
                }
                else
                {
                    PopCountKernel.AndCounts(rows.AsSpan(0, 16), rows, warmCounts);
                }

                // Yield so that the tiering thread can compile even when this one runs under SCHED_FIFO on one core.
                Thread.Sleep(1);
            }

            Thread.Sleep(200);

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var totals = new long[threads];
            var stopwatch = Stopwatch.StartNew();
            var until = TimeSpan.FromSeconds(seconds);
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
            {
                var counts = new int[candidates];
                var query = new ulong[16];
                long done = 0;
                var q = t * 16;
                while (stopwatch.Elapsed < until)
                {
                    for (var rep = 0; rep < 64; rep++)
                    {
                        rows.AsSpan((q++ % candidates) * 16, 16).CopyTo(query);
                        if (path is { } p)
                        {
                            TransposedKernel.AndCounts(p, query, transposed, candidates, counts);
                        }
                        else
                        {
                            PopCountKernel.AndCounts(query, rows, counts);
                        }

                        done += candidates;
                    }
                }

                totals[t] = done;
            });
            var elapsed = stopwatch.Elapsed.TotalSeconds;
            var total = totals.Sum();
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{kind}: threads={threads} comparisons={total:N0} wall={elapsed:0.00}s cpu={cpu:0.00}s total={total / elapsed / 1e6:0} M/s per-thread(wall)={total / elapsed / threads / 1e6:0} M/s per-cpu-second={total / cpu / 1e6:0} M/s"));
        }
    }
}
