using Saphan.Linkage.Clks;

namespace Saphan.Linkage.Matching;

/// <summary>One organisation's upload: record ids (opaque to the repository) and their encodings.</summary>
public sealed class EncodedSource
{
    public EncodedSource(string name, IReadOnlyList<string> ids, IReadOnlyList<Clk> encodings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(encodings);
        if (ids.Count != encodings.Count)
        {
            throw new ArgumentException("Each id needs exactly one encoding.", nameof(encodings));
        }

        Name = name;
        Ids = ids;
        Encodings = encodings;
    }

    public string Name { get; }

    public IReadOnlyList<string> Ids { get; }

    public IReadOnlyList<Clk> Encodings { get; }

    public int Count => Ids.Count;
}

/// <summary>A record by position: source index in the input list, row index within that source.</summary>
public readonly record struct RecordRef(int Source, int Index);

/// <summary>One person: at most one record from each source. <see cref="Id"/> starts at 1.</summary>
public sealed record LinkCluster(int Id, IReadOnlyList<RecordRef> Members);

/// <summary>How candidate pairs are found.</summary>
public enum BlockingMode
{
    /// <summary>Exhaustive up to <see cref="MatchOptions.ExhaustiveLimit"/> comparisons, MinHash LSH above.</summary>
    Auto = 0,

    /// <summary>Every cross-source pair is scored: exact, and fast enough for tens of thousands of records.</summary>
    Exhaustive = 1,

    /// <summary>Only pairs whose name bits share a MinHash band key in at least one LSH table are scored.</summary>
    MinHashLsh = 2,
}

public sealed record MatchOptions
{
    /// <summary>Default score threshold (field-aware Dice), chosen on the FEBRL and synthetic benchmarks.</summary>
    public const double DefaultThreshold = 0.75;

    public double Threshold { get; init; } = DefaultThreshold;

    public BlockingMode Blocking { get; init; } = BlockingMode.Auto;

    /// <summary>
    /// In <see cref="BlockingMode.Auto"/>, the largest number of comparisons done exhaustively: 5·10¹⁰,
    /// about two minutes on two cores. Measured: at 100,000 records (4·10⁹ pairs) exhaustive took 8.8 s
    /// and MinHash LSH 47.9 s, so LSH is only the fallback for sizes exhaustive cannot finish.
    /// </summary>
    public long ExhaustiveLimit { get; init; } = 50_000_000_000;

    /// <summary>MinHash values per LSH table (r).</summary>
    public int LshRows { get; init; } = 6;

    /// <summary>Number of LSH tables.</summary>
    public int LshTables { get; init; } = 80;

    /// <summary>Degree of parallelism; -1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
