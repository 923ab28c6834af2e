using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Import;

/// <summary>Closed cases come in with a closure reason: from a column, from the import's default, or the row is rejected naming it.</summary>
[Trait("Category", "Database")]
public sealed class ImportClosureTests : IAsyncLifetime
{
    private const string Csv =
        "ชื่อ,จังหวัด,วันที่พบ,สถานะ,เหตุผลการปิด\r\n" +
        "Lin,Tak,1/3/2567,ปิด,ขาดการติดต่อ\r\n" +
        "Mya,Tak,2/3/2567,ปิด,\r\n" +
        "Htet,Tak,3/3/2567,ส่งต่อ,\r\n" +
        "Zaw,Tak,4/3/2567,ปิด,moon landing\r\n" +
        "Ei,Tak,5/3/2567,ดำเนินการ,\r\n";

    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Actor _actor = null!;
    private string _path = "";

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Tak Closure NGO", "ngo", "TH-63", default);
        _actor = new Actor(Guid.Empty, organisation.Id, new HashSet<string>([Roles.Supervisor], StringComparer.Ordinal));
        _path = Path.Combine(_database.DataFolder, "closures.csv");
        await File.WriteAllTextAsync(_path, Csv, new UTF8Encoding(true));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(ImportResult Result, List<ImportIssue> Issues)> ImportAsync(string? defaultReason)
    {
        using var scope = _services.CreateScope();
        var issues = new List<ImportIssue>();
        var result = await scope.ServiceProvider.GetRequiredService<ImportCsv>().HandleAsync(_actor, () => File.OpenRead(_path),
            new ImportOptions { OnIssue = issues.Add, DefaultClosureReason = defaultReason }, default);
        return (result, issues);
    }

    [Fact]
    public async Task A_closed_row_without_a_reason_is_rejected_naming_the_reason_and_the_rest_keep_theirs()
    {
        var (result, issues) = await ImportAsync(null);
        Assert.Equal((3, 2), (result.Imported, result.Rejected));
        var rejected = issues.Where(i => i.Kind == ImportIssue.Rejected).ToList();
        Assert.Equal(2, rejected.Count);
        Assert.All(rejected, i => Assert.Equal("เหตุผลการปิด", i.Column));
        Assert.Contains(rejected, i => i.Reason.StartsWith("Required when closing a case", StringComparison.Ordinal));
        Assert.Contains(rejected, i => i.Reason.StartsWith("Unknown closure reason", StringComparison.Ordinal));
        Assert.DoesNotContain(rejected, i => i.Reason.Contains("moon", StringComparison.Ordinal)); // never the cell's value
    }

    [Fact]
    public async Task A_default_reason_fills_closed_rows_without_one()
    {
        var csvWithoutBadRow = Csv.Replace("Zaw,Tak,4/3/2567,ปิด,moon landing\r\n", "", StringComparison.Ordinal);
        await File.WriteAllTextAsync(_path, csvWithoutBadRow, new UTF8Encoding(true));
        var (result, issues) = await ImportAsync("goals_met");
        Assert.True(result.Imported == 4, string.Join("; ", issues.Select(i => $"{i.Row} {i.Column} {i.Reason}")));
        using var scope = _services.CreateScope();
        var cases = await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Cases.Include(c => c.Person).ToListAsync();
        var byName = cases.ToDictionary(c => c.Person.GivenName, c => (c.Status, c.ClosureReason));
        Assert.Equal(("closed", "lost_contact"), byName["Lin"]);
        Assert.Equal(("closed", "goals_met"), byName["Mya"]);
        Assert.Equal(("closed_referred", "referred"), byName["Htet"]);
        Assert.Equal(("active", (string?)null), byName["Ei"]);
        Assert.All(cases.Where(c => c.Status.StartsWith("closed", StringComparison.Ordinal)), c => Assert.NotNull(c.ClosedOn));
    }
}
