using System.Globalization;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Protection;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Persons;

/// <summary>
/// A person's fields as submitted (by the API or a form), before validation. Values stay raw text so
/// that a malformed date is reported as a problem of that field rather than failing the whole request.
/// </summary>
public sealed class PersonInput
{
    public string? GivenName { get; set; }
    public string? FamilyName { get; set; }
    public List<string>? OtherNames { get; set; }
    public string? BirthDate { get; set; }
    public int? EstimatedAge { get; set; }
    public string? Gender { get; set; }
    public List<string>? Citizenship { get; set; }
    public List<string>? Languages { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public List<DocumentInput>? IdentityDocuments { get; set; }

    /// <summary>The names of the fields that were sent: a PATCH changes only those.</summary>
    public HashSet<string> Present { get; } = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> FieldNames =
        ["givenName", "familyName", "otherNames", "birthDate", "estimatedAge", "gender", "citizenship", "languages", "phone", "address", "identityDocuments"];

    public static PersonInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new PersonInput
        {
            GivenName = json.ReadString("givenName"),
            FamilyName = json.ReadString("familyName"),
            OtherNames = json.ReadStrings("otherNames"),
            BirthDate = json.ReadString("birthDate"),
            EstimatedAge = json.ReadInteger("estimatedAge"),
            Gender = json.ReadString("gender"),
            Citizenship = json.ReadStrings("citizenship"),
            Languages = json.ReadStrings("languages"),
            Phone = json.ReadString("phone"),
            Address = json.ReadString("address"),
            IdentityDocuments = json.ReadObjects("identityDocuments")?.Select(DocumentInput.FromJson).ToList(),
        };
        foreach (var name in FieldNames.Where(json.Has))
        {
            input.Present.Add(name);
        }

        json.RejectUnknownFields();
        return input;
    }

