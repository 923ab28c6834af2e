using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Tests.Features.Import;

internal static class ImportAssertions
{
    /// <summary>
    /// SQLite does not enforce foreign keys while the import writes (ImportCsv.SqliteWriteSettings): every reference of
    /// the imported rows must still resolve, and the pooled connection must have its foreign keys back.
    /// </summary>
    public static async Task ReferencesHoldAsync(SaphanDbContext db)
    {
        if (db.IsPostgres)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check";
        var broken = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                broken.Add(reader.GetString(0) + " → " + reader.GetString(2));
            }
        }

        Assert.Empty(broken);
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }
}
