using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Import;
using Saphan.Core.Features.Organisations;
using Saphan.Core.Features.Persons;
using Saphan.Testing;

namespace Saphan.Core.Tests.Features.Import;

/// <summary>
/// The import writes with raw prepared commands (<c>BulkInsert</c>), not EF's SaveChanges: these tests prove
/// the rows it writes are the rows the normal API writes — encrypted the same way, indexed the same way, and
/// read back identically through EF and the API's read path.
/// </summary>
[Trait("Category", "Database")]
public sealed class ImportBulkInsertTests : IAsyncLifetime
{
    private static readonly string Id = ImportFixtures.SomchaiId;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private Actor _actor = null!;

    public async Task InitializeAsync()
    {
        (_database, _services) = await TestDatabase.CreateMigratedAsync();
        using var scope = _services.CreateScope();
        var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Bulk", "ngo", null, default);
        _actor = new Actor(Guid.Empty, organisation.Id, new HashSet<string>([Roles.Supervisor], StringComparer.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_imported_record_reads_back_exactly_like_the_same_record_created_through_the_api()
    {
        Assert.True(ThaiNationalId.IsValid(Id));
        var path = Path.Combine(_database.DataFolder, "one.csv");
        await File.WriteAllTextAsync(path,
            "given name,family name,other names,sex,date of birth,nationality,languages,ID card,phone,address,province,date identified,route,status,summary\n"
            + "Kyaw,,,M,,KH,,,,,TH-10,2023-06-01,outreach,,\n" // a first row: the record compared is the second one, written with the reused statement
            + $"สมหญิง,ใจงาม,Ying;Mali,F,1990-05-04,MM;TH,my;th,{Id},081-234-5678,12 ถนนสุขุมวิท,TH-50,2024-01-12,hotline,active,Found at the port\n",
            new UTF8Encoding(false));
        Guid importedCase;
        using (var scope = _services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ImportCsv>().HandleAsync(_actor, () => File.OpenRead(path), new ImportOptions(), default);
            Assert.Equal("imported 2, duplicates 0, rejected 0", result.Summary);
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            importedCase = await db.Cases.Where(c => c.IdentifiedOn == new DateOnly(2024, 1, 12)).Select(c => c.Id).SingleAsync();
        }

        // The same person through the API's command, in a second organisation (so it is not a duplicate).
        CaseView created;
        Actor other;
        using (var scope = _services.CreateScope())
        {
            var organisation = await scope.ServiceProvider.GetRequiredService<OrganisationCommands>().AddAsync("Api", "ngo", null, default);
            other = new Actor(Guid.Empty, organisation.Id, _actor.Roles);
            var input = new CaseInput
            {
                Person = new PersonInput
                {
                    GivenName = "สมหญิง", FamilyName = "ใจงาม", OtherNames = ["Ying", "Mali"], BirthDate = "1990-05-04", Gender = "female",
                    Citizenship = ["MM", "TH"], Languages = ["my", "th"], Phone = "081-234-5678", Address = "12 ถนนสุขุมวิท",
                    IdentityDocuments = [new DocumentInput { Type = "thai_id", Number = Id }],
                },
                IdentifiedOn = "2024-01-12", IdentificationRoute = "hotline", Province = "TH-50", Status = "active", Summary = "Found at the port",
            };
            input.Present.Add("person");
            created = await scope.ServiceProvider.GetRequiredService<CreateCase>().HandleAsync(other, input, default);
        }

        CaseView imported;
        using (var scope = _services.CreateScope())
        {
            imported = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(_actor, importedCase, default);
            var viaApi = await scope.ServiceProvider.GetRequiredService<GetCase>().HandleAsync(other, created.Id, default);
            Assert.Equal(Comparable(viaApi), Comparable(imported));
            Assert.Equal("สมหญิง", imported.Person.GivenName);
            Assert.Equal(Id, Assert.Single(imported.Person.IdentityDocuments).Number);

            // Through EF directly: every property of person, document and case equal, apart from ids and times.
            var db = scope.ServiceProvider.GetRequiredService<SaphanDbContext>();
            var a = await db.Cases.AsNoTracking().Include(c => c.Person).ThenInclude(p => p.Documents).SingleAsync(c => c.Id == importedCase);
            var b = await db.Cases.AsNoTracking().Include(c => c.Person).ThenInclude(p => p.Documents).SingleAsync(c => c.Id == created.Id);
            Assert.Equal(Columns(b.Person), Columns(a.Person));
            Assert.Equal(Columns(b.Person.Documents[0]), Columns(a.Person.Documents[0]));
            Assert.Equal(Columns(b), Columns(a));
            Assert.Equal(a.Person.Id, a.Person.Documents[0].PersonId);

            // The same search terms (names, document, phone), so search finds it the same way.
            var termsA = await db.PersonSearchTerms.Where(t => t.PersonId == a.PersonId).Select(t => t.Kind + ":" + t.Hash).OrderBy(t => t).ToListAsync();
            var termsB = await db.PersonSearchTerms.Where(t => t.PersonId == b.PersonId).Select(t => t.Kind + ":" + t.Hash).OrderBy(t => t).ToListAsync();
            Assert.Equal(termsB, termsA);
            Assert.Equal(6, termsA.Count);
            var indexer = scope.ServiceProvider.GetRequiredService<PersonIndexer>();
            Assert.Equal(a.PersonId, await indexer.Find(_actor.OrganisationId, "สมหญิง ใจงาม").SingleAsync());
            Assert.Equal(a.PersonId, await indexer.Find(_actor.OrganisationId, Id).SingleAsync());

            // Stored encrypted: no clear identifying value in the raw rows.
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT given_name, family_name, other_names, birth_date, phone, address FROM persons WHERE id = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "id";
            parameter.Value = db.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(Person.Id))!.GetTypeMapping().Converter?.ConvertToProvider(a.PersonId) ?? a.PersonId;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            Assert.True(await reader.ReadAsync());
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var raw = reader.GetString(i);
                Assert.DoesNotContain("สมหญิง", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("1990", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("081", raw, StringComparison.Ordinal);
                Assert.DoesNotContain("Ying", raw, StringComparison.Ordinal);
            }
        }
    }

    private static string Comparable(CaseView view) =>
        JsonSerializer.Serialize(view with { Id = Guid.Empty, OrganisationId = Guid.Empty, CreatedAt = default, UpdatedAt = default, Person = view.Person with { Id = Guid.Empty } });

    private static string Columns(object entity) => string.Join("|", entity.GetType().GetProperties()
        .Where(p => p.Name is not ("Id" or "OrganisationId" or "PersonId" or "CreatedAt" or "UpdatedAt" or "ConcurrencyStamp" or "Person" or "Documents"))
        .Select(p => p.Name + "=" + (p.GetValue(entity) is System.Collections.IEnumerable list and not string ? string.Join(",", list.Cast<object>()) : p.GetValue(entity))));
}
