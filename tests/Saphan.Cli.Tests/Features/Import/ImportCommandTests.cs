using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Persons;
using Saphan.Testing;

namespace Saphan.Cli.Tests.Features.Import;

[Trait("Category", "Database")]
public sealed class ImportCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _org = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "db", "migrate")).ExitCode);
        _org = (await CliRunner.RunAsync(_database, "org", "add", "--name", "Foundation for Migrant Workers", "--type", "ngo")).Output.Trim();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private string Write(string name, string text)
    {
        var path = Path.Combine(_database.DataFolder, name);
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }

    private static string Csv()
    {
        var twelve = "310050012345";
        var id = twelve + ThaiNationalId.CheckDigit(twelve);
        return "ชื่อ,นามสกุล,เพศ,วันเกิด,สัญชาติ,เลขบัตรประชาชน,จังหวัด,วันที่พบ\r\n" +
               $"สมศรี,มีสุข,หญิง,5 มี.ค. 2530,ไทย,{id},จ.ระนอง,12/1/2567\r\n" +
               "Thida,,F,,พม่า,,Ranong,13/1/2567\r\n" +
               "Kyaw,,M,,Burmese,,Nowhere,13/1/2567\r\n" +
               $"สมศรี,มีสุข,หญิง,5 มี.ค. 2530,ไทย,{id},ระนอง,12/1/2567\r\n";
    }

    [Fact]
    public async Task Import_prints_the_counts_and_a_second_run_adds_nothing()
    {
        var file = Write("intake.csv", Csv());
        var report = Path.Combine(_database.DataFolder, "report.csv");

        var dry = await CliRunner.RunAsync(_database, "import", file, "--org", _org, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.EndsWith("dry run, nothing stored: imported 2, duplicates 1, rejected 1", dry.Output.Trim(), StringComparison.Ordinal);

        var run = await CliRunner.RunAsync(_database, "import", file, "--org", _org, "--report", report, "--save-mapping", "fmw");
        Assert.Equal(0, run.ExitCode);
        Assert.EndsWith("imported 2, duplicates 1, rejected 1", run.Output.Trim(), StringComparison.Ordinal);
        Assert.Contains("จังหวัด -> case.province", run.Output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(report);
        Assert.Equal("row,column,kind,reason", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("4,จังหวัด,rejected,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("5,", StringComparison.Ordinal) && l.Contains(",duplicate,", StringComparison.Ordinal));
        var reportText = await File.ReadAllTextAsync(report);
        Assert.DoesNotContain("สมศรี", reportText, StringComparison.Ordinal);
        Assert.DoesNotContain("Nowhere", reportText + run.Error, StringComparison.Ordinal);

        var again = await CliRunner.RunAsync(_database, "import", file, "--org", _org);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already imported on", again.Output, StringComparison.Ordinal);
        Assert.EndsWith("imported 0, duplicates 0, rejected 0", again.Output.Trim(), StringComparison.Ordinal);

        var other = Write("next.csv", "ชื่อ,จังหวัด,วันที่พบ\nมะลิ,ตาก,1/2/2567\n");
        var reused = await CliRunner.RunAsync(_database, "import", other, "--org", _org, "--mapping", "fmw");
        Assert.Equal(0, reused.ExitCode);
        Assert.EndsWith("imported 1, duplicates 0, rejected 0", reused.Output.Trim(), StringComparison.Ordinal);

        await using var services = _database.BuildServices();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal(3, await db.Persons.CountAsync());
        Assert.Equal(2, await db.ImportRecords.CountAsync());
        Assert.Equal("fmw", (await db.ImportMappings.SingleAsync()).Name);
    }

    [Fact]
    public async Task Bad_files_exit_1_naming_the_problem_and_store_nothing()
    {
        var binary = Path.Combine(_database.DataFolder, "photo.csv");
        await File.WriteAllBytesAsync(binary, [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 13, 1, 2, 3]);
        var workbook = Path.Combine(_database.DataFolder, "book.csv");
        await File.WriteAllBytesAsync(workbook, [0x50, 0x4B, 0x03, 0x04, 20, 0, 6, 0]);
        var cases = new (string File, string Message)[]
        {
            (binary, "binary file"),
            (Write("empty.csv", ""), "empty"),
            (Write("header.csv", "ชื่อ,จังหวัด,วันที่พบ\n"), "no data rows"),
            (Write("fields.csv", "ชื่อ,จังหวัด,วันที่พบ\nA,Tak,1/2/2567\nB,Tak\n"), "Row 3: 2 fields where the header has 3"),
            (Write("missing.csv", "ชื่อ,วันที่พบ\nA,1/2/2567\n"), "Missing required column"),
            (workbook, "not a readable ZIP"),
        };
        foreach (var (file, message) in cases)
        {
            var result = await CliRunner.RunAsync(_database, "import", file, "--org", _org);
            Assert.Equal(1, result.ExitCode);
            Assert.True(result.Error.Contains(message, StringComparison.Ordinal), file + ": " + result.Error);
            Assert.EndsWith("imported 0, duplicates 0, rejected 0", result.Output.Trim(), StringComparison.Ordinal);
        }

        await using var services = _database.BuildServices();
        using var scope = services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Persons.CountAsync());
    }

    [Fact]
    public async Task An_import_killed_while_it_writes_leaves_no_trace_and_the_file_imports_afterwards()
    {
        var file = Path.Combine(_database.DataFolder, "big.csv");
        Saphan.Core.Tests.Features.Import.ImportFixtures.WriteGenerated(file, 100_000);
        using (var process = CliRunner.Start(_database, "import", file, "--org", _org))
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            // Wait until the import's transaction holds the write lock (it has written a batch), then kill the process outright.
            var writing = false;
            for (var attempt = 0; attempt < 600 && !writing && !process.HasExited; attempt++)
            {
                writing = await ImportIsWritingAsync();
                if (!writing)
                {
                    await Task.Delay(100);
                }
            }

            Assert.True(writing && !process.HasExited, "the import was not caught while writing");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await using (var services = _database.BuildServices())
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal((0, 0, 0, 0, 0), (await db.Persons.CountAsync(), await db.Cases.CountAsync(), await db.PersonSearchTerms.CountAsync(),
                await db.AuditEntries.CountAsync(e => e.EntityType == "import"), await db.ImportRecords.CountAsync()));
        }

        var again = await CliRunner.RunAsync(_database, "import", file, "--org", _org);
        Assert.Equal(0, again.ExitCode);
        Assert.EndsWith("imported 100000, duplicates 0, rejected 0", again.Output.Trim(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether another process holds the database's write lock: on SQLite a write transaction cannot begin; on PostgreSQL the
    /// audit chain's advisory lock (taken by the import's first batch until it commits) is held.
    /// </summary>
    private async Task<bool> ImportIsWritingAsync()
    {
        if (_database.Storage.Engine == DatabaseEngine.Postgres)
        {
            await using var postgres = new Npgsql.NpgsqlConnection(_database.Storage.ConnectionString);
            await postgres.OpenAsync();
            await using var query = new Npgsql.NpgsqlCommand(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = 21313 AND objid = 1346912590", postgres);
            return System.Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(_database.Storage.ConnectionString) { Pooling = false };
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 1;
        command.CommandText = "BEGIN IMMEDIATE; ROLLBACK;";
        try
        {
            await command.ExecuteNonQueryAsync();
            return false;
        }
        catch (Microsoft.Data.Sqlite.SqliteException busy) when (busy.SqliteErrorCode == 5)
        {
            return true;
        }
    }
}
