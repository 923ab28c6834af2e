namespace Saphan.Core.Features.Persons;

/// <summary>
/// A person an organisation works with (HTCDS "Person"). Every identifying property is encrypted at
/// rest by the database mapping; search goes through <see cref="PersonSearchTerm"/> keyed hashes.
/// </summary>
public sealed class Person
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }

    // Identifying: encrypted per field.
    public string GivenName { get; set; } = "";
    public string? FamilyName { get; set; }
    /// <summary>Other names and aliases, one per line.</summary>
    public string? OtherNames { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }

    // Not identifying on their own.
    /// <summary>Age in years as estimated on <see cref="AgeEstimatedOn"/> when the birth date is unknown.</summary>
    public int? EstimatedAge { get; set; }
    public DateOnly? AgeEstimatedOn { get; set; }
    public string Gender { get; set; } = "unknown";
    /// <summary>ISO 3166-1 alpha-2 codes, or the single value "stateless".</summary>
    public List<string> Citizenships { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public List<IdentityDocument> Documents { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public IEnumerable<string> AllNames()
    {
        if (!PersonNames.IsPlaceholder(GivenName))
        {
            yield return GivenName;
        }

        if (FamilyName is not null)
        {
            yield return FamilyName;
        }

        foreach (var other in (OtherNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return other;
        }
    }

    /// <summary>Age on a day, from the birth date or else from the estimate.</summary>
    public int? AgeOn(DateOnly day)
    {
        if (BirthDate is { } birth)
        {
            var age = day.Year - birth.Year;
            return birth.AddYears(age) > day ? age - 1 : age;
        }

        if (EstimatedAge is { } estimate && AgeEstimatedOn is { } on)
        {
            return estimate + (day.DayNumber - on.DayNumber) / 365;
        }

        return null;
    }
}

/// <summary>An identity document a person holds. The number is identifying and encrypted.</summary>
public sealed class IdentityDocument
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PersonId { get; init; }
    public required string Type { get; set; }
    public required string Number { get; set; }
    public string? IssuingCountry { get; set; }
}

/// <summary>A keyed hash of one searchable term of a person (a name token, an ID number, a phone number).</summary>
public sealed class PersonSearchTerm
{
    public Guid PersonId { get; init; }
    public Guid OrganisationId { get; init; }
    public required string Kind { get; init; }
    public required string Hash { get; init; }
}

/// <summary>Thai 13-digit national identification numbers and their check digit.</summary>
public static class ThaiNationalId
{
    public static bool IsValid(string? value)
    {
        var digits = Protection.BlindIndex.Compact(value);
        if (digits.Length != 13 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (digits[i] - '0') * (13 - i);
        }

        return (11 - sum % 11) % 10 == digits[12] - '0';
    }

    /// <summary>The check digit for twelve leading digits (used by the synthetic data generator).</summary>
    public static char CheckDigit(ReadOnlySpan<char> twelveDigits)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (twelveDigits[i] - '0') * (13 - i);
        }

        return (char)('0' + (11 - sum % 11) % 10);
    }
}
