using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Testing;

namespace Saphan.Cli.Tests.Features.Report;

/// <summary>The quarterly report written by the real CLI, opened and read back: PDF text (pdftotext) and XLSX cells (OpenXml).</summary>
[Trait("Category", "Database")]
public sealed class ReportCommandTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private Guid _ngo;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        await using var services = _database.BuildServices();
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<SchemaMigrator>().MigrateAsync();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationCommands>();
        _ngo = (await organisations.AddAsync("Report Test Foundation", OrganisationTypes.Ngo, "TH-57", default)).Id;
        var shelter = (await organisations.AddAsync("Report Test Shelter", OrganisationTypes.Shelter, "TH-85", default)).Id;
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        for (var i = 0; i < 14; i++)
        {
            var org = i < 12 ? _ngo : shelter;
            db.Cases.Add(new Case
            {
                OrganisationId = org,
                Person = new Person { OrganisationId = org, GivenName = "Report" + i, Gender = i % 3 == 0 ? "female" : "male", Citizenships = ["MM"], BirthDate = new DateOnly(1995, 1, 1) },
                IdentifiedOn = new DateOnly(2026, 2, 1 + i),
                Province = i % 2 == 0 ? "TH-57" : "TH-74",
            });
        }

        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static async Task<string> PdfTextAsync(string path)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-layout");
        start.ArgumentList.Add(path);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pdftotext (poppler-utils) is needed to read the PDF.");
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return text;
    }

    [Fact]
    public async Task The_pdf_report_has_figures_chart_and_definitions_in_english_and_thai()
    {
        var path = Path.Combine(_database.DataFolder, "q1.pdf");
        var run = await CliRunner.RunAsync(_database, "report", "--org", _ngo.ToString(), "--quarter", "2026Q1", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("wrote", run.Output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("/FontFile2", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal); // the font is embedded

        var text = await PdfTextAsync(path);
        Assert.Contains("Report Test Foundation", text, StringComparison.Ordinal);
        Assert.Contains("Quarterly anti-trafficking report to MSDHS", text, StringComparison.Ordinal);
        Assert.Contains("People identified", text, StringComparison.Ordinal);
        Assert.Contains("จำนวนผู้ที่ได้รับการคัดแยก/พบตัว", text, StringComparison.Ordinal);
        Assert.Contains("People identified by quarter", text, StringComparison.Ordinal); // the chart's title
        Assert.Contains("2025Q2", text, StringComparison.Ordinal); // the chart's first quarter
        Assert.Contains("Definitions / นิยามตัวชี้วัด", text, StringComparison.Ordinal);
        Assert.Contains("Cases opened for people identified during the quarter", text, StringComparison.Ordinal);
        Assert.Matches(@"P1 +People identified +12\n", text);
        Assert.DoesNotContain("Report Test Shelter", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Report0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_xlsx_network_report_suppresses_small_cells_and_names_no_organisation()
    {
        var path = Path.Combine(_database.DataFolder, "network.xlsx");
        var run = await CliRunner.RunAsync(_database, "report", "--org", "network", "--quarter", "2026Q1", "--out", path);
        Assert.True(run.ExitCode == 0, run.Error);

        using var document = SpreadsheetDocument.Open(path, false);
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document).Select(e => e.Path?.XPath + ": " + e.Description).ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s => (WorksheetPart)workbook.GetPartById(s.Id!.Value!));
        Assert.Equal(["Indicators", "Breakdowns", "Trend", "Definitions"], sheets.Keys);
        List<List<string>> Rows(string sheet) => sheets[sheet].Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToList()).ToList();

        // The trend sheet carries a chart of people identified per quarter, drawn from its own cells.
        var chart = Assert.Single(sheets["Trend"].DrawingsPart!.ChartParts);
        Assert.Contains(chart.ChartSpace.Descendants<DocumentFormat.OpenXml.Drawing.Charts.Formula>(), f => f.Text == "Trend!$B$2:$B$9");
        Assert.Equal("P1", Rows("Trend")[0][1]);
        Assert.Equal(9, Rows("Trend").Count); // header and 8 quarters

        var indicators = Rows("Indicators");
        var identified = indicators.Single(r => r.Count > 0 && r[0] == "P1");
        Assert.Equal("People identified", identified[2]);
        Assert.Equal("จำนวนผู้ที่ได้รับการคัดแยก/พบตัว", identified[3]);
        Assert.Equal("14", identified[5]);
        Assert.Contains(Rows("Definitions"), r => r.Count > 4 && r[0] == "E5" && r[4].StartsWith("For people whose first shelter referral", StringComparison.Ordinal));

        var breakdowns = Rows("Breakdowns");
        // 5 women, 9 men: both sex cells are small (< 11) and suppressed; every shown count is 0 or at least 11.
        var sex = breakdowns.Where(r => r[0] == "P1" && r[1] == "Sex").ToList();
        Assert.NotEmpty(sex);
        Assert.All(sex, r => Assert.Equal("yes", r[9]));
        Assert.All(breakdowns.Skip(1).Where(r => r[9] == "no" && r[6] != "" && r[0].StartsWith('P')), r =>
            Assert.True(double.Parse(r[6], System.Globalization.CultureInfo.InvariantCulture) is 0 or >= 11, string.Join(",", r)));
        var all = string.Join("\n", sheets.Keys.SelectMany(Rows).Select(r => string.Join("\t", r)));
        Assert.DoesNotContain("Report Test Foundation", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Report Test Shelter", all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_arguments_name_the_option_and_write_nothing()
    {
        var path = Path.Combine(_database.DataFolder, "bad.doc");
        var run = await CliRunner.RunAsync(_database, "report", "--org", "nobody", "--quarter", "2026Q9", "--out", path);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--org", run.Error, StringComparison.Ordinal);
        Assert.Contains("--quarter", run.Error, StringComparison.Ordinal);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));

        var unknown = await CliRunner.RunAsync(_database, "report", "--org", Guid.NewGuid().ToString(), "--quarter", "2026Q1", "--out", Path.Combine(_database.DataFolder, "x.pdf"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("Organisation not found", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_builds_the_indicator_facts_and_the_indicators_then_read_them()
    {
        // As on a database that held records before migration 0016: the facts are marked not built.
        await using (var services = _database.BuildServices())
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database,
                db.IsPostgres ? "UPDATE indicator_state SET built = false; DELETE FROM indicator_sums" : "UPDATE indicator_state SET built = 0; DELETE FROM indicator_sums");
            Assert.False(await Saphan.Core.Features.Indicators.IndicatorFacts.PrepareAsync(db, default));
        }

        var run = await CliRunner.RunAsync(_database, "report", "backfill");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("indicator facts built: 28 rows", run.Output, StringComparison.Ordinal); // P1 and E6 for each of the 14 cases

        await using (var services = _database.BuildServices())
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.True(await Saphan.Core.Features.Indicators.IndicatorFacts.PrepareAsync(db, default));
            var set = await scope.ServiceProvider.GetRequiredService<Saphan.Core.Features.Indicators.GetIndicators>()
                .ComputeAsync(new Saphan.Core.Features.Indicators.Quarter(2026, 1), _ngo, includeHealth: true, default);
            Assert.Equal(12, set.Indicators.First(i => i.Definition.Code == "P1").Total!.Value);
        }
    }
}
