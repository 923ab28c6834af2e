using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Saphan.Web.Features.Tips;

/// <summary>
/// The tip page's cheap challenge, with no third party: the form carries the time it was shown,
/// signed and encrypted with data protection. A post that comes back faster than a person can type,
/// much later, or with a token that was not ours is refused (and the form shown again to a person).
/// </summary>
public sealed class TipFormToken(IDataProtectionProvider protection, TimeProvider clock, IOptions<TipsOptions> options)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);
    private readonly IDataProtector _protector = protection.CreateProtector("Saphan.Tips.FormShown.v1");

    public string Issue() => _protector.Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    public bool IsPlausible(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return false;
        }

        try
        {
            var ticks = long.Parse(_protector.Unprotect(token), NumberStyles.None, CultureInfo.InvariantCulture);
            var elapsed = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
            return elapsed >= TimeSpan.FromSeconds(options.Value.MinimumFillSeconds) && elapsed <= MaxAge;
        }
        catch (Exception failed) when (failed is CryptographicException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
