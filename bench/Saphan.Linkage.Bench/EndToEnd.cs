using System.Diagnostics;
using System.Globalization;
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
    public static void Run(int records, int organisations, BlockingMode blocking)
    {
        const double presence = 0.4;
        var expectedPerPerson = organisations * presence + Math.Pow(1 - presence, organisations);
        var persons = (int)(records / expectedPerPerson);
        var sources = new SyntheticPopulation(42).Generate(persons, presence, organisations);
        var total = sources.Sum(s => s.Records.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated: persons={persons:N0} records={total:N0} organisations={organisations} cores={Environment.ProcessorCount}"));

        var encoder = new ClkEncoder(LinkageKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray()));
        var stopwatch = Stopwatch.StartNew();
        var encoded = sources.Select(s =>
        {
            var clks = new Clk[s.Records.Count];
            Parallel.For(0, clks.Length, i => clks[i] = encoder.Encode(s.Records[i].Identifiers));
            return new EncodedSource(s.Name, s.Records.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray(), clks);
        }).ToArray();
        var encodeTime = stopwatch.Elapsed;

        stopwatch.Restart();
        var clusters = Matcher.Match(encoded, new MatchOptions { Blocking = blocking });
        var matchTime = stopwatch.Elapsed;

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

        long predicted = 0, correct = 0;
        foreach (var c in clusters)
        {
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
            $"clusters={clusters.Count:N0} distinct-persons={perPerson.Count:N0} truth-pairs={truth:N0} predicted={predicted:N0} correct={correct:N0} precision={(predicted == 0 ? 1 : (double)correct / predicted):0.0000} recall={(truth == 0 ? 1 : (double)correct / truth):0.0000}"));
    }
}
