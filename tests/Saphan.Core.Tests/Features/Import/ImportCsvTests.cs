using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Audit;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Import;

[Trait("Category", "Database")]
public sealed class ImportCsvTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Actor _actor = null!;
    private readonly List<string> _files = [];

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Mae Sot Migrant Clinic", "ngo", "TH-63", default);
        _actor = new Actor(Guid.Empty, organisation.Id, new HashSet<string>([Roles.Supervisor], StringComparer.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
        foreach (var file in _files)
        {
            File.Delete(file);
        }
    }

    private string Write(string text, Encoding? encoding = null)
    {
        var path = Path.Combine(_database.DataFolder, Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllBytes(path, (encoding ?? new UTF8Encoding(true)).GetPreamble().Concat((encoding ?? Encoding.UTF8).GetBytes(text)).ToArray());
        return path;
    }

    private async Task<(ImportResult Result, List<ImportIssue> Issues)> ImportAsync(string path, bool dryRun = false, int batchSize = 1000,
        string? mapping = null, string? saveAs = null)
    {
        using var scope = _services.CreateScope();
        var issues = new List<ImportIssue>();
        var result = await scope.ServiceProvider.GetRequiredService<ImportCsv>().HandleAsync(_actor, () => File.OpenRead(path),
            new ImportOptions { DryRun = dryRun, BatchSize = batchSize, OnIssue = issues.Add, MappingName = mapping, SaveMappingAs = saveAs }, default);
        return (result, issues);
    }

    private async Task<T> QueryAsync<T>(Func<SaphanDbContext, Task<T>> query)
    {
        using var scope = _services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<SaphanDbContext>());
    }

    [Fact]
    public async Task A_Thai_spreadsheet_is_imported_normalised_encrypted_indexed_and_audited()
    {
        var (result, issues) = await ImportAsync(Write(ImportFixtures.ThaiCsv()), batchSize: 4);
        Assert.Equal("imported 6, duplicates 1, rejected 2", result.Summary);
        Assert.Equal(9, result.Rows);

        Assert.Contains(issues, i => i is { Row: 7, Column: "วันที่พบ", Kind: ImportIssue.Rejected });
        Assert.Contains(issues, i => i is { Row: 8, Column: "จังหวัด", Kind: ImportIssue.Rejected });
        Assert.Contains(issues, i => i is { Row: 10, Column: "เลขบัตรประชาชน", Kind: ImportIssue.Duplicate });
        Assert.Contains(issues, i => i is { Row: 9, Column: "ชื่อ", Kind: ImportIssue.Doubtful });
        Assert.Contains(issues, i => i is { Row: 5, Column: "วันที่พบ", Kind: ImportIssue.Doubtful });
        Assert.All(issues, i => Assert.DoesNotContain("สมชาย", i.Reason, StringComparison.Ordinal));

        await QueryAsync(async db =>
        {
            var cases = await db.Cases.Include(c => c.Person).ThenInclude(p => p.Documents).ToListAsync();
            Assert.Equal(6, cases.Count);
            var somchai = cases.Single(c => c.Person.GivenName == "สมชาย");
            Assert.Equal("ใจดี", somchai.Person.FamilyName);
            Assert.Equal(new DateOnly(1987, 3, 5), somchai.Person.BirthDate);
            Assert.Equal("male", somchai.Person.Gender);
            Assert.Equal(["TH"], somchai.Person.Citizenships);
            Assert.Equal("081-234-5678", somchai.Person.Phone);
            Assert.Equal(ImportFixtures.SomchaiId, somchai.Person.Documents.Single().Number);
            Assert.Equal("TH-50", somchai.Province);
            Assert.Equal(new DateOnly(2024, 1, 12), somchai.IdentifiedOn);
            Assert.Equal("active", somchai.Status);

            var aye = cases.Single(c => c.Person.GivenName == "Aye");
            Assert.Equal(17, aye.Person.EstimatedAge);
            Assert.Equal(new DateOnly(2024, 2, 3), aye.Person.AgeEstimatedOn);
            Assert.Equal(["MM"], aye.Person.Citizenships);
            Assert.Equal("TH-20", aye.Province);
            Assert.Equal("follow_up", aye.Status);

            var noi = cases.Single(c => c.Person.GivenName == "Noi");
            Assert.Equal(("TH-30", "closed_referred", new DateOnly(2024, 1, 9)), (noi.Province, noi.Status, noi.IdentifiedOn));
            Assert.Equal(["LA"], noi.Person.Citizenships);
            var sokha = cases.Single(c => c.Person.GivenName == "Sokha");
            Assert.Equal(("TH-10", new DateOnly(2002, 7, 1), "female"), (sokha.Province, sokha.Person.BirthDate!.Value, sokha.Person.Gender));
            Assert.Equal(["stateless"], cases.Single(c => c.Person.GivenName == "มะลิ").Person.Citizenships);

            var audit = await db.AuditEntries.Select(e => e.Action).ToListAsync();
            Assert.Equal(2, audit.Count(a => a == "import.batch"));
            Assert.Single(audit, a => a == "import.completed");
            Assert.Equal(1, await db.ImportRecords.CountAsync());
            return 0;
        });

        using var scope = _services.CreateScope();
        var indexer = scope.ServiceProvider.GetRequiredService<PersonIndexer>();
        Assert.Single(await indexer.Find(_actor.OrganisationId, "สมชาย ใจดี").ToListAsync());
        Assert.Single(await indexer.Find(_actor.OrganisationId, "0812345678").ToListAsync());
        var db2 = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditLog>().VerifyAsync(db2, default)).Intact);
    }

    [Fact]
    public async Task A_dry_run_reports_the_same_and_stores_nothing()
    {
        var path = Write(ImportFixtures.ThaiCsv());
        var (dry, issues) = await ImportAsync(path, dryRun: true, batchSize: 3, saveAs: "never");
        Assert.Equal("imported 6, duplicates 1, rejected 2", dry.Summary);
        Assert.True(dry.DryRun);
        Assert.NotEmpty(issues);
        Assert.Equal((0, 0, 0, 0, 0), await QueryAsync(async db => (await db.Persons.CountAsync(), await db.Cases.CountAsync(),
            await db.AuditEntries.CountAsync(), await db.ImportRecords.CountAsync(), await db.ImportMappings.CountAsync())));

        // After a dry run the real import still happens.
        Assert.Equal(6, (await ImportAsync(path)).Result.Imported);
    }

    [Fact]
    public async Task Importing_the_same_file_again_adds_nothing()
    {
        var path = Write(ImportFixtures.ThaiCsv());
        Assert.Equal(6, (await ImportAsync(path)).Result.Imported);
        var (again, _) = await ImportAsync(path);
        Assert.NotNull(again.AlreadyImportedAt);
        Assert.Equal(0, again.Imported);
        Assert.Equal(6, await QueryAsync(db => db.Persons.CountAsync()));
    }

    [Fact]
    public async Task Rows_that_match_a_person_already_recorded_are_flagged_as_duplicates_not_merged()
    {
        Assert.Equal(6, (await ImportAsync(Write(ImportFixtures.ThaiCsv()))).Result.Imported);
        // A later sheet: Sokha again (same name and birth date, other spelling of the date), Somchai's ID card under another name, and one new person.
        var later = "First name,Family name,Date of birth,ID card,Province,Date identified\n" +
                    "SOKHA,,1 Jul 2002,,Bangkok,1/4/2567\n" +
                    $"Chai,,,{ImportFixtures.SomchaiId},Tak,1/4/2567\n" +
                    "Sokha,,2/7/2002,,Bangkok,1/4/2567\n";
        var (result, issues) = await ImportAsync(Write(later));
        Assert.Equal("imported 1, duplicates 2, rejected 0", result.Summary);
        Assert.Contains(issues, i => i is { Row: 2, Kind: ImportIssue.Duplicate, Column: "Date of birth" });
        Assert.Contains(issues, i => i is { Row: 3, Kind: ImportIssue.Duplicate, Column: "ID card" });
        Assert.Equal(7, await QueryAsync(db => db.Persons.CountAsync()));
    }

    [Fact]
    public async Task A_broken_row_mid_file_leaves_no_trace()
    {
        var path = Path.Combine(_database.DataFolder, "broken.csv");
        ImportFixtures.WriteGenerated(path, 40, brokenRow: 33);
        var failure = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(path, batchSize: 5));
        Assert.Contains("Row 33", failure.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 0), await QueryAsync(async db => (await db.Persons.CountAsync(), await db.PersonSearchTerms.CountAsync(),
            await db.AuditEntries.CountAsync(), await db.ImportRecords.CountAsync())));
    }

    [Fact]
    public async Task Bad_files_are_refused_with_a_clear_reason()
    {
        async Task<string> Refused(string text) => (await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(Write(text)))).Message;
        Assert.Contains("header row but no data", await Refused("ชื่อ,จังหวัด,วันที่พบ\r\n"), StringComparison.Ordinal);
        var missing = await Refused("ชื่อ,นามสกุล\nสมชาย,ใจดี\n");
        Assert.Contains("Missing required column", missing, StringComparison.Ordinal);
        Assert.Contains("province", missing, StringComparison.Ordinal);
        Assert.Contains("date identified", missing, StringComparison.Ordinal);
        var empty = Path.Combine(_database.DataFolder, "empty.csv");
        await File.WriteAllBytesAsync(empty, []);
        Assert.Contains("empty", (await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(empty))).Message, StringComparison.Ordinal);
        Assert.Equal(0, await QueryAsync(db => db.Persons.CountAsync()));
    }

    [Fact]
    public async Task A_Windows_874_file_is_decoded_and_a_saved_mapping_is_reused()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var tis = Encoding.GetEncoding(874);
        var text = "ชื่อเรียก,ที่มา,เมื่อ\r\nสมหญิง,เชียงราย,5 ก.พ. 2567\r\n";
        var path = Path.Combine(_database.DataFolder, "tis.csv");
        await File.WriteAllBytesAsync(path, tis.GetBytes(text));
        using (var scope = _services.CreateScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<ImportCsv>();
            var result = await import.HandleAsync(_actor, () => File.OpenRead(path), new ImportOptions
            {
                Overrides = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["ชื่อเรียก"] = ImportTargets.GivenName, ["ที่มา"] = ImportTargets.Province, ["เมื่อ"] = ImportTargets.IdentifiedOn,
                },
                SaveMappingAs = "clinic-sheet",
            }, default);
            Assert.StartsWith("Windows-874", result.Encoding, StringComparison.Ordinal);
            Assert.Equal(1, result.Imported);
        }

        var person = await QueryAsync(db => db.Persons.SingleAsync());
        Assert.Equal("สมหญิง", person.GivenName);

        var (second, _) = await ImportAsync(Write("ชื่อเรียก,ที่มา,เมื่อ\nมานี,Tak,6/2/2567\n"), mapping: "clinic-sheet");
        Assert.Equal(1, second.Imported);
        await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(Write("ชื่อเรียก,ที่มา,เมื่อ\nมานะ,Tak,6/2/2567\n"), mapping: "no-such"));
    }
}
