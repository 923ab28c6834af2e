using System.Text.Json;

namespace Saphan.Core.Features.FieldSync;

/// <summary>
/// One field of a conflicting edit: the device's new value (if it changed the field), the server's value now,
/// and the value both started from (if the device sent it). Shown to the person who made the edit, never logged.
/// </summary>
public sealed record FieldConflict(string Field, JsonElement? Yours, JsonElement? Server, JsonElement? Base, bool ChangedOnServer)
{
    /// <summary>
    /// Whether the person must choose for this field: both sides changed it to different values, or the edit changes
    /// it and the device sent no base to tell who changed it. A field changed on one side only merges without asking
    /// (the device's change when the server kept the base, the server's when the edit leaves the field alone), and a
    /// field both set alike needs nothing. The server still refuses the edit itself: the device sends the merged
    /// change again on <c>serverVersion</c>.
    /// </summary>
    public bool NeedsChoice => Yours is not null && !Same(Yours, Server) && (Base is null || ChangedOnServer);

    /// <summary>
    /// The fields the edit changes and the fields that changed on the server since the base, with both values;
    /// a field both sides left alone or set alike is not listed.
    /// </summary>
    internal static List<FieldConflict> Compare(JsonElement yours, JsonElement? @base, JsonElement server)
    {
        var mine = Flatten(yours);
        var started = @base is { } b ? Flatten(b) : [];
        var now = Flatten(server);
        var fields = new List<FieldConflict>();
        foreach (var field in mine.Keys.Concat(started.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            JsonElement? edited = mine.TryGetValue(field, out var m) ? m : null;
            JsonElement? before = started.TryGetValue(field, out var s) ? s : null;
            JsonElement? current = now.TryGetValue(field, out var c) ? c : null;
            var changedOnServer = before is not null && !Same(before, current);
            if ((edited is not null && !Same(edited, current)) || changedOnServer)
            {
                fields.Add(new FieldConflict(field, edited, current, before, changedOnServer));
            }
        }

        return fields;
    }

    private static Dictionary<string, JsonElement> Flatten(JsonElement element, string prefix = "", Dictionary<string, JsonElement>? into = null)
    {
        into ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return into;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, prefix + property.Name + ".", into);
            }
            else
            {
                into[prefix + property.Name] = property.Value;
            }
        }

        return into;
    }

    // null, missing, "" and [] all mean "no value".
    private static bool Same(JsonElement? a, JsonElement? b) => Normal(a) == Normal(b);

    private static string Normal(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.Null } => "",
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? "",
        { ValueKind: JsonValueKind.Array } v when v.GetArrayLength() == 0 => "",
        { } v => JsonSerializer.Serialize(v),
    };
}
