using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Consents;
using Saphan.Core.Features.Events;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Indicators;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Core.Tests.Features.Indicators;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Import;

/// <summary>
/// The fast import path: rows read, validated and encrypted on one thread while the other writes the previous batch,
/// written by <c>BulkInsert</c> (multi-row statements bound through SQLite's API; binary COPY on PostgreSQL). These tests
/// hold it to what the slow path guaranteed: the stored values are exactly what SaveChanges stores, every batch is
/// checked against the ones before it, the report keeps the file's order, search and the indicators see the imported
/// records, and a failure on either thread leaves nothing.
/// </summary>
[Trait("Category", "Database")]
public sealed class ImportPipelineTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Actor _actor = null!;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Pipeline", "ngo", null, default);
        _actor = new Actor(Guid.Empty, organisation.Id, new HashSet<string>([Roles.Supervisor], StringComparer.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<(ImportResult Result, List<ImportIssue> Issues)> ImportAsync(string path, int batchSize, bool dryRun = false)
    {
        using var scope = _services.CreateScope();
        var issues = new List<ImportIssue>();
        var result = await scope.ServiceProvider.GetRequiredService<ImportCsv>().HandleAsync(_actor, () => File.OpenRead(path),
            new ImportOptions { BatchSize = batchSize, OnIssue = issues.Add, DryRun = dryRun }, default);
        return (result, issues);
    }

    [Fact]
    public async Task Bulk_rows_are_stored_exactly_as_SaveChanges_stores_them_in_every_column()
    {
        var at = new DateTimeOffset(2024, 2, 3, 4, 5, 6, 789, TimeSpan.Zero).AddTicks(1230); // microseconds: what PostgreSQL keeps
        var by = Guid.NewGuid();
        (Person, IdentityDocument, Case, TraffickingEvent, ConsentRecord) Record()
        {
            var person = new Person
            {
                OrganisationId = _actor.OrganisationId, GivenName = "สมหญิง", FamilyName = "ใจงาม", OtherNames = "Ying", BirthDate = new DateOnly(1990, 5, 4),
                Phone = "0812345678", Address = "12 ถนนสุขุมวิท", EstimatedAge = 33, AgeEstimatedOn = new DateOnly(2024, 1, 12), Gender = "female",
                Citizenships = ["MM", "TH"], Languages = ["my"], CreatedAt = at, UpdatedAt = at,
            };
            var document = new IdentityDocument { PersonId = person.Id, Type = "passport", Number = "P1234567", IssuingCountry = "MM" };
            var @case = new Case
            {
                OrganisationId = _actor.OrganisationId, PersonId = person.Id, Person = person, Province = "TH-50", IdentifiedOn = new DateOnly(2024, 1, 12),
                IdentificationRoute = "hotline", Summary = "Found at the port", TraffickingStatus = "confirmed_victim", CreatedBy = by,
                CreatedAt = at, UpdatedAt = at, ConcurrencyStamp = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            };
            var @event = new TraffickingEvent
            {
                OrganisationId = _actor.OrganisationId, CaseId = @case.Id, Type = "exploitation", Country = "TH", Province = "TH-74",
                ExploitationTypes = ["forced_labour"], Industry = ["fishing"], Abduction = true, DurationMonths = 14, UnpaidWagesThb = 12345.50m,
                Description = "Boat", CreatedBy = @case.CreatedBy, CreatedAt = at,
            };
            var consent = new ConsentRecord
            {
                OrganisationId = _actor.OrganisationId, CaseId = @case.Id, Purpose = "case_management", Status = "granted", Method = "verbal",
                RecordedOn = new DateOnly(2024, 1, 13), Note = "Interpreter present", RecordedBy = @case.CreatedBy, RecordedAt = at,
            };
            return (person, document, @case, @event, consent);
        }

        var viaEf = Record();
        var viaBulk = Record();
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            db.Persons.Add(viaEf.Item1);
            viaEf.Item1.Documents.Add(viaEf.Item2);
            db.Cases.Add(viaEf.Item3);
            db.TraffickingEvents.Add(viaEf.Item4);
            db.ConsentRecords.Add(viaEf.Item5);
            await db.SaveChangesAsync();
        }

        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await InsertAsync(db, viaBulk.Item1);
            await InsertAsync(db, viaBulk.Item2);
            await InsertAsync(db, viaBulk.Item3);
            await InsertAsync(db, viaBulk.Item4);
            await InsertAsync(db, viaBulk.Item5);
            await transaction.CommitAsync();
        }

        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            await db.Database.OpenConnectionAsync();
            var encrypted = new HashSet<string>(StringComparer.Ordinal) { "given_name", "family_name", "other_names", "birth_date", "phone", "address", "number", "summary", "description", "note" };
            var compared = 0;
            foreach (var (table, a, b) in new[]
            {
                ("persons", viaEf.Item1.Id, viaBulk.Item1.Id), ("identity_documents", viaEf.Item2.Id, viaBulk.Item2.Id), ("cases", viaEf.Item3.Id, viaBulk.Item3.Id),
                ("trafficking_events", viaEf.Item4.Id, viaBulk.Item4.Id), ("consent_records", viaEf.Item5.Id, viaBulk.Item5.Id),
            })
            {
                var ef = await RowAsync(db, table, a);
                var bulk = await RowAsync(db, table, b);
                Assert.Equal(ef.Keys.Order(StringComparer.Ordinal), bulk.Keys.Order(StringComparer.Ordinal));
                foreach (var (column, (type, value)) in ef)
                {
                    var (bulkType, bulkValue) = bulk[column];
                    Assert.True(type == bulkType, $"{table}.{column}: stored as {bulkType}, SaveChanges stores {type}");
                    if (encrypted.Contains(column))
                    {
                        // A fresh nonce each time: the same length, never the clear text.
                        Assert.Equal(value.Length, bulkValue.Length);
                    }
                    else if (column is "id" or "person_id" or "case_id")
                    {
                        Assert.Equal(value.Length, bulkValue.Length);
                        Assert.Equal(string.Equals(value.ToUpperInvariant(), value, StringComparison.Ordinal), string.Equals(bulkValue.ToUpperInvariant(), bulkValue, StringComparison.Ordinal));
                    }
                    else
                    {
                        Assert.True(value == bulkValue, $"{table}.{column}: stored '{bulkValue}', SaveChanges stores '{value}'");
                    }

                    compared++;
                }
            }

            Assert.True(compared > 60, compared.ToString(CultureInfo.InvariantCulture));
            // And EF reads the bulk rows back to the same values.
            var person = await db.Persons.AsNoTracking().Include(p => p.Documents).SingleAsync(p => p.Id == viaBulk.Item1.Id);
            Assert.Equal(("สมหญิง", new DateOnly(1990, 5, 4), "P1234567", at), (person.GivenName, person.BirthDate!.Value, person.Documents[0].Number, person.CreatedAt));
            var @event = await db.TraffickingEvents.AsNoTracking().SingleAsync(e => e.Id == viaBulk.Item4.Id);
            Assert.Equal((12345.50m, true, "Boat"), (@event.UnpaidWagesThb!.Value, @event.Abduction!.Value, @event.Description));
        }
    }

    private static async Task InsertAsync<T>(SaphanDbContext db, T item)
        where T : class
    {
        using var insert = new BulkInsert<T>(db, new BulkRows<T>(db));
        insert.Add(new BulkRows<T>(db).Convert(item));
        await insert.CompleteAsync(default);
    }

    /// <summary>Every column of one row as stored: its type and its text (SQLite's typeof; PostgreSQL's column type).</summary>
    private static async Task<Dictionary<string, (string Type, string Value)>> RowAsync(SaphanDbContext db, string table, Guid id)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE id = @id";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "id";
        parameter.Value = db.IsPostgres ? id : id.ToString().ToUpperInvariant();
        command.Parameters.Add(parameter);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), table);
        var row = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            var text = value switch
            {
                DBNull => "NULL",
                DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
                DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            row[reader.GetName(i)] = (value is DBNull ? "null" : reader.GetDataTypeName(i) + "/" + value.GetType().Name, text);
        }

        return row;
    }

    [Fact]
    public async Task Many_batches_check_each_other_keep_the_report_in_file_order_and_are_found_by_search_and_the_indicators()
    {
        // 2,400 generated persons in batches of 100, then a second file repeating some of them (duplicates of stored persons,
        // across batch boundaries) with broken rows between them.
        var path = Path.Combine(_database.DataFolder, "many.csv");
        ImportFixtures.WriteGenerated(path, 2400);
        var (first, firstIssues) = await ImportAsync(path, batchSize: 100);
        Assert.Equal("imported 2400, duplicates 0, rejected 0", first.Summary);
        Assert.DoesNotContain(firstIssues, i => i.Kind != ImportIssue.Doubtful);

        var lines = File.ReadAllLines(path);
        var again = Path.Combine(_database.DataFolder, "again.csv");
        var rows = new List<string> { lines[0] };
        for (var i = 1; i <= 600; i++)
        {
            // Rows 2..601 of the second file: every 7th is a person of the first file, every 50th a bad date, the rest new.
            rows.Add(i % 7 == 0 ? lines[i * 3] : i % 50 == 0 ? $"Bad{i},Date,F,,MM,,,,Tak,31/2/2567,active" : $"New{i},Person{i},M,{1 + i % 28}/3/2530,KH,,,,Ranong,1/3/2567,active");
        }

        rows.Add(rows[5]); // row 602: the new person of row 6, written 14 batches earlier: a duplicate of a stored person
        rows.Add("Twin,Person,F,1/1/2530,KH,,,,Ranong,1/3/2567,active"); // rows 603 and 604: a duplicate within the batch
        rows.Add("Twin,Person,F,1/1/2530,KH,,,,Ranong,1/3/2567,active");
        await File.WriteAllLinesAsync(again, rows);
        var (second, issues) = await ImportAsync(again, batchSize: 40);
        var fromFirstFile = Enumerable.Range(1, 600).Count(i => i % 7 == 0);
        var rejected = Enumerable.Range(1, 600).Count(i => i % 50 == 0 && i % 7 != 0);
        Assert.Equal($"imported {600 - fromFirstFile - rejected + 1}, duplicates {fromFirstFile + 2}, rejected {rejected}", second.Summary);
        var problems = issues.Where(i => i.Kind != ImportIssue.Doubtful).ToList();
        Assert.Equal(problems.Count, problems.Select(i => i.Row).Distinct().Count());
        // As before the pipeline: within a batch, what reading found comes first, then the duplicates of stored persons.
        foreach (var sameKind in new Func<ImportIssue, bool>[] { i => i.Kind == ImportIssue.Rejected, i => i.Reason.Contains("already recorded", StringComparison.Ordinal) })
        {
            var of = problems.Where(sameKind).Select(i => i.Row).ToList();
            Assert.Equal(of.Order(), of);
        }

        Assert.Contains(problems, i => i is { Row: 8, Kind: ImportIssue.Duplicate } && i.Reason.Contains("already recorded", StringComparison.Ordinal));
        Assert.Contains(problems, i => i is { Row: 602, Kind: ImportIssue.Duplicate } && i.Reason.Contains("already recorded", StringComparison.Ordinal));
        Assert.Contains(problems, i => i is { Row: 604, Kind: ImportIssue.Duplicate } && i.Reason.Contains("row 603 of this file", StringComparison.Ordinal));
        Assert.Contains(problems, i => i is { Row: 51, Kind: ImportIssue.Rejected, Column: "date identified" });

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        Assert.Equal(2400 + second.Imported, await db.Persons.CountAsync());
        Assert.Equal(2400 + second.Imported, await db.Cases.CountAsync());
        // One audit entry per batch (24; then 591 candidates in batches of 40: 15) and one for each completed import.
        Assert.Equal(24 + 1 + 15 + 1, await db.AuditEntries.CountAsync(e => e.EntityType == "import"));
        await ImportAssertions.ReferencesHoldAsync(db);
        var indexer = scope.ServiceProvider.GetRequiredService<PersonIndexer>();
        var found = await indexer.Find(_actor.OrganisationId, "Somchai1230 Family1230").ToListAsync();
        Assert.Equal("Somchai1230", (await db.Persons.AsNoTracking().SingleAsync(p => p.Id == Assert.Single(found))).GivenName);
        Assert.Single(await indexer.Find(_actor.OrganisationId, "New599 Person599").ToListAsync());

        // The indicator facts the triggers queued for every imported case equal the catalogue's direct SQL.
        await db.Database.OpenConnectionAsync();
        Assert.True(await IndicatorFacts.PrepareAsync(db, default));
        foreach (var quarter in new[] { new Quarter(2024, 1), new Quarter(2024, 2), new Quarter(2024, 4) })
        {
            foreach (var organisation in new Guid?[] { null, _actor.OrganisationId })
            {
                var direct = await IndicatorEngine.ComputeAsync(db, quarter, organisation, organisation is null, breakdowns: true, includeHealth: true, default, direct: true);
                var fast = await IndicatorEngine.ComputeAsync(db, quarter, organisation, organisation is null, breakdowns: true, includeHealth: true, default);
                Assert.Equal(IndicatorFactsTests.Describe(direct), IndicatorFactsTests.Describe(fast));
                Assert.Contains(fast, v => v.Total is { Units: > 0 });
            }
        }
    }

    [Fact]
    public void Encodings_kept_from_row_to_row_are_the_ones_each_row_gets_afresh()
    {
        // BulkRows keeps the last two GUIDs, the last time stamp and short codes: a row must be encoded exactly as a
        // converter that has seen nothing before would encode it, whatever came before it.
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        if (db.IsPostgres)
        {
            return; // PostgreSQL gets provider values, not SQLite's encodings
        }

        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var utc = new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        var bangkok = utc.ToOffset(TimeSpan.FromHours(7)); // the same instant, another offset: stored differently
        var cases = new BulkRows<Case>(db);
        var terms = new BulkRows<PersonSearchTerm>(db);
        var i = 0;
        foreach (var (person, at) in new[] { (a, utc), (b, utc), (a, bangkok), (c, bangkok), (a, utc), (b, utc.AddTicks(1)), (c, utc) })
        {
            var @case = new Case
            {
                OrganisationId = _actor.OrganisationId, PersonId = person, Province = i % 2 == 0 ? "TH-10" : "TH-50", IdentificationRoute = i % 3 == 0 ? "hotline" : "outreach",
                IdentifiedOn = new DateOnly(2024, 1, 1 + i), CreatedBy = person, CreatedAt = at, UpdatedAt = at,
            };
            var term = new PersonSearchTerm { PersonId = person, OrganisationId = _actor.OrganisationId, Kind = i % 2 == 0 ? "name" : "phone", Hash = i.ToString("x32", CultureInfo.InvariantCulture) };
            Assert.Equal(Encoded(new BulkRows<Case>(db).Convert(@case)), Encoded(cases.Convert(@case)));
            Assert.Equal(Encoded(new BulkRows<PersonSearchTerm>(db).Convert(term)), Encoded(terms.Convert(term)));
            i++;
        }

        Assert.Contains("+07:00", Encoded(cases.Convert(new Case { OrganisationId = a, PersonId = a, Province = "TH-10", CreatedAt = bangkok, UpdatedAt = bangkok })), StringComparison.Ordinal);

        static string Encoded(object?[] row) => string.Join("|", row.Select(v => v switch
        {
            null => "null",
            byte[] text => "t:" + System.Text.Encoding.UTF8.GetString(text),
            SqliteBlob blob => "b:" + Convert.ToHexString(blob.Bytes),
            _ => v.GetType().Name + ":" + System.Convert.ToString(v, CultureInfo.InvariantCulture),
        }));
    }

    [Fact]
    public async Task The_tables_an_import_writes_reference_only_the_organisation_and_rows_of_the_same_batch()
    {
        // SQLite does not enforce foreign keys while the import writes (ImportCsv.SqliteWriteSettings), which is safe only
        // while every reference an imported row makes is to the organisation (checked inside the transaction) or to a row
        // written before it in the same batch. A new foreign key on one of these tables must be looked at here first.
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
        if (db.IsPostgres)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var found = new List<string>();
        foreach (var table in new[] { "persons", "identity_documents", "person_search_terms", "cases", "trafficking_events", "consent_records", "imports", "import_mappings", "audit_entries", "indicator_dirty" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"from\", \"table\" FROM pragma_foreign_key_list($table)";
            command.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("$table", table));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add($"{table}.{reader.GetString(0)} → {reader.GetString(1)}");
            }
        }

        Assert.Equal(
            [
                "cases.assigned_worker_id → users", // never set by an import: its cases have no worker yet
                "cases.organisation_id → organisations",
                "cases.person_id → persons",
                "consent_records.case_id → cases",
                "consent_records.organisation_id → organisations",
                "identity_documents.person_id → persons",
                "import_mappings.organisation_id → organisations",
                "imports.organisation_id → organisations",
                "person_search_terms.person_id → persons",
                "persons.organisation_id → organisations",
                "trafficking_events.case_id → cases",
                "trafficking_events.organisation_id → organisations",
            ],
            found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failure_while_reading_after_several_written_batches_leaves_nothing_and_the_file_can_be_imported_again()
    {
        var path = Path.Combine(_database.DataFolder, "late.csv");
        ImportFixtures.WriteGenerated(path, 3000, brokenRow: 2950);
        var failure = await Assert.ThrowsAsync<ImportFileException>(() => ImportAsync(path, batchSize: 100));
        Assert.Contains("Row 2950", failure.Message, StringComparison.Ordinal);
        using (var scope = _services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            Assert.Equal((0, 0, 0, 0, 0), (await db.Persons.CountAsync(), await db.Cases.CountAsync(), await db.PersonSearchTerms.CountAsync(),
                await db.AuditEntries.CountAsync(e => e.EntityType == "import"), await db.ImportRecords.CountAsync()));
            await ImportAssertions.ReferencesHoldAsync(db);
        }

        ImportFixtures.WriteGenerated(path, 3000);
        Assert.Equal("imported 3000, duplicates 0, rejected 0", (await ImportAsync(path, batchSize: 100)).Result.Summary);
    }

    [Fact]
    public async Task Only_the_import_roles_may_import_or_preview_and_the_upload_pages_policy_uses_the_same_list()
    {
        Assert.Equal([Roles.OrgAdmin, Roles.Supervisor], ImportCsv.ImportRoles);
        var path = Path.Combine(_database.DataFolder, "roles.csv");
        ImportFixtures.WriteGenerated(path, 3);
        using var scope = _services.CreateScope();
        var import = scope.ServiceProvider.GetRequiredService<ImportCsv>();
        foreach (var role in Roles.All.Except(ImportCsv.ImportRoles))
        {
            var weaker = new Actor(Guid.Empty, _actor.OrganisationId, new HashSet<string>([role], StringComparer.Ordinal));
            await Assert.ThrowsAsync<ForbiddenException>(() => import.HandleAsync(weaker, () => File.OpenRead(path), new ImportOptions(), default));
            await Assert.ThrowsAsync<ForbiddenException>(() => import.PreviewAsync(weaker, () => File.OpenRead(path), new ImportOptions(), default));
        }

        var admin = new Actor(Guid.Empty, _actor.OrganisationId, new HashSet<string>([Roles.OrgAdmin], StringComparer.Ordinal));
        Assert.Equal("imported 3, duplicates 0, rejected 0", (await import.HandleAsync(admin, () => File.OpenRead(path), new ImportOptions(), default)).Summary);
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<SaphanDbContext>().AuditEntries.CountAsync(e => e.Action == "import.completed" && e.UserId != null));
    }
}
