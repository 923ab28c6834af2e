using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
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

    private static List<string> Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return [.. archive.Entries.Select(e => e.FullName)];
    }

    private static string Entry(string zip, string name)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_justice_option_adds_the_organisations_legal_cases_and_suspects_as_its_law_enforcement_and_only_then()
    {
        var other = (await CliRunner.RunAsync(_database, "org", "add", "--name", "Other Police", "--type", "police")).Output.Trim();
        await using (var services = _database.BuildServices())
        {
            using var scope = services.CreateScope();
            foreach (var (org, name, reference) in new[] { (_org, "Ko Tun Naing", "TAK-PD 123/2567"), (other, "Somsak Other", "PKT 999/2567") })
            {
                var police = new Actor(Guid.Empty, Guid.Parse(org), new HashSet<string>([Roles.LawEnforcement], StringComparer.Ordinal));
                var suspect = await scope.ServiceProvider.GetRequiredService<Suspects>().CreateAsync(police, new SuspectInput("person", name, ["recruiter"], null), default);
                await scope.ServiceProvider.GetRequiredService<Suspects>().AddIdentifierAsync(police, suspect.Id, new IdentifierInput("phone", "089-555-0123"), default);
                await scope.ServiceProvider.GetRequiredService<LegalCases>().CreateAsync(police, new LegalCaseInput(reference, "trial", ["s6"], null, null, null, null), default);
            }
        }

        var file = Path.Combine(_database.DataFolder, "justice.zip");
        var result = await CliRunner.RunAsync(_database, "export", "--org", _org, "--format", "htcds-csv", "--justice", "--out", file);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("legal_cases 1, hearings 0, witnesses 0, seized_assets 0, compensation 0, suspects 1, suspect_identifiers 1, suspect_links 0, operations 0;", result.Output, StringComparison.Ordinal);
        Assert.Contains("Ko Tun Naing", Entry(file, "suspects.csv"), StringComparison.Ordinal);
        Assert.Contains("089-555-0123", Entry(file, "suspect_identifiers.csv"), StringComparison.Ordinal);
        Assert.Contains("TAK-PD 123/2567", Entry(file, "legal_cases.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("Somsak", Entry(file, "suspects.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("PKT 999", Entry(file, "legal_cases.csv"), StringComparison.Ordinal);

        var plain = Path.Combine(_database.DataFolder, "justice-plain.zip");
        Assert.Equal(0, (await CliRunner.RunAsync(_database, "export", "--org", _org, "--format", "htcds-csv", "--justice", "--deidentified", "--out", plain)).ExitCode);
        Assert.Contains("suspects.csv", Entries(plain));
        Assert.DoesNotContain("Ko Tun Naing", Entry(plain, "suspects.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("089-555", Entry(plain, "suspect_identifiers.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain("TAK-PD", Entry(plain, "legal_cases.csv"), StringComparison.Ordinal);

        // Without the option: the export as it always was, no justice file at all.
        var without = Path.Combine(_database.DataFolder, "without.zip");
        var before = await CliRunner.RunAsync(_database, "export", "--org", _org, "--format", "htcds-csv", "--out", without);
        Assert.DoesNotContain("legal_cases", before.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Entries(without), e => e is "legal_cases.csv" or "suspects.csv" or "suspect_identifiers.csv" or "operations.csv");

        var ctdc = await CliRunner.RunAsync(_database, "export", "--org", _org, "--format", "ctdc", "--justice", "--out", Path.Combine(_database.DataFolder, "no.csv"));
        Assert.Equal(1, ctdc.ExitCode);
        Assert.Contains("--justice", ctdc.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_database.DataFolder, "no.csv")));

        await using var check = _database.BuildServices();
        using var audit = check.CreateScope();
        var entries = await audit.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.Where(e => e.Action == "justice.exported").Select(e => e.Detail).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, d => Assert.DoesNotContain("Ko Tun", d, StringComparison.Ordinal));
    }
}
