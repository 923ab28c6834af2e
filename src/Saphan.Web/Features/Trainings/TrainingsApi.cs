using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Saphan.Core;
using Saphan.Core.Features.Cases;
using Saphan.Core.Features.Trainings;
using Saphan.Web.Features.Identity;
using Saphan.Web.Infrastructure;

namespace Saphan.Web.Features.Trainings;

/// <summary>
/// Training sessions the caller's organisation gave (indicator P6): org admins and supervisors record, list, correct
/// (PUT) and delete them (403 for other roles); another organisation's session answers 404.
/// </summary>
public static class TrainingsApi
{
    public static RouteGroupBuilder MapTrainingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/trainings").WithTags("Trainings").RequireAuthorization(Policies.Api);
        group.MapGet("/", ListAsync).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/{id:guid}", GetAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", RecordAsync).Accepts<TrainingRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPut("/{id:guid}", CorrectAsync).Accepts<TrainingRequestDocument>("application/json")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<TrainingView>>> ListAsync(string? year, HttpContext http, TrainingRecords trainings, CancellationToken cancellationToken)
    {
        int? parsed = null;
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 2000 or > 2100)
            {
                var errors = new ValidationErrors();
                errors.Add("year", "Expected a year such as 2026.");
                errors.ThrowIfAny();
            }

            parsed = y;
        }

        return TypedResults.Ok(await trainings.ListAsync(http.User.ToActor(), parsed, cancellationToken));
    }

    private static async Task<Ok<TrainingView>> GetAsync(Guid id, HttpContext http, TrainingRecords trainings, CancellationToken cancellationToken) =>
        TypedResults.Ok(await trainings.GetAsync(http.User.ToActor(), id, cancellationToken));

    private static async Task<Created<TrainingView>> RecordAsync(HttpContext http, TrainingRecords trainings, CancellationToken cancellationToken)
    {
        var (input, errors) = await ReadAsync(http, cancellationToken);
        var created = await trainings.RecordAsync(http.User.ToActor(), input, cancellationToken, errors);
        return TypedResults.Created($"/api/v1/trainings/{created.Id}", created);
    }

    /// <summary>The whole session again, corrected (PUT replaces every field).</summary>
    private static async Task<Ok<TrainingView>> CorrectAsync(Guid id, HttpContext http, TrainingRecords trainings, CancellationToken cancellationToken)
    {
        var (input, errors) = await ReadAsync(http, cancellationToken);
        return TypedResults.Ok(await trainings.CorrectAsync(http.User.ToActor(), id, input, cancellationToken, errors));
    }

    private static async Task<NoContent> DeleteAsync(Guid id, HttpContext http, TrainingRecords trainings, CancellationToken cancellationToken)
    {
        await trainings.DeleteAsync(http.User.ToActor(), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<(TrainingInput Input, ValidationErrors Errors)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync(http.Request, cancellationToken);
        var errors = new ValidationErrors();
        return (TrainingInput.FromJson(new JsonInput(body, errors)), errors);
    }
}

/// <summary>The request body's shape, for the OpenAPI document only. Participants are keyed by gender code.</summary>
public sealed record TrainingRequestDocument(string HeldOn, string Topic, string Province, string Audience, TrainingParticipantsDocument Participants);

/// <summary>Participants by sex (the standard's gender codes).</summary>
public sealed record TrainingParticipantsDocument(int? Female, int? Male, int? TransgenderNonconforming, int? Unknown);
