using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Standard;

namespace Saphan.Core.Features.Export;

/// <summary>The file layouts an export writes.</summary>
public enum ExportFormat
{
    /// <summary>CSV, one row per case, HTCDS v2 column names.</summary>
    HtcdsCsv,
    /// <summary>The same columns as an XLSX workbook.</summary>
    Xlsx,
    /// <summary>The same columns as a JSON array of objects.</summary>
    Json,
    /// <summary>CTDC-compatible de-identified CSV: no names, dates of birth, documents, contacts or ids.</summary>
    Ctdc,
}

public static class ExportFormats
{
    public static readonly IReadOnlyList<string> Codes = ["htcds-csv", "xlsx", "json", "ctdc"];

    public static ExportFormat? Parse(string? code) => code switch
    {
        "htcds-csv" or "csv" => ExportFormat.HtcdsCsv,
        "xlsx" => ExportFormat.Xlsx,
        "json" => ExportFormat.Json,
        "ctdc" => ExportFormat.Ctdc,
        _ => null,
    };

    public static string Code(this ExportFormat format) => Codes[(int)format];

    public static string FileExtension(this ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "xlsx",
        ExportFormat.Json => "json",
        _ => "csv",
    };

    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ExportFormat.Json => "application/json",
        _ => "text/csv",
    };
}

/// <summary>What an export wrote.</summary>
public sealed record ExportResult(Guid ExportId, int Rows, bool Identifying, IReadOnlyList<string> Columns);

