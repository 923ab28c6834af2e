using Saphan.Linkage.Clks;

namespace Saphan.Linkage.Matching;

/// <summary>One organisation's upload: record ids (opaque to the repository) and their encodings.</summary>
public sealed class EncodedSource
{
    public EncodedSource(string name, IReadOnlyList<string> ids, IReadOnlyList<Clk> encodings)
        : this(name, ids, encodings, null)
    {
    }

    /// <summary>With keyed blocking keys (<see cref="Blocking.BlockingKeyEncoder"/>), one sorted array per record.</summary>
    public EncodedSource(string name, IReadOnlyList<string> ids, IReadOnlyList<Clk> encodings, IReadOnlyList<ulong[]>? blockingKeys)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(encodings);
        if (ids.Count != encodings.Count)
        {
            throw new ArgumentException("Each id needs exactly one encoding.", nameof(encodings));
        }

        if (blockingKeys is not null && blockingKeys.Count != ids.Count)
        {
            throw new ArgumentException("Each id needs exactly one set of blocking keys.", nameof(blockingKeys));
        }

        Name = name;
        Ids = ids;
        Encodings = encodings;
        BlockingKeys = blockingKeys;
    }

    public string Name { get; }

    public IReadOnlyList<string> Ids { get; }

    public IReadOnlyList<Clk> Encodings { get; }

    /// <summary>Keyed blocking keys per record (sorted), or null when the source carries none (older encodings files).</summary>
    public IReadOnlyList<ulong[]>? BlockingKeys { get; }

    public int Count => Ids.Count;
}

/// <summary>What the blocking did: how many pairs were scored, and what was left out.</summary>
/// <param name="Mode">The blocking actually used (never <see cref="BlockingMode.Auto"/>).</param>
/// <param name="Comparisons">Cross-source pairs scored (for keyed blocking: summed over blocks, a pair in several blocks counted in each).</param>
/// <param name="Blocks">Keyed blocking: blocks with records of two or more sources that were scored.</param>
/// <param name="DroppedBlocks">Keyed blocking: blocks over <see cref="MatchOptions.MaxBlockSize"/> records, not scored.</param>
/// <param name="UnblockedRecords">Keyed blocking: records all of whose keys fell in dropped blocks (or that had none), so compared with nobody.</param>
public sealed record BlockingReport(BlockingMode Mode, long Comparisons, int Blocks = 0, int DroppedBlocks = 0, int UnblockedRecords = 0);

/// <summary>Clusters and what the blocking did.</summary>
public sealed record MatchResult(IReadOnlyList<LinkCluster> Clusters, BlockingReport Blocking);

/// <summary>A record by position: source index in the input list, row index within that source.</summary>
public readonly record struct RecordRef(int Source, int Index);

/// <summary>One person: at most one record from each source. <see cref="Id"/> starts at 1.</summary>
public sealed record LinkCluster(int Id, IReadOnlyList<RecordRef> Members);

/// <summary>How candidate pairs are found.</summary>
public enum BlockingMode
{
    /// <summary>
    /// Keyed blocking above <see cref="MatchOptions.KeyedFrom"/> comparisons when every source carries blocking
    /// keys; otherwise exhaustive up to <see cref="MatchOptions.ExhaustiveLimit"/> comparisons, MinHash LSH above.
    /// </summary>
    Auto = 0,

    /// <summary>Every cross-source pair is scored: exact, and fast enough for tens of thousands of records.</summary>
    Exhaustive = 1,

    /// <summary>Only pairs whose name bits share a MinHash band key in at least one LSH table are scored.</summary>
    MinHashLsh = 2,

    /// <summary>Only pairs that share a keyed blocking key (computed by the organisations with the network secret) are scored.</summary>
    Keyed = 3,
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

    /// <summary>
    /// In <see cref="BlockingMode.Auto"/>, with blocking keys in every source, keyed blocking is used above this
    /// many cross-source pairs (10⁹, about two seconds of exhaustive scoring on two cores); below it every pair is
    /// scored, which is exact and fast enough.
    /// </summary>
    public long KeyedFrom { get; init; } = 1_000_000_000;

    /// <summary>Keyed blocking: blocks with more records than this are dropped (and counted); the records' other keys still apply.</summary>
    public int MaxBlockSize { get; init; } = 1000;

    /// <summary>
    /// A pair is linked only if it is each record's best towards the other's source by more than this margin
    /// (0 turns the rule off): a record that scores alike against two records of one organisation (two people
    /// with the same name and birth year) is linked to neither. Default 0 (off: recall first, the clusters are leads a
    /// caseworker confirms); set by <c>saphan link match --ambiguity-margin</c> and, in the app, by
    /// <c>SAPHAN_REPOSITORY_AMBIGUITY_MARGIN</c>. 0.02 raised precision from 0.667 to 0.779 and lowered recall from 0.913
    /// to 0.887 on the five-organisation generator (docs/linkage.md).
    /// </summary>
    public double AmbiguityMargin { get; init; }

    /// <summary>
    /// The field checks (<see cref="Similarity.ClkBlock.Adjust"/>): a pair whose sex/citizenship group is filled in both
    /// records but agrees less than this (Dice of that group alone) is never linked; one whose birth-year group agrees
    /// less loses <see cref="Similarity.ClkBlock.YearConflictPenalty"/> from its score. 0 turns the checks off. Years
    /// three or more apart, or a different sex, score about 0.1–0.2 on their group; the same year or sex 1.0.
    /// </summary>
    public double MinFieldAgreement { get; init; } = 0.3;

    /// <summary>MinHash values per LSH table (r).</summary>
    public int LshRows { get; init; } = 6;

    /// <summary>Number of LSH tables.</summary>
    public int LshTables { get; init; } = 80;

    /// <summary>Degree of parallelism; -1 uses every core.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
