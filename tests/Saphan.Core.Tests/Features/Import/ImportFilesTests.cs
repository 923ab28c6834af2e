using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Export;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Import;

/// <summary>XLSX workbooks, Kobo/ODK exports, and files that are not what they claim: each refused with a clear message and nothing stored.</summary>
[Trait("Category", "Database")]
public sealed class ImportFilesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Actor _actor = null!;

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
    }

    private string PathFor(string extension) => Path.Combine(_database.DataFolder, Guid.NewGuid().ToString("N") + extension);

    private async Task<(ImportResult Result, List<ImportIssue> Issues)> ImportAsync(string path, ImportLimits? limits = null, string? sheet = null, int batchSize = 1000)
    {
        using var scope = _services.CreateScope();
        var issues = new List<ImportIssue>();
        var result = await scope.ServiceProvider.GetRequiredService<ImportCsv>().HandleAsync(_actor, () => File.OpenRead(path),
            new ImportOptions { OnIssue = issues.Add, Limits = limits ?? ImportLimits.Default, Sheet = sheet, BatchSize = batchSize }, default);
        return (result, issues);
    }

    private async Task<string> RefusedAsync(string path, ImportLimits? limits = null)
    {
        var problem = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(path, limits, batchSize: 2));
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal((0, 0, 0), (await db.Persons.CountAsync(), await db.Cases.CountAsync(), await db.ImportRecords.CountAsync()));
        Assert.DoesNotContain("สมชาย", problem.Message, StringComparison.Ordinal);
        return problem.Message;
    }

    /// <summary>Parses the fixture CSV into rows (the fixture has one quoted cell with a line break).</summary>
    private static List<string[]> Rows(string csv)
    {
        var reader = new CsvRecordReader(new StringReader(csv));
        var rows = new List<string[]>();
        while (reader.Read() is { } record)
        {
            rows.Add(record.Fields);
        }

        return rows;
    }

    private string WriteXlsx(IEnumerable<string[]> rows, string sheet = "Sheet1", string? before = null)
    {
        var path = PathFor(".xlsx");
        using var file = File.Create(path);
        using var xlsx = new XlsxWriter(file);
        if (before is not null)
        {
            xlsx.BeginSheet(before);
            xlsx.WriteRow(["not", "this", "one"]);
        }

        xlsx.BeginSheet(sheet);
        foreach (var row in rows)
        {
            xlsx.WriteRow(row);
        }

        return path;
    }

    [Fact]
    public async Task An_xlsx_workbook_goes_through_the_same_pipeline_as_its_csv()
    {
        var path = WriteXlsx(Rows(ImportFixtures.ThaiCsv()), "ข้อมูล", before: "README");
        var (result, issues) = await ImportAsync(path, sheet: "ข้อมูล", batchSize: 4);
        Assert.Equal("imported 6, duplicates 1, rejected 2", result.Summary);
        Assert.Equal("XLSX", result.Encoding);
        Assert.Contains(issues, i => i is { Row: 7, Column: "วันที่พบ", Kind: ImportIssue.Rejected });
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var aye = (await db.Cases.Include(c => c.Person).ToListAsync()).Single(c => c.Person.GivenName == "Aye");
        Assert.Equal("พบที่ท่าเรือ, สมุทรสาคร\nส่งต่อบ้านพัก", aye.Summary);

        // Same workbook again: nothing added.
        Assert.NotNull((await ImportAsync(path, sheet: "ข้อมูล")).Result.AlreadyImportedAt);
        var other = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(WriteXlsx(Rows(ImportFixtures.ThaiCsv())), sheet: "Nope"));
        Assert.Contains("Sheets: Sheet1", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excel_dates_shared_strings_and_long_numbers_are_read_as_excel_shows_them()
    {
        var path = PathFor(".xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            void Part(string name, string xml)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(xml);
            }

            Part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Part("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Target=\"worksheets/data.xml\" Type=\"x\"/></Relationships>");
            Part("xl/sharedStrings.xml", "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>ชื่อ</t></si><si><r><t>จังห</t></r><r><t>วัด</t></r></si><si><t>วันที่พบ</t></si><si><t>เลขบัตรประชาชน</t></si><si><t>Malee</t></si><si><t>เชียงราย</t></si></sst>");
            Part("xl/styles.xml", "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy;@\"/></numFmts><cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/></cellXfs></styleSheet>");
            Part("xl/worksheets/data.xml", "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
                + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>4</v></c><c r=\"B3\" t=\"s\"><v>5</v></c><c r=\"C3\" s=\"1\"><v>45356</v></c><c r=\"D3\"><v>" + ImportFixtures.SomchaiId + "</v></c></row>"
                + "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>Dao</t></is></c><c r=\"B4\" t=\"str\"><f>\"Tak\"</f><v>Tak</v></c><c r=\"C4\" s=\"2\"><v>45357.5</v></c></row>"
                + "</sheetData></worksheet>");
        }

        await using (var stream = File.OpenRead(path))
        using (var reader = new XlsxReader(stream, null, ImportLimits.Default))
        {
            Assert.Equal(["ชื่อ", "จังหวัด", "วันที่พบ", "เลขบัตรประชาชน"], reader.Read()!.Fields);
            var malee = reader.Read()!;
            Assert.Equal(3, malee.Row);
            Assert.Equal(["Malee", "เชียงราย", "2024-03-05", ImportFixtures.SomchaiId], malee.Fields);
            Assert.Equal(["Dao", "Tak", "2024-03-06", ""], reader.Read()!.Fields);
            Assert.Null(reader.Read());
        }

        var (result, issues) = await ImportAsync(path);
        Assert.Equal("imported 2, duplicates 0, rejected 0", result.Summary);
        Assert.Empty(issues);
    }

    /// <summary>A CSV shaped like KoboToolbox's export of the generated XLSForm: ";" separated, group/name headers, select_multiple as space-separated codes plus one 0/1 column per choice, metadata columns.</summary>
    private const string KoboHeader = "start;end;person/given_name;person/family_name;person/birth_date;person/estimated_age;person/gender;person/citizenship;person/citizenship/MM;person/citizenship/TH;person/languages;person/phone;person/thai_id;"
        + "victim/trafficking_status;victim/trafficking_status_decided_by;case/identified_on;case/identification_route;case/province;case/summary;"
        + "event/recruitment_country;event/recruitment_methods;event/recruitment_methods/job_offer;event/recruitment_methods/internet;event/exploitation_country;event/exploitation_types;event/exploitation_types/sexual;event/exploitation_types/forced_labour;"
        + "consent/consent_purpose;consent/consent_status;consent/consent_method;consent/consent_date;_id;_uuid;_submission_time;__version__\n";

    [Fact]
    public async Task A_kobo_export_of_the_xlsform_imports_without_a_manual_mapping_with_victim_context_events_and_consent()
    {
        var csv = KoboHeader
            + $"2024-03-05T09:00:00.000+07:00;2024-03-05T09:20:00.000+07:00;Somchai;Jaidee;1987-03-05;;male;TH;0;1;th;0812345678;{ImportFixtures.SomchaiId};actual;law_enforcement;2024-03-05;hotline;TH-50;Met at the shelter;TH;job_offer;1;0;TH;forced_labour;0;1;referral;given;written;2024-03-05;101;a1b2;2024-03-05T02:21:00;vX\n"
            + "2024-03-06T09:00:00.000+07:00;2024-03-06T09:20:00.000+07:00;Aye;;;17;female;MM TH;1;1;my th;;;possible;;2024-03-06;outreach;TH-74;;MM;job_offer internet;1;1;MY;sexual forced_labour;1;1;;;;;102;c3d4;2024-03-06T02:21:00;vX\n"
            + "2024-03-07T09:00:00.000+07:00;2024-03-07T09:20:00.000+07:00;Thida;;;30;female;MM;1;0;my;;;;;2024-03-07;outreach;TH-74;;;;0;0;;;0;0;;;;;103;e5f6;2024-03-07T02:21:00;vX\n";
        var path = PathFor(".csv");
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false));
        var (result, issues) = await ImportAsync(path);
        Assert.Equal("imported 3, duplicates 0, rejected 0", result.Summary);
        Assert.DoesNotContain(issues, i => i.Kind == ImportIssue.Rejected);
        Assert.Equal(ImportTargets.GivenName, result.Mapping.Columns["person/given_name"]);
        Assert.Equal(ImportTargets.Citizenship, result.Mapping.Columns["person/citizenship"]);
        Assert.Equal(ImportTargets.TraffickingStatus, result.Mapping.Columns["victim/trafficking_status"]);
        Assert.Equal(ImportTargets.ExploitationTypes, result.Mapping.Columns["event/exploitation_types"]);
        Assert.Equal(ImportTargets.ConsentDate, result.Mapping.Columns["consent/consent_date"]);
        Assert.Equal(ImportTargets.Ignore, result.Mapping.Columns["event/exploitation_types/sexual"]);
        Assert.Equal(ImportTargets.Ignore, result.Mapping.Columns["person/citizenship/MM"]);
        Assert.Equal(ImportTargets.Ignore, result.Mapping.Columns["_uuid"]);
        Assert.Equal(ImportTargets.Ignore, result.Mapping.Columns["start"]);
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var cases = await db.Cases.Include(c => c.Person).ToListAsync();
        var aye = cases.Single(c => c.Person.GivenName == "Aye");
        var somchai = cases.Single(c => c.Person.GivenName == "Somchai");
        var thida = cases.Single(c => c.Person.GivenName == "Thida");
        Assert.Equal(["MM", "TH"], aye.Person.Citizenships);
        Assert.Equal(["my", "th"], aye.Person.Languages);
        Assert.Equal(("TH-74", 17), (aye.Province, aye.Person.EstimatedAge!.Value));
        Assert.Equal(("actual", "law_enforcement"), (somchai.TraffickingStatus, somchai.TraffickingStatusDecidedBy));
        Assert.Equal(("possible", null), (aye.TraffickingStatus, aye.TraffickingStatusDecidedBy));
        Assert.Null(thida.TraffickingStatus);

        var events = await db.TraffickingEvents.AsNoTracking().ToListAsync();
        Assert.Equal(4, events.Count);
        var ayeExploitation = events.Single(e => e.CaseId == aye.Id && e.Type == "exploitation");
        Assert.Equal("MY", ayeExploitation.Country);
        Assert.Equal(["sexual", "forced_labour"], ayeExploitation.ExploitationTypes);
        Assert.Equal(["job_offer", "internet"], events.Single(e => e.CaseId == aye.Id && e.Type == "recruitment").RecruitmentMethods);
        Assert.All(events, e => Assert.Equal(_actor.OrganisationId, e.OrganisationId));
        Assert.DoesNotContain(events, e => e.CaseId == thida.Id);

        var consent = await db.ConsentRecords.AsNoTracking().SingleAsync();
        await ImportAssertions.ReferencesHoldAsync(db);
        Assert.Equal((somchai.Id, "referral", "given", "written", new DateOnly(2024, 3, 5)), (consent.CaseId, consent.Purpose, consent.Status, consent.Method, consent.RecordedOn));

        // ODK Central's "group-name" headers map the same way.
        var odk = ColumnMapping.Suggest(["person-given_name", "case-identified_on", "case-province", "event-exploitation_types", "consent-consent_status", "meta-instanceID"], []);
        Assert.Equal([ImportTargets.GivenName, ImportTargets.IdentifiedOn, ImportTargets.Province, ImportTargets.ExploitationTypes, ImportTargets.ConsentStatus, ImportTargets.Ignore], odk.Columns.Values);
    }

    [Fact]
    public async Task The_xlsforms_NRM_answers_are_imported_onto_the_case_and_a_date_before_identification_or_a_bad_yes_no_rejects_the_row()
    {
        var csv = "person/given_name;person/estimated_age;person/gender;person/citizenship;case/identified_on;case/identification_route;case/province;victim/trafficking_status;victim/nrm_identified_on;victim/nrm_multidisciplinary_team\n"
            + "Mya;22;female;MM;2024-03-05;outreach;TH-74;actual;2024-03-08;yes\n"
            + "Hla;23;female;MM;2024-03-05;outreach;TH-74;actual;2024-03-01;no\n"
            + "Nu;24;female;MM;2024-03-05;outreach;TH-74;actual;;perhaps\n"
            + "Su;25;female;MM;2024-03-05;outreach;TH-74;possible;;\n";
        var path = PathFor(".csv");
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false));
        var (result, issues) = await ImportAsync(path);
        Assert.Equal("imported 2, duplicates 0, rejected 2", result.Summary);
        Assert.Equal(ImportTargets.NrmIdentifiedOn, result.Mapping.Columns["victim/nrm_identified_on"]);
        Assert.Equal(ImportTargets.NrmMultidisciplinaryTeam, result.Mapping.Columns["victim/nrm_multidisciplinary_team"]);
        Assert.Contains(issues, i => i is { Row: 3, Column: "victim/nrm_identified_on", Kind: ImportIssue.Rejected });
        Assert.Contains(issues, i => i is { Row: 4, Column: "victim/nrm_multidisciplinary_team", Kind: ImportIssue.Rejected });
        using var scope = _services.CreateScope();
        var cases = await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().Cases.Include(c => c.Person).AsNoTracking().ToListAsync();
        var mya = cases.Single(c => c.Person.GivenName == "Mya");
        Assert.Equal((new DateOnly(2024, 3, 8), true), (mya.NrmIdentifiedOn!.Value, mya.NrmMultidisciplinaryTeam!.Value));
        var su = cases.Single(c => c.Person.GivenName == "Su");
        Assert.Equal((null, null), (su.NrmIdentifiedOn, su.NrmMultidisciplinaryTeam));
    }

    [Fact]
    public async Task Kobo_answers_that_break_the_dictionarys_rules_reject_their_row_with_the_column_and_reason()
    {
        var csv = KoboHeader
            // An unknown exploitation type.
            + "s;e;Aye;;;17;female;MM;1;0;my;;;possible;;2024-03-06;outreach;TH-74;;;;0;0;TH;slavery;0;0;;;;;1;u1;t;v\n"
            // Exploitation types without the country.
            + "s;e;Noi;;;20;female;LA;0;0;lo;;;;;2024-03-06;outreach;TH-74;;;;0;0;;forced_labour;0;1;;;;;2;u2;t;v\n"
            // A consent decision without its purpose, and one dated before the identification.
            + "s;e;Dara;;;25;female;KH;0;0;km;;;;;2024-03-06;outreach;TH-74;;;;0;0;;;0;0;;given;written;2024-03-06;3;u3;t;v\n"
            + "s;e;Ploy;;;25;female;TH;0;1;th;;;;;2024-03-06;outreach;TH-74;;;;0;0;;;0;0;care;given;written;2024-03-01;4;u4;t;v\n"
            // An unknown trafficking status.
            + "s;e;Kyaw;;;25;male;MM;1;0;my;;;maybe;;2024-03-06;outreach;TH-74;;;;0;0;;;0;0;;;;;5;u5;t;v\n"
            // Fine.
            + "s;e;Nang;;;25;female;MM;1;0;my;;;possible;;2024-03-06;outreach;TH-74;;;;0;0;TH;forced_labour;0;1;care;given;written;2024-03-06;6;u6;t;v\n";
        var path = PathFor(".csv");
        await File.WriteAllTextAsync(path, csv, new UTF8Encoding(false));
        var (result, issues) = await ImportAsync(path);
        Assert.Equal("imported 1, duplicates 0, rejected 5", result.Summary);
        Assert.Contains(issues, i => i is { Row: 2, Column: "event/exploitation_types", Kind: ImportIssue.Rejected });
        Assert.Contains(issues, i => i is { Row: 3, Column: "event/exploitation_country", Kind: ImportIssue.Rejected });
        Assert.Contains(issues, i => i is { Row: 4, Column: "consent/consent_purpose", Kind: ImportIssue.Rejected });
        Assert.Contains(issues, i => i is { Row: 5, Column: "consent/consent_date", Kind: ImportIssue.Rejected });
        Assert.Contains(issues, i => i is { Row: 6, Column: "victim/trafficking_status", Kind: ImportIssue.Rejected });
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal((1, 1, 1), (await db.Cases.CountAsync(), await db.TraffickingEvents.CountAsync(), await db.ConsentRecords.CountAsync()));
    }

    /// <summary>A legacy .xls (BIFF8) written by xlwt: a Thai sheet "ข้อมูล" first, dates as date cells, the ID card number as a number cell, a formula-looking name; a second sheet "other".</summary>
    private const string LegacyXls = "0M8R4KGxGuEAAAAAAAAAAAAAAAAAAAAAPgADAP7/CQAGAAAAAAAAAAAAAAABAAAACQAAAAAAAAAAEAAA/v///wAAAAD+////AAAAAAgAAAD///////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////8JCBAAAAYFALsNzAcAAAAABgAAAOEAAgCwBMEAAgAAAOIAAABcAHAATm9uZSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIEIAAgCwBGEBAgAAAD0BBAABAAIAnAACAA4AGQACAAAAEgACAAAAYwACAAAAEwACAAAArwECAAAAvAECAAAAQAACAAAAjQACAAAAPQASAOABWgDPP04qOAAAAAAAAQBYAiIAAgAAAA4AAgABALcBAgAAANoAAgAAADEAFQDIAAAA/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsMQAVAMgAAAD/f5ABAAAAAAEABQBBcmlhbDEAFQDIAAAA/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsMQAVAMgAAAD/f5ABAAAAAAEABQBBcmlhbDEAFQDIAAAA/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsHgQMAKQABwAAR2VuZXJhbB4EDwClAAoAAEREL01NL1lZWVngABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAPX/IAAA9AAAAAAAAAAAwCDgABQABgCkAAEAIAAA+AAAAAAAAAAAwCDgABQABwCkAAEAIAAA+AAAAAAAAAAAwCDgABQACAClAAEAIAAA+AAAAAAAAAAAwCCTAgQAAIAA/2ABAgABAIUAFAAxBQAAAAAGAQIOSQ4tDiEOOQ4lDoUADQA9CAAAAAAFAG90aGVy/AAvARgAAAAYAAAABAABCg43DkgOLQ4HAAEZDjIOIQ4qDgEOOA4lDgMAAUAOHg4oDgcAAScOMQ4ZDkAOAQ40DhQOBwABKg4xDg0OCg4yDhUONA4OAAFADiUOAg4aDjEOFQ4jDhsOIw4wDgoOMg4KDhkOBwABCA4xDgcOKw4nDjEOFA4IAAEnDjEOGQ4XDjUOSA4eDhoOBQABKg4hDgoOMg4iDgQAAUMOCA4UDjUOAwABCg4yDiIOAwABRA4XDiIOCQABQA4KDjUOIg4HDkMOKw4hDkgOAwAAQXllAQAARgQAAR4OIQ5IDjIOAwAAVGFrDQAAPUhZUEVSTElOSygxKQQAAFRlc3QBAABNBwAATXlhbm1hcgwAAFNhbXV0IFNha2hvbggAADEvMy8yNTY3AQAAeAoAAAAJCBAAAAYQALsNzAcAAAAABgAAAA0AAgABAAwAAgBkAA8AAgABABEAAgAAABAACAD8qfHSTWJQP18AAgAAAIAACAAAAAAAAQAAACUCBAAAAP8AgQACAAEMAAIOAAAAAAAEAAAAAAAIAAAAKgACAAAAKwACAAAAggACAAEAGwACAAAAGgACAAAAFAAFAAIAACZQFQAFAAIAACZGgwACAAEAhAACAAAAJgAIADMzMzMzM9M/JwAIADMzMzMzM9M/KAAIAIXrUbgeheM/KQAIAK5H4XoUrtc/oQAiAAkAZAABAAEAAQCDACwBLAGamZmZmZm5P5qZmZmZmbk/AQASAAIAAADdAAIAAAAZAAIAAABjAAIAAAATAAIAAAAIAhAAAAAAAAgA/wAAAAAAAAEPAP0ACgAAAAAAEQAAAAAA/QAKAAAAAQARAAEAAAD9AAoAAAACABEAAgAAAP0ACgAAAAMAEQADAAAA/QAKAAAABAARAAQAAAD9AAoAAAAFABEABQAAAP0ACgAAAAYAEQAGAAAA/QAKAAAABwARAAcAAAAIAhAAAQAAAAgA/wAAAAAAAAEPAP0ACgABAAAAEQAIAAAA/QAKAAEAAQARAAkAAAD9AAoAAQACABEACgAAAH4CCgABAAMAEgCG8QEA/QAKAAEABAARAAsAAAADAg4AAQAFABEAAAC0HCcIcEL9AAoAAQAGABEADAAAAH4CCgABAAcAEgDewwIACAIQAAIAAAAIAP8AAAAAAAABDwD9AAoAAgAAABEADQAAAAECBgACAAEAEQD9AAoAAgACABEADgAAAP0ACgACAAQAEQAPAAAA/QAKAAIABgARABAAAAB+AgoAAgAHABIANsQCAAgCEAADAAAACAD/AAAAAAAAAQ8A/QAKAAMAAAARABEAAAD9AAoAAwABABEAEgAAAP0ACgADAAIAEQATAAAA/QAKAAMABAARABQAAAD9AAoAAwAGABEAFQAAAP0ACgADAAcAEQAWAAAAPgISALYCAAAAAEAAAAAAAAAAAAAAAAoAAAAJCBAAAAYQALsNzAcAAAAABgAAAA0AAgABAAwAAgBkAA8AAgABABEAAgAAABAACAD8qfHSTWJQP18AAgAAAIAACAAAAAAAAQAAACUCBAAAAP8AgQACAAEMAAIOAAAAAAABAAAAAAABAAAAKgACAAAAKwACAAAAggACAAEAGwACAAAAGgACAAAAFAAFAAIAACZQFQAFAAIAACZGgwACAAEAhAACAAAAJgAIADMzMzMzM9M/JwAIADMzMzMzM9M/KAAIAIXrUbgeheM/KQAIAK5H4XoUrtc/oQAiAAkAZAABAAEAAQCDACwBLAGamZmZmZm5P5qZmZmZmbk/AQASAAIAAADdAAIAAAAZAAIAAABjAAIAAAATAAIAAAAIAhAAAAAAAAEA/wAAAAAAAAEPAP0ACgAAAAAAEQAXAAAAPgISALYAAAAAAEAAAAAAAAAAAAAAAAoAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAIAAAADAAAABAAAAAUAAAAGAAAABwAAAP7////9/////v////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////////9SAG8AbwB0ACAARQBuAHQAcgB5AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAFgAFAf//////////AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP7///8AAAAAAAAAAFcAbwByAGsAYgBvAG8AawAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAASAAIB////////////////AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH///////////////8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAD+////AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAf///////////////wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP7///8AAAAAAAAAAA==";

    [Fact]
    public async Task A_legacy_xls_workbook_is_imported_like_xlsx()
    {
        var path = PathFor(".xls");
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(LegacyXls));
        var (result, issues) = await ImportAsync(path);
        Assert.Equal("imported 3, duplicates 0, rejected 0", result.Summary);
        Assert.Equal("XLS", result.Encoding);
        Assert.Contains(issues, i => i is { Row: 4, Column: "ชื่อ", Kind: ImportIssue.Doubtful });
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var somchai = (await db.Cases.Include(c => c.Person).ThenInclude(p => p.Documents).ToListAsync()).Single(c => c.Person.GivenName == "สมชาย");
        Assert.Equal((new DateOnly(1987, 3, 5), new DateOnly(2024, 1, 12), "TH-50"), (somchai.Person.BirthDate, somchai.IdentifiedOn, somchai.Province));
        Assert.Equal(ImportFixtures.SomchaiId, Assert.Single(somchai.Person.Documents).Number);

        using (var second = new XlsReader(new MemoryStream(Convert.FromBase64String(LegacyXls)), "other"))
        {
            Assert.Equal(["x"], second.Read()!.Fields);
            Assert.Null(second.Read());
        }

        Assert.Contains("no sheet of that name. Sheets: ข้อมูล, other",
            Assert.Throws<ImportFileException>(() => new XlsReader(new MemoryStream(Convert.FromBase64String(LegacyXls)), "missing")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_binary_is_refused()
    {
        var xlsx = PathFor(".xlsx");
        var bytes = new byte[4096];
        new Random(3).NextBytes(bytes);
        bytes[0] = 0x7F;
        await File.WriteAllBytesAsync(xlsx, bytes);
        Assert.Contains("binary file", await RefusedAsync(xlsx), StringComparison.Ordinal);

        var csv = PathFor(".csv");
        await File.WriteAllBytesAsync(csv, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]);
        Assert.Contains("binary file", await RefusedAsync(csv), StringComparison.Ordinal);

        var notZip = PathFor(".xlsx");
        await File.WriteAllBytesAsync(notZip, [.. "PK\u0003\u0004"u8, .. bytes]);
        Assert.Contains("not a readable ZIP", await RefusedAsync(notZip), StringComparison.Ordinal);

        var ole = PathFor(".xls");
        await File.WriteAllBytesAsync(ole, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. bytes]);
        Assert.Contains("old Excel workbook (.xls) but cannot be read", await RefusedAsync(ole), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        var path = WriteXlsx(Rows(ImportFixtures.ThaiCsv()));
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            await using var bomb = zip.CreateEntry("xl/media/padding.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await bomb.WriteAsync(zeros);
            }
        }

        Assert.True(new FileInfo(path).Length < 1024 * 1024);
        Assert.Contains("zip bomb", await RefusedAsync(path), StringComparison.Ordinal);
        // The total unpacked size is limited too, whatever the ratio.
        var total = await RefusedAsync(WriteXlsx(Rows(ImportFixtures.ThaiCsv())), new ImportLimits { MaxUncompressedBytes = 1000 });
        Assert.Contains("unpacks to more than", total, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_2_GB_file_is_refused_by_its_size_and_the_limit_is_configurable()
    {
        var path = PathFor(".csv");
        await using (var file = File.Create(path))
        {
            file.SetLength(2L * 1024 * 1024 * 1024); // sparse: costs no disk
        }

        Assert.Contains("larger than the import limit of 256 MiB", await RefusedAsync(path), StringComparison.Ordinal);
        File.Delete(path);
        var small = PathFor(".csv");
        await File.WriteAllTextAsync(small, ImportFixtures.ThaiCsv());
        Assert.Contains("larger than the import limit", await RefusedAsync(small, new ImportLimits { MaxFileBytes = 100 }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_xml_inside_a_workbook_is_refused_and_nothing_is_stored_even_after_some_batches()
    {
        var path = WriteXlsx(Rows(ImportFixtures.ThaiCsv()));
        // Cut the sheet's XML after its fourth row: the first batches (of 2) were already written inside the transaction.
        string sheet;
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            using (var r = new StreamReader(entry.Open()))
            {
                sheet = await r.ReadToEndAsync();
            }

            entry.Delete();
            var cut = sheet.IndexOf("<row r=\"6\"", StringComparison.Ordinal);
            await using var w = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            await w.WriteAsync(sheet[..cut] + "<row r=\"6\"><c r=\"A6\" t=\"inlineStr\"><is><t>broken</is></c></row>");
        }

        Assert.Contains("XML is broken", await RefusedAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mixed_encodings_are_refused_with_the_line_and_boms_are_accepted()
    {
        var utf8 = Encoding.UTF8.GetBytes("ชื่อ,จังหวัด,วันที่พบ\nสมชาย,ตาก,1/3/2567\n");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var thai = Encoding.GetEncoding(874).GetBytes("มะลิ,ตาก,1/3/2567\n");
        var mixed = PathFor(".csv");
        await File.WriteAllBytesAsync(mixed, [.. utf8, .. thai]);
        Assert.Contains("Line 3 is not UTF-8", await RefusedAsync(mixed), StringComparison.Ordinal);

        var bomThenBad = PathFor(".csv");
        await File.WriteAllBytesAsync(bomThenBad, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("name,province,date identified\nAye,Tak,1/3/2567\n"), .. thai]);
        Assert.Contains("Line 3 is not UTF-8", await RefusedAsync(bomThenBad), StringComparison.Ordinal);

        // Whole files in one encoding are fine: Windows-874 without a BOM, UTF-16 with one.
        var windows874 = PathFor(".csv");
        await File.WriteAllBytesAsync(windows874, Encoding.GetEncoding(874).GetBytes("ชื่อ,จังหวัด,วันที่พบ\nสมชาย,ตาก,1/3/2567\n"));
        var (windows, _) = await ImportAsync(windows874);
        Assert.Equal(("Windows-874 (TIS-620)", 1), (windows.Encoding, windows.Imported));
        var utf16 = PathFor(".csv");
        await File.WriteAllBytesAsync(utf16, [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("ชื่อ,จังหวัด,วันที่พบ\nมะลิ,ตาก,2/3/2567\n")]);
        var (result, _) = await ImportAsync(utf16);
        Assert.Equal(("UTF-16", 1), (result.Encoding, result.Imported));
    }

    [Fact]
    public async Task Embedded_line_breaks_and_formulas_in_csv_are_kept_as_text()
    {
        var path = PathFor(".csv");
        await File.WriteAllTextAsync(path, "name,province,date identified,notes\r\n"
            + "\"=HYPERLINK(\"\"http://x\"\")\",Tak,1/3/2567,\"line one\r\n=SUM(A1:A9)\r\nline three\"\r\n"
            + "@Ploy,Tak,2/3/2567,+66 plain\r\n", new UTF8Encoding(true));
        var (result, issues) = await ImportAsync(path);
        Assert.Equal("imported 2, duplicates 0, rejected 0", result.Summary);
        Assert.Contains(issues, i => i is { Row: 2, Column: "name", Kind: ImportIssue.Doubtful });
        Assert.Contains(issues, i => i is { Row: 3, Column: "name", Kind: ImportIssue.Doubtful });
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        var first = (await db.Cases.Include(c => c.Person).ToListAsync()).Single(c => c.Person.GivenName.StartsWith('='));
        Assert.Equal("line one\n=SUM(A1:A9)\nline three", first.Summary!.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
