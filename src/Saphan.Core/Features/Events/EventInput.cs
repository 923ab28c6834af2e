using System.Globalization;
using System.Text.Json;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Events;

/// <summary>
/// A trafficking event as submitted, before validation: its type and the raw values of its fields, named
/// as in the dictionary's section event.{type} (the last part of the field code: "country", "types" …).
/// </summary>
public sealed class EventInput
{
    public static IReadOnlyList<string> Types { get; } = ["recruitment", "transit", "exploitation"];

    public string? Type { get; set; }

    /// <summary>Field name → the values sent (one for a single-valued field).</summary>
    public Dictionary<string, List<string?>> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The dictionary section of an event type, or null for an unknown type.</summary>
    public static StandardSection? SectionOf(string? type) =>
        type is not null && Types.Contains(type, StringComparer.Ordinal) ? DataStandard.Sections.Single(s => s.Code == "event." + type) : null;

    /// <summary>The field's name in the API and the form: the last part of its code.</summary>
    public static string NameOf(StandardField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Code[(field.Code.LastIndexOf('.') + 1)..];
    }

    private static readonly HashSet<string> AllNames =
        [.. Types.SelectMany(t => SectionOf(t)!.Fields).Select(NameOf)];

    /// <summary>Reads a JSON object field by field, reporting wrong types and unknown fields by their path.</summary>
    public static EventInput FromJson(JsonElement body, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var input = new EventInput();
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "Expected a JSON object.");
            return input;
        }

        if (body.TryGetProperty("type", out var type) && type.ValueKind != JsonValueKind.Null)
        {
            if (type.ValueKind == JsonValueKind.String)
            {
                input.Type = type.GetString();
            }
            else
            {
                errors.Add("type", "Expected a string.");
            }
        }

        var section = SectionOf(input.Type);
        var fields = section?.Fields.ToDictionary(NameOf, f => f, StringComparer.Ordinal) ?? new Dictionary<string, StandardField>(StringComparer.Ordinal);
        foreach (var property in body.EnumerateObject())
        {
            var name = property.Name;
            if (name == "type")
            {
                continue;
            }

            if (!fields.TryGetValue(name, out var field))
            {
                // With an unknown type the fields cannot be judged; the type's own error says what to fix.
                if (section is not null || !AllNames.Contains(name))
                {
                    errors.Add(name, AllNames.Contains(name) ? $"Not a field of an event of type {input.Type}." : "Unknown field.");
                }

                continue;
            }

            if (Read(property.Value, field, name, errors) is { } values)
            {
                input.Values[name] = values;
            }
        }

        return input;
    }

    private static List<string?>? Read(JsonElement value, StandardField field, string path, ValidationErrors errors)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (field.Type.IsMultiple())
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                errors.Add(path, "Expected an array of codes.");
                return null;
            }

            var list = new List<string?>();
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    list.Add(item.GetString());
                }
                else
                {
                    errors.Add(path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", "Expected a string.");
                }

                index++;
            }

            return list;
        }

        switch (field.Type)
        {
            case FieldType.Boolean:
                if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    return [value.GetBoolean() ? "true" : "false"];
                }

                errors.Add(path, "Expected true or false.");
                return null;

            case FieldType.WholeNumber:
                if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
                {
                    return [number.ToString(CultureInfo.InvariantCulture)];
                }

                errors.Add(path, "Expected a whole number.");
                return null;

            case FieldType.MoneyThb:
                if (value.ValueKind == JsonValueKind.Number)
                {
                    return [value.GetRawText()];
                }

                if (value.ValueKind == JsonValueKind.String)
                {
                    return [value.GetString()];
                }

                errors.Add(path, "Expected an amount in baht.");
                return null;

            default:
                if (value.ValueKind == JsonValueKind.String)
                {
                    return [value.GetString()];
                }

                errors.Add(path, "Expected a string.");
                return null;
        }
    }
}
