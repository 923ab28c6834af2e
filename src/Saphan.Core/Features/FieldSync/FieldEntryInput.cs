using System.Text.Json;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Screenings;

namespace Saphan.Core.Features.FieldSync;

/// <summary>
/// One entry as the device sends it:
/// <c>{ "clientId": uuid, "kind": "intake", "case": { …as POST /api/v1/cases… } }</c>,
/// <c>{ "clientId", "kind": "screening", "caseId" | "caseClientId", "screening": { "instrument", "answers" } }</c> or
/// <c>{ "clientId", "kind": "edit", "caseId" | "caseClientId", "baseVersion": uuid, "case": { …changed fields… }, "base": { …values the device knew… } }</c>.
/// </summary>
internal sealed class FieldEntryInput
{
    public Guid ClientId { get; private init; }
    public string Kind { get; private init; } = "";
    public Guid? CaseId { get; private init; }
    public Guid? CaseClientId { get; private init; }
    public Guid? BaseVersion { get; private init; }
    public CaseInput? Case { get; private init; }
    public JsonElement? CaseBody { get; private init; }
    public JsonElement? Base { get; private init; }
    public ScreeningInput? Screening { get; private init; }

    public static FieldEntryInput Read(JsonElement body)
    {
        var errors = new ValidationErrors();
        var json = new JsonInput(body, errors);
        var clientId = ReadId(json, "clientId", required: true);
        var kind = json.ReadString("kind");
        if (kind is null || !FieldEntryKinds.All.Contains(kind))
        {
            errors.Add("kind", "Required: one of " + string.Join(", ", FieldEntryKinds.All) + ".");
        }

        var caseId = ReadId(json, "caseId", required: false);
        var caseClientId = ReadId(json, "caseClientId", required: false);
        var baseVersion = ReadId(json, "baseVersion", required: false);
        var caseJson = json.ReadObject("case");
        var screeningJson = json.ReadObject("screening");
        var baseJson = json.ReadObject("base");
        json.RejectUnknownFields();

        var input = new FieldEntryInput
        {
            ClientId = clientId ?? Guid.Empty,
            Kind = kind ?? "",
            CaseId = caseId,
            CaseClientId = caseClientId,
            BaseVersion = baseVersion,
            Case = caseJson is { IsObject: true } ? CaseInput.FromJson(caseJson) : null,
            CaseBody = caseJson is { IsObject: true } ? body.GetProperty("case") : null,
            Base = baseJson is { IsObject: true } ? body.GetProperty("base") : null,
            Screening = screeningJson is { IsObject: true } ? ScreeningInput.FromJson(screeningJson) : null,
        };

        var about = kind is FieldEntryKinds.Screening or FieldEntryKinds.Edit;
        if (about && (caseId is null) == (caseClientId is null))
        {
            errors.Add("caseId", "Give either caseId (a case on the server) or caseClientId (the id of this device's intake entry).");
        }
        else if (!about && (caseId is not null || caseClientId is not null))
        {
            errors.Add("caseId", "Only a screening or an edit names a case.");
        }

        if (kind is FieldEntryKinds.Intake or FieldEntryKinds.Edit && caseJson is null)
        {
            errors.Add("case", "Required for an " + kind + ": the case as for POST /api/v1/cases.");
        }

        if (kind == FieldEntryKinds.Screening && screeningJson is null)
        {
            errors.Add("screening", "Required for a screening: { instrument, answers }.");
        }

        if (kind == FieldEntryKinds.Edit && baseVersion is null)
        {
            errors.Add("baseVersion", "Required for an edit: the version of the case the device last saw.");
        }

        errors.ThrowIfAny();
        return input;
    }

    private static Guid? ReadId(JsonInput json, string name, bool required)
    {
        var text = json.ReadString(name);
        if (text is null)
        {
            if (required)
            {
                json.Errors.Add(name, "Required: a UUID.");
            }

            return null;
        }

        if (!Guid.TryParse(text, out var id) || id == Guid.Empty)
        {
            json.Errors.Add(name, "Not a UUID.");
            return null;
        }

        return id;
    }
}
