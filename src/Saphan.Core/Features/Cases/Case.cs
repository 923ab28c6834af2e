using Saphan.Core.Features.Persons;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Cases;

/// <summary>An organisation's case for one person (HTCDS "Case"), from identification to closure.</summary>
public sealed class Case
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid PersonId { get; init; }
    public Person Person { get; init; } = null!;

    public DateOnly IdentifiedOn { get; set; }
    public string IdentificationRoute { get; set; } = "other";
    /// <summary>ISO 3166-2:TH code of the province where the person was identified.</summary>
    public required string Province { get; set; }
    public string Status { get; private set; } = "active";
    public Guid? AssignedWorkerId { get; set; }
    /// <summary>Free-text narrative: identifying, encrypted.</summary>
    public string? Summary { get; set; }
    /// <summary>A code of the traffickingStatus value set (dictionary victim.traffickingStatus); null: not recorded.</summary>
    public string? TraffickingStatus { get; set; }
    /// <summary>The kind of organisation that decided the status (victim.traffickingStatusDecidedBy).</summary>
    public string? TraffickingStatusDecidedBy { get; set; }
    /// <summary>The date of formal victim identification under the NRM (victim.nrm.identifiedOn); null: not (yet) formally identified.</summary>
    public DateOnly? NrmIdentifiedOn { get; set; }
    /// <summary>Whether a multidisciplinary team held the identification interview (victim.nrm.multidisciplinaryTeam).</summary>
    public bool? NrmMultidisciplinaryTeam { get; set; }
    /// <summary>Codes of the healthNeed value set, comma-separated (victim.healthNeeds); PDPA s.26 health data, encrypted.</summary>
    public string? HealthNeeds { get; set; }
    /// <summary>"true" or "false" (victim.arrestedOrCharged); PDPA s.26 criminal record, encrypted.</summary>
    public string? ArrestedOrCharged { get; set; }

    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>A code of the closureReason value set, set by <see cref="Close"/>; null while open or when closed without one (older records, imports).</summary>
    public string? ClosureReason { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    /// <summary>Free text: identifying, encrypted.</summary>
    public string? ClosureDetails { get; private set; }
    /// <summary>Changes on every save, so that two people editing at once cannot overwrite each other silently.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    private string? _storedAgeBand;

    /// <summary>
    /// De-identified, stored in clear for indicators: the CTDC age band at identification. Whenever the person is
    /// loaded it is computed from their (encrypted) birth date or estimate, so every save writes it afresh.
    /// </summary>
    public string? AgeBroad
    {
        get => Person is null ? _storedAgeBand : Person.AgeOn(IdentifiedOn) is int age and >= 0 ? Standard.StandardValueSets.AgeBandOf(age) : null;
        private set => _storedAgeBand = value;
    }

    public static bool IsClosedStatus(string status) => status is "closed" or "closed_referred";

    /// <summary>Moves the case to a new HTCDS status. A closed case must be reopened (to active) before follow-up.</summary>
    public void ChangeStatus(string status, DateTimeOffset now)
    {
        if (!ValueSets.CaseStatus.Contains(status))
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["status"] = [$"Unknown case status. Use one of: {ValueSets.CaseStatus.Describe()}."],
            });
        }

        if (status == Status)
        {
            return;
        }

        if (IsClosedStatus(Status) && status == "follow_up")
        {
            throw new ValidationException(new Dictionary<string, string[]>
            {
                ["status"] = ["A closed case is reopened as active before it can move to follow-up."],
            });
        }

        Status = status;
        ClosedAt = IsClosedStatus(status) ? now : null;
        ClosedOn = IsClosedStatus(status) ? DateOnly.FromDateTime(now.UtcDateTime) : null;
        if (!IsClosedStatus(status))
        {
            ClosureReason = null;
            ClosureDetails = null;
        }
    }

    /// <summary>Closes the case with a reason (referred on: closed_referred). The caller has checked the reason and the day.</summary>
    public void Close(string reason, DateOnly closedOn, string? details, DateTimeOffset now)
    {
        ChangeStatus(reason == "referred" ? "closed_referred" : "closed", now);
        ClosureReason = reason;
        ClosedOn = closedOn;
        ClosureDetails = details;
    }

    /// <summary>Opens a closed case again (active); the closure's reason stays in the audit log and the case comments.</summary>
    public void Reopen(DateTimeOffset now) => ChangeStatus("active", now);
}
