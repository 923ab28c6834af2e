using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core.Data;

namespace Saphan.Core.Features.Identity;

public static class IdentityModule
{
    /// <summary>
    /// Accounts, roles and the password and lockout rules, without any HTTP: the CLI uses this directly,
    /// the web host adds cookie sign-in on top.
    /// </summary>
    public static IdentityBuilder AddSaphanIdentityCore(this IServiceCollection services)
    {
        services.AddScoped<ApiTokens>();
        services.AddScoped<UserAccounts>();
        return services.AddIdentityCore<SaphanUser>(Configure)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<SaphanDbContext>()
            .AddPasswordValidator<NotTheEmailPasswordValidator>()
            .AddDefaultTokenProviders();
    }

    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Length matters most (NIST SP 800-63B); mixed case and a digit keep the worst choices out.
        options.Password.RequiredLength = 12;
        options.Password.RequiredUniqueChars = 5;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = false;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        // The user name is the e-mail address, which may hold any character an address may.
        options.User.AllowedUserNameCharacters = "";
        options.SignIn.RequireConfirmedAccount = false;
        options.ClaimsIdentity.UserIdClaimType = System.Security.Claims.ClaimTypes.NameIdentifier;
    }
}

/// <summary>Refuses a password that contains the account's own e-mail name.</summary>
internal sealed class NotTheEmailPasswordValidator : IPasswordValidator<SaphanUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<SaphanUser> manager, SaphanUser user, string? password)
    {
        var local = (user.Email ?? "").Split('@')[0];
        return Task.FromResult(password is not null && local.Length >= 3 && password.Contains(local, StringComparison.OrdinalIgnoreCase)
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not contain the e-mail name." })
            : IdentityResult.Success);
    }
}
