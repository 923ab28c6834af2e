using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Export;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Repository;
using Saphan.Core.Tests.Features.Import;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Export;

[Trait("Category", "Database")]
public sealed class ExportRecordsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Guid _org;
    private Guid _otherOrg;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationCommands>();
        _org = (await organisations.AddAsync("Mae Sot Migrant Clinic", "ngo", "TH-63", default)).Id;
        _otherOrg = (await organisations.AddAsync("Other NGO", "ngo", "TH-10", default)).Id;
        foreach (var (org, csv) in new[] { (_org, ImportFixtures.ThaiCsv()), (_otherOrg, "name,province,date identified\nOtherPerson,Tak,1/3/2567\n") })
        {
            var path = Path.Combine(_database.DataFolder, Guid.NewGuid().ToString("N") + ".csv");
            await File.WriteAllTextAsync(path, csv);
            using var s = _services.CreateScope();
            await s.ServiceProvider.GetRequiredService<ImportCsv>().HandleAsync(Actor(org, Roles.Supervisor), () => File.OpenRead(path), new ImportOptions(), default);
        }
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Actor Actor(Guid org, params string[] roles) => new(Guid.Empty, org, new HashSet<string>(roles, StringComparer.Ordinal));

    private async Task<(ExportResult Result, byte[] Bytes)> ExportAsync(Actor actor, ExportFormat format, bool deidentified = false)
    {
        using var scope = _services.CreateScope();
        using var output = new MemoryStream();
        var result = await scope.ServiceProvider.GetRequiredService<ExportRecords>().WriteAsync(actor, format, deidentified, output, default);
        return (result, output.ToArray());
    }

    [Fact]
    public async Task A_supervisor_exports_the_organisations_own_records_in_the_htcds_layout_with_formulas_neutralised_and_audited()
    {
        var (result, bytes) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.HtcdsCsv);
        var text = Entry(bytes, "cases.csv");
        Assert.True(result.Identifying);
        Assert.Equal(6, result.Rows);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("cas_CaseID,prs_PersonID,prs_FirstName,prs_SecondName,prs_MiddleName,prs_Birthdate,", lines[0], StringComparison.Ordinal);
        Assert.Contains("prs_Gender", lines[0], StringComparison.Ordinal);
        Assert.Contains("cas_Status", lines[0], StringComparison.Ordinal);
        Assert.Contains(",สมชาย,ใจดี,,1987-03-05,", text, StringComparison.Ordinal);
        Assert.Contains(",Male,", text, StringComparison.Ordinal);
        Assert.Contains(ImportFixtures.SomchaiId, text, StringComparison.Ordinal);
        // The name imported as "=HYPERLINK(1)" leaves neutralised; the other organisation's person never appears.
        Assert.Contains(",'=HYPERLINK(1),", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain("OtherPerson", text, StringComparison.Ordinal);

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == "export.written");
        Assert.Equal((_org, "format htcds-csv, rows 6, identifying columns yes"), (audit.OrganisationId!.Value, audit.Detail));
    }

    [Fact]
    public async Task Xlsx_and_json_hold_the_same_columns_and_xlsx_cells_are_neutralised_too()
    {
        var (xlsxResult, xlsx) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.Xlsx);
        using (var stream = new MemoryStream(xlsx))
        using (var reader = new XlsxReader(stream, null, ImportLimits.Default))
        {
            Assert.Equal(xlsxResult.Columns, reader.Read()!.Fields);
            var given = xlsxResult.Columns.ToList().IndexOf("prs_FirstName");
            var names = new List<string>();
            while (reader.Read() is { } row)
            {
                names.Add(row.Fields[given]);
            }

            Assert.Contains("'=HYPERLINK(1)", names);
            Assert.Contains("สมชาย", names);
        }

        var (_, json) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.Json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(6, document.RootElement.GetArrayLength());
        Assert.Contains(document.RootElement.EnumerateArray(), e => e.TryGetProperty("prs_FirstName", out var n) && n.GetString() == "=HYPERLINK(1)");
    }

    [Fact]
    public async Task An_org_admin_gets_no_identifying_columns_the_ctdc_file_is_de_identified_and_weaker_roles_are_refused()
    {
        var (admin, bytes) = await ExportAsync(Actor(_org, Roles.OrgAdmin), ExportFormat.HtcdsCsv);
        Assert.False(admin.Identifying);
        var text = Entry(bytes, "cases.csv");
        Assert.DoesNotContain("prs_FirstName", text, StringComparison.Ordinal);
        Assert.DoesNotContain("สมชาย", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ImportFixtures.SomchaiId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("1987-03-05", text, StringComparison.Ordinal);

        var (asked, _) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.HtcdsCsv, deidentified: true);
        Assert.False(asked.Identifying);

        var (ctdc, ctdcBytes) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.Ctdc);
        Assert.Equal(OpenData.Columns, ctdc.Columns);
        var ctdcText = Encoding.UTF8.GetString(ctdcBytes);
        // Six people cannot make a class of eleven: every row is left out, only the header remains.
        Assert.Equal(0, ctdc.Rows);
        Assert.Single(ctdcText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("สมชาย", ctdcText, StringComparison.Ordinal);

        foreach (var role in new[] { Roles.CaseWorker, Roles.Analyst, Roles.HotlineOperator, Roles.LawEnforcement })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => ExportAsync(Actor(_org, role), ExportFormat.Ctdc));
        }

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal(3, await db.AuditEntries.CountAsync(e => e.Action == "export.written"));
    }

    [Fact]
    public void Cells_that_start_like_formulas_are_neutralised()
    {
        foreach (var bad in new[] { "=1+1", "+66", "-2", "@SUM(A1)", "\tx", "\rx" })
        {
            Assert.Equal("'" + bad, CellSafety.Neutralise(bad));
        }

        Assert.Equal("\"'=A1,\"\"x\"\"\"", CellSafety.Csv("=A1,\"x\""));
        Assert.Equal("สมชาย", CellSafety.Neutralise("สมชาย"));
    }
}
