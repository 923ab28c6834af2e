namespace Saphan.Core.Features.Screenings;

/// <summary>
/// One completed screening instrument on a case (PHQ-9, ILO forced-labour indicators …): the answers
/// (encrypted: health or personal circumstances), the score and band computed by the instrument's
/// published rules, and flags such as suicide risk. Screenings are not edited; a repeat is a new screening.
/// </summary>
public sealed class Screening
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganisationId { get; init; }
    public Guid CaseId { get; init; }

    /// <summary>The instrument's code (PHQ-9, GAD-7, PCL-5, ILO-FL-11, CHILD-TIP, SUICIDE-Q).</summary>
    public required string Instrument { get; init; }
    public required string InstrumentVersion { get; init; }
    /// <summary>health (PDPA s.26: only health roles read it), labour or child.</summary>
    public required string Category { get; init; }
    /// <summary>The answers, comma-separated in item order; encrypted.</summary>
    public required string Answers { get; init; }
    public int Score { get; init; }
    public required string Band { get; init; }
    public List<string> Flags { get; init; } = [];

    public Guid RecordedBy { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
}
