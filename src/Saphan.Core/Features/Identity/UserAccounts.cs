using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Identity;

/// <summary>Creates staff accounts in an organisation with their roles.</summary>
public sealed class UserAccounts(SaphanDbContext db, UserManager<SaphanUser> users, RoleManager<IdentityRole<Guid>> roles)
{
    public async Task<SaphanUser> AddAsync(Actor actor, Guid organisationId, IReadOnlyCollection<string> roleNames, string email, string password,
        string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(roleNames);
        var errors = new ValidationErrors();
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            errors.Add("org", "No organisation has this id.");
        }

        if (roleNames.Count == 0 || roleNames.Any(r => !Roles.IsKnown(r)))
        {
            errors.Add("role", $"Unknown role. Use one of: {string.Join(", ", Roles.All)}.");
        }

        errors.ThrowIfAny();
        var user = new SaphanUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            OrganisationId = organisationId,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email.Trim().Split('@')[0] : displayName.Trim(),
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        Throw(created, "password");
        foreach (var role in roleNames)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Throw(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }), "role");
            }
        }

        Throw(await users.AddToRolesAsync(user, roleNames), "role");
        db.Audit(actor, "user.created", "user", user.Id, "roles " + string.Join(' ', roleNames));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return user;
    }

    /// <summary>
    /// Ends every session of the account (a lost or stolen phone): the security stamp changes, so the sign-in cookie is
    /// refused at its next check and the offline field form, at its next sync, wipes what the phone kept (issue 7).
    /// API tokens are separate and stay until revoked.
    /// </summary>
    public async Task EndSessionsAsync(Actor actor, string email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new NotFoundException("Account");
        Throw(await users.UpdateSecurityStampAsync(user), "email");
        db.Audit(actor, "user.sessions_ended", "user", user.Id);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Throw(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            var errors = new ValidationErrors();
            foreach (var error in result.Errors)
            {
                var target = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password"
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "email"
                    : field;
                // Identity's own texts repeat the submitted address; say it without echoing it.
                errors.Add(target, error.Code is "DuplicateEmail" or "DuplicateUserName"
                    ? "An account with this e-mail already exists."
                    : error.Description);
            }

            errors.ThrowIfAny();
        }
    }
}
