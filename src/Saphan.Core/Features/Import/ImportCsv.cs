using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Protection;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Import;

/// <summary>How one import runs.</summary>
public sealed class ImportOptions
{
    /// <summary>null or "auto": suggest from the headers and values; otherwise the name of a saved mapping.</summary>
    public string? MappingName { get; init; }
    /// <summary>Corrections on top of the mapping: header → target code (or "ignore").</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    /// <summary>Stores the mapping used under this name (for this organisation), replacing one of the same name.</summary>
    public string? SaveMappingAs { get; init; }
    /// <summary>Checks everything, stores nothing.</summary>
    public bool DryRun { get; init; }
    /// <summary>
    /// Accepted rows per batch (all in one transaction): each batch is checked against the organisation's persons, written
    /// and audited at once. 2,000 measured faster than 1,000 (fewer statements, queries and audit entries) for about 40 MB
    /// more memory; memory stays bounded by this, not by the file's size.
    /// </summary>
    public int BatchSize { get; init; } = DefaultBatchSize;

    /// <summary>The default of <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 2000;
    /// <summary>Receives every rejected, doubtful or duplicate cell as it is found (the report).</summary>
    public Action<ImportIssue>? OnIssue { get; init; }
    /// <summary>The sheet of an XLSX workbook to read (by name); null: the first sheet.</summary>
    public string? Sheet { get; init; }
    /// <summary>File size and unpacking limits.</summary>
    public ImportLimits Limits { get; init; } = ImportLimits.Default;
    /// <summary>
    /// The closure reason of rows whose status is closed but which give none (a closureReason code); null: such a row
    /// is rejected, naming the missing reason.
    /// </summary>
    public string? DefaultClosureReason { get; init; }
    /// <summary>Called after every saved batch with the rows read so far (a progress indication).</summary>
    public Action<int>? OnProgress { get; init; }
}

/// <summary>What the first rows of a file suggest, before anything is imported (the upload page's mapping screen).</summary>
public sealed record ImportPreview(IReadOnlyList<string> Headers, ColumnMapping Mapping, string Encoding, int SampleRows, string? Problem);

/// <summary>One line of the import report. Never the value itself: it may be identifying.</summary>
public sealed record ImportIssue(int Row, string Column, string Kind, string Reason)
{
    public const string Rejected = "rejected";
    public const string Doubtful = "doubtful";
    public const string Duplicate = "duplicate";
}

/// <summary>What an import did (or, in a dry run, would do).</summary>
public sealed record ImportResult(
    int Rows, int Imported, int Duplicates, int Rejected, int Doubtful,
    ColumnMapping Mapping, string Encoding, bool DryRun, DateTimeOffset? AlreadyImportedAt)
{
    public string Summary =>
        string.Create(CultureInfo.InvariantCulture, $"imported {Imported}, duplicates {Duplicates}, rejected {Rejected}");
}

/// <summary>
/// Imports persons and their cases from a CSV export of a spreadsheet into one organisation: every cell
/// normalised (<see cref="ImportNormaliser"/>), every row validated by the same rules as the API
/// (<see cref="PersonInput"/>, <see cref="CaseInput"/>), encrypted, indexed and audited per batch, all in
/// one transaction. A file already imported into the organisation (same SHA-256) adds nothing; a row
/// that looks like a person the organisation already has is reported as a duplicate and not imported.
/// </summary>
public sealed class ImportCsv(SaphanDbContext db, PersonIndexer indexer, BlindIndex index, TimeProvider clock)
{
    private const int SampleRows = 50;

    private SaphanDbContext Db => db;
    private PersonIndexer Indexer => indexer;
    private BlindIndex Index => index;

