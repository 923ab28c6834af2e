using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Testing;

namespace Saphan.Cli.Tests.Features.Export;

[Trait("Category", "Database")]
public sealed class ExportCommandTests : IAsyncLifetime
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

    private static string CasesCsv(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry("cases.csv")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task An_xlsform_round_trip_the_kobo_csv_imports_and_the_export_is_written_in_every_format_and_audited()
    {
        var form = Path.Combine(_database.DataFolder, "intake.xlsx");
        var wrote = await CliRunner.RunAsync(_database, "xlsform", "--out", form);
        Assert.Equal(0, wrote.ExitCode);
        Assert.Contains("form id saphan_intake", wrote.Output, StringComparison.Ordinal);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(form))[..2]);

        var kobo = Path.Combine(_database.DataFolder, "kobo.csv");
        await File.WriteAllTextAsync(kobo, "start;end;person/given_name;person/gender;person/citizenship;case/identified_on;case/province;_uuid\n"
            + "2024-03-05T09:00:00+07:00;2024-03-05T09:20:00+07:00;=cmd|' /C calc'!A0;female;MM;2024-03-05;TH-63;u1\n"
            + "2024-03-05T09:00:00+07:00;2024-03-05T09:20:00+07:00;Thida;female;MM LA;2024-03-06;TH-63;u2\n", new UTF8Encoding(false));
        var imported = await CliRunner.RunAsync(_database, "import", kobo, "--org", _org);
        Assert.Equal(0, imported.ExitCode);
        Assert.EndsWith("imported 2, duplicates 0, rejected 0", imported.Output.Trim(), StringComparison.Ordinal);

        foreach (var format in new[] { "htcds-csv", "xlsx", "json", "ctdc" })
        {
            var file = Path.Combine(_database.DataFolder, "export." + format);
            var result = await CliRunner.RunAsync(_database, "export", "--org", _org, "--format", format, "--out", file);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains(format == "ctdc" ? "exported 0 people as ctdc" : "exported 2 cases as " + format, result.Output, StringComparison.Ordinal);
            Assert.True(new FileInfo(file).Length > 0);
            if (format != "ctdc")
            {
                // The summary names every table, the vulnerability, follow-up and comment tables too.
                Assert.Contains("support_plan_actions 0, vulnerability 0, follow_ups 0, case_comments 0;", result.Output, StringComparison.Ordinal);
            }
        }

        var csv = CasesCsv(Path.Combine(_database.DataFolder, "export.htcds-csv"));
        Assert.Contains("Thida", csv, StringComparison.Ordinal);
        Assert.Contains(",'=cmd|' /C calc'!A0,", csv, StringComparison.Ordinal);
        var ctdc = await File.ReadAllTextAsync(Path.Combine(_database.DataFolder, "export.ctdc"));
        Assert.DoesNotContain("Thida", ctdc, StringComparison.Ordinal);

        var deidentified = Path.Combine(_database.DataFolder, "plain.csv");
        var plain = await CliRunner.RunAsync(_database, "export", "--org", _org, "--format", "htcds-csv", "--deidentified", "--out", deidentified);
        Assert.Contains("without identifying columns", plain.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Thida", CasesCsv(deidentified), StringComparison.Ordinal);

        Assert.NotEqual(0, (await CliRunner.RunAsync(_database, "export", "--org", _org, "--format", "pdf", "--out", deidentified)).ExitCode);
        Assert.Equal(1, (await CliRunner.RunAsync(_database, "export", "--org", Guid.NewGuid().ToString(), "--out", deidentified)).ExitCode);

        await using var services = _database.BuildServices();
        using var scope = services.CreateScope();
        Assert.Equal(5, await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.CountAsync(e => e.Action == "export.written"));
    }
}
