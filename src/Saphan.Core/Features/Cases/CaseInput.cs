using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Cases;

/// <summary>A case's fields as submitted by the API or a form, before validation.</summary>
public sealed class CaseInput
{
    public PersonInput Person { get; set; } = new();
    public string? IdentifiedOn { get; set; }
    public string? IdentificationRoute { get; set; }
    public string? Province { get; set; }
    public string? Status { get; set; }
    public string? AssignedWorkerId { get; set; }
    public string? Summary { get; set; }
    /// <summary>Why the case is closed (a closureReason code): required with a closed status, by any route.</summary>
    public string? ClosureReason { get; set; }

    /// <summary>The fields that were sent: a PATCH changes only those; a form sends them all.</summary>
    public HashSet<string> Present { get; } = new(StringComparer.Ordinal);

    public static readonly IReadOnlyList<string> FieldNames =
        ["person", "identifiedOn", "identificationRoute", "province", "status", "assignedWorkerId", "summary", "closureReason"];

    public static CaseInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var person = json.ReadObject("person");
        var input = new CaseInput
        {
            Person = person is { IsObject: true } ? PersonInput.FromJson(person) : new PersonInput(),
            IdentifiedOn = json.ReadString("identifiedOn"),
            IdentificationRoute = json.ReadString("identificationRoute"),
            Province = json.ReadString("province"),
            Status = json.ReadString("status"),
            AssignedWorkerId = json.ReadString("assignedWorkerId"),
            Summary = json.ReadString("summary"),
            ClosureReason = json.ReadString("closureReason"),
        };
        foreach (var name in FieldNames.Where(json.Has))
        {
            input.Present.Add(name);
        }

        json.RejectUnknownFields();
        return input;
    }

    /// <summary>A form always shows every field, so every field counts as sent.</summary>
    public CaseInput AllPresent()
    {
        foreach (var name in FieldNames)
        {
            Present.Add(name);
        }

        foreach (var name in PersonInput.FieldNames)
        {
            Person.Present.Add(name);
        }

        return this;
    }

    /// <summary>Validates the sent fields and applies them to the case (not to the person: see <see cref="PersonInput"/>).</summary>
    internal void ApplyTo(Case @case, ValidationErrors errors, DateOnly today, bool isNew, ISet<Guid> organisationMembers, DateTimeOffset now)
    {
        bool Sent(string field) => isNew || Present.Contains(field);

        if (Sent("identifiedOn"))
        {
            if (PersonInput.ParseDate(IdentifiedOn, "identifiedOn", today, errors, required: true) is { } date)
            {
                @case.IdentifiedOn = date;
            }
        }

        if (Sent("identificationRoute"))
        {
            var route = PersonInput.Clean(IdentificationRoute) ?? "other";
            if (ValueSets.IdentificationRoute.Contains(route))
            {
                @case.IdentificationRoute = route;
            }
            else
            {
                errors.Add("identificationRoute", $"Unknown identification route. Use one of: {ValueSets.IdentificationRoute.Describe()}.");
            }
        }

        if (Sent("province"))
        {
            var province = PersonInput.Clean(Province)?.ToUpperInvariant();
            if (province is null)
            {
                errors.Add("province", "Required: the ISO 3166-2:TH code of the province (e.g. TH-10 for Bangkok).");
            }
            else if (!Provinces.IsKnown(province))
            {
                errors.Add("province", "Not an ISO 3166-2:TH province code (e.g. TH-10 for Bangkok, TH-50 for Chiang Mai).");
            }
            else
            {
                @case.Province = province;
            }
        }

        if (Sent("status"))
        {
            try
            {
                var status = PersonInput.Clean(Status) ?? "active";
                if (Case.IsClosedStatus(status) && status != @case.Status && ValueSets.CaseStatus.Contains(status))
                {
                    // Closing needs a reason, whichever route closes (API, form, import): see CloseWithReason.
                    CloseWithReason(@case, status, today, now, errors);
                }
                else
                {
                    @case.ChangeStatus(status, now);
                }
            }
            catch (ValidationException invalid)
            {
                foreach (var (field, messages) in invalid.Errors)
                {
                    foreach (var message in messages)
                    {
                        errors.Add(field, message);
                    }
                }
            }
        }

        if (Sent("assignedWorkerId"))
        {
            var raw = PersonInput.Clean(AssignedWorkerId);
            if (raw is null)
            {
                @case.AssignedWorkerId = null;
            }
            else if (!Guid.TryParse(raw, out var worker) || !organisationMembers.Contains(worker))
            {
                errors.Add("assignedWorkerId", "Not the id of a member of your organisation.");
            }
            else
            {
                @case.AssignedWorkerId = worker;
            }
        }

        if (Sent("summary"))
        {
            @case.Summary = PersonInput.Text(Summary, "summary", 8000, errors);
        }
    }

    /// <summary>
    /// Closes the case with <see cref="ClosureReason"/> (closed_referred implies "referred" when none is given), the day
    /// of the change as its closing day. Without a reason, or with one that contradicts the status, nothing changes and
    /// the problem is named under "closureReason".
    /// </summary>
    private void CloseWithReason(Case @case, string status, DateOnly today, DateTimeOffset now, ValidationErrors errors)
    {
        var reason = PersonInput.Clean(ClosureReason) ?? (status == "closed_referred" ? "referred" : null);
        var reasons = Standard.StandardValueSets.ClosureReason;
        if (reason is null)
        {
            errors.Add("closureReason", "Required when closing a case: why it is closed. Use one of: " + reasons.Describe() + ".");
        }
        else if (!reasons.Contains(reason))
        {
            errors.Add("closureReason", "Not a closure reason. Use one of: " + reasons.Describe() + ".");
        }
        else if ((reason == "referred") != (status == "closed_referred"))
        {
            errors.Add("closureReason", "The reason \"referred\" goes with the status closed_referred, any other reason with closed.");
        }
        else
        {
            var closedOn = today < @case.IdentifiedOn ? @case.IdentifiedOn : today;
            @case.Close(reason, closedOn, null, now);
        }
    }
}
