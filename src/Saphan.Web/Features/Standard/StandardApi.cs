using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Standard;

namespace Saphan.Web.Features.Standard;

/// <summary>
/// The data dictionary as JSON, for forms, importers and partner systems. It describes fields, never
/// holds a record, so it is open without signing in (listed in AnonymousEndpoints).
/// </summary>
public static class StandardApi
{
    public static RouteGroupBuilder MapStandardApi(this IEndpointRouteBuilder app)
    {
        // The dictionary itself sits at the group's own path (a group would add a trailing slash to it);
        // the group is for what comes under it.
        var group = app.MapGroup("/api/v1/standard").WithTags("Data standard").AllowAnonymous();
        app.MapGet("/api/v1/standard", Get).WithTags("Data standard").AllowAnonymous();
        return group;
    }

    // Built once: the dictionary is immutable.
    private static readonly StandardDocument Document = StandardDocument.Create();

    private static Ok<StandardDocument> Get() => TypedResults.Ok(Document);
}

public sealed record StandardDocument(string Version, IReadOnlyList<StandardSectionDocument> Sections)
{
    internal static StandardDocument Create() => new(DataStandard.Version, [.. DataStandard.Sections.Select(s => new StandardSectionDocument(
        s.Code, new(s.English, s.Thai), new(s.HelpEnglish, s.HelpThai), s.HtcdsTable, [.. s.Fields.Select(StandardFieldDocument.Create)]))]);
}

public sealed record Text(string En, string Th);

public sealed record StandardSectionDocument(string Code, Text Label, Text Help, string? HtcdsTable, IReadOnlyList<StandardFieldDocument> Fields);

public sealed record StandardFieldDocument(
    string Code, Text Label, Text Help, string Type, bool Multiple, bool Repeating, bool Required, bool Identifying, string? Sensitive,
    bool Derived, bool Stored, string? ApiName, int? MaxLength, int? Minimum, int? Maximum, bool AllowsFuture,
    string? Htcds, string? Ctdc, string? ValueSet, IReadOnlyList<string> ExclusiveCodes, IReadOnlyList<StandardValueDocument>? Values)
{
    internal static StandardFieldDocument Create(StandardField f) => new(
        f.Code, new(f.English, f.Thai), new(f.HelpEnglish, f.HelpThai), f.Type.Code(), f.Type.IsMultiple(), f.Repeating, f.Required,
        f.Identifying, f.Sensitive, f.Derived, f.Stored, f.ApiName, f.MaxLength, f.Minimum, f.Maximum, f.AllowsFuture, f.Htcds, f.Ctdc,
        f.Values?.Name, [.. f.ExclusiveCodes.Concat(f.ExtraValues.Select(e => e.Code))],
        f.Values is null ? null : [.. f.AllowedValues().Select(v => StandardValueDocument.Create(f, v))]);
}

public sealed record StandardValueDocument(string Code, Text Label, string? Htcds, string? Ctdc)
{
    internal static StandardValueDocument Create(StandardField field, CodedValue value) => new(
        value.Code, new(value.English, value.Thai), field.HtcdsValues.GetValueOrDefault(value.Code), field.CtdcValues.GetValueOrDefault(value.Code));
}
