using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Tests.Features.Standard;

/// <summary>The dictionary holds together: codes unique, every label in both languages, every coded field with its values.</summary>
public sealed class DataStandardTests
{
    [Fact]
    public void Field_and_section_codes_are_unique_and_fields_live_under_their_section()
    {
        var duplicates = DataStandard.Fields.GroupBy(f => f.Code, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Duplicate field codes: " + string.Join(", ", duplicates));
        Assert.Equal(DataStandard.Sections.Count, DataStandard.Sections.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count());
        foreach (var section in DataStandard.Sections)
        {
            Assert.NotEmpty(section.Fields);
            Assert.All(section.Fields, f => Assert.StartsWith(section.Code + ".", f.Code, StringComparison.Ordinal));
        }

        Assert.True(DataStandard.Fields.Count >= 80, $"only {DataStandard.Fields.Count} fields");
    }

    [Fact]
    public void Every_field_and_section_has_English_and_Thai_labels_and_help_in_both_or_neither()
    {
        foreach (var section in DataStandard.Sections)
        {
            Assert.False(string.IsNullOrWhiteSpace(section.English), section.Code);
            Assert.False(string.IsNullOrWhiteSpace(section.Thai), section.Code);
            Assert.True(ContainsThai(section.Thai), section.Code + " has no Thai script in its Thai label");
        }

        foreach (var field in DataStandard.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(field.English), field.Code + " has no English label");
            Assert.True(ContainsThai(field.Thai), field.Code + " has no Thai label");
            Assert.True(field.HelpEnglish.Length > 0 == field.HelpThai.Length > 0, field.Code + " has help in one language only");
            Assert.True(field.HelpThai.Length == 0 || ContainsThai(field.HelpThai), field.Code + " Thai help is not Thai");
        }
    }

