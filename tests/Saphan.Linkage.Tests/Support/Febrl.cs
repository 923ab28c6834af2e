using System.Globalization;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;

namespace Saphan.Linkage.Tests.Support;

/// <summary>The FEBRL dataset 4 benchmark (shared/benchmarks/febrl) mapped onto Saphan's identifier fields.</summary>
internal static class Febrl
{
    public const string RelativeDirectory = "shared/benchmarks/febrl";

    /// <summary>Walks up from the test assembly to the folder holding shared/benchmarks/febrl.</summary>
    public static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, RelativeDirectory);
            if (File.Exists(Path.Combine(candidate, "dataset4a.csv")) && File.Exists(Path.Combine(candidate, "dataset4b.csv")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"FEBRL benchmark not found: no '{RelativeDirectory}/dataset4a.csv' and 'dataset4b.csv' in any folder above {AppContext.BaseDirectory}. " +
            "The accuracy test needs the shared benchmark data beside the repository (../shared/benchmarks/febrl).");
    }

    /// <summary>Records as (entity number, identifiers). rec-N-org and rec-N-dup-0 share entity N.</summary>
    public static List<(int Entity, PersonIdentifiers Person)> Load(string path)
    {
        var result = new List<(int, PersonIdentifiers)>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            // No field of these files is quoted; the header and values have a space after each comma.
            var f = line.Split(',').Select(v => v.Trim()).ToArray();
            var entity = int.Parse(f[0].Split('-')[1], CultureInfo.InvariantCulture);
            result.Add((entity, new PersonIdentifiers
            {
                GivenName = f[1],
                FamilyName = f[2],
                Address = string.Join(' ', f[3], f[4], f[5], f[6], f[8]),
                Postcode = f[7],
                BirthDate = CleanDate(f[9]),
                IdNumber = f[10],
            }));
        }

        return result;
    }

    /// <summary>
    /// FEBRL corrupts some dates into impossible ones (month 90, day 96). An organisation would fix or
    /// drop those before encoding (the encoder rejects them); here the year is kept when it is plausible.
    /// </summary>
    private static string? CleanDate(string d)
    {
        if (d.Length != 8)
        {
            return null;
        }

        var valid = int.TryParse(d.AsSpan(4, 2), CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12
            && int.TryParse(d.AsSpan(6, 2), CultureInfo.InvariantCulture, out var day) && day >= 1
            && int.TryParse(d.AsSpan(0, 4), CultureInfo.InvariantCulture, out var y) && y is >= 1850 and <= 2100
            && day <= DateTime.DaysInMonth(y, m);
        return valid ? d : (int.TryParse(d.AsSpan(0, 4), CultureInfo.InvariantCulture, out var year) && year is >= 1850 and <= 2100 ? d[..4] : null);
    }

    public sealed record Result(int TruePairs, int PredictedPairs, int CorrectPairs)
    {
        public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;

        public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;
    }

    /// <summary>Encodes both files with a fixed key and scores the clusters against the truth.</summary>
    public static Result Run(double threshold, MatchOptions? options = null, ClkSchema? schema = null)
    {
        var dir = FindDirectory();
        var a = Load(Path.Combine(dir, "dataset4a.csv"));
        var b = Load(Path.Combine(dir, "dataset4b.csv"));
        var key = LinkageKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
        var encoder = new ClkEncoder(key, schema);
        var blocker = new Saphan.Linkage.Blocking.BlockingKeyEncoder(key);
        var sources = new[]
        {
            Encode("dataset4a.csv", a, encoder, blocker),
            Encode("dataset4b.csv", b, encoder, blocker),
        };
        var clusters = Matcher.Match(sources, (options ?? new MatchOptions()) with { Threshold = threshold });
        var predicted = 0;
        var correct = 0;
        foreach (var c in clusters)
        {
            var left = c.Members.Where(m => m.Source == 0).ToArray();
            var right = c.Members.Where(m => m.Source == 1).ToArray();
            foreach (var l in left)
            {
                foreach (var r in right)
                {
                    predicted++;
                    if (a[l.Index].Entity == b[r.Index].Entity)
                    {
                        correct++;
                    }
                }
            }
        }

        var truth = a.Select(x => x.Entity).Intersect(b.Select(x => x.Entity)).Count();
        return new Result(truth, predicted, correct);
    }

    public static EncodedSource Encode(string name, List<(int Entity, PersonIdentifiers Person)> records, ClkEncoder encoder, Saphan.Linkage.Blocking.BlockingKeyEncoder? blocker = null)
    {
        var clks = new Clk[records.Count];
        var keys = new ulong[records.Count][];
        Parallel.For(0, records.Count, i =>
        {
            clks[i] = encoder.Encode(records[i].Person);
            keys[i] = blocker?.Keys(records[i].Person) ?? [];
        });
        return new EncodedSource(name, records.Select((r, i) => i.ToString(CultureInfo.InvariantCulture)).ToArray(), clks, blocker is null ? null : keys);
    }
}
