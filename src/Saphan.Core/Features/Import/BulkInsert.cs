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
    }

    public async Task AddAsync(T item, CancellationToken cancellationToken)
    {
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

        await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public void Dispose() => _command.Dispose();
}