    [Fact]
    public void Every_coded_field_has_a_value_set_with_unique_codes_and_both_labels()
    {
        foreach (var field in DataStandard.Fields)
        {
            Assert.True(field.Type.IsCoded() == (field.Values is not null), $"{field.Code}: a {field.Type.Code()} field must have a value set exactly when it is coded");
            Assert.True(FieldTypes.All.Contains(field.Type.Code()), field.Code);
        }

        foreach (var set in DataStandard.ValueSets)
        {
            Assert.NotEmpty(set.Values);
            Assert.Equal(set.Values.Count, set.Values.Select(v => v.Code).Distinct(StringComparer.Ordinal).Count());
            Assert.All(set.Values, v => Assert.False(string.IsNullOrWhiteSpace(v.Code) || string.IsNullOrWhiteSpace(v.English), set.Name));
            // Reference tables (countries) lack a few Thai names; every set the dictionary defines has them all.
            if (!ReferenceEquals(set, Countries.All))
            {
                Assert.All(set.Values, v => Assert.True(v.Thai.Length > 0, $"{set.Name}.{v.Code} has no Thai label"));
            }
        }

        Assert.Equal(DataStandard.ValueSets.Count, DataStandard.ValueSets.Select(s => s.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Value_mappings_and_exclusive_codes_name_only_values_of_the_field()
    {
        foreach (var field in DataStandard.Fields)
        {
            var codes = field.AllowedValues().Select(v => v.Code).ToHashSet(StringComparer.Ordinal);
            Assert.All(field.HtcdsValues.Keys.Concat(field.CtdcValues.Keys).Concat(field.ExclusiveCodes),
                code => Assert.True(codes.Contains(code), $"{field.Code} maps or excludes '{code}', which is not one of its values"));
            Assert.True(field.Sensitive is null || SensitiveData.All.Contains(field.Sensitive), field.Code);
            Assert.True(!field.Stored || field.ApiName is not null, field.Code + " is stored but names no API property");
        }
    }

    [Fact]
    public void Identifying_fields_include_names_birth_date_phone_address_and_document_number()
    {
        string[] expected =
        [
            "person.givenName", "person.familyName", "person.otherNames", "person.birthDate", "person.phone", "person.address",
            "person.identityDocuments.number", "person.contacts.name", "person.contacts.phone", "case.summary",
        ];
        Assert.All(expected, code => Assert.True(DataStandard.Get(code).Identifying, code + " must be identifying"));
        Assert.False(DataStandard.Get("person.gender").Identifying);
        Assert.False(DataStandard.Get("person.ageBroad").Identifying);
        // Every free narrative may name people or places: all long texts are identifying.
        Assert.All(DataStandard.Fields.Where(f => f.Type == FieldType.LongText), f => Assert.True(f.Identifying, f.Code));
    }

    [Fact]
    public void Sensitive_fields_include_health_disability_criminal_and_sexual_ones()
    {
        Assert.Equal(SensitiveData.Health, DataStandard.Get("victim.healthNeeds").Sensitive);
        Assert.Equal(SensitiveData.Disability, DataStandard.Get("person.disability").Sensitive);
        Assert.Equal(SensitiveData.CriminalRecord, DataStandard.Get("victim.arrestedOrCharged").Sensitive);
        Assert.Equal(SensitiveData.SexualBehaviour, DataStandard.Get("event.exploitation.sexTypes").Sensitive);
        Assert.True(DataStandard.Get("vulnerability.individual").IsSensitive);
        Assert.False(DataStandard.Get("person.languages").IsSensitive);
    }

    [Fact]
    public void The_value_sets_validation_uses_are_the_very_objects_the_dictionary_exposes()
    {
        Assert.Same(ValueSets.Gender, DataStandard.Get("person.gender").Values);
        Assert.Same(ValueSets.Language, DataStandard.Get("person.languages").Values);
        Assert.Same(ValueSets.DocumentType, DataStandard.Get("person.identityDocuments.type").Values);
        Assert.Same(ValueSets.CaseStatus, DataStandard.Get("case.status").Values);
        Assert.Same(ValueSets.IdentificationRoute, DataStandard.Get("case.identificationRoute").Values);
        Assert.Same(Countries.All, DataStandard.Get("person.citizenship").Values);
        Assert.Same(Countries.All, DataStandard.Get("event.exploitation.country").Values);
        Assert.Same(Provinces.All, DataStandard.Get("case.province").Values);
        Assert.Equal(Countries.Stateless, Assert.Single(DataStandard.Get("person.citizenship").ExtraValues).Code);
    }

    [Fact]
    public void Stored_person_fields_are_exactly_the_fields_the_person_API_accepts()
    {
        var stored = DataStandard.Sections.Single(s => s.Code == "person").Fields.Where(f => f.Stored)
            .Select(f => f.ApiName!.Split('[')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        Assert.Equal(Core.Features.Persons.PersonInput.FieldNames.Order(StringComparer.Ordinal), stored);
    }

    [Fact]
    public void CTDC_and_HTCDS_lists_are_complete()
    {
        var control = DataStandard.Get("event.exploitation.meansOfControl");
        string[] ctdcControl =
        [
            "debt_bondage", "takes_earnings", "threats", "psychological_abuse", "physical_abuse", "sexual_abuse", "false_promises",
            "psychoactive_substances", "restricts_movement", "restricts_medical_care", "excessive_working_hours",
            "threat_of_law_enforcement", "withholds_necessities", "withholds_documents", "other", "not_specified",
        ];
        Assert.All(ctdcControl, c => Assert.StartsWith("meansOfControl", control.CtdcValues[c], StringComparison.Ordinal));
        Assert.Equal("meansOfControlDebtBondage", control.CtdcValues["debt_bondage"]);
        Assert.Equal(control.Values!.Values.Count, control.CtdcValues.Count);

        Assert.Equal(["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"], StandardValueSets.AgeBand.Values.Select(v => v.Code));
        Assert.Equal("typeOfLabourFishing", DataStandard.Get("event.exploitation.labourTypes").CtdcValues["fishing"]);
        Assert.Equal("recruiterRelationIntimatePartner", DataStandard.Get("event.recruitment.recruiterRelation").CtdcValues["intimate_partner"]);
        Assert.Equal("CountryOfExploitation", DataStandard.Get("event.exploitation.country").Ctdc);
        Assert.Equal("prs_Nationality", DataStandard.Get("person.citizenship").Htcds);
        Assert.Equal(21, DataStandard.Get("event.exploitation.industry").Values!.Values.Count);
        foreach (var app in new[] { "line", "facebook", "wechat", "tiktok", "telegram", "whatsapp", "instagram", "other" })
        {
            Assert.True(StandardValueSets.WebsitesAndApps.Contains(app), app);
        }

        foreach (var purpose in new[] { "care", "referral", "law_enforcement", "reporting" })
        {
            Assert.True(DataStandard.Get("consent.purpose").Values!.Contains(purpose), purpose);
        }
    }

    [Theory]
    [InlineData(0, "0-8")]
    [InlineData(8, "0-8")]
    [InlineData(9, "9-17")]
    [InlineData(17, "9-17")]
    [InlineData(18, "18-20")]
    [InlineData(29, "27-29")]
    [InlineData(30, "30-38")]
    [InlineData(47, "39-47")]
    [InlineData(48, "48+")]
    [InlineData(90, "48+")]
    public void Age_bands_follow_CTDC(int age, string band) => Assert.Equal(band, StandardValueSets.AgeBandOf(age));

    [Fact]
    public void Find_is_exact_and_Get_fails_loudly()
    {
        Assert.Same(DataStandard.Fields[0], DataStandard.Find(DataStandard.Fields[0].Code));
        Assert.Null(DataStandard.Find("PERSON.GENDER"));
        Assert.Null(DataStandard.Find(null));
        Assert.Throws<KeyNotFoundException>(() => DataStandard.Get("person.nope"));
    }

    private static bool ContainsThai(string text) => text.Any(c => c is >= '\u0E00' and <= '\u0E7F');
}
