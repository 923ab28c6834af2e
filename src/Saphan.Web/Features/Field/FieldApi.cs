using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Saphan.Core;
using Saphan.Core.Features.FieldSync;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Screenings;
using Saphan.Web.Features.Identity;
using Saphan.Web.Features.Screenings;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Field;

/// <summary>
/// The offline field form's server side (issue 7). The page (/Field) signs in with the cookie, so its sync,
/// session and instrument routes live under /Field: the API under /api never accepts the cookie. They are case
/// writers' only, same-origin, and the sync needs the antiforgery token in a header. API clients send the same
/// entries with a bearer token to POST /api/v1/sync/entries.
/// </summary>
public static class FieldApi
{
    public const string SyncPath = "/Field/sync";
    public const string SessionPath = "/Field/session";
    public const string InstrumentsPath = "/Field/instruments";
    /// <summary>On a 401 from the field routes, <c>revoked</c> when the session was ended elsewhere; absent when it merely expired.</summary>
    public const string SessionHeader = "Saphan-Session";
    private const string RevokedItem = "saphan.field.revoked";

    public static IServiceCollection AddFieldModule(this IServiceCollection services)
    {
        services.AddScoped<SyncFieldEntry>();
        // The page's script calls these routes: answer 401 instead of redirecting it to the sign-in page, marked when the
        // session was ended elsewhere, so that it can wipe what the device keeps (403s are marked by the group's filter).
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options =>
        {
            var toLogin = options.Events.OnRedirectToLogin;
            var validate = options.Events.OnValidatePrincipal;
            // The periodic security-stamp check refusing the cookie means the session was ended elsewhere (not merely
            // expired): the script is told so, and wipes what the phone keeps.
            options.Events.OnValidatePrincipal = async context =>
            {
                await validate(context);
                if (context.Principal is null && IsScriptRoute(context.Request))
                {
                    context.HttpContext.Items[RevokedItem] = true;
                }
            };
            options.Events.OnRedirectToLogin = context =>
            {
                if (!IsScriptRoute(context.Request))
                {
                    return toLogin(context);
                }

                if (context.HttpContext.Items.ContainsKey(RevokedItem))
                {
                    context.Response.Headers[SessionHeader] = "revoked";
                }

                return Status(context.Response, StatusCodes.Status401Unauthorized);
            };
        });
        return services;
    }

    public static IEndpointRouteBuilder MapFieldApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/sync/entries", ApiSyncAsync).WithTags("Field sync").RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<FieldEntryDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        // Signed in is required by the policy; the role is checked by the filter below rather than by a role policy, because
        // a role policy's 403 on these JSON routes came back without the mark set in the cookie's access-denied event. A user without a case-writing role gets 403 marked "not-allowed": the page wipes the phone.
        var page = app.MapGroup("").ExcludeFromDescription().RequireAuthorization(Policies.SignedIn).WithMetadata(ProblemAnswers.Instance)
            .AddEndpointFilter(async (context, next) =>
            {
                if (!Roles.CaseWriters.Any(context.HttpContext.User.IsInRole))
                {
                    context.HttpContext.Response.Headers[SessionHeader] = "not-allowed";
                    return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Your role does not enter cases.");
                }

                return await next(context);
            });
        page.MapGet(SessionPath, SessionAsync);
        page.MapPost(SyncPath, PageSyncAsync);
        page.MapGet(InstrumentsPath, Instruments);
        return app;
    }

    private static async Task<IResult> ApiSyncAsync(HttpContext http, SyncFieldEntry handler, CancellationToken cancellationToken) =>
        await RunAsync(http, handler, cancellationToken);

    /// <summary>The page asks before sending: is the session still valid (not revoked elsewhere), and a fresh antiforgery token.</summary>
    private static async Task<IResult> SessionAsync(HttpContext http, SignInManager<SaphanUser> signIn, IAntiforgery antiforgery)
    {
        if (await RevokedAsync(http, signIn))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The session has ended: sign in again.");
        }

        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new FieldSession(tokens.RequestToken!, DeviceOwner(http)));
    }

    private static async Task<IResult> PageSyncAsync(HttpContext http, SyncFieldEntry handler, SignInManager<SaphanUser> signIn, IAntiforgery antiforgery,
        CancellationToken cancellationToken)
    {
        if (!SameOrigin(http.Request))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Entries are accepted only from Saphan's own pages.");
        }

        if (await RevokedAsync(http, signIn))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "The session has ended: sign in again.");
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
        }
        catch (AntiforgeryValidationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The antiforgery token is missing or not valid: reload the page and send again.");
        }

        return await RunAsync(http, handler, cancellationToken);
    }

    /// <summary>
    /// Errors (invalid fields, not found, forbidden, a conflict with the server's version, a refused entry) are thrown and
    /// answered by the shared <see cref="ProblemExceptionHandler"/>, on the page's routes too (they carry <see cref="ProblemAnswers"/>).
    /// </summary>
    private static async Task<IResult> RunAsync(HttpContext http, SyncFieldEntry handler, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var result = await handler.HandleAsync(http.User.ToActor(), body, cancellationToken);
        return result.AlreadyReceived ? TypedResults.Ok(result) : TypedResults.Created("/api/v1/cases/" + result.CaseId, result);
    }

    /// <summary>The instruments the signed-in role may record (health ones only for supervisors and case workers), to keep offline.</summary>
    private static Ok<IEnumerable<InstrumentDocument>> Instruments(HttpContext http)
    {
        var actor = http.User.ToActor();
        return TypedResults.Ok(ScreeningInstruments.All.Where(i => ScreeningAccess.MaySee(actor, i.Category)).Select(i => new InstrumentDocument(
            i.Code, i.Version, i.English, i.Thai, i.Category, i.Source, i.RuleEnglish, i.UnderAge,
            i.Items.Select(x => new InstrumentItemDocument(x.Code, x.English, x.Thai)),
            i.Options.Select(o => new InstrumentOptionDocument(int.Parse(o.Code, System.Globalization.CultureInfo.InvariantCulture), o.English, o.Thai)),
            i.Bands.Select(b => new InstrumentBandDocument(b.Code, b.Minimum, b.Maximum, b.English, b.Thai, b.MeaningEnglish)))));
    }

    /// <summary>
    /// Signed out elsewhere (the security stamp changed: password reset, second factor changed, an administrator
    /// ending the sessions) counts at once here, not only at the cookie's next five-minute check.
    /// </summary>
    private static async Task<bool> RevokedAsync(HttpContext http, SignInManager<SaphanUser> signIn)
    {
        if (await signIn.ValidateSecurityStampAsync(http.User) is not null)
        {
            return false;
        }

        await signIn.SignOutAsync();
        http.Response.Headers[SessionHeader] = "revoked";
        return true;
    }

    private static bool SameOrigin(HttpRequest request)
    {
        // Browsers say where a request comes from; other clients (no such headers) still need the antiforgery token.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site != "same-origin")
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        return origin.Length == 0 || string.Equals(origin, request.Scheme + "://" + request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Who the device's store belongs to, as a SHA-256 of organisation and user ids (the ids themselves stay off the phone): another user's sign-in wipes it.</summary>
    private static string DeviceOwner(HttpContext http)
    {
        var actor = http.User.ToActor();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("saphan-field:" + actor.OrganisationId + ":" + actor.UserId)))[..32];
    }

    private static bool IsScriptRoute(HttpRequest request) =>
        request.Path.Equals(SyncPath, StringComparison.OrdinalIgnoreCase) || request.Path.Equals(SessionPath, StringComparison.OrdinalIgnoreCase)
        || request.Path.Equals(InstrumentsPath, StringComparison.OrdinalIgnoreCase);

    private static Task Status(HttpResponse response, int status)
    {
        response.StatusCode = status;
        return Task.CompletedTask;
    }
}

public sealed record FieldSession(string Token, string Owner);

/// <summary>The request body's shape, for the OpenAPI document only (see <see cref="SyncFieldEntry"/>).</summary>
public sealed record FieldEntryDocument(Guid ClientId, string Kind, Guid? CaseId, Guid? CaseClientId, Guid? BaseVersion,
    Saphan.Web.Features.Cases.CaseRequestDocument? Case, ScreeningRequestDocument? Screening, object? Base);
