using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Referrals;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Referrals;

/// <summary>
/// Referrals: made from a case by its organisation, answered by the service's organisation. Roles that work
/// with cases only; a referral exists for its two organisations only (404 for anyone else). Refusals of
/// substance (no consent, full, not eligible) answer 422; a state changed by someone else answers 409.
/// </summary>
public static class ReferralsApi
{
    public static void MapReferralsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/cases/{id:guid}/referrals", CreateAsync).WithTags("Referrals").RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<ReferralRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        var group = app.MapGroup("/api/v1/referrals").WithTags("Referrals").RequireAuthorization(Policies.ApiCasesRead);
        group.MapGet("/", InboxAsync).ProducesValidationProblem();
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/transitions", TransitionAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<TransitionRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapGet("/{id:guid}/case", CaseAsync).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/notes", NoteAsync).RequireAuthorization(Policies.ApiCasesWrite)
            .Accepts<NoteRequestDocument>("application/json").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<ReferralView>> CreateAsync(Guid id, HttpContext http, ReferralCommands referrals, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = ReferralInput.FromJson(new JsonInput(body, errors));
        var created = await referrals.CreateAsync(http.User.ToActor(), id, input, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/referrals/{created.Id}", created);
    }

    private static async Task<Ok<ReferralInbox>> InboxAsync(string? box, HttpContext http, ReferralCommands referrals, CancellationToken cancellationToken) =>
        TypedResults.Ok(await referrals.InboxAsync(http.User.ToActor(), box, cancellationToken));

    private static async Task<Ok<ReferralView>> GetAsync(Guid id, HttpContext http, ReferralCommands referrals, CancellationToken cancellationToken) =>
        TypedResults.Ok(await referrals.GetAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Ok<ReferralView>> TransitionAsync(Guid id, HttpContext http, ReferralCommands referrals, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var input = TransitionInput.FromJson(new JsonInput(body, errors));
        return TypedResults.Ok(await referrals.TransitionAsync(http.User.ToActor(), id, input, cancellationToken, errors));
    }

    private static async Task<Ok<ProjectedCaseView>> CaseAsync(Guid id, HttpContext http, ReferralCommands referrals, CancellationToken cancellationToken) =>
        TypedResults.Ok(await referrals.GetCaseAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Created<ReferralNoteView>> NoteAsync(Guid id, HttpContext http, ReferralCommands referrals, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        var json = new JsonInput(body, errors);
        var text = json.ReadString("text");
        json.RejectUnknownFields();
        errors.ThrowIfAny();
        var note = await referrals.AddNoteAsync(http.User.ToActor(), id, text, cancellationToken);
        return TypedResults.Created($"/api/v1/referrals/{id}/case", note);
    }
}

/// <summary>Request shapes, for the OpenAPI document only.</summary>
public sealed record ReferralRequestDocument(string ServiceId, string Urgency, string? Reason, string? ConsentOverride);

public sealed record TransitionRequestDocument(string To, string? Reason, string? Version);

public sealed record NoteRequestDocument(string Text);
