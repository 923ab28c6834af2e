using System.Globalization;
using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Matching;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Csv;

/// <summary>Counts from <see cref="LinkageCsv.EncodeFile"/>.</summary>
/// <param name="Records">Rows encoded.</param>
/// <param name="EmptyRecords">Rows with no usable identifier (their encoding is all zeros and never matches).</param>
/// <param name="ColumnsUsed">Identifier columns found in the header, in schema order.</param>
public sealed record EncodeSummary(int Records, int EmptyRecords, IReadOnlyList<string> ColumnsUsed);

/// <summary>Counts from <see cref="LinkageCsv.MatchFiles"/>.</summary>
/// <param name="Sources">Input files.</param>
/// <param name="Records">Rows over all inputs (= rows written).</param>
/// <param name="Clusters">Clusters, singletons included.</param>
/// <param name="LinkedClusters">Clusters with records from two or more sources.</param>
/// <param name="LinkedRecords">Records in those clusters.</param>
/// <param name="Threshold">Score threshold used.</param>
public sealed record MatchSummary(int Sources, int Records, int Clusters, int LinkedClusters, int LinkedRecords, double Threshold)
{
    /// <summary>Set when match quality collapsed (nothing linked across sizeable inputs): likely mismatched keys.</summary>
    public string? Warning { get; init; }

    /// <summary>What the blocking did (mode, pairs scored, dropped blocks, records compared with nobody).</summary>
    public BlockingReport? Blocking { get; init; }
}

/// <summary>
/// The two file-level operations behind <c>saphan link encode</c> and <c>saphan link match</c>.
/// </summary>
public static class LinkageCsv
{
    public const string IdColumn = "id";
    public const string ClkColumn = "clk";
    public const string KeyIdColumn = "key_id";
    public const string BlockingColumn = "blocking";

    /// <summary>Identifier columns of persons.csv, all optional.</summary>
    public static IReadOnlyList<string> IdentifierColumns { get; } =
        ["given_name", "family_name", "birth_date", "sex", "citizenship", "id_number", "phone", "address", "postcode"];

    /// <summary>
    /// Reads persons.csv (header with <c>id</c> and any identifier columns), encodes every row with the
    /// key in <paramref name="keyPath"/> and writes <c>id,clk,key_id,blocking</c> to <paramref name="outPath"/>:
    /// base64 of the 128-byte encoding, the key's fingerprint and the keyed blocking keys
    /// (<see cref="BlockingKeyEncoder"/>). Nothing else leaves: no names, dates or clear-text blocking hints.
    /// </summary>
    public static EncodeSummary EncodeFile(string inPath, string keyPath, string outPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        var key = LinkageKey.Load(keyPath);
        var encoder = new ClkEncoder(key);
        var blocker = new BlockingKeyEncoder(key);
        var keyId = key.Fingerprint;

        var ids = new List<string>();
        var people = new List<PersonIdentifiers>();
        string[] used;
        using (var reader = CsvReader.Open(inPath))
        {
            var header = ReadHeader(reader);
            var idColumn = Require(header, IdColumn, reader);
            var columns = IdentifierColumns.Select(c => header.TryGetValue(c, out var i) ? i : -1).ToArray();
            used = IdentifierColumns.Where((_, i) => columns[i] >= 0).ToArray();
            if (used.Length == 0)
            {
                throw new LinkageException(reader.FileName, 1, "no identifier column in the header (expected any of " + string.Join(", ", IdentifierColumns) + ")");
            }

            var seen = new Dictionary<string, long>(StringComparer.Ordinal);
            while (reader.ReadRecord() is { } row)
            {
                CheckWidth(row, header.Width, reader);
                var id = ReadId(row[idColumn], seen, reader);
                string? Get(int column) => columns[column] >= 0 && row[columns[column]].Trim() is { Length: > 0 } v ? v : null;
                var person = new PersonIdentifiers
                {
                    GivenName = Get(0),
                    FamilyName = Get(1),
                    BirthDate = Get(2),
                    Sex = Get(3),
                    Citizenship = Get(4),
                    IdNumber = Get(5),
                    Phone = Get(6),
                    Address = Get(7),
                    Postcode = Get(8),
                };
                if (person.BirthDate is { } date && !PartialDate.TryParse(date, out _))
                {
                    throw new LinkageException(reader.FileName, reader.RecordLine, $"birth_date is not a recognised date (expected {PartialDate.AcceptedFormats}; years above 2400 are Buddhist Era)");
                }

                ids.Add(id);
                people.Add(person);
            }
        }

        var clks = new Clk[people.Count];
        var blockingKeys = new ulong[people.Count][];
        Parallel.For(0, people.Count, i =>
        {
            clks[i] = encoder.Encode(people[i]);
            blockingKeys[i] = blocker.Keys(people[i]);
        });

        WriteAtomically(outPath, writer =>
        {
            writer.WriteRecord(IdColumn, ClkColumn, KeyIdColumn, BlockingColumn);
            for (var i = 0; i < clks.Length; i++)
            {
                writer.WriteRecord(ids[i], clks[i].ToBase64(), keyId, BlockingKeyEncoder.Format(blockingKeys[i]));
            }
        });

        return new EncodeSummary(clks.Length, clks.Count(c => c.IsEmpty), used);
    }

