using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Saphan.Core.Features.Import;

/// <summary>
/// Inserts entities of one type with a single prepared ADO.NET command on the context's connection and
/// transaction, bypassing EF's change tracking and update pipeline (which cost ~100 KB and most of the
/// time per imported row). The columns, identifier quoting and every value conversion come from the EF
/// model itself: each value goes through the property's relational type mapping
/// (<see cref="RelationalTypeMapping.CreateParameter"/>), which applies the same value converters
/// (field encryption, lists, dates, GUIDs) that <c>SaveChanges</c> would. Only plain mapped properties
/// are supported; the constructor refuses shadow properties, so a model change cannot silently drop a
/// column.
/// </summary>
internal sealed class BulkInsert<T> : IDisposable
    where T : class
{
    private readonly DbCommand _command;
    private readonly (IClrPropertyGetter Getter, RelationalTypeMapping Mapping, string Name, bool Nullable)[] _columns;
    // PostgreSQL: rows are kept (already converted: encrypted, serialised) and sent with one binary COPY per batch.
    private readonly Npgsql.NpgsqlConnection? _postgres;
    private readonly string? _copy;
    private readonly string[] _dataTypes = [];
    private readonly List<object?[]> _rows = [];

    public BulkInsert(DbContext db)
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

        _columns = properties
            .Select((p, i) => (p.GetGetter(), (RelationalTypeMapping)p.GetRelationalTypeMapping(), "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), p.IsNullable))
            .ToArray();
        var connection = db.Database.GetDbConnection();
        _command = connection.CreateCommand();
        _command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the import's transaction.");
        _command.CommandText = "INSERT INTO " + sql.DelimitIdentifier(table.Name, table.Schema)
            + " (" + string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") VALUES ("
            + string.Join(", ", _columns.Select(c => sql.GenerateParameterNamePlaceholder(c.Name))) + ")";
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            _postgres = postgres;
            _copy = "COPY " + sql.DelimitIdentifier(table.Name, table.Schema)
                + " (" + string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!))) + ") FROM STDIN (FORMAT BINARY)";
            _dataTypes = [.. _columns.Select(c => CopyType(c.Mapping.StoreType))];
        }
    }

    /// <summary>The PostgreSQL type a COPY value is written as: the column's type without its length (varchar's binary form is text's).</summary>
    private static string CopyType(string storeType)
    {
        var open = storeType.IndexOf('(', StringComparison.Ordinal);
        var type = (open > 0 ? storeType[..open] : storeType).Trim();
        return type == "character varying" ? "text" : type;
    }

    public async Task AddAsync(T item, CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            var row = new object?[_columns.Length];
            for (var i = 0; i < _columns.Length; i++)
            {
                var (getter, mapping, _, _) = _columns[i];
                var value = getter.GetClrValueUsingContainingEntity(item);
                row[i] = value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
            }

            _rows.Add(row);
            return;
        }

        if (_command.Parameters.Count == 0)
        {
            // The first row creates and types the parameters; later rows only change their values (the statement stays prepared).
            foreach (var (getter, mapping, name, nullable) in _columns)
            {
                _command.Parameters.Add(mapping.CreateParameter(_command, name, getter.GetClrValueUsingContainingEntity(item), nullable));
            }
        }
        else
        {
            for (var i = 0; i < _columns.Length; i++)
            {
                var (getter, mapping, _, _) = _columns[i];
                var value = getter.GetClrValueUsingContainingEntity(item);
                _command.Parameters[i].Value = (value is null ? null : mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
            }
        }

        // Microsoft.Data.Sqlite runs every command synchronously; its async path only adds a Task per row.
        cancellationToken.ThrowIfCancellationRequested();
        _command.ExecuteNonQuery();
    }

    /// <summary>Sends what <see cref="AddAsync"/> kept (PostgreSQL: one binary COPY); nothing to do on SQLite, where each row was inserted at once.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_postgres is null || _rows.Count == 0)
        {
            return;
        }

        await using (var importer = await _postgres.BeginBinaryImportAsync(_copy!, cancellationToken))
        {
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

        _rows.Clear();
    }

    public void Dispose() => _command.Dispose();
}
