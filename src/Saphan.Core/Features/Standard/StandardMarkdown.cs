using System.Globalization;
using System.Text;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Standard;

/// <summary>Writes the data dictionary as Markdown: docs/data-standard.md is this output, never edited by hand.</summary>
public static class StandardMarkdown
{
    public const string DefaultPath = "docs/data-standard.md";

    /// <summary>Value sets longer than this are described, not listed (countries, provinces).</summary>
    private const int ListedValuesLimit = 40;

    public static string Generate()
    {
        var md = new StringBuilder();
        Line(md, "# Saphan data standard");
        Line(md);
        Line(md, $"Version {DataStandard.Version}. Generated from `src/Saphan.Core/Features/Standard/DataStandard.cs` by "
            + "`./saphan standard docs`; do not edit by hand. The same dictionary is served as JSON at `GET /api/v1/standard` "
            + "and shown to signed-in users at `/Standard`.");
        Line(md);
        Line(md, "Codes are stable: forms, imports, exports and the API name fields and values by them. Labels and help may be reworded. "
            + "Thai labels and help are in the JSON and on the page.");
        Line(md);
        Line(md, "- **identifying**: identifies the person; encrypted per field (AES-256-GCM) and every view is audited.");
        Line(md, "- **PDPA s.26**: sensitive personal data under section 26 of the Personal Data Protection Act (health, disability, criminal record, sexual behaviour); needs explicit consent or another legal basis.");
        Line(md, "- **stored**: recorded by Saphan today (with its JSON name in the API); other fields are defined for the storage that comes next.");
        Line(md, "- **HTCDS**: the field of the Human Trafficking Case Data Standard v2 (IOM), with its table prefix. **CTDC**: the variable of the Counter Trafficking Data Collaborative's global dataset.");
        Line(md, $"- Several values in one spreadsheet cell are separated by `{StandardValidator.CellSeparator}`.");
        Line(md);
        Line(md, "## Sections");
        Line(md);
        foreach (var section in DataStandard.Sections)
        {
            Line(md, $"- [{section.English}](#{Anchor(section.Code)}) (`{section.Code}`, {section.Fields.Count.ToString(CultureInfo.InvariantCulture)} fields)");
        }

        foreach (var section in DataStandard.Sections)
        {
            Line(md);
            Line(md, $"## {section.English} <a id=\"{Anchor(section.Code)}\"></a>");
            Line(md);
            Line(md, section.HelpEnglish);
            if (section.HtcdsTable is not null)
            {
                Line(md);
                Line(md, $"HTCDS: `{section.HtcdsTable}`");
            }

            Line(md);
            Line(md, "| code | field | type | values | required | protection | stored as | HTCDS | CTDC |");
            Line(md, "|---|---|---|---|---|---|---|---|---|");
            foreach (var field in section.Fields)
            {
                var label = Cell(field.English) + (field.HelpEnglish.Length > 0 ? "<br>" + Cell(field.HelpEnglish) : "");
                var type = field.Type.Code() + (field.Repeating ? " (list)" : "") + (field.Derived ? " (derived)" : "") + Limits(field);
                var values = field.Values is null ? "" : $"[{field.Values.Name}](#values-{Anchor(field.Values.Name)})"
                    + string.Concat(field.ExtraValues.Select(e => $" or `{e.Code}`"));
                var protection = string.Join(", ", new[] { field.Identifying ? "identifying" : null, field.Sensitive is { } s ? "PDPA s.26: " + s : null }.OfType<string>());
                Line(md, $"| `{field.Code}` | {label} | {type} | {values} | {(field.Required ? "yes" : "")} | {protection} | "
                    + $"{(field.Stored ? "`" + field.ApiName + "`" : "")} | {Code(field.Htcds)} | {Code(field.Ctdc)} |");
            }
        }

        Line(md);
        Line(md, "## Value sets");
        foreach (var set in DataStandard.ValueSets)
        {
            Line(md);
            Line(md, $"### {set.Name} <a id=\"values-{Anchor(set.Name)}\"></a>");
            Line(md);
            if (set.Values.Count > ListedValuesLimit)
            {
                var source = ReferenceEquals(set, Countries.All) ? "ISO 3166-1 alpha-2 country codes"
                    : ReferenceEquals(set, Provinces.All) ? "ISO 3166-2:TH codes of Thailand's 77 provinces and Pattaya"
                    : "codes";
                Line(md, $"{set.Values.Count.ToString(CultureInfo.InvariantCulture)} {source}, e.g. "
                    + string.Join(", ", set.Values.Take(3).Select(v => $"`{v.Code}` {v.English}")) + "; the full list is in the JSON.");
                continue;
            }

            var mapped = DataStandard.Fields.Where(f => ReferenceEquals(f.Values, set)).ToList();
            var htcds = mapped.SelectMany(f => f.HtcdsValues).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            var ctdc = mapped.SelectMany(f => f.CtdcValues).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
            Line(md, "| code | English | ไทย |" + (htcds.Count > 0 ? " HTCDS |" : "") + (ctdc.Count > 0 ? " CTDC |" : ""));
            Line(md, "|---|---|---|" + (htcds.Count > 0 ? "---|" : "") + (ctdc.Count > 0 ? "---|" : ""));
            foreach (var value in set.Values)
            {
                Line(md, $"| `{value.Code}` | {Cell(value.English)} | {Cell(value.Thai)} |"
                    + (htcds.Count > 0 ? $" {Code(htcds.GetValueOrDefault(value.Code))} |" : "")
                    + (ctdc.Count > 0 ? $" {Code(ctdc.GetValueOrDefault(value.Code))} |" : ""));
            }
        }

        return md.ToString();
    }

    private static string Limits(StandardField field)
    {
        var parts = new List<string>();
        if (field.Minimum is { } min && field.Maximum is { } max)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{min}–{max}"));
        }

        if (field.MaxLength is { } length)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"≤ {length} chars"));
        }

        if (field.AllowsFuture)
        {
            parts.Add("may be future");
        }

        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }

    private static string Code(string? text) => string.IsNullOrEmpty(text) ? "" : $"`{text}`";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Anchor(string code) => code.Replace('.', '-').ToLowerInvariant();

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