    /// <summary>
    /// Reads two or more encodings files (<c>id,clk</c>), links their records and writes
    /// <c>cluster_id,source,id</c> to <paramref name="outPath"/>: one row per input record, singletons
    /// included, grouped by cluster; <c>source</c> is the input's file name.
    /// </summary>
    public static MatchSummary MatchFiles(IReadOnlyList<string> inPaths, double threshold, string outPath) =>
        MatchFiles(inPaths, new MatchOptions { Threshold = threshold }, outPath);

    /// <summary>
    /// As <see cref="MatchFiles(IReadOnlyList{string}, double, string)"/> with all options. Keyed blocking
    /// (<see cref="BlockingMode.Keyed"/>, or <see cref="BlockingMode.Auto"/> above the exhaustive limit) needs the
    /// <c>blocking</c> column in every input; asked for explicitly without it, it is an error naming the file.
    /// </summary>
    public static MatchSummary MatchFiles(IReadOnlyList<string> inPaths, MatchOptions options, string outPath)
    {
        ArgumentNullException.ThrowIfNull(options);
        var threshold = options.Threshold;
        ArgumentNullException.ThrowIfNull(inPaths);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        if (threshold is <= 0 or > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(options), threshold, "The threshold must be greater than 0 and at most 1.");
        }

