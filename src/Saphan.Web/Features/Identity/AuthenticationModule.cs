using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Saphan.Core.Features.Identity;

namespace Saphan.Web.Features.Identity;

public static class AuthenticationModule
{
    public const string DefaultScheme = "saphan";

    public static IServiceCollection AddSaphanAuthentication(this IServiceCollection services)
    {
        services.AddSaphanIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<SaphanClaimsFactory>();
        // One default scheme that picks: bearer tokens for the API (never the cookie, so another site
        // cannot ride a signed-in browser), the sign-in cookie for pages.
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "API token or sign-in cookie", options => options.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "saphan.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/Account/Login";
            cookie.LogoutPath = "/Account/Logout";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddAuthorization(Policies.Register);
        return services;
    }
}
