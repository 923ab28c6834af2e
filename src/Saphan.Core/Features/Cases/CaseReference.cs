namespace Saphan.Core.Features.Cases;

/// <summary>
/// The short reference people use for a case (the case page, the gaps view): the last 8 hex digits of its id. Case ids
/// are UUIDv7, whose first digits are the creation time, so cases created in the same minute would share a prefix;
/// the last digits are random.
/// </summary>
public static class CaseReference
{
    public static string Of(Guid caseId) => caseId.ToString("N")[^8..];
}
