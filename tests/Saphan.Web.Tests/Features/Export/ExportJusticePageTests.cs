using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Justice;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Export;

/// <summary>
/// The export page's justice tick box, through the real pipeline: offered to, and honoured for, law enforcement only (a
/// supervisor or org admin who also holds the law_enforcement role), with its own organisation's records only; a weaker
/// role or another organisation gets none of them, even with a tampered form.
/// </summary>
[Trait("Category", "Database")]
public sealed class ExportJusticePageTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }, StringComparer.Ordinal);
    }

    /// <summary>A police supervisor of the organisation (both roles), and a suspect and legal case of the organisation named with the marker.</summary>
    private async Task<HttpClient> PoliceSupervisorWithRecordsAsync(Guid org, string marker)
    {
        var email = $"police-supervisor.{marker.ToLowerInvariant()}@test.example";
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().AddAsync(Actor.System, org, [Roles.Supervisor, Roles.LawEnforcement], email, SaphanAppFactory.Password, null, default);
        var police = new Actor(Guid.Empty, org, new HashSet<string>([Roles.LawEnforcement], StringComparer.Ordinal));
        var suspect = await scope.ServiceProvider.GetRequiredService<Suspects>().CreateAsync(police, new SuspectInput("person", "Suspect" + marker, ["recruiter"], null), default);
        await scope.ServiceProvider.GetRequiredService<Suspects>().AddIdentifierAsync(police, suspect.Id, new IdentifierInput("phone", "089-555-" + marker[..4]), default);
        await scope.ServiceProvider.GetRequiredService<LegalCases>().CreateAsync(police, new LegalCaseInput("REF-" + marker, "trial", ["s6"], null, null, null, null), default);
        return await PageSession.SignInAsync(app, email);
    }

    [Fact]
    public async Task A_police_supervisor_ticks_the_justice_records_in_and_gets_the_own_organisations_only()
    {
        var police = await PoliceSupervisorWithRecordsAsync(app.OrgA, "4711Alpha");
        await PoliceSupervisorWithRecordsAsync(app.OrgB, "4712Bravo");

        var page = await police.GetStringAsync("/Export");
        Assert.Contains("id=\"export-justice\"", page, StringComparison.Ordinal);

        var response = await PageSession.PostFormAsync(police, "/Export", new() { ["Format"] = "htcds-csv", ["Justice"] = "true" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = Entries(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Suspect4711Alpha", files["suspects.csv"], StringComparison.Ordinal);
        Assert.Contains("089-555-4711", files["suspect_identifiers.csv"], StringComparison.Ordinal);
        Assert.Contains("REF-4711Alpha", files["legal_cases.csv"], StringComparison.Ordinal);
        var all = string.Join("\n", files.Values);
        Assert.DoesNotContain("4712Bravo", all, StringComparison.Ordinal);
        Assert.DoesNotContain("089-555-4712", all, StringComparison.Ordinal);

        // Ticked with the identifying columns left out: the tables, no suspect identity.
        var plain = Entries(await (await PageSession.PostFormAsync(police, "/Export", new() { ["Format"] = "htcds-csv", ["Justice"] = "true", ["Deidentified"] = "true" }))
            .Content.ReadAsByteArrayAsync());
        Assert.Contains("suspects.csv", plain.Keys);
        Assert.DoesNotContain("4711", string.Join("\n", plain.Values), StringComparison.Ordinal);

        // JSON: the cases array under "cases", then the justice arrays.
        var json = await (await PageSession.PostFormAsync(police, "/Export", new() { ["Format"] = "json", ["Justice"] = "true" })).Content.ReadAsStringAsync();
        Assert.StartsWith("{\"cases\":[", json, StringComparison.Ordinal);
        Assert.Contains("Suspect4711Alpha", json, StringComparison.Ordinal);

        // Not ticked: the export as ever.
        var without = Entries(await (await PageSession.PostFormAsync(police, "/Export", new() { ["Format"] = "htcds-csv" })).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("suspects.csv", without.Keys);
        Assert.DoesNotContain("legal_cases.csv", without.Keys);

        // The CTDC file has no justice tables: refused, naming why.
        var ctdc = await PageSession.PostFormAsync(police, "/Export", new() { ["Format"] = "ctdc", ["Justice"] = "true" });
        Assert.Equal(HttpStatusCode.BadRequest, ctdc.StatusCode);
        Assert.Contains("The CTDC file has no justice tables", await ctdc.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var audits = await db.AuditEntries.Where(e => e.Action == "justice.exported" && e.OrganisationId == app.OrgA).Select(e => e.Detail!).ToListAsync();
        Assert.Equal(3, audits.Count);
        Assert.All(audits, d => Assert.DoesNotContain("4711", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Weaker_roles_see_no_tick_box_and_a_tampered_form_is_denied_without_a_file_or_an_audit_entry()
    {
        await PoliceSupervisorWithRecordsAsync(app.OrgA, "4713Charlie");
        int before;
        using (var scope = app.Services.CreateScope())
        {
            before = await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.CountAsync(e => e.Action == "justice.exported" || (e.Action == "export.written" && e.Detail!.Contains("justice")));
        }

        foreach (var (org, role) in new[] { (app.OrgA, Roles.Supervisor), (app.OrgA, Roles.OrgAdmin), (app.OrgB, Roles.Supervisor) })
        {
            var client = await PageSession.SignInAsync(app, app.Emails[(org, role)]);
            Assert.DoesNotContain("export-justice", await client.GetStringAsync("/Export"), StringComparison.Ordinal);
            var tampered = await PageSession.PostFormAsync(client, "/Export", new() { ["Format"] = "htcds-csv", ["Justice"] = "true" });
            Assert.Equal(HttpStatusCode.Redirect, tampered.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", tampered.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            // Their ordinary export: not one justice table, not even an empty one.
            var files = Entries(await (await PageSession.PostFormAsync(client, "/Export", new() { ["Format"] = "htcds-csv" })).Content.ReadAsByteArrayAsync());
            Assert.DoesNotContain(files.Keys, Saphan.Core.Features.Export.ExportRecords.JusticeTableNames.Select(t => t + ".csv").Contains);
            Assert.DoesNotContain("4713Charlie", string.Join("\n", files.Values), StringComparison.Ordinal);
        }

        // Law enforcement alone, a case worker: not even the page.
        foreach (var role in new[] { Roles.LawEnforcement, Roles.CaseWorker })
        {
            var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            var response = await client.GetAsync("/Export");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal(before, await db.AuditEntries.CountAsync(e => e.Action == "justice.exported" || (e.Action == "export.written" && e.Detail!.Contains("justice"))));
    }
}
