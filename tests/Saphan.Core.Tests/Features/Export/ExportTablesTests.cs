using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.CaseRecord;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Export;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Referrals;
using Saphan.Core.Features.Repository;
using Saphan.Core.Features.Screenings;
using Saphan.Core.Features.Services;
using Saphan.Core.Tests.Features.Import;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Export;

/// <summary>The standard record's other parts in the export (events, consents, screenings, referrals, support plans), the k-anonymous CTDC file and the export → import round trip.</summary>
[Trait("Category", "Database")]
public sealed class ExportTablesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Guid _org;
    private Guid _partner;
    private Guid _case;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisations = scope.ServiceProvider.GetRequiredService<OrganisationCommands>();
        _org = (await organisations.AddAsync("Mae Sot Migrant Clinic", "ngo", "TH-63", default)).Id;
        _partner = (await organisations.AddAsync("Partner Shelter", "shelter", "TH-10", default)).Id;
        await ImportAsync(_org, ImportFixtures.ThaiCsv());

        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        // Birth dates are encrypted: found in memory.
        _case = (await db.Cases.Include(c => c.Person).Where(c => c.OrganisationId == _org).ToListAsync()).Single(c => c.Person.BirthDate == new DateOnly(1987, 3, 5)).Id;
        var now = DateTimeOffset.UtcNow;
        var service = new Service { OrganisationId = _partner, Type = "shelter", Name = "Shelter beds", CreatedAt = now, UpdatedAt = now };
        db.Services.Add(service);
        db.TraffickingEvents.Add(new TraffickingEvent
        {
            OrganisationId = _org, CaseId = _case, Type = "exploitation", Country = "TH", Province = "TH-74", District = "Mahachai pier 3",
            StartDate = "2023-06", ExploitationTypes = ["forced_labour"], MeansOfControl = ["debt_bondage"], Description = "=HYPERLINK(\"x\")", CreatedAt = now,
        });
        // A partner's own row on the shared case: theirs, never in this organisation's export.
        db.TraffickingEvents.Add(new TraffickingEvent { OrganisationId = _partner, CaseId = _case, Type = "transit", Country = "MM", Description = "partner's note", CreatedAt = now });
        db.ConsentRecords.Add(new ConsentRecord { OrganisationId = _org, CaseId = _case, Purpose = "referral", Status = "given", Method = "verbal_witnessed", RecordedOn = new DateOnly(2024, 1, 12), Note = "interpreter Ko Min", RecordedAt = now });
        db.Screenings.Add(new Screening { OrganisationId = _org, CaseId = _case, Instrument = "PHQ-9", InstrumentVersion = "1", Category = ScreeningCategories.Health, Answers = "1,2,1,2,1,2,1,2,0", Score = 12, Band = "moderate", RecordedAt = now });
        db.Screenings.Add(new Screening { OrganisationId = _org, CaseId = _case, Instrument = "ILO-FL-11", InstrumentVersion = "1", Category = "labour", Answers = "1,1,0,0,0,0,0,0,0,0,1", Score = 3, Band = "strong_indicators", Flags = ["care_indicated"], RecordedAt = now });
        await db.SaveChangesAsync();
        db.Referrals.Add(new Referral { CaseId = _case, FromOrganisationId = _org, ToOrganisationId = _partner, ServiceId = service.Id, ServiceType = "shelter", Urgency = "high", Reason = "needs a safe bed tonight", CreatedAt = now, UpdatedAt = now });
        db.Set<SupportPlan>().Add(new SupportPlan { CaseId = _case, OrganisationId = _org, Objectives = "return to Chiang Mai safely", AgreedOn = new DateOnly(2024, 2, 1), UpdatedAt = now });
        db.Set<SupportPlanAction>().Add(new SupportPlanAction { CaseId = _case, OrganisationId = _org, Type = "shelter", Description = "@bed at partner", Status = "planned", CreatedAt = now, UpdatedAt = now });
        db.Set<VulnerabilityAssessment>().Add(new VulnerabilityAssessment
        {
            CaseId = _case, OrganisationId = _org, AssessedOn = new DateOnly(2024, 1, 15), Individual = "poverty,mental_health", IncomeBand = "under_5000",
            DebtThb = 45000.5m, DebtTo = ["broker"], Dependants = 3, Community = ["border_area"], Details = "owes the broker in Myawaddy", UpdatedAt = now,
        });
        db.FollowUps.Add(new Saphan.Core.Features.FollowUps.FollowUp
        {
            OrganisationId = _org, CaseId = _case, DueOn = new DateOnly(2024, 4, 12), Month = 3, DoneOn = new DateOnly(2024, 4, 15),
            Outcomes = ["safe_stable", "employed"], Note = "+works at the market stall", CreatedAt = now,
        });
        db.Set<CaseComment>().Add(new CaseComment { OrganisationId = _org, CaseId = _case, Kind = "note", Text = "met her mother at the clinic", WrittenAt = now });
        // The partner's comment on the shared case stays theirs.
        db.Set<CaseComment>().Add(new CaseComment { OrganisationId = _partner, CaseId = _case, Kind = "note", Text = "partner's comment", WrittenAt = now });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<ImportResult> ImportAsync(Guid org, string csv)
    {
        var path = Path.Combine(_database.DataFolder, Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(path, csv);
        using var s = _services.CreateScope();
        return await s.ServiceProvider.GetRequiredService<ImportCsv>().HandleAsync(Actor(org, Roles.Supervisor), () => File.OpenRead(path), new ImportOptions(), default);
    }

    private static Actor Actor(Guid org, params string[] roles) => new(Guid.Empty, org, new HashSet<string>(roles, StringComparer.Ordinal));

    private async Task<(ExportResult Result, byte[] Bytes)> ExportAsync(Actor actor, ExportFormat format, bool deidentified = false)
    {
        using var scope = _services.CreateScope();
        using var output = new MemoryStream();
        var result = await scope.ServiceProvider.GetRequiredService<ExportRecords>().WriteAsync(actor, format, deidentified, output, default);
        return (result, output.ToArray());
    }

    private static Dictionary<string, string> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var reader = new StreamReader(e.Open(), Encoding.UTF8);
            return reader.ReadToEnd().TrimStart('\uFEFF');
        }, StringComparer.Ordinal);
    }

    private static List<string[]> Rows(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(','))];

    [Fact]
    public async Task The_csv_zip_has_one_file_per_table_with_screening_results_for_a_supervisor_audited_and_every_cell_neutralised()
    {
        var (result, bytes) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.HtcdsCsv);
        var files = Entries(bytes);
        Assert.Equal(ExportRecords.TableNames.Select(t => t + ".csv"), files.Keys);
        Assert.Equal((6, 1, 1, 2, 1, 1, 1), (result.Tables["cases"], result.Tables["events"], result.Tables["consents"], result.Tables["screenings"],
            result.Tables["referrals"], result.Tables["support_plans"], result.Tables["support_plan_actions"]));
        Assert.Equal((1, 1, 1), (result.Tables["vulnerability"], result.Tables["follow_ups"], result.Tables["case_comments"]));

        // Vulnerability (HTCDS vic_Vulnerabilities, vic_DetailsOfVulnerabilities), follow-ups and comments: the organisation's own rows.
        var vulnerability = Rows(files["vulnerability.csv"]);
        Assert.Equal(["cas_CaseID", "vulnerability.assessedOn", "vic_Vulnerabilities", "vulnerability.household.incomeBand", "vulnerability.household.debtThb",
            "vulnerability.household.debtTo", "vulnerability.household.dependants", "vulnerability.community", "vic_DetailsOfVulnerabilities", "vulnerability.updatedAt"], vulnerability[0]);
        Assert.Equal([_case.ToString("D"), "2024-01-15", "poverty;mental_health", "under_5000", "45000.5", "broker", "3", "border_area", "owes the broker in Myawaddy"], vulnerability[1][..9]);
        var followUps = Rows(files["follow_ups.csv"]);
        Assert.Equal(["followUp.id", "cas_CaseID", "followUp.dueOn", "followUp.month", "followUp.doneOn", "followUp.outcomes", "followUp.note"], followUps[0]);
        Assert.Equal([_case.ToString("D"), "2024-04-12", "3", "2024-04-15", "safe_stable;employed", "'+works at the market stall"], followUps[1][1..]);
        var comments = files["case_comments.csv"];
        Assert.StartsWith("comment.id,cas_CaseID,comment.kind,comment.writtenAt,comment.writtenBy,case.comment\r\n", comments, StringComparison.Ordinal);
        Assert.Contains(",note,", comments, StringComparison.Ordinal);
        Assert.Contains("met her mother at the clinic", comments, StringComparison.Ordinal);
        Assert.DoesNotContain("partner's comment", comments, StringComparison.Ordinal);

        var events = files["events.csv"];
        Assert.DoesNotContain("partner's note", events, StringComparison.Ordinal);
        Assert.StartsWith("hte_EventID,cas_CaseID,hte_Type,hte_Country,hte_State,hte_City,hte_Date,", events, StringComparison.Ordinal);
        Assert.Contains(_case.ToString("D") + ",Exploitation,TH,TH-74,Mahachai pier 3,2023-06,", events, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\")\"", events, StringComparison.Ordinal);
        Assert.Contains(",given,verbal_witnessed,2024-01-12,", files["consents.csv"], StringComparison.Ordinal);
        Assert.Contains("interpreter Ko Min", files["consents.csv"], StringComparison.Ordinal);

        var screenings = Rows(files["screenings.csv"]);
        Assert.Equal(["screening.id", "cas_CaseID", "screening.instrument", "screening.version", "screening.category", "screening.date", "screening.score", "screening.band", "screening.flags"], screenings[0]);
        Assert.Contains(screenings, r => r[2] == "PHQ-9" && r[6] == "12" && r[7] == "moderate");
        Assert.Contains(screenings, r => r[2] == "ILO-FL-11" && r[6] == "3" && r[7] == "strong_indicators" && r[8] == "care_indicated");
        Assert.Contains(",shelter,high,", files["referrals.csv"], StringComparison.Ordinal);
        Assert.Contains("needs a safe bed tonight", files["referrals.csv"], StringComparison.Ordinal);
        Assert.Contains("return to Chiang Mai safely", files["support_plans.csv"], StringComparison.Ordinal);
        Assert.Contains(",'@bed at partner", files["support_plan_actions.csv"], StringComparison.Ordinal);

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var decrypted = await db.AuditEntries.SingleAsync(e => e.Action == "screening.results_exported");
        Assert.Equal((result.ExportId.ToString(), "screenings 2, events 1, consents 1, referrals 1"), (decrypted.EntityId, decrypted.Detail));
    }

    [Fact]
    public async Task The_victim_context_NRM_columns_are_in_every_cases_file_and_health_needs_and_arrest_only_in_an_identifying_one_for_a_health_role()
    {
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var stored = await db.Cases.SingleAsync(c => c.Id == _case);
            stored.NrmIdentifiedOn = new DateOnly(2024, 1, 14);
            stored.NrmMultidisciplinaryTeam = true;
            stored.HealthNeeds = "injury,pregnancy";
            stored.ArrestedOrCharged = "true";
            await db.SaveChangesAsync();
        }

        string[] sensitive = ["victim.healthNeeds", "victim.arrestedOrCharged"];
        var (identified, bytes) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.HtcdsCsv);
        foreach (var header in sensitive.Append("victim.nrm.identifiedOn").Append("victim.nrm.multidisciplinaryTeam"))
        {
            Assert.Contains(header, identified.Columns);
        }

        var cases = Rows(Entries(bytes)["cases.csv"]);
        var row = cases.Single(r => r[0] == _case.ToString("D"));
        string Cell(string header) => row[Array.IndexOf(cases[0], header)];
        Assert.Equal(("2024-01-14", "yes", "injury;pregnancy", "yes"),
            (Cell("victim.nrm.identifiedOn"), Cell("victim.nrm.multidisciplinaryTeam"), Cell("victim.healthNeeds"), Cell("victim.arrestedOrCharged")));

        foreach (var (actor, deidentified) in new[] { (Actor(_org, Roles.Supervisor), true), (Actor(_org, Roles.OrgAdmin), false) })
        {
            var (result, file) = await ExportAsync(actor, ExportFormat.HtcdsCsv, deidentified);
            Assert.Contains("victim.nrm.identifiedOn", result.Columns);
            Assert.DoesNotContain(sensitive[0], result.Columns);
            Assert.DoesNotContain(sensitive[1], result.Columns);
            var text = Entries(file)["cases.csv"];
            Assert.DoesNotContain("pregnancy", text, StringComparison.Ordinal);
            Assert.Contains(",2024-01-14,yes", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_org_admin_gets_no_free_text_no_screening_results_and_no_health_screenings_and_nothing_is_decrypted_for_them()
    {
        var (result, bytes) = await ExportAsync(Actor(_org, Roles.OrgAdmin), ExportFormat.HtcdsCsv);
        var files = Entries(bytes);
        var all = string.Join("\n", files.Values);
        foreach (var secret in new[] { "Mahachai pier 3", "HYPERLINK(\"", "interpreter Ko Min", "needs a safe bed", "return to Chiang Mai", "bed at partner", "moderate", "strong_indicators",
            "mental_health", "poverty", "Myawaddy", "market stall", "her mother", "partner's comment" })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }

        var screenings = Rows(files["screenings.csv"]);
        Assert.Equal(["screening.id", "cas_CaseID", "screening.instrument", "screening.version", "screening.category", "screening.date"], screenings[0]);
        Assert.Equal(["ILO-FL-11"], screenings.Skip(1).Select(r => r[2]));
        Assert.Equal(0, result.ScreeningResults);
        Assert.Contains(",Exploitation,TH,TH-74,2023-06,", files["events.csv"], StringComparison.Ordinal);
        // The de-identified rows of the new tables: codes and dates, never the health list or the free text.
        Assert.Equal(["cas_CaseID", "vulnerability.assessedOn", "vulnerability.household.incomeBand", "vulnerability.household.debtThb",
            "vulnerability.household.debtTo", "vulnerability.household.dependants", "vulnerability.community", "vulnerability.updatedAt"], Rows(files["vulnerability.csv"])[0]);
        Assert.Contains(",under_5000,45000.5,broker,3,border_area,", files["vulnerability.csv"], StringComparison.Ordinal);
        Assert.Equal(["followUp.id", "cas_CaseID", "followUp.dueOn", "followUp.month", "followUp.doneOn", "followUp.outcomes"], Rows(files["follow_ups.csv"])[0]);
        Assert.Equal(2, Rows(files["case_comments.csv"]).Count);
        Assert.Equal(5, Rows(files["case_comments.csv"])[1].Length);

        using var scope = _services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.AnyAsync(e => e.Action == "screening.results_exported"));
    }

    [Fact]
    public async Task Xlsx_has_one_sheet_per_table_and_json_nests_every_part_under_its_case()
    {
        var (_, xlsx) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.Xlsx);
        using (var stream = new MemoryStream(xlsx))
        using (var reader = new XlsxReader(stream, "support_plan_actions", ImportLimits.Default))
        {
            Assert.Equal("plan.action.id", reader.Read()!.Fields[0]);
            Assert.Contains("'@bed at partner", reader.Read()!.Fields);
        }

        using (var stream = new MemoryStream(xlsx))
        using (var reader = new XlsxReader(stream, "events", ImportLimits.Default))
        {
            var header = reader.Read()!.Fields.ToList();
            var row = reader.Read()!.Fields;
            Assert.Equal("'=HYPERLINK(\"x\")", row[header.IndexOf("hte_Description")]);
        }

        var (json, bytes) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.Json);
        using var document = JsonDocument.Parse(bytes);
        Assert.Equal(6, document.RootElement.GetArrayLength());
        var somchai = document.RootElement.EnumerateArray().Single(c => c.GetProperty("cas_CaseID").GetString() == _case.ToString("D"));
        var @event = somchai.GetProperty("events").EnumerateArray().Single();
        Assert.Equal(("Exploitation", "TH-74"), (@event.GetProperty("hte_Type").GetString(), @event.GetProperty("hte_State").GetString()));
        Assert.False(@event.TryGetProperty("cas_CaseID", out _));
        Assert.Equal(2, somchai.GetProperty("screenings").GetArrayLength());
        Assert.Equal("given", somchai.GetProperty("consents")[0].GetProperty("consent.status").GetString());
        Assert.Equal("high", somchai.GetProperty("referrals")[0].GetProperty("referral.urgency").GetString());
        Assert.Equal("planned", somchai.GetProperty("supportPlan").GetProperty("actions")[0].GetProperty("plan.action.status").GetString());
        Assert.Equal(2, json.Tables["screenings"]);
        Assert.Equal("poverty;mental_health", somchai.GetProperty("vulnerability").GetProperty("vic_Vulnerabilities").GetString());
        Assert.Equal("safe_stable;employed", somchai.GetProperty("followUps")[0].GetProperty("followUp.outcomes").GetString());
        Assert.Equal("met her mother at the clinic", somchai.GetProperty("comments").EnumerateArray().Single().GetProperty("case.comment").GetString());
        Assert.Equal((1, 1, 1), (json.Tables["vulnerability"], json.Tables["follow_ups"], json.Tables["case_comments"]));
        var other = document.RootElement.EnumerateArray().First(c => c.GetProperty("cas_CaseID").GetString() != _case.ToString("D"));
        Assert.Equal(0, other.GetProperty("events").GetArrayLength());
        Assert.False(other.TryGetProperty("supportPlan", out _));
        Assert.False(other.TryGetProperty("vulnerability", out _));
        Assert.Equal(0, other.GetProperty("followUps").GetArrayLength());

        using (var stream = new MemoryStream(xlsx))
        using (var reader = new XlsxReader(stream, "follow_ups", ImportLimits.Default))
        {
            Assert.Equal("followUp.id", reader.Read()!.Fields[0]);
            Assert.Contains("'+works at the market stall", reader.Read()!.Fields);
        }
    }

    [Fact]
    public async Task The_json_pages_through_a_large_organisation_by_key_in_the_tables_order_each_case_once()
    {
        var big = await _services.CreateScope().ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Large NGO", "ngo", "TH-10", default);
        var path = Path.Combine(_database.DataFolder, "large.csv");
        ImportFixtures.WriteGenerated(path, 1100, seed: 7);
        Assert.Equal(1100, (await ImportAsync(big.Id, await File.ReadAllTextAsync(path))).Imported);

        var (json, bytes) = await ExportAsync(Actor(big.Id, Roles.OrgAdmin), ExportFormat.Json);
        using var document = JsonDocument.Parse(bytes);
        var ids = document.RootElement.EnumerateArray().Select(c => c.GetProperty("cas_CaseID").GetString()!).ToList();
        Assert.Equal(1100, json.Tables["cases"]);
        Assert.Equal(1100, ids.Distinct(StringComparer.Ordinal).Count());
        var days = document.RootElement.EnumerateArray().Select(c => c.GetProperty("case.identifiedOn").GetString()!).ToList();
        Assert.True(days.Count > days.Distinct(StringComparer.Ordinal).Count(), "some cases share a day, so the id breaks ties across pages");

        // Exactly the order of cases.csv (one query, no paging).
        var (_, zip) = await ExportAsync(Actor(big.Id, Roles.OrgAdmin), ExportFormat.HtcdsCsv);
        Assert.Equal(Rows(Entries(zip)["cases.csv"]).Skip(1).Select(r => r[0]), ids);
    }

    [Fact]
    public async Task The_ctdc_file_is_k_anonymous_no_row_shares_its_quasi_identifiers_with_fewer_than_eleven_people()
    {
        var big = await _services.CreateScope().ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Big NGO", "ngo", "TH-10", default);
        var path = Path.Combine(_database.DataFolder, "generated.csv");
        ImportFixtures.WriteGenerated(path, 300, seed: 11);
        await ImportAsync(big.Id, await File.ReadAllTextAsync(path));

        var (result, bytes) = await ExportAsync(Actor(big.Id, Roles.OrgAdmin), ExportFormat.Ctdc);
        var rows = Rows(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        Assert.Equal(OpenData.Columns, rows[0]);
        var data = rows.Skip(1).ToList();
        Assert.Equal(data.Count, result.Rows);
        Assert.Equal(300, data.Count + result.Tables["people_left_out"]);
        Assert.True(data.Count >= 150, "generalisation keeps most people");
        var quasi = OpenData.QuasiIdentifiers.Select(q => OpenData.Columns.ToList().IndexOf(q)).ToList();
        var classes = data.GroupBy(r => string.Join('|', quasi.Select(i => r[i])), StringComparer.Ordinal).ToList();
        Assert.All(classes, c => Assert.True(c.Count() >= OpenData.K, $"class {c.Key} has {c.Count()} rows"));
        Assert.DoesNotContain("Family", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

        using var scope = _services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.SingleAsync(e => e.Action == "export.written" && e.OrganisationId == big.Id);
        Assert.StartsWith("format ctdc, rows " + data.Count, audit.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exported_cases_file_imports_back_without_a_mapping_into_the_same_persons_and_cases()
    {
        var (_, bytes) = await ExportAsync(Actor(_org, Roles.Supervisor), ExportFormat.HtcdsCsv);
        var copy = await _services.CreateScope().ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Copy", "ngo", "TH-63", default);
        var imported = await ImportAsync(copy.Id, Entries(bytes)["cases.csv"]);
        Assert.Equal((6, 0, 0), (imported.Imported, imported.Duplicates, imported.Rejected));

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        async Task<List<string>> Snapshot(Guid org) =>
            [.. (await db.Cases.AsNoTracking().Include(c => c.Person).ThenInclude(p => p.Documents).Where(c => c.OrganisationId == org).ToListAsync())
                .Select(c => string.Join('|', c.Person.GivenName, c.Person.FamilyName, c.Person.BirthDate, c.Person.EstimatedAge, c.Person.Gender,
                    string.Join(';', c.Person.Citizenships), c.Person.Phone, string.Join(';', c.Person.Documents.Select(d => d.Type + ":" + d.Number)),
                    c.IdentifiedOn, c.Province, c.Status, c.Summary))
                .Order(StringComparer.Ordinal)];
        Assert.Equal(await Snapshot(_org), await Snapshot(copy.Id));
    }
}
