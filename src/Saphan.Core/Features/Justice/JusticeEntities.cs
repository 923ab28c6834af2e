namespace Saphan.Core.Features.Justice;

/// <summary>A person or company suspected of trafficking. Name and notes are identifying: encrypted.</summary>
public sealed class Suspect
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    /// <summary>suspectKind: person or company.</summary>
    public required string Kind { get; init; }
    public required string Name { get; set; }
    /// <summary>perpetratorRole codes.</summary>
    public List<string> Roles { get; set; } = [];
    public string? Notes { get; set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A phone, vehicle, bank or social account of a suspect: the value encrypted, its keyed hash for matching.</summary>
public sealed class SuspectIdentifier
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid SuspectId { get; init; }
    public required string Type { get; init; }
    public required string Value { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A suspect tied to a victim's case, to another suspect, or to a legal case (exactly one target).</summary>
public sealed class SuspectLink
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid SuspectId { get; init; }
    public Guid? CaseId { get; init; }
    public Guid? OtherSuspectId { get; init; }
    public Guid? LegalCaseId { get; init; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A prosecution under the Anti-Trafficking in Persons Act, from investigation to final judgment.</summary>
public sealed class LegalCase
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    /// <summary>The police or court case number: identifying (it leads to the file), encrypted.</summary>
    public required string Reference { get; set; }
    public string Stage { get; set; } = "investigation";
    /// <summary>tipActSection codes.</summary>
    public List<string> Charges { get; set; } = [];
    /// <summary>convicted, acquitted or null while undecided.</summary>
    public string? Verdict { get; set; }
    public int? SentenceMonths { get; set; }
    public long? FineSatang { get; set; }
    public DateOnly? AppealLodgedOn { get; set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset StageChangedAt { get; set; }
}

public sealed class Hearing
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid LegalCaseId { get; init; }
    public DateOnly HeldOn { get; init; }
    /// <summary>Court, kind of hearing and outcome: free text, encrypted.</summary>
    public string? Note { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A victim (their case in this organisation) as a witness, with the support the witness receives.</summary>
public sealed class Witness
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid LegalCaseId { get; init; }
    public Guid CaseId { get; init; }
    public string? Coordinator { get; init; }
    public string? InterpreterLanguage { get; init; }
    public string? ProtectionMeasures { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>An asset seized, frozen or forfeited (AMLO), in satang.</summary>
public sealed class SeizedAsset
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid LegalCaseId { get; init; }
    public Guid? SuspectId { get; init; }
    public required string Description { get; init; }
    public required string Status { get; init; }
    public long ValueSatang { get; init; }
    public DateOnly RecordedOn { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Compensation for one victim in one legal case: claimed, awarded, actually paid (satang).</summary>
public sealed class Compensation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid LegalCaseId { get; init; }
    public Guid CaseId { get; init; }
    public long ClaimedSatang { get; set; }
    public long AwardedSatang { get; set; }
    public long PaidSatang { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// A raid or rescue. It cannot be approved until a victim-protection plan exists (shelter places,
/// interpreters, child specialists, medical arrangements) and a prosecution lead is named.
/// </summary>
public sealed class Operation
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public required string Type { get; init; }
    /// <summary>A code name: encrypted (it may name a place or a person).</summary>
    public required string Name { get; set; }
    public required string Province { get; init; }
    public DateOnly PlannedOn { get; set; }
    public Guid? LegalCaseId { get; set; }
    public string Status { get; private set; } = "planned";
    public int? ShelterPlaces { get; set; }
    public int? Interpreters { get; set; }
    public int? ChildSpecialists { get; set; }
    public string? MedicalArrangements { get; set; }
    public string? ProsecutionLead { get; set; }
    public Guid? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    public Guid CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    public bool HasProtectionPlan =>
        ShelterPlaces is not null && Interpreters is not null && ChildSpecialists is not null && !string.IsNullOrWhiteSpace(MedicalArrangements);

    /// <summary>Approves the operation, or throws naming what is missing; nothing changes then.</summary>
    public void Approve(Guid approver, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (Status != "planned")
        {
            errors.Add("status", "Only a planned operation can be approved.");
        }

        if (!HasProtectionPlan)
        {
            errors.Add("protectionPlan", "A victim-protection plan is required first: shelter places, interpreters, child specialists and medical arrangements.");
        }

        if (string.IsNullOrWhiteSpace(ProsecutionLead))
        {
            errors.Add("prosecutionLead", "A prosecution lead must be named first.");
        }

        errors.ThrowIfAny();
        Status = "approved";
        ApprovedBy = approver;
        ApprovedAt = now;
    }

    /// <summary>An approved operation was carried out; only an approved one can be.</summary>
    public void Execute()
    {
        if (Status != "approved")
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["status"] = ["Only an approved operation can be marked executed."] });
        }

        Status = "executed";
    }

    /// <summary>Called off: a planned or approved operation; an executed one stays executed.</summary>
    public void Cancel()
    {
        if (Status is not ("planned" or "approved"))
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["status"] = ["Only a planned or approved operation can be cancelled."] });
        }

        Status = "cancelled";
    }
}
