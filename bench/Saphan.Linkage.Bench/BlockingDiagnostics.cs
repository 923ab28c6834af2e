using System.Globalization;
using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Similarity;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Bench;

/// <summary>
/// `blocking PERSONS`: on the generator (5 organisations), the share of true pairs that share a blocking
/// key (pair completeness), overall and among the true pairs that reach the threshold, and a few misses.
/// </summary>
internal static class BlockingDiagnostics
{
    private static string Tokens(PersonIdentifiers p)
    {
        var t = Saphan.Linkage.Normalisation.NameNormaliser.NameTokens(p.GivenName);
        t.AddRange(Saphan.Linkage.Normalisation.NameNormaliser.NameTokens(p.FamilyName));
        return string.Join(' ', t) + " (" + string.Join(' ', t.Select(BlockingKeyEncoder.Skeleton)) + ")";
    }

    public static void Run(int persons, double threshold)
    {
        var sources = new SyntheticPopulation(42).Generate(persons, 0.4, 5);
        var key = LinkageKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
        var encoder = new ClkEncoder(key);
        var blocker = new BlockingKeyEncoder(key);
        var data = sources.Select(s => s.Records.Select(r => (r.Person, r.Identifiers, Clk: encoder.Encode(r.Identifiers), Keys: blocker.Keys(r.Identifiers))).ToArray()).ToArray();
        var blocks = data.Select(d => new ClkBlock(d.Select(x => x.Clk).ToArray())).ToArray();
        long truth = 0, shared = 0, reach = 0, reachShared = 0;
        var shown = 0;
        for (var a = 0; a < data.Length; a++)
        {
            var byPerson = data[a].Select((x, i) => (x.Person, i)).ToDictionary(x => x.Person, x => x.i);
            for (var b = a + 1; b < data.Length; b++)
            {
                for (var j = 0; j < data[b].Length; j++)
                {
                    if (!byPerson.TryGetValue(data[b][j].Person, out var i))
                    {
                        continue;
                    }

                    truth++;
                    var share = KeyedBlocking.FirstShared(data[a][i].Keys, data[b][j].Keys) != ulong.MaxValue;
                    shared += share ? 1 : 0;
                    var d = blocks[a].Denominator(i, blocks[b], j);
                    var score = d == 0 ? 0 : 2.0 * PopCountKernel.AndCount(blocks[a].Record(i), blocks[b].Record(j)) / d;
                    if (score >= threshold)
                    {
                        reach++;
                        reachShared += share ? 1 : 0;
                        if (!share && shown++ < 25)
                        {
                            var x = data[a][i].Identifiers;
                            var y = data[b][j].Identifiers;
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"miss {score:0.00}: [{x.GivenName} | {x.FamilyName} | {x.BirthDate}] vs [{y.GivenName} | {y.FamilyName} | {y.BirthDate}] {Tokens(x)} / {Tokens(y)}"));
                        }
                    }
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"true pairs {truth:N0}, sharing a key {shared:N0} ({(double)shared / truth:0.0000}); reaching {threshold}: {reach:N0}, of which sharing a key {reachShared:N0} ({(double)reachShared / reach:0.0000})"));
    }
}