        if (options.AmbiguityMargin is < 0 or >= 1 || double.IsNaN(options.AmbiguityMargin))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.AmbiguityMargin, "The ambiguity margin must be at least 0 (off) and below 1.");
        }

        if (inPaths.Count < 2)
        {
            throw new LinkageException("Matching needs at least two encodings files (one per organisation).");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in inPaths)
        {
            if (!names.Add(Path.GetFileName(path)))
            {
                throw new LinkageException(Path.GetFileName(path), null, "two inputs have this file name; the file name is the source name in clusters.csv, so rename one");
            }
        }

        var read = new List<(EncodedSource Source, string? KeyId)>();
        foreach (var path in inPaths)
        {
            var source = ReadEncodings(path, out var keyId);
            read.Add((source, keyId));
        }

        var keyed = read.Where(r => r.KeyId is not null).ToArray();
        var other = keyed.Skip(1).FirstOrDefault(r => r.KeyId != keyed[0].KeyId);
        if (other.Source is not null)
        {
            throw new LinkageException(
                other.Source.Name,
                null,
                $"encoded with a different key (key_id {other.KeyId}) than {keyed[0].Source.Name} (key_id {keyed[0].KeyId}); every organisation must encode with the same network key, otherwise no record can match");
        }

        var sources = read.Select(r => r.Source).ToArray();
        var result = Matcher.Link(sources, options);
        var clusters = result.Clusters;

        var linked = clusters.Where(c => c.Members.Count > 1).ToArray();
        WriteAtomically(outPath, writer =>
        {
            writer.WriteRecord("cluster_id", "source", IdColumn);
            foreach (var cluster in clusters)
            {
                var id = cluster.Id.ToString(CultureInfo.InvariantCulture);
                foreach (var m in cluster.Members)
                {
                    writer.WriteRecord(id, sources[m.Source].Name, sources[m.Source].Ids[m.Index]);
                }
            }
        });

        // Without key_id columns (files from elsewhere) a key mismatch shows only as collapsed scores:
        // sizeable inputs that should overlap yet not one pair at the threshold.
        var smallest = sources.Min(s => s.Count);
        var warning = linked.Length == 0 && smallest >= CollapseMinimum
            ? $"no two records linked although every input has at least {CollapseMinimum} records; if these organisations serve overlapping people, the files were probably encoded with different keys or schemas"
            : null;
        return new MatchSummary(
            sources.Length,
            sources.Sum(s => s.Count),
            clusters.Count,
            linked.Length,
            linked.Sum(c => c.Members.Count),
            threshold)
        { Warning = warning, Blocking = result.Blocking };
    }

    /// <summary>Inputs at least this large that link nothing at all raise the mismatched-key warning.</summary>
    public const int CollapseMinimum = 100;

    /// <summary>Reads one encodings file as written by <see cref="EncodeFile"/>.</summary>
    public static EncodedSource ReadEncodings(string path) => ReadEncodings(path, out _);

    /// <summary>Reads one encodings file; <paramref name="keyId"/> is its key_id (null for files without that column).</summary>
    public static EncodedSource ReadEncodings(string path, out string? keyId)
    {
        keyId = null;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = CsvReader.Open(path);
        var header = ReadHeader(reader);
        var idColumn = Require(header, IdColumn, reader);
        var clkColumn = Require(header, ClkColumn, reader);
        var keyColumn = header.TryGetValue(KeyIdColumn, out var k) ? k : -1;
        var blockingColumn = header.TryGetValue(BlockingColumn, out var b) ? b : -1;
        var ids = new List<string>();
        var clks = new List<Clk>();
        var blockingKeys = blockingColumn >= 0 ? new List<ulong[]>() : null;
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.ReadRecord() is { } row)
        {
            CheckWidth(row, header.Width, reader);
            ids.Add(ReadId(row[idColumn], seen, reader));
            if (!Clk.TryFromBase64(row[clkColumn], out var clk))
            {
                throw new LinkageException(reader.FileName, reader.RecordLine, $"malformed clk (expected base64 of {Clk.ByteCount} bytes, as written by 'link encode')");
            }

            clks.Add(clk!);
            if (blockingKeys is not null)
            {
                if (!BlockingKeyEncoder.TryParse(row[blockingColumn], out var keys))
                {
                    throw new LinkageException(reader.FileName, reader.RecordLine, $"malformed blocking keys (expected base64 of up to {BlockingKeyEncoder.MaxKeys} keys of 8 bytes, as written by 'link encode')");
                }

                blockingKeys.Add(keys);
            }

            if (keyColumn >= 0)
            {
                var rowKey = row[keyColumn].Trim();
                keyId ??= rowKey;
                if (rowKey != keyId)
                {
                    throw new LinkageException(reader.FileName, reader.RecordLine, $"key_id {rowKey} differs from the file's first row ({keyId}); a file must be encoded with one key");
                }
            }
        }

        return new EncodedSource(reader.FileName, ids, clks, blockingKeys);
    }

    private static Header ReadHeader(CsvReader reader)
    {
        var header = reader.ReadRecord() ?? throw new LinkageException(reader.FileName, 1, "the file is empty (expected a header row)");
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                throw new LinkageException(reader.FileName, reader.RecordLine, $"column '{name.ToLowerInvariant()}' appears twice in the header");
            }
        }

        return new Header(columns, header.Count);
    }

    private sealed record Header(Dictionary<string, int> Columns, int Width)
    {
        public bool TryGetValue(string column, out int index) => Columns.TryGetValue(column, out index);
    }

    private static int Require(Header header, string column, CsvReader reader) =>
        header.TryGetValue(column, out var index)
            ? index
            : throw new LinkageException(reader.FileName, reader.RecordLine, $"missing '{column}' column in the header");

    private static void CheckWidth(List<string> row, int expected, CsvReader reader)
    {
        if (row.Count != expected)
        {
            throw new LinkageException(
                reader.FileName,
                reader.RecordLine,
                string.Create(CultureInfo.InvariantCulture, $"row has {row.Count} fields but the header has {expected}"));
        }
    }

    private static string ReadId(string raw, Dictionary<string, long> seen, CsvReader reader)
    {
        var id = raw.Trim();
        if (id.Length == 0)
        {
            throw new LinkageException(reader.FileName, reader.RecordLine, "empty id");
        }

        if (!seen.TryAdd(id, reader.RecordLine))
        {
            throw new LinkageException(
                reader.FileName,
                reader.RecordLine,
                string.Create(CultureInfo.InvariantCulture, $"duplicate id (first used on line {seen[id]})"));
        }

        return id;
    }

    private static void WriteAtomically(string path, Action<CsvWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        try
        {
            using (var writer = CsvWriter.Create(temp))
            {
                write(writer);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