/// <summary>Spreadsheet safety: a cell that starts like a formula (= + - @, tab, CR) is prefixed with ' so that no spreadsheet evaluates it.</summary>
public static class CellSafety
{
    public static string? Neutralise(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>A CSV field (RFC 4180): neutralised, and quoted when it holds a separator, quote or line break.</summary>
    public static string Csv(string? value)
    {
        var safe = Neutralise(value) ?? "";
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

/// <summary>
/// Writes an organisation's own persons and cases in the HTCDS v2 layout (column names are the
/// dictionary's HTCDS counterparts, or the dictionary code where HTCDS has none), or the CTDC-compatible
/// de-identified file. Identifying columns only for roles allowed to export them; every export is audited
/// (before the first byte is written) with its format, row count and whether identifying columns were in it.
/// </summary>
public sealed class ExportRecords(SaphanDbContext db)
{
    /// <summary>Who may export the organisation's records at all (de-identified).</summary>
    public static readonly IReadOnlyList<string> ExportRoles = [Roles.OrgAdmin, Roles.Supervisor];

    /// <summary>Who may export identifying columns (names, birth dates, phones, addresses, document numbers, summaries).</summary>
    public static readonly IReadOnlyList<string> IdentifiedExportRoles = [Roles.Supervisor];

    private sealed record Column(string Header, bool Identifying, Func<Case, DateOnly, string?> Value);

    private static string? Htcds(string code, string? value)
    {
        var field = DataStandard.Get(code);
        return value is not null && field.HtcdsValues.TryGetValue(value, out var mapped) ? mapped : value;
    }

    private static string HeaderOf(string code) => DataStandard.Get(code).Htcds ?? code;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? AgeBand(Case c) => c.Person.AgeOn(c.IdentifiedOn) is { } age and >= 0 ? StandardValueSets.AgeBandOf(age) : null;

    private static readonly Column[] HtcdsColumns =
    [
        new("cas_CaseID", false, (c, _) => c.Id.ToString("D")),
        new("prs_PersonID", false, (c, _) => c.PersonId.ToString("D")),
        new(HeaderOf("person.givenName"), true, (c, _) => Persons.PersonNames.Display(c.Person.GivenName)),
        new(HeaderOf("person.familyName"), true, (c, _) => c.Person.FamilyName),
        new(HeaderOf("person.otherNames"), true, (c, _) => c.Person.OtherNames?.Replace("\n", "; ", StringComparison.Ordinal)),
        new(HeaderOf("person.birthDate"), true, (c, _) => Date(c.Person.BirthDate)),
        new(HeaderOf("person.estimatedAge"), false, (c, _) => c.Person.EstimatedAge?.ToString(CultureInfo.InvariantCulture)),
        new(HeaderOf("person.ageBroad"), false, (c, _) => AgeBand(c)),
        new(HeaderOf("person.gender"), false, (c, _) => Htcds("person.gender", c.Person.Gender)),
        new(HeaderOf("person.citizenship"), false, (c, _) => string.Join(';', c.Person.Citizenships)),
        new(HeaderOf("person.languages"), false, (c, _) => string.Join(';', c.Person.Languages)),
        new(HeaderOf("person.phone"), true, (c, _) => c.Person.Phone),
        new(HeaderOf("person.address"), true, (c, _) => c.Person.Address),
        new(HeaderOf("person.identityDocuments.type"), false, (c, _) => string.Join(';', c.Person.Documents.OrderBy(d => d.Type, StringComparer.Ordinal).Select(d => d.Type))),
        new(HeaderOf("person.identityDocuments.number"), true, (c, _) => string.Join(';', c.Person.Documents.OrderBy(d => d.Type, StringComparer.Ordinal).Select(d => d.Number))),
        new(HeaderOf("case.identifiedOn"), false, (c, _) => Date(c.IdentifiedOn)),
        new(HeaderOf("case.identificationRoute"), false, (c, _) => c.IdentificationRoute),
        new(HeaderOf("case.province"), false, (c, _) => c.Province),
        new(HeaderOf("case.status"), false, (c, _) => Htcds("case.status", c.Status)),
        new(HeaderOf("case.summary"), true, (c, _) => c.Summary),
    ];

    private static readonly Column[] CtdcColumns =
    [
        new("yearOfRegistration", false, (c, _) => c.IdentifiedOn.Year.ToString(CultureInfo.InvariantCulture)),
        new("Datasource", false, (_, _) => "Case Management"),
        new("gender", false, (c, _) => Htcds("person.gender", c.Person.Gender)),
        new("ageBroad", false, (c, _) => AgeBand(c)),
        new("majorityStatus", false, (c, _) => c.Person.AgeOn(c.IdentifiedOn) switch { null => "Unknown", >= 18 => "Adult", _ => "Minor" }),
        new("citizenship", false, (c, _) => c.Person.Citizenships.Count == 0 ? null : string.Join(';', c.Person.Citizenships)),
    ];

    /// <summary>The columns a format writes for an actor (identifying ones only when allowed and asked for).</summary>
    public static IReadOnlyList<string> ColumnsFor(ExportFormat format, bool identifying) =>
        [.. Columns(format, identifying).Select(c => c.Header)];

    private static IEnumerable<Column> Columns(ExportFormat format, bool identifying) =>
        format == ExportFormat.Ctdc ? CtdcColumns : HtcdsColumns.Where(c => identifying || !c.Identifying);

    /// <summary>Whether the actor may export identifying columns.</summary>
    public static bool MayExportIdentifying(Actor actor) => actor.HasAnyRole(IdentifiedExportRoles);

    public async Task<ExportResult> WriteAsync(Actor actor, ExportFormat format, bool deidentified, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(output);
        if (!actor.HasAnyRole(ExportRoles))
        {
            throw new ForbiddenException();
        }

        if (!await db.Organisations.AnyAsync(o => o.Id == actor.OrganisationId, cancellationToken))
        {
            throw new NotFoundException("Organisation");
        }

        var identifying = format != ExportFormat.Ctdc && !deidentified && MayExportIdentifying(actor);
        var columns = Columns(format, identifying).ToList();
        var organisation = actor.OrganisationId;
        var rows = await db.Cases.CountAsync(c => c.OrganisationId == organisation, cancellationToken);
        var exportId = Guid.CreateVersion7();
        // Audited before anything leaves: who, which organisation, format, rows, whether identifying columns were in it.
        db.Audit(actor, "export.written", "export", exportId, string.Create(CultureInfo.InvariantCulture,
            $"format {format.Code()}, rows {rows}, identifying columns {(identifying ? "yes" : "no")}"));
        await db.SaveChangesAsync(cancellationToken);

        var cases = db.Cases.AsNoTracking()
            .Where(c => c.OrganisationId == organisation)
            .Include(c => c.Person).ThenInclude(p => p.Documents)
            .OrderBy(c => c.IdentifiedOn).ThenBy(c => c.Id)
            .AsAsyncEnumerable();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var written = 0;
        switch (format)
        {
            case ExportFormat.Xlsx:
            {
                using var xlsx = new XlsxWriter(output);
                xlsx.BeginSheet(identifying ? "HTCDS" : "HTCDS (de-identified)");
                xlsx.WriteRow(columns.Select(c => c.Header));
                await foreach (var c in cases.WithCancellation(cancellationToken))
                {
                    xlsx.WriteRow(columns.Select(col => CellSafety.Neutralise(col.Value(c, today))));
                    written++;
                }

                break;
            }

            case ExportFormat.Json:
            {
                await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
                json.WriteStartArray();
                await foreach (var c in cases.WithCancellation(cancellationToken))
                {
                    json.WriteStartObject();
                    foreach (var col in columns)
                    {
                        if (col.Value(c, today) is { Length: > 0 } value)
                        {
                            json.WriteString(col.Header, value);
                        }
                    }

                    json.WriteEndObject();
                    written++;
                    if (json.BytesPending > 65536)
                    {
                        await json.FlushAsync(cancellationToken);
                    }
                }

                json.WriteEndArray();
                await json.FlushAsync(cancellationToken);
                break;
            }

            default:
            {
                await using var csv = new StreamWriter(output, new UTF8Encoding(true), 65536, leaveOpen: true);
                await csv.WriteAsync(string.Join(',', columns.Select(c => CellSafety.Csv(c.Header))) + "\r\n");
                await foreach (var c in cases.WithCancellation(cancellationToken))
                {
                    await csv.WriteAsync(string.Join(',', columns.Select(col => CellSafety.Csv(col.Value(c, today)))) + "\r\n");
                    written++;
                }

                break;
            }
        }

        return new ExportResult(exportId, written, identifying, [.. columns.Select(c => c.Header)]);
    }
}
