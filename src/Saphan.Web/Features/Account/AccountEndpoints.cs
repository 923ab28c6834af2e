using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Localization;
using Saphan.Core.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Account;

public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").ExcludeFromDescription();

        // Anyone may choose the language, also on the login page; the choice is kept for a year.
        group.MapPost("/culture", (HttpContext http, [FromForm] string culture, [FromForm] string? returnUrl) =>
        {
            var chosen = PlatformModule.Cultures.FirstOrDefault(c => c.Name == culture) ?? PlatformModule.Cultures[0];
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return TypedResults.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous();

        group.MapPost("/Account/Logout", async (SignInManager<SaphanUser> signIn, HttpContext http) =>
        {
            await signIn.SignOutAsync();
            // The offline field form keeps entries and a copy of its page in this browser: the browser deletes them.
            http.Response.Headers["Clear-Site-Data"] = "\"cache\", \"storage\"";
            return TypedResults.LocalRedirect("/Account/Login");
        }).RequireAuthorization(Identity.Policies.SignedIn);

        return group;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
