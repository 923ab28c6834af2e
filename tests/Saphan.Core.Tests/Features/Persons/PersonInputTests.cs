using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Persons;

namespace Saphan.Core.Tests.Features.Persons;

public sealed class PersonInputTests
{
    private static readonly DateOnly Today = new(2026, 11, 24);

    [Theory]
    [InlineData("1103702071811", true)]
    [InlineData("1-1037-02071-81-1", true)]
    [InlineData("1103702071812", false)]
    [InlineData("110370207181", false)]
    [InlineData("", false)]
    public void Thai_national_ids_are_checked_by_their_check_digit(string id, bool valid) =>
        Assert.Equal(valid, ThaiNationalId.IsValid(id));

    [Fact]
    public void A_person_needs_only_a_given_name()
    {
        var person = new Person();
        var errors = new ValidationErrors();
        new PersonInput { GivenName = "Nway" }.ApplyTo(person, errors, "person.", Today, isNew: true);
        Assert.False(errors.Any);
        Assert.Equal("unknown", person.Gender);
        Assert.Empty(person.Documents);
    }

    [Fact]
    public void Every_broken_rule_is_reported_under_its_field()
    {
        var errors = new ValidationErrors();
        new PersonInput
        {
            GivenName = " ",
            BirthDate = "2030-01-01",
            Gender = "x",
            Citizenship = ["stateless", "MM"],
            Languages = ["klingon"],
            Phone = "12",
            IdentityDocuments = [new DocumentInput { Type = "thai_id", Number = "1234567890123" }, new DocumentInput { Type = "passport" }],
        }.ApplyTo(new Person(), errors, "person.", Today, isNew: true);
        var fields = errors.ToDictionary().Keys;
        Assert.Equal(
            new[] { "person.birthDate", "person.citizenship", "person.gender", "person.givenName", "person.identityDocuments[0].number", "person.identityDocuments[1].number", "person.languages", "person.phone" },
            fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_buddhist_era_year_is_named_as_such()
    {
        var errors = new ValidationErrors();
        new PersonInput { GivenName = "A", BirthDate = "2540-05-01" }.ApplyTo(new Person(), errors, "", Today, isNew: true);
        Assert.Contains("Buddhist Era", errors.ToDictionary()["birthDate"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Birth_date_and_estimated_age_are_exclusive_and_age_is_derived_from_either()
    {
        var errors = new ValidationErrors();
        new PersonInput { GivenName = "A", BirthDate = "2000-01-01", EstimatedAge = 25 }.ApplyTo(new Person(), errors, "", Today, isNew: true);
        Assert.True(errors.ToDictionary().ContainsKey("estimatedAge"));

        var born = new Person { BirthDate = new DateOnly(2010, 12, 1) };
        Assert.Equal(15, born.AgeOn(Today));
        var estimated = new Person { EstimatedAge = 16, AgeEstimatedOn = new DateOnly(2024, 11, 24) };
        Assert.Equal(18, estimated.AgeOn(Today));
        Assert.Null(new Person().AgeOn(Today));
    }

    [Fact]
    public void Json_input_reports_wrong_types_and_unknown_fields_by_path()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"givenName": 3, "languages": "my", "identityDocuments": [{"type": "passport", "serial": "x"}], "eyes": "brown"}""");
        var errors = new ValidationErrors();
        PersonInput.FromJson(new JsonInput(document.RootElement, errors, "person."));
        Assert.Equal(
            new[] { "person.eyes", "person.givenName", "person.identityDocuments[0].serial", "person.languages" },
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }
}