    /// <summary>Validates the present fields and writes them to <paramref name="person"/>; problems go to <paramref name="errors"/>.</summary>
    public void ApplyTo(Person person, ValidationErrors errors, string prefix, DateOnly today, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(errors);
        bool Sent(string field) => isNew || Present.Contains(field);

        if (Sent("givenName"))
        {
            var given = Clean(GivenName);
            if (given is null)
            {
                errors.Add(prefix + "givenName", "Required: the name the person gives (it may be a nickname or an alias).");
            }
            else if (given.Length > 200)
            {
                errors.Add(prefix + "givenName", "At most 200 characters.");
            }
            else
            {
                person.GivenName = PersonNames.Normalise(given);
            }
        }

        if (Sent("familyName"))
        {
            person.FamilyName = Text(FamilyName, prefix + "familyName", 200, errors);
        }

        if (Sent("otherNames"))
        {
            var names = (OtherNames ?? []).Select(Clean).OfType<string>().ToList();
            if (names.Count > 20 || names.Any(n => n.Length > 200))
            {
                errors.Add(prefix + "otherNames", "At most 20 names of at most 200 characters each.");
            }
            else
            {
                person.OtherNames = names.Count == 0 ? null : string.Join('\n', names);
            }
        }

        if (Sent("birthDate"))
        {
            person.BirthDate = ParseDate(BirthDate, prefix + "birthDate", today, errors, required: false);
        }

        if (Sent("estimatedAge"))
        {
            if (EstimatedAge is < 0 or > 120)
            {
                errors.Add(prefix + "estimatedAge", "An age in years from 0 to 120.");
            }
            else
            {
                person.EstimatedAge = EstimatedAge;
                person.AgeEstimatedOn = EstimatedAge is null ? null : today;
            }
        }

        if (person.BirthDate is not null && person.EstimatedAge is not null && (Sent("birthDate") || Sent("estimatedAge")))
        {
            errors.Add(prefix + "estimatedAge", "Give either a birth date or an estimated age, not both.");
        }

        if (Sent("gender"))
        {
            var gender = Clean(Gender) ?? "unknown";
            if (ValueSets.Gender.Contains(gender))
            {
                person.Gender = gender;
            }
            else
            {
                errors.Add(prefix + "gender", $"Unknown gender code. Use one of: {ValueSets.Gender.Describe()}.");
            }
        }

        if (Sent("citizenship"))
        {
            var codes = (Citizenship ?? []).Select(Clean).OfType<string>().Select(c => c == Countries.Stateless ? c : c.ToUpperInvariant()).Distinct().ToList();
            var unknown = codes.Where(c => c != Countries.Stateless && !Countries.IsKnown(c)).ToList();
            if (unknown.Count > 0)
            {
                errors.Add(prefix + "citizenship", "Use ISO 3166-1 alpha-2 country codes (e.g. MM, KH, LA, TH) or \"stateless\".");
            }
            else if (codes.Contains(Countries.Stateless) && codes.Count > 1)
            {
                errors.Add(prefix + "citizenship", "\"stateless\" cannot be combined with a citizenship.");
            }
            else
            {
                person.Citizenships = codes;
            }
        }

        if (Sent("languages"))
        {
            var codes = (Languages ?? []).Select(Clean).OfType<string>().Select(c => c.ToLowerInvariant()).Distinct().ToList();
            if (codes.Any(c => !ValueSets.Language.Contains(c)))
            {
                errors.Add(prefix + "languages", $"Unknown language code. Use one of: {ValueSets.Language.Describe()}.");
            }
            else
            {
                person.Languages = codes;
            }
        }

        if (Sent("phone"))
        {
            var phone = Clean(Phone);
            var digits = BlindIndex.PhoneKey(phone).Length;
            if (phone is not null && (phone.Length > 40 || BlindIndex.Compact(phone).Count(char.IsAsciiDigit) is < 6 or > 15 || digits == 0))
            {
                errors.Add(prefix + "phone", "A phone number has 6 to 15 digits (spaces, dashes and a leading + are fine).");
            }
            else
            {
                person.Phone = phone;
            }
        }

        if (Sent("address"))
        {
            person.Address = Text(Address, prefix + "address", 500, errors);
        }

        if (Sent("identityDocuments"))
        {
            var documents = IdentityDocuments ?? [];
            if (documents.Count > 10)
            {
                errors.Add(prefix + "identityDocuments", "At most 10 documents.");
            }
            else
            {
                var parsed = new List<IdentityDocument>();
                for (var i = 0; i < documents.Count; i++)
                {
                    if (documents[i].Validate(person.Id, prefix + "identityDocuments[" + i.ToString(CultureInfo.InvariantCulture) + "].", errors) is { } document)
                    {
                        parsed.Add(document);
                    }
                }

                person.Documents.Clear();
                person.Documents.AddRange(parsed);
            }
        }
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string? Text(string? value, string field, int max, ValidationErrors errors)
    {
        var clean = Clean(value);
        if (clean is { Length: var length } && length > max)
        {
            errors.Add(field, $"At most {max.ToString(CultureInfo.InvariantCulture)} characters.");
            return null;
        }

        return clean;
    }

    /// <summary>An ISO date (YYYY-MM-DD) in the Common Era, not in the future.</summary>
    internal static DateOnly? ParseDate(string? value, string field, DateOnly today, ValidationErrors errors, bool required)
    {
        var clean = Clean(value);
        if (clean is null)
        {
            if (required)
            {
                errors.Add(field, "Required: a date as YYYY-MM-DD.");
            }

            return null;
        }

        if (!DateOnly.TryParseExact(clean, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(field, "Not a date: use YYYY-MM-DD.");
            return null;
        }

        if (date.Year > 2400)
        {
            errors.Add(field, "This looks like a Buddhist Era year: send the Common Era year (BE − 543).");
            return null;
        }

        if (date > today.AddDays(1))
        {
            errors.Add(field, "The date is in the future.");
            return null;
        }

        if (date.Year < 1900)
        {
            errors.Add(field, "The date is before 1900.");
            return null;
        }

        return date;
    }
}

/// <summary>An identity document as submitted.</summary>
public sealed class DocumentInput
{
    public string? Type { get; set; }
    public string? Number { get; set; }
    public string? IssuingCountry { get; set; }

    public static DocumentInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new DocumentInput
        {
            Type = json.ReadString("type"),
            Number = json.ReadString("number"),
            IssuingCountry = json.ReadString("issuingCountry"),
        };
        json.RejectUnknownFields();
        return input;
    }

    internal IdentityDocument? Validate(Guid personId, string prefix, ValidationErrors errors)
    {
        var ok = true;
        var type = PersonInput.Clean(Type);
        if (!ValueSets.DocumentType.Contains(type))
        {
            errors.Add(prefix + "type", $"Unknown document type. Use one of: {ValueSets.DocumentType.Describe()}.");
            ok = false;
        }

        var number = PersonInput.Clean(Number);
        if (number is null || number.Length > 40)
        {
            errors.Add(prefix + "number", "Required: the document number, at most 40 characters.");
            ok = false;
        }
        else if (type == "thai_id" && !ThaiNationalId.IsValid(number))
        {
            errors.Add(prefix + "number", "Not a valid Thai national ID: 13 digits with a matching check digit.");
            ok = false;
        }

        var country = PersonInput.Clean(IssuingCountry)?.ToUpperInvariant();
        if (country is not null && !Countries.IsKnown(country))
        {
            errors.Add(prefix + "issuingCountry", "Use an ISO 3166-1 alpha-2 country code.");
            ok = false;
        }

        return ok
            ? new IdentityDocument { PersonId = personId, Type = type!, Number = number!, IssuingCountry = type == "thai_id" ? "TH" : country }
            : null;
    }
}
