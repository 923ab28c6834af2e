using System.Globalization;
using System.Text.Json;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Tips;

/// <summary>A tip's fields as sent by the public form, the API or an operator, before validation.</summary>
public sealed class TipInput
{
    public const int MaxDescription = 4000;
    public const int MaxPlace = 200;
    public const int MaxContact = 200;
    public const int MaxChildren = 500;

    public string? Description { get; set; }
    public string? Province { get; set; }
    public string? Place { get; set; }
    public string? When { get; set; }
    public bool ChildrenAtRisk { get; set; }
    public int? ChildrenCount { get; set; }
    public bool ImminentDanger { get; set; }
    public string? Contact { get; set; }
    public string? Language { get; set; }

    /// <summary>Reads the API body field by field; wrong types and unknown fields are reported with the rest.</summary>
    public static TipInput FromJson(JsonElement body, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var input = new TipInput();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "Expected a JSON object.");
            return input;
        }

        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "description": input.Description = ReadString(value, property.Name, errors); break;
                case "province": input.Province = ReadString(value, property.Name, errors); break;
                case "place": input.Place = ReadString(value, property.Name, errors); break;
                case "when": input.When = ReadString(value, property.Name, errors); break;
                case "contact": input.Contact = ReadString(value, property.Name, errors); break;
                case "language": input.Language = ReadString(value, property.Name, errors); break;
                case "childrenAtRisk": input.ChildrenAtRisk = ReadBoolean(value, property.Name, errors); break;
                case "imminentDanger": input.ImminentDanger = ReadBoolean(value, property.Name, errors); break;
                case "childrenCount":
                    if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count))
                    {
                        input.ChildrenCount = count;
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        errors.Add(property.Name, "Expected a whole number.");
                    }

                    break;
                default: errors.Add(property.Name, "Unknown field."); break;
            }
        }

        return input;
    }

    private static string? ReadString(JsonElement value, string field, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            errors.Add(field, "Expected a string.");
        }

        return null;
    }

    private static bool ReadBoolean(JsonElement value, string field, ValidationErrors errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False or JsonValueKind.Null: return false;
            default:
                errors.Add(field, "Expected true or false.");
                return false;
        }
    }

    internal void ApplyTo(Tip tip, ValidationErrors errors)
    {
        var description = Clean(Description);
        if (description is null)
        {
            errors.Add("description", "Required: what happened, in the sender's own words.");
        }
        else if (description.Length > MaxDescription)
        {
            errors.Add("description", $"At most {MaxDescription.ToString(CultureInfo.InvariantCulture)} characters.");
        }
        else
        {
            tip.Description = description;
        }

        var province = Clean(Province)?.ToUpperInvariant();
        if (province is null)
        {
            errors.Add("province", "Required: the ISO 3166-2:TH code of the province (e.g. TH-10 for Bangkok).");
        }
        else if (!Provinces.IsKnown(province))
        {
            errors.Add("province", "Not an ISO 3166-2:TH province code (e.g. TH-10 for Bangkok, TH-74 for Samut Sakhon).");
        }
        else
        {
            tip.Province = province;
        }

        tip.Place = Limited(Place, "place", MaxPlace, errors);
        tip.Contact = Limited(Contact, "contact", MaxContact, errors);

        var when = Clean(When) ?? TipWhen.Unknown;
        if (TipWhen.All.Contains(when, StringComparer.Ordinal))
        {
            tip.OccurredWhen = when;
        }
        else
        {
            errors.Add("when", $"Unknown value. Use one of: {string.Join(", ", TipWhen.All)}.");
        }

        var language = Clean(Language) ?? "th";
        if (TipLanguages.IsKnown(language))
        {
            tip.Language = language;
        }
        else
        {
            errors.Add("language", $"Unknown language. Use one of: {string.Join(", ", TipLanguages.All)}.");
        }

        if (ChildrenCount is { } count && (count < 0 || count > MaxChildren))
        {
            errors.Add("childrenCount", $"A number from 0 to {MaxChildren.ToString(CultureInfo.InvariantCulture)}.");
        }
        else
        {
            tip.ChildrenCount = ChildrenCount;
        }

        tip.ChildrenAtRisk = ChildrenAtRisk || ChildrenCount > 0;
        tip.ImminentDanger = ImminentDanger || tip.OccurredWhen == TipWhen.Now;
    }

    internal static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string? Limited(string? value, string field, int max, ValidationErrors errors)
    {
        var clean = Clean(value);
        if (clean is { Length: var length } && length > max)
        {
            errors.Add(field, $"At most {max.ToString(CultureInfo.InvariantCulture)} characters.");
            return null;
        }

        return clean;
    }
}
