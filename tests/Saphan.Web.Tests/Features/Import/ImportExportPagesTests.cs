using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Import;

/// <summary>The upload page (/Import) and the export page (/Export): the whole flow, and who may not use them.</summary>
[Trait("Category", "Database")]
public sealed partial class ImportExportPagesTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    private static string Csv(string marker) =>
        "first name,surname,sex,date of birth,nationality,province,date identified,notes\r\n"
        + $"Malee{marker},Srisuk,หญิง,5/3/2530,ไทย,เชียงราย,12/1/2567,\"=HYPERLINK(\"\"x\"\")\"\r\n"
        + $"Aye{marker},,F,,พม่า,Tak,3/2/2567,\r\n"
        + $"Bad{marker},,M,,Thai,Atlantis,3/2/2567,\r\n";

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();

    [GeneratedRegex("<input type=\"hidden\" name=\"(Token|Sheet|Headers\\[\\d+\\])\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();

    [GeneratedRegex("<select id=\"target-(\\d+)\" name=\"(Targets\\[\\d+\\])\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex Select();

    [GeneratedRegex("<option value=\"([^\"]+)\" selected=\"selected\"")]
    private static partial Regex Selected();

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, string fileName = "people.csv")
    {
        var page = await client.GetStringAsync("/Import");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value)), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } }, "file", fileName },
        };
        return await client.PostAsync("/Import?handler=Upload", form);
    }

    /// <summary>The mapping form's fields as the browser would send them.</summary>
    private static Dictionary<string, string> MappingForm(string page)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value),
        };
        foreach (Match m in Hidden().Matches(page))
        {
            fields[m.Groups[1].Value] = WebUtility.HtmlDecode(m.Groups[2].Value);
        }

        foreach (Match m in Select().Matches(page))
        {
            fields[m.Groups[2].Value] = Selected().Match(m.Groups[3].Value) is { Success: true } s ? s.Groups[1].Value : "ignore";
        }

        return fields;
    }

    private static string CasesCsv(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry("cases.csv")!.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The upload waiting on disk for a token (named by organisation, user and token).</summary>
    private string[] UploadFiles(string token)
    {
        var folder = Path.Combine(app.Services.GetRequiredService<StorageOptions>().DataFolder, "uploads");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, $"*-{Guid.Parse(token):N}.upload") : [];
    }

    [Fact]
    public async Task A_waiting_upload_is_encrypted_on_disk_read_back_by_the_import_and_deleted_on_cancel()
    {
        var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var upload = await UploadAsync(client, Csv("Cipher"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var form = MappingForm(await upload.Content.ReadAsStringAsync());
        Assert.Equal("person.givenName", form["Targets[0]"]);
        var stored = Assert.Single(UploadFiles(form["Token"]));
        var bytes = await File.ReadAllBytesAsync(stored);
        var raw = Encoding.UTF8.GetBytes(Csv("Cipher"));
        Assert.Equal(raw.Length + 16 + 16, bytes.Length);
        foreach (var known in new[] { "MaleeCipher", "Srisuk", "first name", "HYPERLINK", "เชียงราย" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(known)));
        }

        // The dry run reads it back through the decryption; the file stays for the import.
        var dry = await client.PostAsync("/Import?handler=DryRun", new FormUrlEncodedContent(form));
        Assert.Contains("imported 2, duplicates 0, rejected 1", await dry.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(UploadFiles(form["Token"]));

        // Another user's cancel cannot touch it; the owner's cancel deletes it at once.
        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        var adminPage = await admin.GetStringAsync("/Import");
        var adminForm = new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(adminPage).Groups[1].Value) };
        await admin.PostAsync("/Import?handler=Cancel", new FormUrlEncodedContent(adminForm));
        Assert.Single(UploadFiles(form["Token"]));
        var cancel = await client.PostAsync("/Import?handler=Cancel", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        Assert.Empty(UploadFiles(form["Token"]));
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/Import?handler=Import", new FormUrlEncodedContent(form))).StatusCode);
    }

    private async Task<int> PersonsAsync(Guid org)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Persons.CountAsync(p => p.OrganisationId == org);
    }

    [Fact]
    public async Task A_supervisor_uploads_sees_the_mapping_dry_runs_imports_and_downloads_the_report()
    {
        var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var before = await PersonsAsync(app.OrgA);
        var beforeB = await PersonsAsync(app.OrgB);
        var upload = await UploadAsync(client, Csv("Flow"));
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var mappingPage = await upload.Content.ReadAsStringAsync();
        var form = MappingForm(mappingPage);
        Assert.Equal("first name", form["Headers[0]"]);
        Assert.Equal("person.givenName", form["Targets[0]"]);
        Assert.Equal("case.province", form["Targets[5]"]);
        Assert.Equal("case.summary", form["Targets[7]"]);

        // Dry run: the counts, nothing stored, the mapping screen again.
        var dry = await client.PostAsync("/Import?handler=DryRun", new FormUrlEncodedContent(form));
        var dryPage = await dry.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Contains("imported 2, duplicates 0, rejected 1", dryPage, StringComparison.Ordinal);
        Assert.Equal(before, await PersonsAsync(app.OrgA));

        // The person corrects a column (notes → ignore) and imports.
        form = MappingForm(dryPage);
        form["Targets[7]"] = "ignore";
        form["SaveMappingAs"] = "monthly";
        var run = await client.PostAsync("/Import?handler=Import", new FormUrlEncodedContent(form));
        var done = await run.Content.ReadAsStringAsync();
        Assert.Contains("imported 2, duplicates 0, rejected 1", done, StringComparison.Ordinal);
        Assert.Equal(before + 2, await PersonsAsync(app.OrgA));
        Assert.DoesNotContain("HYPERLINK", done, StringComparison.Ordinal);

        var report = await client.GetAsync($"/Import?handler=Report&token={form["Token"]}");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var reportText = await report.Content.ReadAsStringAsync();
        Assert.StartsWith("row,column,kind,reason", reportText.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("4,province,rejected,", reportText, StringComparison.Ordinal);
        Assert.DoesNotContain("Atlantis", reportText, StringComparison.Ordinal);

        // Neither another organisation's supervisor nor another user of the same organisation can reach the report or the upload.
        foreach (var (org, role) in new[] { (app.OrgB, Roles.Supervisor), (app.OrgA, Roles.OrgAdmin) })
        {
            var other = await PageSession.SignInAsync(app, app.Emails[(org, role)]);
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Import?handler=Report&token={form["Token"]}")).StatusCode);
            var page = await other.GetStringAsync("/Import");
            form["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value);
            Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync("/Import?handler=Import", new FormUrlEncodedContent(form))).StatusCode);
        }

        Assert.Equal(before + 2, await PersonsAsync(app.OrgA));
        Assert.Equal(beforeB, await PersonsAsync(app.OrgB));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains("MaleeFlow", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_with_a_message()
    {
        var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        var response = await UploadAsync(client, "\u0001\u0002\u0003\u0004\u0005\u0006binary\u0000stuff", "people.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("binary file", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Weaker_roles_cannot_open_the_import_or_export_pages()
    {
        foreach (var role in new[] { Roles.CaseWorker, Roles.Analyst, Roles.HotlineOperator, Roles.LawEnforcement, Roles.LabourInspector, Roles.NetworkAdmin })
        {
            var client = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, role)]);
            foreach (var path in new[] { "/Import", "/Export", "/Export?handler=XlsForm", "/Import?handler=Report&token=" + Guid.NewGuid() })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            }
        }

        Assert.StartsWith("/Account/Login", (await app.Anonymous().GetAsync("/Export")).Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exports_hold_only_the_organisations_own_records_and_identifying_columns_only_for_supervisors()
    {
        var supervisorA = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.Supervisor)]);
        var page = await (await UploadAsync(supervisorA, Csv("Export"))).Content.ReadAsStringAsync();
        await supervisorA.PostAsync("/Import?handler=Import", new FormUrlEncodedContent(MappingForm(page)));

        var csv = await PageSession.PostFormAsync(supervisorA, "/Export", new() { ["Format"] = "htcds-csv" });
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("application/zip", csv.Content.Headers.ContentType!.MediaType);
        var text = CasesCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Contains("prs_FirstName", text, StringComparison.Ordinal);
        Assert.Contains("MaleeExport", text, StringComparison.Ordinal);
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);

        var admin = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.OrgAdmin)]);
        Assert.Contains("export-deidentified", await admin.GetStringAsync("/Export"), StringComparison.Ordinal);
        var adminText = CasesCsv(await (await PageSession.PostFormAsync(admin, "/Export", new() { ["Format"] = "htcds-csv" })).Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("prs_FirstName", adminText, StringComparison.Ordinal);
        Assert.DoesNotContain("MaleeExport", adminText, StringComparison.Ordinal);
        Assert.Contains("cas_Status", adminText, StringComparison.Ordinal);

        var supervisorB = await PageSession.SignInAsync(app, app.Emails[(app.OrgB, Roles.Supervisor)]);
        var other = await (await PageSession.PostFormAsync(supervisorB, "/Export", new() { ["Format"] = "json" })).Content.ReadAsStringAsync();
        Assert.DoesNotContain("MaleeExport", other, StringComparison.Ordinal);

        var xlsx = await PageSession.PostFormAsync(supervisorA, "/Export", new() { ["Format"] = "xlsx" });
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync())[..2]);
        var form = await supervisorA.GetAsync("/Export?handler=XlsForm");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal("PK"u8.ToArray(), (await form.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.BadRequest, (await PageSession.PostFormAsync(supervisorA, "/Export", new() { ["Format"] = "pdf" })).StatusCode);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.True(await db.AuditEntries.CountAsync(e => e.Action == "export.written" && e.OrganisationId == app.OrgA) >= 3);
    }
}