    public async Task<ImportResult> HandleAsync(Actor actor, Func<Stream> open, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1);
        EnsureCanImport(actor);
        if (options.DefaultClosureReason is { } defaultReason && !Standard.StandardValueSets.ClosureReason.Contains(defaultReason))
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["defaultClosureReason"] = ["Not a closure reason. Use one of: " + Standard.StandardValueSets.ClosureReason.Describe() + "."],
            });
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == actor.OrganisationId, cancellationToken))
        {
            throw new NotFoundException("Organisation");
        }

        CsvFileInfo info;
        await using (var first = open())
        {
            info = await CsvFile.InspectAsync(first, options.Limits, cancellationToken);
        }

        var previous = await db.ImportRecords.AsNoTracking()
            .Where(r => r.OrganisationId == actor.OrganisationId && r.Sha256 == info.Sha256)
            .Select(r => (DateTimeOffset?)r.ImportedAt)
            .FirstOrDefaultAsync(cancellationToken);
        if (previous is not null)
        {
            return new ImportResult(0, 0, 0, 0, 0, new ColumnMapping(), info.EncodingName, options.DryRun, previous);
        }

        await using var stream = open();
        using var table = OpenTable(stream, info, options);
        var reader = table.Reader;
        var (headers, sample) = ReadHead(reader);

        var mapping = await MappingAsync(actor, options, headers, sample, cancellationToken);
        var run = new Run(this, actor, options, headers, mapping, clock.GetUtcNow());

        var detectChanges = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var settings = options.DryRun ? null : await SqliteWriteSettings.ApplyAsync(db, cancellationToken);
            await using var transaction = options.DryRun ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            // Again inside the transaction: the imported rows reference the organisation, and SQLite does not check it for
            // the import's inserts (SqliteWriteSettings).
            if (transaction is not null && !await db.Organisations.AnyAsync(o => o.Id == actor.OrganisationId, cancellationToken))
            {
                throw new NotFoundException("Organisation");
            }
            if (options.SaveMappingAs is { } name && !options.DryRun)
            {
                await SaveMappingAsync(actor.OrganisationId, name, mapping, run.Now, cancellationToken);
            }

            await run.PipelineAsync(sample, reader, cancellationToken);
            if (!options.DryRun && run.Imported > 0)
            {
                db.ImportRecords.Add(new ImportRecord
                {
                    Id = run.ImportId,
                    OrganisationId = actor.OrganisationId,
                    Sha256 = info.Sha256,
                    MappingName = options.MappingName is null or "auto" ? null : options.MappingName,
                    Imported = run.Imported,
                    Duplicates = run.Duplicates,
                    Rejected = run.Rejected,
                    ImportedBy = actor.UserId == Guid.Empty ? null : actor.UserId,
                    ImportedAt = run.Now,
                });
                db.Audit(actor, "import.completed", "import", run.ImportId, run.Counts());
                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(cancellationToken);
            }

            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = detectChanges;
        }

        return new ImportResult(run.Rows, run.Imported, run.Duplicates, run.Rejected, run.Doubtful, mapping, info.EncodingName, options.DryRun, null);
    }

    /// <summary>
    /// SQLite settings of the import's connection while it writes, given back afterwards (the connection returns to the
    /// pool); nothing on PostgreSQL. Journal mode, <c>synchronous</c> and the single transaction are unchanged, so a
    /// commit is as durable as before and a killed import leaves nothing.
    /// <list type="bullet">
    /// <item>A 64 MB page cache: the search-term and date indexes take keys in random order; with SQLite's default 2 MB
    /// cache every batch evicts and re-reads their pages.</item>
    /// <item>No statement journals. Inside a transaction SQLite keeps, for every multi-row INSERT that could fail half-way,
    /// the pages it changes, so that the statement alone can be undone; beyond 64 KB that journal goes to a temporary
    /// file: 1.2 million small writes for 100,000 rows, the writing thread's largest cost (strace/perf,
    /// docs/benchmarks.md). The import never undoes one statement — any failure rolls the whole import back — so its
    /// inserts are <c>INSERT OR FAIL</c> and foreign keys are not enforced by SQLite while it writes (with them on,
    /// SQLite journals every statement whatever its conflict clause). Every reference an imported row makes is to a row
    /// written before it in the same batch (person → organisation; document, search term, case → person; event, consent →
    /// case) or to the organisation, which is checked inside the transaction. The tests check this with SQLite's
    /// <c>foreign_key_check</c> after imports, and that the tables an import writes reference nothing else
    /// (ImportAssertions).</item>
    /// </list>
    /// </summary>
    private sealed class SqliteWriteSettings(SaphanDbContext db, long cacheSize, long foreignKeys) : IAsyncDisposable
    {
        /// <summary>At most this many KiB of pages (the memory stays bounded whatever the file's size).</summary>
        private const int KibiBytes = 65536;

        public static async Task<SqliteWriteSettings?> ApplyAsync(SaphanDbContext db, CancellationToken cancellationToken)
        {
            if (db.IsPostgres)
            {
                return null;
            }

            // Opened here and kept open until disposed, so the settings and the transaction share one pooled connection.
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            long cacheSize = -2000, foreignKeys = 1;
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA cache_size";
                cacheSize = System.Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None) ?? -2000L, CultureInfo.InvariantCulture);
                command.CommandText = "PRAGMA foreign_keys";
                foreignKeys = System.Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None) ?? 1L, CultureInfo.InvariantCulture);
                // foreign_keys can only change outside a transaction.
                command.CommandText = "PRAGMA cache_size = -" + KibiBytes.ToString(CultureInfo.InvariantCulture) + "; PRAGMA foreign_keys = OFF;";
                await command.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch
            {
                await new SqliteWriteSettings(db, cacheSize, foreignKeys).DisposeAsync();
                throw;
            }

            return new SqliteWriteSettings(db, cacheSize, foreignKeys);
        }

        /// <summary>
        /// Gives the settings back. A pooled connection keeps its pragmas; if they cannot be given back (a broken
        /// connection, a transaction still open), the pool is cleared so the connection is not used again. The connection
        /// string also turns foreign keys on at every open (StorageOptions).
        /// </summary>
        public async ValueTask DisposeAsync()
        {
            var connection = db.Database.GetDbConnection();
            var restored = false;
            try
            {
                if (connection.State == System.Data.ConnectionState.Open && db.Database.CurrentTransaction is null)
                {
                    await using var command = connection.CreateCommand();
                    command.CommandText = string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size = {cacheSize}; PRAGMA foreign_keys = {foreignKeys};");
                    await command.ExecuteNonQueryAsync();
                    command.CommandText = "PRAGMA foreign_keys";
                    restored = System.Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture) == foreignKeys;
                }
            }
            catch (System.Data.Common.DbException)
            {
                // Not given back: handled below. The import's own error is the one to report.
            }
            finally
            {
                if (!restored && connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearPool(sqlite);
                }

                await db.Database.CloseConnectionAsync();
            }
        }
    }

    /// <summary>
    /// Who may import: the organisation's admin and supervisors. The one definition: the upload page's policy
    /// (<c>Policies.Import</c>) requires these roles, the use case refuses any other actor, and the CLI acts as a supervisor.
    /// </summary>
    public static readonly IReadOnlyList<string> ImportRoles = [Identity.Roles.OrgAdmin, Identity.Roles.Supervisor];

    private static void EnsureCanImport(Actor actor)
    {
        if (!actor.HasAnyRole(ImportRoles))
        {
            throw new ForbiddenException();
        }
    }

    /// <summary>The file's table (CSV text or an XLSX sheet) and what must be disposed with it.</summary>
    private sealed class Table(ITableReader reader, IDisposable owner) : IDisposable
    {
        public ITableReader Reader { get; } = reader;
        public void Dispose() => owner.Dispose();
    }

    private static Table OpenTable(Stream stream, CsvFileInfo info, ImportOptions options)
    {
        if (info.Xlsx)
        {
            var xlsx = new XlsxReader(stream, options.Sheet, options.Limits);
            return new Table(xlsx, xlsx);
        }

        if (info.Xls)
        {
            var xls = new XlsReader(stream, options.Sheet);
            return new Table(xls, xls);
        }

        var text = CsvFile.OpenReader(stream, info);
        return new Table(new CsvRecordReader(text), text);
    }

    private static (List<string> Headers, List<CsvRecord> Sample) ReadHead(ITableReader reader)
    {
        var header = reader.Read() ?? throw new ImportFileException("The file is empty (no header row): export the spreadsheet with its header row.");
        var headers = UniqueHeaders(header.Fields);
        var sample = new List<CsvRecord>(SampleRows);
        while (sample.Count < SampleRows && reader.Read() is { } record)
        {
            sample.Add(record);
        }

        if (sample.Count == 0)
        {
            throw new ImportFileException("The file has a header row but no data rows.");
        }

        return (headers, sample);
    }

    /// <summary>Reads the header and first rows and suggests a mapping, storing nothing (the upload page's mapping screen).</summary>
    public async Task<ImportPreview> PreviewAsync(Actor actor, Func<Stream> open, ImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(options);
        EnsureCanImport(actor);
        CsvFileInfo info;
        await using (var first = open())
        {
            info = await CsvFile.InspectAsync(first, options.Limits, cancellationToken);
        }

        await using var stream = open();
        using var table = OpenTable(stream, info, options);
        var (headers, sample) = ReadHead(table.Reader);
        try
        {
            var mapping = await MappingAsync(actor, options, headers, sample, cancellationToken);
            return new ImportPreview(headers, mapping, info.EncodingName, sample.Count, null);
        }
        catch (ImportFileException problem)
        {
            var mapping = options.MappingName is null or "auto" ? ColumnMapping.Suggest(headers, sample.Select(r => r.Fields).ToList()) : new ColumnMapping();
            foreach (var h in headers.Where(h => !mapping.Columns.ContainsKey(h)))
            {
                mapping.Set(h, ImportTargets.Ignore);
            }

            return new ImportPreview(headers, mapping, info.EncodingName, sample.Count, problem.Message);
        }
    }

    /// <summary>The saved mappings of an organisation, by name.</summary>
    public async Task<IReadOnlyList<string>> MappingNamesAsync(Guid organisationId, CancellationToken cancellationToken) =>
        await db.ImportMappings.AsNoTracking().Where(m => m.OrganisationId == organisationId).OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(cancellationToken);

    private async Task<ColumnMapping> MappingAsync(Actor actor, ImportOptions options, IReadOnlyList<string> headers, List<CsvRecord> sample, CancellationToken cancellationToken)
    {
        ColumnMapping mapping;
        if (options.MappingName is null or "auto")
        {
            mapping = ColumnMapping.Suggest(headers, sample.Select(r => r.Fields).ToList());
        }
        else
        {
            var saved = await db.ImportMappings.AsNoTracking()
                .FirstOrDefaultAsync(m => m.OrganisationId == actor.OrganisationId && m.Name == options.MappingName, cancellationToken);
            if (saved is null)
            {
                var names = await MappingNamesAsync(actor.OrganisationId, cancellationToken);
                throw new ImportFileException($"No saved mapping with this name in the organisation. Saved: {(names.Count == 0 ? "none" : string.Join(", ", names))}.");
            }

            var stored = ColumnMapping.FromJson(saved.Columns);
            mapping = new ColumnMapping();
            foreach (var h in headers)
            {
                mapping.Set(h, stored.Columns.TryGetValue(h, out var target) ? target : ImportTargets.Ignore);
            }
        }

        foreach (var (h, target) in options.Overrides)
        {
            if (!headers.Contains(h, StringComparer.Ordinal))
            {
                throw new ImportFileException($"--map names a column the file does not have. Columns: {string.Join(", ", headers)}.");
            }

            if (target != ImportTargets.Ignore && ImportTargets.Find(target) is null)
            {
                throw new ImportFileException($"--map: unknown target. Use one of: {string.Join(", ", ImportTargets.All.Select(t => t.Code))}, ignore.");
            }

            mapping.Set(h, target);
        }

        var used = mapping.Columns.Values.Where(t => t != ImportTargets.Ignore).ToList();
        var twice = used.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (twice.Count > 0)
        {
            throw new ImportFileException($"Several columns are mapped to {string.Join(", ", twice)}: map each field from one column only.");
        }

        var missing = new List<string>();
        if (!used.Contains(ImportTargets.GivenName) && !used.Contains(ImportTargets.FullName))
        {
            missing.Add("the person's name (a column headed e.g. ชื่อ, first name or ชื่อ-นามสกุล)");
        }

        if (!used.Contains(ImportTargets.IdentifiedOn))
        {
            missing.Add("the date identified (e.g. วันที่พบ, date identified)");
        }

        if (!used.Contains(ImportTargets.Province))
        {
            missing.Add("the province (e.g. จังหวัด, province)");
        }

        if (missing.Count > 0)
        {
            throw new ImportFileException("Missing required column: " + string.Join("; ", missing)
                + ". Rename the header, or map it with --map \"HEADER=TARGET\".");
        }

        return mapping;
    }

    private async Task SaveMappingAsync(Guid organisationId, string name, ColumnMapping mapping, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var clean = name.Trim();
        if (clean.Length is 0 or > 100)
        {
            throw new ImportFileException("A mapping name has 1 to 100 characters.");
        }

        var existing = await db.ImportMappings.FirstOrDefaultAsync(m => m.OrganisationId == organisationId && m.Name == clean, cancellationToken);
        if (existing is null)
        {
            db.ImportMappings.Add(new ImportMapping { OrganisationId = organisationId, Name = clean, Columns = mapping.ToJson(), UpdatedAt = now });
        }
        else
        {
            existing.Columns = mapping.ToJson();
            existing.UpdatedAt = now;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
    }

    private static List<string> UniqueHeaders(string[] fields)
    {
        var headers = new List<string>(fields.Length);
        for (var i = 0; i < fields.Length; i++)
        {
            var h = fields[i].Trim();
            if (h.Length == 0)
            {
                h = "(column " + (i + 1).ToString(CultureInfo.InvariantCulture) + ")";
            }

            var unique = h;
            for (var n = 2; headers.Contains(unique, StringComparer.Ordinal); n++)
            {
                unique = h + " (" + n.ToString(CultureInfo.InvariantCulture) + ")";
            }

            headers.Add(unique);
        }

        return headers;
    }

    /// <summary>A row that passed validation, waiting for its batch's duplicate check and save.</summary>
    private sealed record Candidate(int Row, Person Person, Case Case, List<(string Kind, string Hash)> Terms, string? NameDateKey, List<string> DocumentHashes, DateOnly? BirthDate, List<string> NameHashes)
    {
        public List<TraffickingEvent> Events { get; init; } = [];
        public ConsentRecord? Consent { get; init; }
        /// <summary>The rows to store, converted (encrypted) on the reading thread; null in a dry run.</summary>
        public StoredRows? Stored { get; set; }
    }

    /// <summary>A candidate's rows as stored (<see cref="BulkRows{T}.Convert"/>), one array per table row.</summary>
    private sealed record StoredRows(object?[] Person, object?[][] Documents, object?[] Case, object?[][] Terms, object?[][] Events, object?[]? Consent);

    /// <summary>
    /// The rows read since the previous batch: the candidates to check against the organisation and store, and the
    /// report lines and counts of the rows already refused while reading (emitted when the batch is written, so the
    /// report keeps the file's order).
    /// </summary>
    private sealed class Batch
    {
        public List<Candidate> Candidates { get; } = [];
        public List<ImportIssue> Issues { get; } = [];
        public int FirstRow { get; set; }
        public int Rejected { get; set; }
        public int Duplicates { get; set; }
        /// <summary>Data rows read when the batch was full (the progress indication); null for the last batch.</summary>
        public int? RowsRead { get; set; }
        public bool IsEmpty => Candidates.Count == 0 && Rejected == 0 && Duplicates == 0;
    }

    /// <summary>The model's column lists of the tables an import writes (built once per import, used by both threads).</summary>
    private sealed class Tables(SaphanDbContext db)
    {
        public BulkRows<Person> Persons { get; } = new(db);
        public BulkRows<IdentityDocument> Documents { get; } = new(db);
        public BulkRows<Case> Cases { get; } = new(db);
        public BulkRows<PersonSearchTerm> Terms { get; } = new(db);
        public BulkRows<TraffickingEvent> Events { get; } = new(db);
        public BulkRows<ConsentRecord> Consents { get; } = new(db);
    }

    /// <summary>The state of one import as it walks the rows.</summary>
    private sealed class Run(ImportCsv owner, Actor actor, ImportOptions options, IReadOnlyList<string> headers, ColumnMapping mapping, DateTimeOffset now)
    {
        private readonly Dictionary<string, int> _columnOf = BuildColumns(headers, mapping);
        private Batch _batch = new();
        private readonly Tables? _tables = options.DryRun ? null : new Tables(owner.Db);
        // Keys of rows accepted earlier in this file that the database cannot see yet (the current batch; all of them in a dry run).
        private readonly Dictionary<string, int> _seenNameDate = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _seenDocument = new(StringComparer.Ordinal);
        private readonly HashSet<Guid> _noMembers = [];

        public Guid ImportId { get; } = Guid.CreateVersion7();
        public DateTimeOffset Now { get; } = now;
        public DateOnly Today { get; } = DateOnly.FromDateTime(now.UtcDateTime);
        // Counted by the reading thread (Rows, Rejected, Doubtful, duplicates within the file) and by the writing thread
        // (Imported, duplicates of persons already stored); read after both are done.
        public int Rows { get; private set; }
        public int Imported { get; private set; }
        public int Duplicates => _inFileDuplicates + _storedDuplicates;
        public int Rejected { get; private set; }
        public int Doubtful { get; private set; }
        private int _inFileDuplicates;
        private int _storedDuplicates;

        public string Counts() => string.Create(CultureInfo.InvariantCulture,
            $"rows {Rows}: imported {Imported}, duplicates {Duplicates}, rejected {Rejected}");

        private static Dictionary<string, int> BuildColumns(IReadOnlyList<string> headers, ColumnMapping mapping)
        {
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                if (mapping.TargetOf(headers[i]) is { } target)
                {
                    columns[target] = i;
                }
            }

            return columns;
        }

        private string HeaderOf(string target) => _columnOf.TryGetValue(target, out var i) ? headers[i] : target;

        /// <summary>A report line found while reading (reading thread): kept with the batch, emitted when it is written.</summary>
        private void Report(int row, string target, string kind, string reason)
        {
            if (kind == ImportIssue.Doubtful)
            {
                Doubtful++;
            }

            if (options.OnIssue is not null)
            {
                _batch.Issues.Add(new ImportIssue(row, HeaderOf(target), kind, reason));
            }
        }

        /// <summary>
        /// Reads, normalises, validates and encrypts on one thread while this one checks each batch against the organisation
        /// and writes it (a bounded channel of two batches between them, so memory stays flat). Everything is still
        /// written through the caller's connection and transaction, in the file's order: a failure on either side stops
        /// both and nothing is committed.
        /// </summary>
        public async Task PipelineAsync(List<CsvRecord> sample, ITableReader reader, CancellationToken cancellationToken)
        {
            var channel = System.Threading.Channels.Channel.CreateBounded<Batch>(
                new System.Threading.Channels.BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // Not started with the token: the reader must always run (and complete the channel), even if cancelled at once.
            var producer = Task.Run(() => ProduceAsync(sample, reader, channel.Writer, stop.Token), CancellationToken.None);
            try
            {
                await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    await WriteAsync(batch, cancellationToken);
                }

                await producer;
            }
            catch
            {
                await stop.CancelAsync();
                try
                {
                    await producer;
                }
                catch (Exception)
                {
                    // The first failure is the one reported; the reader stopped because of it (or failed on its own).
                }

                throw;
            }
            finally
            {
                _writers?.Dispose();
                _writers = null;
            }
        }

        private async Task ProduceAsync(List<CsvRecord> sample, ITableReader reader, System.Threading.Channels.ChannelWriter<Batch> writer, CancellationToken cancellationToken)
        {
            try
            {
                foreach (var record in sample)
                {
                    if (Row(record))
                    {
                        await writer.WriteAsync(Cut(full: true), cancellationToken);
                    }
                }

                while (reader.Read() is { } record)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (Row(record))
                    {
                        await writer.WriteAsync(Cut(full: true), cancellationToken);
                    }
                }

                await writer.WriteAsync(Cut(full: false), cancellationToken);
            }
            finally
            {
                // Completed without an error: a reading failure reaches the caller through the awaited task, unchanged.
                writer.TryComplete();
            }
        }

        /// <summary>Hands the current batch over and starts the next one.</summary>
        private Batch Cut(bool full)
        {
            var batch = _batch;
            batch.RowsRead = full ? Rows : null;
            _batch = new Batch();
            if (!options.DryRun)
            {
                // The batch is stored before the next one is checked against the organisation: no need to remember its rows here.
                _seenDocument.Clear();
                _seenNameDate.Clear();
            }

            return batch;
        }

        /// <summary>Reads one row into the current batch; true when the batch is full.</summary>
        private bool Row(CsvRecord record)
        {
            if (record.Fields.Length != headers.Count)
            {
                throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                    $"Row {record.Row}: {record.Fields.Length} fields where the header has {headers.Count} (a stray separator, or a line break in an unquoted cell?). Nothing was imported."));
            }

            if (record.Fields.All(f => ImportNormaliser.Clean(f) is null))
            {
                return false;
            }

            Rows++;
            if (_batch.IsEmpty)
            {
                _batch.FirstRow = record.Row;
            }

            var candidate = Build(record);
            if (candidate is null)
            {
                Rejected++;
                _batch.Rejected++;
                return false;
            }

            var duplicateOf = InFileDuplicate(candidate);
            if (duplicateOf is { } earlier)
            {
                _inFileDuplicates++;
                _batch.Duplicates++;
                Report(record.Row, earlier.Target, ImportIssue.Duplicate,
                    string.Create(CultureInfo.InvariantCulture, $"Likely the same person as row {earlier.Row} of this file: not imported."));
                return false;
            }

            Remember(candidate);
            candidate.Stored = _tables is null ? null : Convert(candidate, _tables);
            _batch.Candidates.Add(candidate);
            return _batch.Candidates.Count >= options.BatchSize;
        }

        /// <summary>The candidate's rows as stored: encrypted and serialised here, on the reading thread.</summary>
        private StoredRows Convert(Candidate candidate, Tables tables)
        {
            var person = candidate.Person;
            return new StoredRows(
                tables.Persons.Convert(person),
                [.. person.Documents.Select(tables.Documents.Convert)],
                tables.Cases.Convert(candidate.Case),
                [.. candidate.Terms.Select(t => tables.Terms.Convert(new PersonSearchTerm { PersonId = person.Id, OrganisationId = actor.OrganisationId, Kind = t.Kind, Hash = t.Hash }))],
                [.. candidate.Events.Select(tables.Events.Convert)],
                candidate.Consent is null ? null : tables.Consents.Convert(candidate.Consent));
        }

        private (int Row, string Target)? InFileDuplicate(Candidate candidate)
        {
            foreach (var document in candidate.DocumentHashes)
            {
                if (_seenDocument.TryGetValue(document, out var row))
                {
                    return (row, DocumentTarget(candidate));
                }
            }

            return candidate.NameDateKey is { } key && _seenNameDate.TryGetValue(key, out var nameRow) ? (nameRow, ImportTargets.BirthDate) : null;
        }

        private static string DocumentTarget(Candidate candidate) =>
            candidate.Person.Documents.Count == 0 ? ImportTargets.ThaiId : "document." + candidate.Person.Documents[0].Type;

        private void Remember(Candidate candidate)
        {
            foreach (var document in candidate.DocumentHashes)
            {
                _seenDocument.TryAdd(document, candidate.Row);
            }

            if (candidate.NameDateKey is { } key)
            {
                _seenNameDate.TryAdd(key, candidate.Row);
            }
        }

        private Candidate? Build(CsvRecord record)
        {
            var row = record.Row;
            string? Cell(string target) => _columnOf.TryGetValue(target, out var i) ? record.Fields[i] : null;
            var failed = new HashSet<string>(StringComparer.Ordinal);

            string? Take(string target, Normalised value)
            {
                if (!value.Ok)
                {
                    failed.Add(target);
                    Report(row, target, ImportIssue.Rejected, value.Problem!);
                    return null;
                }

                if (value.Doubt is not null)
                {
                    Report(row, target, ImportIssue.Doubtful, value.Doubt);
                }

                return value.Value;
            }

            string? TextCell(string target)
            {
                var value = ImportNormaliser.Clean(Cell(target));
                // A leading ' before = + - @ is how exports (Saphan's among them) keep a spreadsheet from evaluating a cell: not part of the value.
                if (value is { Length: > 1 } && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@')
                {
                    value = value[1..];
                }

                if (value is not null && value[0] is '=' or '@')
                {
                    Report(row, target, ImportIssue.Doubtful, "Starts like a spreadsheet formula (= or @): kept as plain text.");
                }

                return value;
            }

            var person = new PersonInput();
            if (_columnOf.ContainsKey(ImportTargets.FullName) && !_columnOf.ContainsKey(ImportTargets.GivenName))
            {
                var full = TextCell(ImportTargets.FullName);
                var space = full?.IndexOfAny([' ', '\u00A0', '\t']) ?? -1;
                person.GivenName = space > 0 ? full![..space] : full;
                person.FamilyName = space > 0 ? full![(space + 1)..].Trim() : null;
            }
            else
            {
                person.GivenName = TextCell(ImportTargets.GivenName);
                person.FamilyName = TextCell(ImportTargets.FamilyName);
            }

            person.OtherNames = TextCell(ImportTargets.OtherNames)?.Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            person.BirthDate = Take(ImportTargets.BirthDate, ImportNormaliser.Date(Cell(ImportTargets.BirthDate)));
            var age = Take(ImportTargets.EstimatedAge, ImportNormaliser.Age(Cell(ImportTargets.EstimatedAge)));
            person.Gender = Take(ImportTargets.Gender, ImportNormaliser.Gender(Cell(ImportTargets.Gender)));
            var (citizenship, citizenshipProblem) = ImportNormaliser.Nationalities(XlsFormMultiple(Cell(ImportTargets.Citizenship), t => t == "stateless" || (t.Length == 2 && t.All(char.IsAsciiLetterUpper))));
            person.Citizenship = citizenshipProblem is null ? [.. citizenship] : null;
            Take(ImportTargets.Citizenship, citizenshipProblem is null ? Normalised.Empty : Normalised.Fail(citizenshipProblem));
            var (languages, languageProblem) = ImportNormaliser.Languages(XlsFormMultiple(Cell(ImportTargets.Languages), t => Reference.ValueSets.Language.Contains(t)));
            person.Languages = languageProblem is null ? [.. languages] : null;
            Take(ImportTargets.Languages, languageProblem is null ? Normalised.Empty : Normalised.Fail(languageProblem));
            person.Phone = Take(ImportTargets.Phone, ImportNormaliser.Phone(Cell(ImportTargets.Phone)));
            person.Address = TextCell(ImportTargets.Address);
            var documentTargets = new List<string>();
            person.IdentityDocuments = [];
            foreach (var target in new[] { ImportTargets.ThaiId, ImportTargets.Passport, ImportTargets.PinkCard })
            {
                if (Take(target, ImportNormaliser.DocumentNumber(Cell(target))) is { Length: > 0 } number)
                {
                    documentTargets.Add(target);
                    person.IdentityDocuments.Add(new DocumentInput { Type = target["document.".Length..], Number = number });
                }
            }

            if (ImportNormaliser.Clean(Cell(ImportTargets.DocumentNumbers)) is { } numbers)
            {
                // Saphan's own export: "thai_id;passport" beside "1101700123456;P1234567".
                var types = (ImportNormaliser.Clean(Cell(ImportTargets.DocumentTypes)) ?? "").Split(';', StringSplitOptions.TrimEntries);
                var values = numbers.Split(';', StringSplitOptions.TrimEntries);
                if (types.Length != values.Length)
                {
                    failed.Add(ImportTargets.DocumentNumbers);
                    Report(row, ImportTargets.DocumentNumbers, ImportIssue.Rejected, "The document types and numbers columns do not list as many entries each.");
                }
                else
                {
                    for (var d = 0; d < values.Length; d++)
                    {
                        if (Take(ImportTargets.DocumentNumbers, ImportNormaliser.DocumentNumber(values[d])) is { Length: > 0 } number)
                        {
                            documentTargets.Add(ImportTargets.DocumentNumbers);
                            person.IdentityDocuments.Add(new DocumentInput { Type = types[d], Number = number });
                        }
                    }
                }
            }

            var input = new CaseInput
            {
                Person = person,
                IdentifiedOn = Take(ImportTargets.IdentifiedOn, ImportNormaliser.Date(Cell(ImportTargets.IdentifiedOn))),
                IdentificationRoute = Take(ImportTargets.Route, ImportNormaliser.Route(Cell(ImportTargets.Route))),
                Province = Take(ImportTargets.Province, ImportNormaliser.Province(Cell(ImportTargets.Province))),
                Status = Take(ImportTargets.Status, ImportNormaliser.Status(Cell(ImportTargets.Status))),
                Summary = TextCell(ImportTargets.Summary),
                ClosureReason = Take(ImportTargets.ClosureReason, ImportNormaliser.ClosureReason(Cell(ImportTargets.ClosureReason))),
            };
            // The default reason is for rows closed without one; closed_referred already says "referred".
            input.ClosureReason ??= input.Status == "closed" ? options.DefaultClosureReason : null;

            // A birth date and an age together: the birth date is kept (the age was usually computed from it).
            if (age is not null && person.BirthDate is not null)
            {
                var birth = DateOnly.ParseExact(person.BirthDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var on = input.IdentifiedOn is { } identified ? DateOnly.ParseExact(identified, "yyyy-MM-dd", CultureInfo.InvariantCulture) : Today;
                var born = new Person { BirthDate = birth };
                var stated = int.Parse(age, CultureInfo.InvariantCulture);
                if (Math.Abs((born.AgeOn(on) ?? 0) - stated) > 1 && Math.Abs((born.AgeOn(Today) ?? 0) - stated) > 1)
                {
                    Report(row, ImportTargets.EstimatedAge, ImportIssue.Doubtful, "Does not match the birth date: the birth date was kept.");
                }

                age = null;
            }

            person.EstimatedAge = age is null ? null : int.Parse(age, CultureInfo.InvariantCulture);

            var errors = new ValidationErrors();
            var entity = new Person { OrganisationId = actor.OrganisationId, CreatedAt = Now, UpdatedAt = Now };
            person.ApplyTo(entity, errors, "person.", Today, isNew: true);
            var @case = new Case
            {
                OrganisationId = actor.OrganisationId,
                PersonId = entity.Id,
                Person = entity,
                Province = "",
                CreatedBy = actor.UserId,
                CreatedAt = Now,
                UpdatedAt = Now,
            };
            input.ApplyTo(@case, errors, Today, isNew: true, _noMembers, Now);
            var events = new List<TraffickingEvent>(2);
            ConsentRecord? consent = null;
            if (HasContext)
            {
                (events, consent) = Context(row, @case, Cell, failed);
            }

            var rejected = failed.Count > 0;
            foreach (var (field, messages) in errors.ToDictionary())
            {
                var target = TargetOfError(field, documentTargets);
                if (failed.Contains(target))
                {
                    continue;
                }

                rejected = true;
                foreach (var message in messages)
                {
                    Report(row, target, ImportIssue.Rejected, message);
                }
            }

            if (rejected)
            {
                return null;
            }

            // An age in a spreadsheet was estimated when the person was identified, not today.
            if (entity.EstimatedAge is not null)
            {
                entity.AgeEstimatedOn = @case.IdentifiedOn;
            }

            var terms = owner.Indexer.Terms(entity).ToList();
            // Without other names the name terms are exactly the given and family name tokens: no need to hash them twice.
            var nameHashes = (entity.OtherNames is null
                    ? terms.Where(t => t.Kind == PersonIndexer.NameKind).Select(t => t.Hash)
                    : new[] { entity.GivenName, entity.FamilyName }.SelectMany(BlindIndex.NameTokens).Distinct(StringComparer.Ordinal)
                        .Select(t => owner.Index.Hash(PersonIndexer.NameKind, t)))
                .Order(StringComparer.Ordinal).ToList();
            var documents = terms.Where(t => t.Kind == PersonIndexer.DocumentKind).Select(t => t.Hash).ToList();
            var key = entity.BirthDate is { } date && nameHashes.Count > 0
                ? string.Join(',', nameHashes) + "|" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
            return new Candidate(row, entity, @case, terms, key, documents, entity.BirthDate, nameHashes) { Events = events, Consent = consent };
        }

        private static readonly string[] ContextTargets =
        [
            ImportTargets.TraffickingStatus, ImportTargets.TraffickingStatusDecidedBy, ImportTargets.NrmIdentifiedOn, ImportTargets.NrmMultidisciplinaryTeam,
            ImportTargets.RecruitmentCountry, ImportTargets.RecruitmentMethods, ImportTargets.ExploitationCountry, ImportTargets.ExploitationTypes,
            ImportTargets.ConsentPurpose, ImportTargets.ConsentStatus, ImportTargets.ConsentMethod, ImportTargets.ConsentDate,
        ];

        private bool? _hasContext;

        /// <summary>Whether the mapping has any victim, event or consent column (asked on every row: computed once).</summary>
        private bool HasContext => _hasContext ??= ContextTargets.Any(_columnOf.ContainsKey);

        /// <summary>
        /// The answers of the XLSForm's victim, event and consent groups (or the same columns of any spreadsheet): a recruitment and an
        /// exploitation event when any of their answers is given, a consent decision when any consent answer is given, each checked
        /// by the dictionary's rules like the API's; the victim context is kept on the case. A problem rejects the whole row (person and case too), reported per cell.
        /// </summary>
        private (List<TraffickingEvent> Events, ConsentRecord? Consent) Context(int row, Case @case, Func<string, string?> cell, HashSet<string> failed)
        {
            string? Check(string target, Func<string?, string?>? prepare = null)
            {
                var field = DataStandard.Get(target);
                var raw = ImportNormaliser.Clean(cell(target));
                if (raw is not null && field.Type.IsMultiple())
                {
                    raw = XlsFormMultiple(raw, t => field.Values?.Contains(t) ?? false);
                }

                // HTCDS value names (Saphan's own export writes them: PossibleVictimOfTrafficking) are read back as codes.
                if (raw is not null && field.HtcdsValues.FirstOrDefault(v => string.Equals(v.Value, raw, StringComparison.OrdinalIgnoreCase)) is { Key: { } code })
                {
                    raw = code;
                }

                var value = prepare is null ? raw : prepare(raw);
                var check = StandardValidator.Check(field, value, Today);
                if (!check.Ok)
                {
                    failed.Add(target);
                    Report(row, target, ImportIssue.Rejected, check.Problem!);
                    return null;
                }

                return check.Values.Count == 0 ? null : string.Join(';', check.Values);
            }

            bool Any(params string[] targets) => targets.Any(t => ImportNormaliser.Clean(cell(t)) is not null);
            static List<string> List(string? codes) => codes is null ? [] : [.. codes.Split(';')];

            // The victim context: each answer only when given (the form does not require it at intake).
            if (Any(ImportTargets.TraffickingStatus))
            {
                @case.TraffickingStatus = Check(ImportTargets.TraffickingStatus);
            }

            if (Any(ImportTargets.TraffickingStatusDecidedBy))
            {
                @case.TraffickingStatusDecidedBy = Check(ImportTargets.TraffickingStatusDecidedBy);
            }

            // Formal identification under the NRM (migration 0020): not before the case's identification date.
            if (Any(ImportTargets.NrmIdentifiedOn) && Check(ImportTargets.NrmIdentifiedOn) is { } nrmOn)
            {
                var day = DateOnly.ParseExact(nrmOn, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (day < @case.IdentifiedOn)
                {
                    failed.Add(ImportTargets.NrmIdentifiedOn);
                    Report(row, ImportTargets.NrmIdentifiedOn, ImportIssue.Rejected, "Before the case's identification date: formal identification comes on or after the day the person was identified.");
                }
                else
                {
                    @case.NrmIdentifiedOn = day;
                }
            }

            if (Any(ImportTargets.NrmMultidisciplinaryTeam) && Check(ImportTargets.NrmMultidisciplinaryTeam) is { } team)
            {
                @case.NrmMultidisciplinaryTeam = team == "true";
            }

            var events = new List<TraffickingEvent>(2);
            if (Any(ImportTargets.RecruitmentCountry, ImportTargets.RecruitmentMethods))
            {
                var country = Check(ImportTargets.RecruitmentCountry, CountryCode);
                var methods = Check(ImportTargets.RecruitmentMethods);
                if (country is not null)
                {
                    events.Add(new TraffickingEvent
                    {
                        OrganisationId = actor.OrganisationId, CaseId = @case.Id, Type = "recruitment", Country = country,
                        RecruitmentMethods = List(methods), CreatedBy = actor.UserId, CreatedAt = Now,
                    });
                }
            }

            if (Any(ImportTargets.ExploitationCountry, ImportTargets.ExploitationTypes))
            {
                var country = Check(ImportTargets.ExploitationCountry, CountryCode);
                var types = Check(ImportTargets.ExploitationTypes);
                if (country is not null)
                {
                    events.Add(new TraffickingEvent
                    {
                        OrganisationId = actor.OrganisationId, CaseId = @case.Id, Type = "exploitation", Country = country,
                        ExploitationTypes = List(types), CreatedBy = actor.UserId, CreatedAt = Now,
                    });
                }
            }

            ConsentRecord? consent = null;
            if (Any(ImportTargets.ConsentPurpose, ImportTargets.ConsentStatus, ImportTargets.ConsentMethod, ImportTargets.ConsentDate))
            {
                var purpose = Check(ImportTargets.ConsentPurpose);
                var status = Check(ImportTargets.ConsentStatus);
                var method = Check(ImportTargets.ConsentMethod);
                var date = Check(ImportTargets.ConsentDate, c => ImportNormaliser.Date(c) is { Ok: true, Value: { } d } ? d : c);
                var day = date is null ? (DateOnly?)null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (day is not null && @case.IdentifiedOn != default && day < @case.IdentifiedOn)
                {
                    failed.Add(ImportTargets.ConsentDate);
                    Report(row, ImportTargets.ConsentDate, ImportIssue.Rejected, "Before the date identified: a decision is recorded on or after the day the person was identified.");
                }
                else if (purpose is not null && status is not null && method is not null && day is not null)
                {
                    consent = new ConsentRecord
                    {
                        OrganisationId = actor.OrganisationId, CaseId = @case.Id, Purpose = purpose, Status = status, Method = method,
                        RecordedOn = day.Value, RecordedBy = actor.UserId, RecordedAt = Now,
                    };
                }
                else if (!failed.Overlaps([ImportTargets.ConsentPurpose, ImportTargets.ConsentStatus, ImportTargets.ConsentMethod, ImportTargets.ConsentDate]))
                {
                    var missing = new[] { (ImportTargets.ConsentPurpose, purpose), (ImportTargets.ConsentStatus, status), (ImportTargets.ConsentMethod, method), (ImportTargets.ConsentDate, date) }
                        .First(m => m.Item2 is null).Item1;
                    failed.Add(missing);
                    Report(row, missing, ImportIssue.Rejected, "Required with the other consent answers: purpose, decision, method and date.");
                }
            }

            return (events, consent);
        }

        /// <summary>A country as a code (Kobo's answer) or a nationality word a spreadsheet may hold (พม่า, Myanmar).</summary>
        private static string? CountryCode(string? cell) =>
            cell is null ? null : ImportNormaliser.Nationalities(cell) is { Problem: null, Codes: [var code] } && code != "stateless" ? code : cell;

        /// <summary>A select_multiple answer as Kobo/ODK export it (codes separated by spaces) → codes separated by ";".</summary>
        private static string? XlsFormMultiple(string? cell, Func<string, bool> isCode)
        {
            if (cell is null || !cell.Contains(' ', StringComparison.Ordinal))
            {
                return cell;
            }

            var tokens = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return tokens.Length > 1 && tokens.All(isCode) ? string.Join(';', tokens) : cell;
        }

        private string TargetOfError(string field, List<string> documentTargets)
        {
            if (field.StartsWith("person.identityDocuments[", StringComparison.Ordinal))
            {
                var close = field.IndexOf(']', StringComparison.Ordinal);
                var i = int.Parse(field.AsSpan(25, close - 25), CultureInfo.InvariantCulture);
                return i < documentTargets.Count ? documentTargets[i] : ImportTargets.ThaiId;
            }

            var target = field.StartsWith("person.", StringComparison.Ordinal) ? field : "case." + field;
            if (target is ImportTargets.GivenName or ImportTargets.FamilyName && !_columnOf.ContainsKey(target) && _columnOf.ContainsKey(ImportTargets.FullName))
            {
                return ImportTargets.FullName;
            }

            return target;
        }

        /// <summary>The statements of one import (writing thread), prepared once.</summary>
        private sealed class Writers(SaphanDbContext db, Tables tables) : IDisposable
        {
            public BulkInsert<Person> Persons { get; } = new(db, tables.Persons);
            public BulkInsert<IdentityDocument> Documents { get; } = new(db, tables.Documents);
            public BulkInsert<Case> Cases { get; } = new(db, tables.Cases);
            public BulkInsert<PersonSearchTerm> Terms { get; } = new(db, tables.Terms);
            public BulkInsert<TraffickingEvent> Events { get; } = new(db, tables.Events);
            public BulkInsert<ConsentRecord> Consents { get; } = new(db, tables.Consents);

            /// <summary>In foreign-key order (PostgreSQL sends each table's rows with one COPY here).</summary>
            public async Task CompleteAsync(CancellationToken cancellationToken)
            {
                await Persons.CompleteAsync(cancellationToken);
                await Documents.CompleteAsync(cancellationToken);
                await Cases.CompleteAsync(cancellationToken);
                await Terms.CompleteAsync(cancellationToken);
                await Events.CompleteAsync(cancellationToken);
                await Consents.CompleteAsync(cancellationToken);
            }

            public void Dispose()
            {
                Persons.Dispose();
                Documents.Dispose();
                Cases.Dispose();
                Terms.Dispose();
                Events.Dispose();
                Consents.Dispose();
            }
        }

        private Writers? _writers;

        /// <summary>Checks a batch against the organisation's persons, then saves the rest with one audit entry (writing thread).</summary>
        private async Task WriteAsync(Batch batch, CancellationToken cancellationToken)
        {
            foreach (var issue in batch.Issues)
            {
                options.OnIssue?.Invoke(issue);
            }

            if (batch.IsEmpty)
            {
                return;
            }

            var db = owner.Db;
            var existing = await ExistingDuplicatesAsync(batch.Candidates, cancellationToken);
            var imported = 0;
            var duplicates = batch.Duplicates;
            var writers = options.DryRun ? null : _writers ??= new Writers(db, _tables!);
            foreach (var candidate in batch.Candidates)
            {
                if (existing.TryGetValue(candidate.Row, out var match))
                {
                    _storedDuplicates++;
                    duplicates++;
                    options.OnIssue?.Invoke(new ImportIssue(candidate.Row, HeaderOf(match.Target), ImportIssue.Duplicate,
                        $"Likely the same person as one already recorded in the organisation (person {match.PersonId:D}): not imported."));
                    continue;
                }

                imported++;
                if (writers is null)
                {
                    continue;
                }

                // Raw inserts in the import's transaction, values converted (encrypted) by the EF model's own mappings.
                var rows = candidate.Stored!;
                writers.Persons.Add(rows.Person);
                foreach (var document in rows.Documents)
                {
                    writers.Documents.Add(document);
                }

                writers.Cases.Add(rows.Case);
                foreach (var term in rows.Terms)
                {
                    writers.Terms.Add(term);
                }

                foreach (var @event in rows.Events)
                {
                    writers.Events.Add(@event);
                }

                if (rows.Consent is { } consent)
                {
                    writers.Consents.Add(consent);
                }
            }

            Imported += imported;
            if (writers is not null)
            {
                await writers.CompleteAsync(cancellationToken);
                var lastRow = batch.Candidates.Count > 0 ? batch.Candidates[^1].Row : batch.FirstRow;
                db.Audit(actor, "import.batch", "import", ImportId, string.Create(CultureInfo.InvariantCulture,
                    $"rows {batch.FirstRow}-{lastRow}: imported {imported}, duplicates {duplicates}, rejected {batch.Rejected}"));
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            if (batch.RowsRead is { } read)
            {
                options.OnProgress?.Invoke(read);
            }
        }

        /// <summary>Rows of the batch that match a person of the organisation: same document number, or same name tokens and birth date.</summary>
        private async Task<Dictionary<int, (Guid PersonId, string Target)>> ExistingDuplicatesAsync(List<Candidate> batch, CancellationToken cancellationToken)
        {
            var found = new Dictionary<int, (Guid, string)>();
            if (batch.Count == 0)
            {
                return found;
            }

            var db = owner.Db;
            var organisation = actor.OrganisationId;
            var documentHashes = batch.SelectMany(c => c.DocumentHashes).Distinct(StringComparer.Ordinal).ToList();
            if (documentHashes.Count > 0)
            {
                var byDocument = (await db.PersonSearchTerms.AsNoTracking()
                        .Where(t => t.OrganisationId == organisation && t.Kind == PersonIndexer.DocumentKind && EF.Parameter(documentHashes).Contains(t.Hash))
                        .Select(t => new { t.PersonId, t.Hash })
                        .ToListAsync(cancellationToken))
                    .GroupBy(t => t.Hash, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().PersonId, StringComparer.Ordinal);
                foreach (var candidate in batch)
                {
                    var hit = candidate.DocumentHashes.FirstOrDefault(byDocument.ContainsKey);
                    if (hit is not null)
                    {
                        found[candidate.Row] = (byDocument[hit], DocumentTarget(candidate));
                    }
                }
            }

            var withDates = batch.Where(c => c.BirthDate is not null && c.NameHashes.Count > 0 && !found.ContainsKey(c.Row)).ToList();
            if (withDates.Count == 0)
            {
                return found;
            }

            var nameHashes = withDates.SelectMany(c => c.NameHashes).Distinct(StringComparer.Ordinal).ToList();
            var tokensByPerson = (await db.PersonSearchTerms.AsNoTracking()
                    .Where(t => t.OrganisationId == organisation && t.Kind == PersonIndexer.NameKind && EF.Parameter(nameHashes).Contains(t.Hash))
                    .Select(t => new { t.PersonId, t.Hash })
                    .ToListAsync(cancellationToken))
                .GroupBy(t => t.PersonId)
                .ToDictionary(g => g.Key, g => g.Select(t => t.Hash).ToHashSet(StringComparer.Ordinal));
            var matches = withDates
                .Select(c => (Candidate: c, Persons: tokensByPerson.Where(p => c.NameHashes.All(p.Value.Contains)).Select(p => p.Key).ToList()))
                .Where(m => m.Persons.Count > 0)
                .ToList();
            if (matches.Count == 0)
            {
                return found;
            }

            var ids = matches.SelectMany(m => m.Persons).Distinct().ToList();
            var births = await db.Persons.AsNoTracking().Where(p => EF.Parameter(ids).Contains(p.Id)).Select(p => new { p.Id, p.BirthDate }).ToListAsync(cancellationToken);
            var birthOf = births.ToDictionary(b => b.Id, b => b.BirthDate);
            foreach (var (candidate, persons) in matches)
            {
                var same = persons.FirstOrDefault(p => birthOf.TryGetValue(p, out var b) && b == candidate.BirthDate);
                if (same != Guid.Empty)
                {
                    found[candidate.Row] = (same, ImportTargets.BirthDate);
                }
            }

            return found;
        }
    }
}
