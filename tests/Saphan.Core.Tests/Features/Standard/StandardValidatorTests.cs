using Saphan.Core.Features.Standard;

namespace Saphan.Core.Tests.Features.Standard;

public sealed class StandardValidatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static FieldCheck Check(string field, string? cell) => StandardValidator.Check(DataStandard.Get(field), cell, Today);

    [Theory]
    [InlineData("person.gender", "female", "female")]
    [InlineData("person.citizenship", " mm ; kh ", "MM;KH")]
    [InlineData("person.citizenship", "stateless", "stateless")]
    [InlineData("case.province", "th-57", "TH-57")]
    [InlineData("event.exploitation.meansOfControl", "debt_bondage;withholds_documents;debt_bondage", "debt_bondage;withholds_documents")]
    [InlineData("person.birthDate", "1999-04-12", "1999-04-12")]
    [InlineData("event.exploitation.startDate", "2024", "2024")]
    [InlineData("event.exploitation.startDate", "2024-07", "2024-07")]
    [InlineData("person.estimatedAge", "17", "17")]
    [InlineData("person.deceased", "No", "false")]
    [InlineData("vulnerability.household.debtThb", "12,500.50", "12500.5")]
    [InlineData("person.phone", "+66 81-234-5678", "+66 81-234-5678")]
    [InlineData("plan.reviewOn", "2026-09-01", "2026-09-01")]
    [InlineData("person.otherNames", "Ma Ma; Nang", "Ma Ma;Nang")]
    [InlineData("person.familyName", "", "")]
    public void Accepts_and_normalises_valid_values(string field, string cell, string expected)
    {
        var check = Check(field, cell);
        Assert.True(check.Ok, check.Problem);
        Assert.Equal(expected, string.Join(';', check.Values));
    }

    [Theory]
    [InlineData("person.gender", "woman", "Unknown code")]
    [InlineData("person.citizenship", "stateless;MM", "cannot be combined")]
    [InlineData("person.citizenship", "XX", "ISO 3166-1")]
    [InlineData("case.province", "TH-99", "ISO 3166-2:TH")]
    [InlineData("event.exploitation.meansOfControl", "threats;not_specified", "cannot be combined")]
    [InlineData("event.exploitation.meansOfControl", "beatings", "Unknown code")]
    [InlineData("person.birthDate", "2542-04-12", "Buddhist Era")]
    [InlineData("person.birthDate", "12/04/1999", "YYYY-MM-DD")]
    [InlineData("person.birthDate", "2026-06-01", "future")]
    [InlineData("event.exploitation.startDate", "2567", "Buddhist Era")]
    [InlineData("event.exploitation.startDate", "2024-13", "YYYY")]
    [InlineData("person.estimatedAge", "121", "0 to 120")]
    [InlineData("person.estimatedAge", "seventeen", "whole number")]
    [InlineData("person.deceased", "maybe", "true or false")]
    [InlineData("vulnerability.household.debtThb", "-5", "amount in baht")]
    [InlineData("vulnerability.household.debtThb", "10.505", "two decimals")]
    [InlineData("person.phone", "12345", "6 to 15 digits")]
    [InlineData("consent.recordedBy", "someone", "record id")]
    [InlineData("consent.purpose", "", "Required")]
    public void Refuses_invalid_values_with_the_rule_and_without_the_value(string field, string cell, string problem)
    {
        var check = Check(field, cell);
        Assert.False(check.Ok);
        Assert.Empty(check.Values);
        Assert.Contains(problem, check.Problem, StringComparison.Ordinal);
        if (cell.Length > 3)
        {
            Assert.DoesNotContain(cell, check.Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_single_valued_field_takes_one_value_and_a_list_field_several()
    {
        var gender = StandardValidator.Check(DataStandard.Get("person.gender"), ["male", "female"], Today);
        Assert.Equal("Only one value is allowed.", gender.Problem);
        var names = StandardValidator.Check(DataStandard.Get("person.otherNames"), ["Ma Ma", " ", "Nang"], Today);
        Assert.Equal(["Ma Ma", "Nang"], names.Values);
    }

    [Fact]
    public void Text_length_follows_the_field()
    {
        Assert.True(Check("person.givenName", new string('ก', 200)).Ok);
        Assert.Contains("200", Check("person.givenName", new string('ก', 201)).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_field_type_has_a_code_and_a_rule()
    {
        // A type added to the enum without a code or a validator rule throws here rather than in an import.
        foreach (var type in Enum.GetValues<FieldType>())
        {
            var field = new StandardField("test." + type.Code(), type, "Test", "ทดสอบ", "", "")
            {
                Values = type.IsCoded() ? Saphan.Core.Features.Reference.ValueSets.Gender : null,
            };
            var check = StandardValidator.Check(field, "x", Today);
            Assert.True(check.Ok || check.Problem!.Length > 0, type.Code());
            Assert.Equal(type is FieldType.Text or FieldType.LongText, check.Ok);
        }
    }
}
