using System.Globalization;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;

namespace Saphan.Linkage.Tests.Support;

/// <summary>Pairwise precision and recall of clusters against the synthetic truth.</summary>
internal static class SyntheticEvaluation
{
    public sealed record Result(int TruePairs, int PredictedPairs, int CorrectPairs, int Clusters, int Persons)
    {
        public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

        public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;
    }

    public static Result Run(int persons, int seed, double threshold, MatchOptions? options = null)
    {
        var sources = new SyntheticPopulation(seed).Generate(persons);
        var encoder = new ClkEncoder(LinkageKey.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray()));
        var encoded = sources.Select(s => new EncodedSource(
            s.Name,
            s.Records.Select((_, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray(),
            s.Records.Select(r => encoder.Encode(r.Identifiers)).ToArray())).ToArray();
        var clusters = Matcher.Match(encoded, (options ?? new MatchOptions()) with { Threshold = threshold });

        var truth = 0;
        var bySource = sources.Select(s => s.Records.Select(r => r.Person).ToHashSet()).ToArray();
        for (var a = 0; a < 3; a++)
        {
            for (var b = a + 1; b < 3; b++)
            {
                truth += bySource[a].Intersect(bySource[b]).Count();
            }
        }

        int predicted = 0, correct = 0;
        foreach (var c in clusters)
        {
            for (var x = 0; x < c.Members.Count; x++)
            {
                for (var y = x + 1; y < c.Members.Count; y++)
                {
                    predicted++;
                    var px = sources[c.Members[x].Source].Records[c.Members[x].Index].Person;
                    var py = sources[c.Members[y].Source].Records[c.Members[y].Index].Person;
                    if (px == py)
                    {
                        correct++;
                    }
                }
            }
        }

        return new Result(truth, predicted, correct, clusters.Count, persons);
    }
}
