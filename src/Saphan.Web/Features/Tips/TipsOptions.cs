namespace Saphan.Web.Features.Tips;

/// <summary>Limits of the public tip endpoints (configuration section "Tips"), checked at start-up.</summary>
public sealed class TipsOptions
{
    public const string Section = "Tips";

    /// <summary>Tips one source may send (page and API together) per window.</summary>
    public int SubmitPermitLimit { get; set; } = 10;
    public int SubmitWindowMinutes { get; set; } = 10;
    /// <summary>Status checks and follow-ups one source may make per window: also makes guessing codes pointless.</summary>
    public int ReceiptPermitLimit { get; set; } = 30;
    public int ReceiptWindowMinutes { get; set; } = 10;
    /// <summary>A person needs at least this long to fill in the form; a script posting faster is refused.</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    internal bool IsValid() =>
        SubmitPermitLimit > 0 && SubmitWindowMinutes > 0 && ReceiptPermitLimit > 0 && ReceiptWindowMinutes > 0 && MinimumFillSeconds >= 0;
}
