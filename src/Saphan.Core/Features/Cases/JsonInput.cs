using System.Globalization;
using System.Text.Json;

namespace Saphan.Core.Features.Cases;

/// <summary>
/// Reads a JSON object field by field, collecting every problem (wrong type, unknown field) under the
/// field's path instead of stopping at the first, so a client learns everything wrong in one answer.
/// </summary>
public sealed class JsonInput
{
    private readonly JsonElement _element;
    private readonly string _prefix;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public JsonInput(JsonElement element, ValidationErrors errors, string prefix = "")
    {
        _element = element;
        Errors = errors;
        _prefix = prefix;
        IsObject = element.ValueKind == JsonValueKind.Object;
        if (!IsObject)
        {
            errors.Add(prefix.Length == 0 ? "$" : prefix.TrimEnd('.'), "Expected a JSON object.");
        }
    }

    public ValidationErrors Errors { get; }
    public bool IsObject { get; }

    public string PathOf(string name) => _prefix + name;

    public bool Has(string name) => IsObject && _element.TryGetProperty(name, out _);

    private bool TryGet(string name, out JsonElement value)
    {
        _read.Add(name);
        if (IsObject && _element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    public string? ReadString(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Errors.Add(PathOf(name), "Expected a string.");
            return null;
        }

        return value.GetString();
    }

    /// <summary>A JSON true or false, as the dictionary's normal form ("true"/"false"); null when absent or null.</summary>
    public string? ReadBoolean(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            Errors.Add(PathOf(name), "Expected true or false.");
            return null;
        }

        return value.ValueKind == JsonValueKind.True ? "true" : "false";
    }

    public int? ReadInteger(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Errors.Add(PathOf(name), "Expected a whole number.");
            return null;
        }

        return number;
    }

    public List<string>? ReadStrings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(PathOf(name), "Expected an array of strings.");
            return null;
        }

        var list = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
            else
            {
                Errors.Add(PathOf(name) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", "Expected a string.");
            }

            index++;
        }

        return list;
    }

    /// <summary>An array of whole numbers; an item of another type is reported at its index and read as null.</summary>
    public List<int?>? ReadIntegers(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(PathOf(name), "Expected an array of whole numbers.");
            return null;
        }

        var list = new List<int?>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var number))
            {
                list.Add(number);
            }
            else
            {
                Errors.Add(PathOf(name) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", "Expected a whole number.");
                list.Add(null);
            }

            index++;
        }

        return list;
    }

    public JsonInput? ReadObject(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return new JsonInput(value, Errors, PathOf(name) + ".");
    }

    public List<JsonInput>? ReadObjects(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            Errors.Add(PathOf(name), "Expected an array of objects.");
            return null;
        }

        return value.EnumerateArray()
            .Select((item, i) => new JsonInput(item, Errors, PathOf(name) + "[" + i.ToString(CultureInfo.InvariantCulture) + "]."))
            .ToList();
    }

    /// <summary>Reports every property that no reader asked for: unknown fields are an error, not silently dropped.</summary>
    public void RejectUnknownFields()
    {
        if (!IsObject)
        {
            return;
        }

        foreach (var property in _element.EnumerateObject())
        {
            if (!_read.Contains(property.Name))
            {
                Errors.Add(PathOf(property.Name), "Unknown field.");
            }
        }
    }

    public long? ReadLong(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Errors.Add(PathOf(name), "Expected a whole number.");
            return null;
        }

        return number;
    }

    /// <summary>A JSON number with at most two decimals (an amount in baht).</summary>
    public decimal? ReadDecimal(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDecimal(out var number))
        {
            Errors.Add(PathOf(name), "Expected a number.");
            return null;
        }

        return number;
    }
}
