using System.Diagnostics;
using System.Globalization;
using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Bench;

/// <summary>
/// `e2e RECORDS ORGANISATIONS [exhaustive]`: generate about RECORDS synthetic records spread over the
/// organisations (each person present in each with probability 0.4), encode them on all cores, link
/// them (default blocking: Auto, i.e. MinHash LSH beyond the exhaustive limit), and report encode time,
/// blocking+matching time, peak working set and pairwise precision/recall against the generator's truth.
/// Generation is not timed (it stands for the organisations' own databases).
/// </summary>
internal static class EndToEnd
{
    public static void Run(int records, int organisations, BlockingMode blocking, int maxBlockSize, double margin, double agreement, double threshold)
    {
        const double presence = 0.4;
        var expectedPerPerson = organisations * presence + Math.Pow(1 - presence, organisations);
        var persons = (int)(records / expectedPerPerson);
        var population = new SyntheticPopulation(42);
        var sources = population.Generate(persons, presence, organisations);
        var total = sources.Sum(s => s.Records.Count);
        var byName = population.People.GroupBy(p => (SyntheticPopulation.NameKey(p), p.Sex)).Where(g => g.Count() > 1);
        var withLookalike = byName.Sum(g => g.Count(p => g.Any(q => q != p && Math.Abs(q.Year - p.Year) <= 2)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"persons with a lookalike (same name tokens and sex, born at most 2 years apart): {withLookalike:N0} of {population.People.Count:N0} ({(double)withLookalike / population.People.Count:P1})"));
        GC.Collect();
        using (var p0 = Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after generation: working set {p0.WorkingSet64 / 1048576.0:N0} MiB, managed heap {GC.GetTotalMemory(false) / 1048576.0:N0} MiB"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated: persons={persons:N0} records={total:N0} organisations={organisations} cores={Environment.ProcessorCount}"));

        var key = LinkageKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        var encoder = new ClkEncoder(key);
        var blocker = new BlockingKeyEncoder(key);
        var encodeCpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var encoded = sources.Select(s =>
        {
            var clks = new Clk[s.Records.Count];
            var keys = new ulong[s.Records.Count][];
            Parallel.For(0, clks.Length, i =>
            {
                clks[i] = encoder.Encode(s.Records[i].Identifiers);
                keys[i] = blocker.Keys(s.Records[i].Identifiers);
            });
            return new EncodedSource(s.Name, s.Records.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray(), clks, keys);
        }).ToArray();
        var encodeTime = stopwatch.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"encode CPU time {(Process.GetCurrentProcess().TotalProcessorTime - encodeCpu0).TotalSeconds:0.0}s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"blocking keys per record: {encoded.Average(s => s.BlockingKeys!.Average(k => k.Length)):0.0}"));

        stopwatch.Restart();
        var options = new MatchOptions { Blocking = blocking, MaxBlockSize = maxBlockSize, AmbiguityMargin = margin, MinFieldAgreement = agreement, Threshold = threshold };
        var blocks = encoded.Select(s => new Saphan.Linkage.Similarity.ClkBlock(s.Encodings)).ToArray();
        var packTime = stopwatch.Elapsed;
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        var edges = Matcher.FindEdges(blocks, options, encoded.Select(s => s.BlockingKeys!).ToArray(), out var report);
        GC.KeepAlive(edges);
        var edgeTime = stopwatch.Elapsed;
        var edgeCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        var clusters = Matcher.Cluster(blocks, edges, options.Threshold, options.AmbiguityMargin, options.MinFieldAgreement);
        var matchTime = stopwatch.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"match CPU time {cpu.TotalSeconds:0.0}s (blocking and scoring {edgeCpu.TotalSeconds:0.0}s, clustering {(cpu - edgeCpu).TotalSeconds:0.0}s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold {threshold} margin {margin} agreement {agreement}; blocking: {report}; edges {edges.Count:N0}; pack {packTime.TotalSeconds:0.00}s, edges {(edgeTime - packTime).TotalSeconds:0.00}s, cluster {(matchTime - edgeTime).TotalSeconds:0.00}s"));

        long truth = 0;
        var perPerson = new Dictionary<int, int>();
        foreach (var s in sources)
        {
            foreach (var r in s.Records)
            {
                perPerson[r.Person] = perPerson.GetValueOrDefault(r.Person) + 1;
            }
        }

        foreach (var k in perPerson.Values)
        {
            truth += (long)k * (k - 1) / 2;
        }

        long predicted = 0, correct = 0, lookalike = 0;
        var shownWrong = 0;
        foreach (var c in clusters)
        {
            for (var x = 0; x < c.Members.Count; x++)
            {
                for (var y = x + 1; y < c.Members.Count; y++)
                {
                    var px = sources[c.Members[x].Source].Records[c.Members[x].Index].Person;
                    var py = sources[c.Members[y].Source].Records[c.Members[y].Index].Person;
                    if (px != py && SyntheticPopulation.Lookalike(population.People[px], population.People[py]))
                    {
                        lookalike++;
                    }
                    else if (px != py && Environment.GetEnvironmentVariable("SHOW_WRONG") is not null && lookalike + correct < 100000 && shownWrong++ < 30)
                    {
                        var a = sources[c.Members[x].Source].Records[c.Members[x].Index].Identifiers;
                        var b = sources[c.Members[y].Source].Records[c.Members[y].Index].Identifiers;
                        var bx = blocks[c.Members[x].Source];
                        var by = blocks[c.Members[y].Source];
                        var d = bx.Denominator(c.Members[x].Index, by, c.Members[y].Index);
                        var score = 2.0 * Saphan.Linkage.Similarity.PopCountKernel.AndCount(bx.Record(c.Members[x].Index), by.Record(c.Members[y].Index)) / d;
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrong {score:0.00} (cluster of {c.Members.Count}): {a.GivenName}|{a.FamilyName}|{a.BirthDate}|{a.Sex}|{a.Citizenship}|{a.Phone}|{a.IdNumber}  vs  {b.GivenName}|{b.FamilyName}|{b.BirthDate}|{b.Sex}|{b.Citizenship}|{b.Phone}|{b.IdNumber}"));
                    }
                }
            }

            var byPerson = new Dictionary<int, int>();
            foreach (var m in c.Members)
            {
                var person = sources[m.Source].Records[m.Index].Person;
                byPerson[person] = byPerson.GetValueOrDefault(person) + 1;
            }

            predicted += (long)c.Members.Count * (c.Members.Count - 1) / 2;
            correct += byPerson.Values.Sum(k => (long)k * (k - 1) / 2);
        }

        using var process = Process.GetCurrentProcess();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"blocking={blocking} encode={encodeTime.TotalSeconds:0.0}s ({total / encodeTime.TotalSeconds:N0} records/s) match={matchTime.TotalSeconds:0.0}s total={(encodeTime + matchTime).TotalSeconds:0.0}s peak-working-set={process.PeakWorkingSet64 / 1048576.0:N0} MiB"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"clusters={clusters.Count:N0} distinct-persons={perPerson.Count:N0} truth-pairs={truth:N0} predicted={predicted:N0} correct={correct:N0} precision={(predicted == 0 ? 1 : (double)correct / predicted):0.0000} wrong-lookalike={lookalike:N0} recall={(truth == 0 ? 1 : (double)correct / truth):0.0000}"));
    }
}
