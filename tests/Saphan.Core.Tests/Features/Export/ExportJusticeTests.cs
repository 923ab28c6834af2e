using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Export;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Justice;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Tests.Features.Import;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Export;

/// <summary>
/// The justice side of the export: only law enforcement (an exporting role that also passes JusticeAccess), only when
/// asked for, only its own organisation's legal cases, suspects and operations; suspect identity only in an identifying
/// export, and not even read otherwise.
/// </summary>
[Trait("Category", "Database")]
public sealed class ExportJusticeTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Guid _police;
    private Guid _otherPolice;
    private Guid _case;
    private Guid _legalCase;
    private Guid _suspect;
    private Guid _accomplice;
    private Guid _otherLegalCase;

    // Identifying values of the police unit's justice records, each of which must stay out of a de-identified file.
    private const string SuspectName = "Ko Tun Naing";
    private const string SuspectNotes = "drives the pickup to Mae Sot";
    private const string Phone = "089-555-0123";
    private const string Reference = "TAK-PD 123/2567";
    private const string HearingNote = "@Tak provincial court: witness heard";
    private const string Coordinator = "Khun Wipa";
    private const string Protection = "screen in court";
    private const string AssetDescription = "=Toyota Hilux";
    private const string OperationName = "Op Mekong Dawn";
    private const string Lead = "Prosecutor Anan";

    // The other police unit's records, which must never be in the first one's file, nor the first one's in theirs.
    private const string OtherSuspectName = "Somsak Other";
    private const string OtherReference = "PKT 999/2567";

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var sp = scope.ServiceProvider;
        var organisations = sp.GetRequiredService<OrganisationCommands>();
        _police = (await organisations.AddAsync("Tak Anti-Trafficking Police", OrganisationTypes.Police, "TH-63", default)).Id;
        _otherPolice = (await organisations.AddAsync("Phuket Police", OrganisationTypes.Police, "TH-83", default)).Id;
        var path = Path.Combine(_database.DataFolder, "people.csv");
        await File.WriteAllTextAsync(path, ImportFixtures.ThaiCsv());
        await sp.GetRequiredService<ImportCsv>().HandleAsync(Actor(_police, Roles.Supervisor), () => File.OpenRead(path), new ImportOptions(), default);
        _case = await sp.GetRequiredService<SaphanDbContext>().Cases.Where(c => c.OrganisationId == _police).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();

        var police = Actor(_police, Roles.LawEnforcement);
        var legal = sp.GetRequiredService<LegalCases>();
        var suspects = sp.GetRequiredService<Suspects>();
        _legalCase = (await legal.CreateAsync(police, new LegalCaseInput(Reference, "sentence", ["s6", "s52"], "convicted", 48, 125_000_050, "2024-06-01"), default)).Id;
        await legal.AddHearingAsync(police, _legalCase, new HearingInput("2024-03-05", HearingNote), default);
        await legal.AddWitnessAsync(police, _legalCase, new WitnessInput(_case, Coordinator, "my", Protection), default);
        _suspect = (await suspects.CreateAsync(police, new SuspectInput("person", SuspectName, ["recruiter", "transporter"], SuspectNotes), default)).Id;
        _accomplice = (await suspects.CreateAsync(police, new SuspectInput("company", "Golden Boat Co", ["exploiter"], null), default)).Id;
        await suspects.AddIdentifierAsync(police, _suspect, new IdentifierInput("phone", Phone), default);
        await suspects.AddLinkAsync(police, _suspect, new SuspectLinkInput(_case, null, null), default);
        await suspects.AddLinkAsync(police, _suspect, new SuspectLinkInput(null, _accomplice, null), default);
        await suspects.AddLinkAsync(police, _suspect, new SuspectLinkInput(null, null, _legalCase), default);
        await legal.AddAssetAsync(police, _legalCase, new AssetInput(AssetDescription, "seized", 85_000_000, "2024-02-10", _suspect), default);
        await legal.SetCompensationAsync(police, _legalCase, new CompensationInput(_case, 50_000_000, 30_000_000, 10_000_050), default);
        var operations = sp.GetRequiredService<Operations>();
        var operation = await operations.CreateAsync(police, new OperationInput("rescue", OperationName, "TH-63", "2024-01-20", _legalCase), default);
        await operations.SetPlanAsync(police, operation.Id, new OperationPlanInput(6, 2, 1, "Mae Sot hospital on call", Lead), default);

        // The other unit's own legal case and suspect; and the first unit's legal case shared with it (readable there, still not theirs).
        var other = Actor(_otherPolice, Roles.LawEnforcement);
        _otherLegalCase = (await legal.CreateAsync(other, new LegalCaseInput(OtherReference, "investigation", ["s6"], null, null, null, null), default)).Id;
        await suspects.CreateAsync(other, new SuspectInput("person", OtherSuspectName, ["broker"], null), default);
        await sp.GetRequiredService<LegalCaseSharing>().ShareAsync(police, _legalCase, _otherPolice, default);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static Actor Actor(Guid org, params string[] roles) => new(Guid.Empty, org, new HashSet<string>(roles, StringComparer.Ordinal));

    private async Task<(ExportResult Result, byte[] Bytes)> ExportAsync(Actor actor, ExportFormat format, bool deidentified = false, bool justice = true)
    {
        using var scope = _services.CreateScope();
        using var output = new MemoryStream();
        var result = await scope.ServiceProvider.GetRequiredService<ExportRecords>().WriteAsync(actor, format, deidentified, justice, output, default);
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

    private static Dictionary<string, string> Row(string csv, int index = 1)
    {
        var rows = Rows(csv);
        return rows[0].Zip(rows[index]).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
    }

    private async Task<List<Saphan.Core.Features.Audit.AuditEntry>> AuditAsync(string action)
    {
        using var scope = _services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.AsNoTracking().Where(e => e.Action == action).ToListAsync();
    }

    private static readonly string[] Secrets =
        [SuspectName, SuspectNotes, Phone, "555", Reference, "Tak provincial", Coordinator, Protection, "Toyota", OperationName, Lead, "Mae Sot hospital", "Golden Boat"];

    [Fact]
    public async Task A_police_supervisors_export_has_the_units_own_justice_tables_with_suspect_identity_neutralised_and_audited()
    {
        var (result, bytes) = await ExportAsync(Actor(_police, Roles.Supervisor, Roles.LawEnforcement), ExportFormat.HtcdsCsv);
        var files = Entries(bytes);
        Assert.Equal([.. ExportRecords.TableNames.Concat(ExportRecords.JusticeTableNames).Select(t => t + ".csv")], files.Keys);
        Assert.True(result.Justice);

        var legal = Row(files["legal_cases.csv"]);
        Assert.Equal(ExportRecords.JusticeColumnsFor("legal_cases", identifying: true), Rows(files["legal_cases.csv"])[0]);
        Assert.Equal((_legalCase.ToString("D"), Reference, "sentence", "s6;s52", "convicted", "48", "1250000.5", "2024-06-01"),
            (legal["legal_case.id"], legal["legal_case.reference"], legal["justice.stage"], legal["justice.charges"], legal["legal_case.verdict"],
             legal["legal_case.sentenceMonths"], legal["legal_case.fineThb"], legal["legal_case.appealLodgedOn"]));
        Assert.Equal(2, Rows(files["legal_cases.csv"]).Count);

        var hearing = Row(files["hearings.csv"]);
        Assert.Equal((_legalCase.ToString("D"), "2024-03-05", "'" + HearingNote), (hearing["legal_case.id"], hearing["hearing.heldOn"], hearing["hearing.note"]));
        var witness = Row(files["witnesses.csv"]);
        Assert.Equal((_case.ToString("D"), Coordinator, "my", Protection), (witness["cas_CaseID"], witness["witness.coordinator"], witness["witness.interpreterLanguage"], witness["witness.protectionMeasures"]));
        var asset = Row(files["seized_assets.csv"]);
        Assert.Equal((_suspect.ToString("D"), "'" + AssetDescription, "seized", "850000"),
            (asset["suspect.id"], asset["asset.description"], asset["justice.assetStatus"], asset["justice.assetValueThb"]));
        var compensation = Row(files["compensation.csv"]);
        Assert.Equal((_case.ToString("D"), "500000", "300000", "100000.5"),
            (compensation["cas_CaseID"], compensation["compensation.claimedThb"], compensation["compensation.awardedThb"], compensation["compensation.paidThb"]));

        Assert.Equal(["suspect.id", "perpetrator.kind", "perpetrator.name", "perpetrator.roles", "suspect.notes", "suspect.createdAt"], Rows(files["suspects.csv"])[0]);
        Assert.Contains($"{_suspect:D},person,{SuspectName},recruiter;transporter,{SuspectNotes},", files["suspects.csv"], StringComparison.Ordinal);
        Assert.Equal(3, Rows(files["suspects.csv"]).Count);
        Assert.Equal(["identifier.id", "suspect.id", "perpetrator.identifierType", "perpetrator.identifierValue"], Rows(files["suspect_identifiers.csv"])[0]);
        Assert.EndsWith($",{_suspect:D},phone,{Phone}\r\n", files["suspect_identifiers.csv"], StringComparison.Ordinal);
        var links = Rows(files["suspect_links.csv"]).Skip(1).ToList();
        Assert.Equal(3, links.Count);
        Assert.Contains(links, l => l[2] == _case.ToString("D"));
        Assert.Contains(links, l => l[3] == _accomplice.ToString("D"));
        Assert.Contains(links, l => l[4] == _legalCase.ToString("D"));
        var operation = Row(files["operations.csv"]);
        Assert.Equal(("rescue", OperationName, "6", "Mae Sot hospital on call", Lead, _legalCase.ToString("D")),
            (operation["justice.operationType"], operation["operation.name"], operation["operation.shelterPlaces"], operation["operation.medicalArrangements"],
             operation["operation.prosecutionLead"], operation["legal_case.id"]));

        // Nothing of the other police unit's.
        var all = string.Join("\n", files.Values);
        Assert.DoesNotContain(OtherSuspectName, all, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherReference, all, StringComparison.Ordinal);
        Assert.DoesNotContain(_otherLegalCase.ToString("D"), all, StringComparison.Ordinal);

        var written = Assert.Single(await AuditAsync("export.written"));
        Assert.Equal("format htcds-csv, rows 6, identifying columns yes, justice tables yes", written.Detail);
        var justice = Assert.Single(await AuditAsync("justice.exported"));
        Assert.Equal((result.ExportId.ToString(), _police), (justice.EntityId, justice.OrganisationId!.Value));
        Assert.Equal("format htcds-csv, identifying columns yes, legal_cases 1, hearings 1, witnesses 1, seized_assets 1, compensation 1, suspects 2, "
            + "suspect_identifiers 1, suspect_links 3, operations 1", justice.Detail);
        Assert.Equal(1, result.Tables["suspect_identifiers"]);
    }

    [Fact]
    public async Task The_other_units_export_has_its_own_records_only_not_the_legal_case_shared_with_it()
    {
        var (result, bytes) = await ExportAsync(Actor(_otherPolice, Roles.Supervisor, Roles.LawEnforcement), ExportFormat.HtcdsCsv);
        var files = Entries(bytes);
        Assert.Equal((1, 1, 0, 0), (result.Tables["legal_cases"], result.Tables["suspects"], result.Tables["hearings"], result.Tables["operations"]));
        Assert.Contains(OtherReference, files["legal_cases.csv"], StringComparison.Ordinal);
        Assert.Contains(OtherSuspectName, files["suspects.csv"], StringComparison.Ordinal);
        var all = string.Join("\n", files.Values);
        foreach (var secret in Secrets.Append(_legalCase.ToString("D")).Append(_suspect.ToString("D")))
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task No_other_export_has_a_justice_table_and_asking_for_one_without_the_law_enforcement_role_is_forbidden_and_not_audited()
    {
        // Not asked for (a police supervisor too), or not law enforcement: the same files as ever, not even an empty justice table.
        foreach (var actor in new[] { Actor(_police, Roles.Supervisor), Actor(_police, Roles.OrgAdmin), Actor(_police, Roles.Supervisor, Roles.LawEnforcement) })
        {
            var (result, bytes) = await ExportAsync(actor, ExportFormat.HtcdsCsv, justice: false);
            Assert.Equal([.. ExportRecords.TableNames.Select(t => t + ".csv")], Entries(bytes).Keys);
            Assert.False(result.Justice);
            Assert.DoesNotContain(result.Tables.Keys, ExportRecords.JusticeTableNames.Contains);
            var (_, json) = await ExportAsync(actor, ExportFormat.Json, justice: false);
            using var document = JsonDocument.Parse(json);
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
            var (_, xlsx) = await ExportAsync(actor, ExportFormat.Xlsx, justice: false);
            using var archive = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
            using var workbook = new StreamReader(archive.GetEntry("xl/workbook.xml")!.Open());
            var sheets = await workbook.ReadToEndAsync();
            Assert.DoesNotContain("legal_cases", sheets, StringComparison.Ordinal);
            Assert.DoesNotContain("suspects", sheets, StringComparison.Ordinal);
            Assert.DoesNotContain(SuspectName, Encoding.UTF8.GetString(json), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(await AuditAsync("export.written"), e => e.Detail!.Contains("justice", StringComparison.Ordinal));
        Assert.Empty(await AuditAsync("justice.exported"));

        // Asked for without the law-enforcement role, or by law enforcement without an exporting role, or by a case worker: 403, nothing audited.
        var before = (await AuditAsync("export.written")).Count;
        foreach (var roles in new[] { new[] { Roles.Supervisor }, [Roles.OrgAdmin], [Roles.LawEnforcement], [Roles.CaseWorker], [Roles.CaseWorker, Roles.LawEnforcement] })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => ExportAsync(Actor(_police, roles), ExportFormat.HtcdsCsv));
        }

        Assert.Equal(before, (await AuditAsync("export.written")).Count);
        Assert.Empty(await AuditAsync("justice.exported"));
    }

    [Fact]
    public async Task A_deidentified_justice_export_carries_no_suspect_identity_and_never_reads_the_encrypted_fields()
    {
        // Break every encrypted justice value at rest (base64 of "not ciphertext"): an export that read (decrypted) any of them would fail.
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            foreach (var (table, column) in new[]
            {
                ("suspects", "name"), ("suspects", "notes"), ("suspect_identifiers", "value"), ("legal_cases", "reference"), ("hearings", "note"),
                ("witnesses", "coordinator"), ("witnesses", "protection_measures"), ("seized_assets", "description"), ("operations", "name"),
                ("operations", "medical_arrangements"), ("operations", "prosecution_lead"),
            })
            {
#pragma warning disable EF1002 // Table and column names are the constants above, no input.
                await db.Database.ExecuteSqlRawAsync($"UPDATE \"{table}\" SET \"{column}\" = 'bm90IGNpcGhlcnRleHQ=' WHERE \"{column}\" IS NOT NULL");
#pragma warning restore EF1002
            }
        }

        // The identifying export does read them (so the break is real) …
        var failed = await Assert.ThrowsAnyAsync<Exception>(() => ExportAsync(Actor(_police, Roles.Supervisor, Roles.LawEnforcement), ExportFormat.HtcdsCsv));
        Assert.Contains(failed.FlattenInner(), e => e is CryptographicException);

        // An org admin who is also law enforcement never exports identifying columns; a police supervisor may leave them out.
        foreach (var (actor, deidentified) in new[] { (Actor(_police, Roles.OrgAdmin, Roles.LawEnforcement), false), (Actor(_police, Roles.Supervisor, Roles.LawEnforcement), true) })
        {
            foreach (var format in new[] { ExportFormat.HtcdsCsv, ExportFormat.Xlsx, ExportFormat.Json })
            {
                var (result, bytes) = await ExportAsync(actor, format, deidentified);
                Assert.False(result.Identifying);
                Assert.Equal((1, 2, 1, 3), (result.Tables["legal_cases"], result.Tables["suspects"], result.Tables["suspect_identifiers"], result.Tables["suspect_links"]));
                var text = format == ExportFormat.HtcdsCsv ? string.Join("\n", Entries(bytes).Values) : Encoding.UTF8.GetString(bytes);
                Assert.DoesNotContain("bm90IGNpcGhlcnRleHQ", text, StringComparison.Ordinal);
                foreach (var header in new[] { "perpetrator.name", "perpetrator.identifierValue", "suspect.notes", "legal_case.reference", "hearing.note", "witness.coordinator",
                             "witness.protectionMeasures", "asset.description", "operation.name", "operation.medicalArrangements", "operation.prosecutionLead" })
                {
                    Assert.DoesNotContain(header, text, StringComparison.Ordinal);
                }

                if (format == ExportFormat.HtcdsCsv)
                {
                    var files = Entries(bytes);
                    Assert.Equal(["suspect.id", "perpetrator.kind", "perpetrator.roles", "suspect.createdAt"], Rows(files["suspects.csv"])[0]);
                    Assert.Contains($"{_suspect:D},person,recruiter;transporter,", files["suspects.csv"], StringComparison.Ordinal);
                    Assert.EndsWith($",{_suspect:D},phone\r\n", files["suspect_identifiers.csv"], StringComparison.Ordinal);
                    Assert.Equal(ExportRecords.JusticeColumnsFor("legal_cases", identifying: false), Rows(files["legal_cases.csv"])[0]);
                    Assert.Contains(",1250000.5,", files["legal_cases.csv"], StringComparison.Ordinal);
                }
            }
        }

        // Audited before the first byte: the failed identifying attempt too, then the six de-identified files.
        var audits = await AuditAsync("justice.exported");
        Assert.Equal((1, 6), (audits.Count(a => a.Detail!.Contains("identifying columns yes", StringComparison.Ordinal)),
            audits.Count(a => a.Detail!.Contains("identifying columns no", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task The_ctdc_file_has_no_justice_tables_asking_for_them_names_the_field_and_writes_nothing()
    {
        var refused = await Assert.ThrowsAsync<ValidationException>(() => ExportAsync(Actor(_police, Roles.Supervisor, Roles.LawEnforcement), ExportFormat.Ctdc));
        Assert.Equal(["justice"], refused.Errors.Keys);
        Assert.Empty(await AuditAsync("export.written"));
    }

    [Fact]
    public async Task Xlsx_has_a_sheet_per_justice_table_and_json_nests_them_under_their_legal_case_or_suspect_in_keyset_pages()
    {
        // More suspects than one page of the JSON (500), so the keyset paging is crossed.
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            for (var i = 0; i < 520; i++)
            {
                db.Add(new Suspect { OrganisationId = _police, Kind = "person", Name = "Bulk " + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Roles = ["other"], CreatedAt = DateTimeOffset.UtcNow });
            }

            await db.SaveChangesAsync();
        }

        var actor = Actor(_police, Roles.Supervisor, Roles.LawEnforcement);
        var (_, xlsx) = await ExportAsync(actor, ExportFormat.Xlsx);
        using (var stream = new MemoryStream(xlsx))
        using (var reader = new XlsxReader(stream, "seized_assets", ImportLimits.Default))
        {
            var header = reader.Read()!.Fields.ToList();
            Assert.Equal("asset.id", header[0]);
            Assert.Equal("'" + AssetDescription, reader.Read()!.Fields[header.IndexOf("asset.description")]);
        }

        using (var stream = new MemoryStream(xlsx))
        using (var reader = new XlsxReader(stream, "suspects", ImportLimits.Default))
        {
            var count = 0;
            while (reader.Read() is not null)
            {
                count++;
            }

            Assert.Equal(1 + 522, count);
        }

        var (result, bytes) = await ExportAsync(actor, ExportFormat.Json);
        using var document = JsonDocument.Parse(bytes);
        var root = document.RootElement;
        Assert.Equal(["cases", "legalCases", "suspects", "operations"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(6, root.GetProperty("cases").GetArrayLength());
        var legal = root.GetProperty("legalCases").EnumerateArray().Single();
        Assert.Equal((Reference, "s6;s52"), (legal.GetProperty("legal_case.reference").GetString(), legal.GetProperty("justice.charges").GetString()));
        var witness = legal.GetProperty("witnesses").EnumerateArray().Single();
        Assert.False(witness.TryGetProperty("legal_case.id", out _));
        Assert.Equal(_case.ToString("D"), witness.GetProperty("cas_CaseID").GetString());
        Assert.Equal(HearingNote, legal.GetProperty("hearings")[0].GetProperty("hearing.note").GetString());
        Assert.Equal("850000", legal.GetProperty("assets")[0].GetProperty("justice.assetValueThb").GetString());
        Assert.Equal("100000.5", legal.GetProperty("compensation")[0].GetProperty("compensation.paidThb").GetString());

        var suspects = root.GetProperty("suspects").EnumerateArray().ToList();
        Assert.Equal(522, suspects.Count);
        Assert.Equal(522, suspects.Select(s => s.GetProperty("suspect.id").GetString()).Distinct(StringComparer.Ordinal).Count());
        var suspect = suspects.Single(s => s.GetProperty("suspect.id").GetString() == _suspect.ToString("D"));
        Assert.Equal(SuspectName, suspect.GetProperty("perpetrator.name").GetString());
        var identifier = suspect.GetProperty("identifiers").EnumerateArray().Single();
        Assert.Equal((Phone, false), (identifier.GetProperty("perpetrator.identifierValue").GetString(), identifier.TryGetProperty("suspect.id", out _)));
        Assert.Equal(3, suspect.GetProperty("links").GetArrayLength());
        Assert.Equal(OperationName, root.GetProperty("operations")[0].GetProperty("operation.name").GetString());
        Assert.Equal((1, 522, 3, 1), (result.Tables["legal_cases"], result.Tables["suspects"], result.Tables["suspect_links"], result.Tables["operations"]));
    }
}

internal static class ExceptionChain
{
    public static IEnumerable<Exception> FlattenInner(this Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
