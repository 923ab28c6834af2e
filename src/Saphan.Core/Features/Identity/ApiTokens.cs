using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Identity;

/// <summary>Issues and checks API tokens. Tokens look like <c>sph_</c> + 43 url-safe characters (256 bits).</summary>
public sealed class ApiTokens(SaphanDbContext db, TimeProvider clock)
{
    public const string Prefix = "sph_";

    public async Task<string> CreateAsync(string email, string name, TimeSpan? lifetime, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToUpperInvariant();
        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalised, cancellationToken)
            ?? throw new NotFoundException("User");
        var token = Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id,
            TokenHash = HashOf(token),
            Name = name,
            CreatedAt = now,
            ExpiresAt = lifetime is null ? null : now + lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The active user a token belongs to, or null. Lookup is by hash, so timing reveals nothing of the token.</summary>
    public async Task<SaphanUser?> FindUserAsync(string token, CancellationToken cancellationToken)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token);
        var now = clock.GetUtcNow();
        var row = await db.ApiTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (row is null || !row.IsActive(now))
        {
            return null;
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == row.UserId, cancellationToken);
        if (user is null || (user.LockoutEnd is { } end && end > now))
        {
            return null;
        }

        // Record use at most once an hour: a write per request would serialise readers on SQLite.
        if (row.LastUsedAt is null || now - row.LastUsedAt > TimeSpan.FromHours(1))
        {
            row.LastUsedAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }

    internal static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
