using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Saphan.Core.Features.Import;

/// <summary>
/// The columns of one entity type as the EF model maps them, and the conversion of an entity into the values stored
/// (<see cref="Convert"/>): every value goes through the property's own relational type mapping and its value converter
/// (field encryption, lists, dates), i.e. what <c>SaveChanges</c> would store. Only plain mapped properties are
/// supported; the constructor refuses shadow properties, so a model change cannot silently drop a column.
/// After construction it holds only caches of encoded values, for <see cref="Convert"/>, which one thread calls at a
/// time: the import converts (and so encrypts) rows on its reading thread while the writing thread inserts the previous
/// batch with the column lists, which never change.
/// </summary>
internal sealed class BulkRows<T>
    where T : class
{
    public BulkRows(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException(typeof(T).Name + " is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var properties = entity.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        if (properties.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property: BulkInsert cannot read it.");
        }

        Getters = [.. properties.Select(p => p.GetGetter())];
        Mappings = [.. properties.Select(p => (RelationalTypeMapping)p.GetRelationalTypeMapping())];
        ColumnNames = [.. properties.Select(p => p.GetColumnName(table)!)];
        Table = sql.DelimitIdentifier(table.Name, table.Schema);
        ColumnList = string.Join(", ", ColumnNames.Select(c => sql.DelimitIdentifier(c)));
        _sqlite = db.Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";
    }

    private readonly bool _sqlite;

    // Encodings worth keeping, since rows repeat them: the last time stamp (an import stamps every row with the same
    // instant), the last two GUIDs (the organisation in every row; a person in its document, search-term and case rows),
    // and short texts (codes: kinds, statuses, provinces, countries). Convert is called by one thread at a time.
    private (DateTimeOffset At, byte[] Text)? _lastInstant;
    private (Guid Id, byte[] Text) _guid0;
    private (Guid Id, byte[] Text) _guid1;
    private readonly Dictionary<string, byte[]> _codes = new(StringComparer.Ordinal);
    private const int CodeLength = 16;
    private const int MaxCodes = 4096;

    public IClrPropertyGetter[] Getters { get; }
    public RelationalTypeMapping[] Mappings { get; }
    public string[] ColumnNames { get; }
    /// <summary>The delimited table name.</summary>
    public string Table { get; }
    /// <summary>The delimited column names, comma-separated, in the order of <see cref="Convert"/>'s values.</summary>
    public string ColumnList { get; }

    /// <summary>
    /// The values stored for <paramref name="item"/>, converted (encrypted, serialised) by the model's converters. On
    /// SQLite they are also encoded the way they are bound (<see cref="SqliteValue"/>), so the thread that converts does
    /// the formatting and the thread that inserts only binds.
    /// </summary>
    public object?[] Convert(T item)
    {
        var row = new object?[Getters.Length];
        for (var i = 0; i < row.Length; i++)
        {
            var value = Getters[i].GetClrValueUsingContainingEntity(item);
            var stored = value is null ? null : Mappings[i].Converter is { } converter ? converter.ConvertToProvider(value) : value;
            row[i] = _sqlite ? SqliteValue(stored, ColumnNames[i]) : stored;
        }

        return row;
    }

    /// <summary>
    /// A provider value as Microsoft.Data.Sqlite binds it for EF Core's SQLite type mappings, ready to bind: text (strings,
    /// GUIDs in upper case, ISO dates and times, decimals) as UTF-8 bytes, integers (booleans as 0/1) as a long, reals
    /// as a double, blobs wrapped in <see cref="SqliteBlob"/>. Any other type is refused rather than guessed.
    /// </summary>
    internal object? SqliteValue(object? value, string column) => value switch
    {
        null or DBNull => null,
        string text => Text(text),
        Guid guid => GuidText(guid),
        DateTimeOffset at => InstantText(at),
        DateTime at => Encoding.UTF8.GetBytes(at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
        DateOnly day => DayText(day),
        bool flag => flag ? 1L : 0L,
        int number => (long)number,
        long number => number,
        short number => (long)number,
        byte number => (long)number,
        decimal number => Encoding.UTF8.GetBytes(number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        double number => number,
        float number => (double)number,
        byte[] bytes => new SqliteBlob(bytes),
        _ => throw new NotSupportedException($"BulkInsert<{typeof(T).Name}>: column {column} holds a {value.GetType().Name}, which it does not know how to store like EF."),
    };

    private byte[] Text(string text)
    {
        if (text.Length > CodeLength)
        {
            return Encoding.UTF8.GetBytes(text);
        }

        if (_codes.TryGetValue(text, out var known))
        {
            return known;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        if (_codes.Count < MaxCodes)
        {
            _codes[text] = bytes;
        }

        return bytes;
    }

    private byte[] GuidText(Guid guid)
    {
        if (_guid0.Text is not null && _guid0.Id == guid)
        {
            return _guid0.Text;
        }

        if (_guid1.Text is not null && _guid1.Id == guid)
        {
            (_guid0, _guid1) = (_guid1, _guid0);
            return _guid0.Text;
        }

        var text = GuidBytes(guid);
        _guid1 = _guid0;
        _guid0 = (guid, text);
        return text;
    }

    private static byte[] GuidBytes(Guid guid)
    {
        var text = new byte[36];
        guid.TryFormat(text, out _, "D");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= (byte)'a' and <= (byte)'f')
            {
                text[i] -= 'a' - 'A';
            }
        }

        return text;
    }

    private byte[] InstantText(DateTimeOffset at)
    {
        if (_lastInstant is { } last && last.At.Equals(at) && last.At.Offset == at.Offset)
        {
            return last.Text;
        }

        var text = Encoding.UTF8.GetBytes(at.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
        _lastInstant = (at, text);
        return text;
    }

    private static byte[] DayText(DateOnly day)
    {
        var text = new byte[10];
        day.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return text;
    }
}

/// <summary>A blob for SQLite (a <c>byte[]</c> value in a converted row is UTF-8 text).</summary>
internal sealed record SqliteBlob(byte[] Bytes);

/// <summary>
/// Inserts converted rows (<see cref="BulkRows{T}.Convert"/>) of one table on the context's connection and inside its
/// transaction, bypassing EF's change tracking and update pipeline. Rows are kept until <see cref="CompleteAsync"/>,
/// which the import calls per batch in foreign-key order.
/// <list type="bullet">
/// <item>SQLite: multi-row <c>INSERT … VALUES (…),(…),…</c> statements prepared once and bound by position through
/// SQLite's own API (Microsoft.Data.Sqlite looks every parameter up by name on every execution and builds a reader per
/// statement, which cost more than SQLite's insert itself). Values arrive already encoded by
/// <see cref="BulkRows{T}.SqliteValue"/> exactly as Microsoft.Data.Sqlite stores them for EF (a test compares every
/// column with what <c>SaveChanges</c> stores): the inserting thread only binds.</item>
/// <item>PostgreSQL: one binary <c>COPY … FROM STDIN</c> per table and batch.</item>
/// </list>
/// </summary>
internal sealed class BulkInsert<T> : IDisposable
    where T : class
{
    /// <summary>At most this many bound values per SQLite statement (rows per statement = this / columns).</summary>
    private const int MaxParametersPerStatement = 999;

    private readonly BulkRows<T> _columns;
    private readonly List<object?[]> _rows = [];
    private readonly SqliteConnection? _sqlite;
    private readonly int _rowsPerStatement;
    private sqlite3_stmt? _many;
    private sqlite3_stmt? _one;
    private readonly Npgsql.NpgsqlConnection? _postgres;
    private readonly string? _copy;
    private readonly string[] _dataTypes = [];

    public BulkInsert(DbContext db, BulkRows<T> columns)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(columns);
        _columns = columns;
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("BulkInsert runs inside the import's transaction.");
        }

        var connection = db.Database.GetDbConnection();
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            _postgres = postgres;
            _copy = "COPY " + columns.Table + " (" + columns.ColumnList + ") FROM STDIN (FORMAT BINARY)";
            _dataTypes = [.. columns.Mappings.Select(m => CopyType(m.StoreType))];
        }
        else
        {
            _sqlite = (SqliteConnection)connection;
            _rowsPerStatement = Math.Max(1, MaxParametersPerStatement / columns.ColumnNames.Length);
        }
    }

    /// <summary>The PostgreSQL type a COPY value is written as: the column's type without its length (varchar's binary form is text's).</summary>
    private static string CopyType(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        var type = (open > 0 ? storeType[..open] : storeType).Trim();
        return type == "character varying" ? "text" : type;
    }

    /// <summary>Keeps a converted row for <see cref="CompleteAsync"/>.</summary>
    public void Add(object?[] row) => _rows.Add(row);

    /// <summary>
    /// Converts and inserts every item inside the context's open transaction, <paramref name="batch"/> rows at a time (so
    /// memory stays bounded) — for writers other than the import, e.g. a repository publication.
    /// </summary>
    public static async Task InsertAllAsync(DbContext db, IEnumerable<T> items, CancellationToken cancellationToken, int batch = 1000)
    {
        ArgumentNullException.ThrowIfNull(items);
        var columns = new BulkRows<T>(db);
        using var insert = new BulkInsert<T>(db, columns);
        foreach (var item in items)
        {
            insert.Add(columns.Convert(item));
            if (insert._rows.Count >= batch)
            {
                await insert.CompleteAsync(cancellationToken);
            }
        }

        await insert.CompleteAsync(cancellationToken);
    }

    /// <summary>Writes the rows kept since the last call.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_rows.Count == 0)
        {
            return;
        }

        if (_postgres is not null)
        {
            await CopyAsync(cancellationToken);
        }
        else
        {
            cancellationToken.ThrowIfCancellationRequested();
            InsertSqlite();
        }

        _rows.Clear();
    }

    private void InsertSqlite()
    {
        var handle = _sqlite!.Handle!;
        var width = _columns.ColumnNames.Length;
        var next = 0;
        while (_rows.Count - next >= _rowsPerStatement && _rowsPerStatement > 1)
        {
            _many ??= Prepare(handle, _rowsPerStatement);
            Execute(handle, _many, next, _rowsPerStatement, width);
            next += _rowsPerStatement;
        }

        for (; next < _rows.Count; next++)
        {
            _one ??= Prepare(handle, 1);
            Execute(handle, _one, next, 1, width);
        }
    }

    private sqlite3_stmt Prepare(sqlite3 handle, int rows)
    {
        var values = "(" + string.Join(",", Enumerable.Repeat("?", _columns.ColumnNames.Length)) + ")";
        // OR FAIL: a failing row stops the statement without undoing the rows before it, so SQLite needs no statement
        // journal for it (with foreign keys off; see ImportCsv.SqliteWriteSettings). Every caller rolls the whole
        // transaction back on any error, so nothing of a failed statement is ever committed.
        var sql = "INSERT OR FAIL INTO " + _columns.Table + " (" + _columns.ColumnList + ") VALUES " + string.Join(",", Enumerable.Repeat(values, rows));
        var rc = raw.sqlite3_prepare_v2(handle, sql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, handle);
        return statement;
    }

    private void Execute(sqlite3 handle, sqlite3_stmt statement, int first, int count, int width)
    {
        var index = 1;
        for (var r = first; r < first + count; r++)
        {
            var row = _rows[r];
            for (var c = 0; c < width; c++)
            {
                BindValue(handle, statement, index++, row[c]);
            }
        }

        var rc = raw.sqlite3_step(statement);
        // reset returns the step's error again; the bindings are all overwritten by the next execution.
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    /// <summary>Binds a value encoded by <see cref="BulkRows{T}.SqliteValue"/>.</summary>
    private static void BindValue(sqlite3 handle, sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            byte[] text => raw.sqlite3_bind_text(statement, index, text.AsSpan()),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            double number => raw.sqlite3_bind_double(statement, index, number),
            SqliteBlob blob => raw.sqlite3_bind_blob(statement, index, blob.Bytes),
            _ => throw new InvalidOperationException($"BulkInsert<{typeof(T).Name}>: a {value.GetType().Name} was not encoded for SQLite."),
        };
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
        }
    }

    private async Task CopyAsync(CancellationToken cancellationToken)
    {
        await using var importer = await _postgres!.BeginBinaryImportAsync(_copy!, cancellationToken);
        foreach (var row in _rows)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                if (row[i] is { } value)
                {
                    await importer.WriteAsync(value, _dataTypes[i], cancellationToken);
                }
                else
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    public void Dispose()
    {
        _many?.Dispose();
        _one?.Dispose();
    }
}
