using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Standard;

namespace Saphan.Web.Features.Standard;

/// <summary>
/// The data dictionary for staff: every section and field with its labels, values, protection and HTCDS/CTDC
/// names. The filter is in the address bar: it searches field names, not people, so nothing identifying.
/// </summary>
public sealed class IndexModel : PageModel
{
    public const int MaxQueryLength = 100;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public IReadOnlyList<(StandardSection Section, IReadOnlyList<StandardField> Fields)> Matches { get; private set; } = [];
    public int FieldCount { get; private set; }

    public void OnGet()
    {
        var query = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim()[..Math.Min(Q.Trim().Length, MaxQueryLength)];
        Q = query;
        Matches = [.. DataStandard.Sections
            .Select(s => (Section: s, Fields: (IReadOnlyList<StandardField>)[.. s.Fields.Where(f => query is null || IsMatch(s, f, query))]))
            .Where(s => s.Fields.Count > 0)];
        FieldCount = Matches.Sum(m => m.Fields.Count);
    }

    /// <summary>A field matches when the text occurs in its code, labels, help, HTCDS or CTDC name, or its section's name.</summary>
    internal static bool IsMatch(StandardSection section, StandardField field, string query)
    {
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        string?[] haystack = [field.Code, field.English, field.Thai, field.HelpEnglish, field.HelpThai, field.Htcds, field.Ctdc, field.Values?.Name, section.English, section.Thai];
        return haystack.Any(text => text is not null && compare.IndexOf(text, query, CompareOptions.IgnoreCase) >= 0);
    }
}
