using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Saphan.Core;

namespace Saphan.Web.Infrastructure;

/// <summary>
/// Turns the use cases' exceptions into ProblemDetails answers for the API. Messages are the product's
/// own (they never echo submitted values); anything unexpected answers 500 without its message.
/// Page requests fall through to the /Error page, except endpoints marked <see cref="ProblemAnswers"/> (routes outside
/// /api that a page's script calls, such as the offline field form's sync).
/// </summary>
internal sealed partial class ProblemExceptionHandler(ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // By now the request path is already the error page's; the feature keeps the original.
        var failed = httpContext.Features.Get<IExceptionHandlerPathFeature>();
        var path = failed?.Path ?? httpContext.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) && failed?.Endpoint?.Metadata.GetMetadata<ProblemAnswers>() is null)
        {
            return false;
        }

        var problem = Map(exception);
        if (problem.Status == StatusCodes.Status500InternalServerError)
        {
            // The type only: an exception's message can carry data from the request.
            LogUnexpected(logger, exception.GetType().FullName ?? "unknown", httpContext.TraceIdentifier);
        }

        problem.Extensions["traceId"] = httpContext.TraceIdentifier;
        httpContext.Response.StatusCode = problem.Status!.Value;
        // Written directly: a problem answer must not depend on the client's Accept header.
        await httpContext.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
        return true;
    }

    /// <summary>The one mapping from the use cases' exceptions to problem answers; anything unknown is a 500 without its message.</summary>
    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException invalid => new ValidationProblemDetails(invalid.Errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid.",
        },
        NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = notFound.Message },
        ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = forbidden.Message },
        Saphan.Core.Features.Referrals.ReferralRefusedException refused => new ValidationProblemDetails(new Dictionary<string, string[]> { [refused.Field] = [refused.Message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = refused.Message,
        },
        Saphan.Core.Features.Referrals.ReferralConflictException conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = conflict.Message },
        Saphan.Core.Features.CaseRecord.CaseClosedException closed => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = closed.Message },
        // An offline edit to a case changed meanwhile: the field form shows both versions from these extensions.
        Saphan.Core.Features.FieldSync.FieldConflictException conflict => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = conflict.Message,
            Type = "field-conflict",
            Extensions = { ["caseId"] = conflict.CaseId, ["serverVersion"] = conflict.ServerVersion, ["fields"] = conflict.Fields },
        },
        Saphan.Core.Features.FieldSync.FieldEntryRefusedException refused => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = refused.Message },
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = bad.Message },
        DbUpdateConcurrencyException => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "The record was changed by someone else at the same time. Read it again and retry.",
        },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred." },
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected {ExceptionType} while handling request {TraceId}")]
    private static partial void LogUnexpected(ILogger logger, string exceptionType, string traceId);
}

/// <summary>
/// Endpoint metadata: this route, though outside /api, is called by a script and answers its errors as problem details
/// through <see cref="ProblemExceptionHandler"/> (not the /Error page).
/// </summary>
public sealed class ProblemAnswers
{
    public static readonly ProblemAnswers Instance = new();

    private ProblemAnswers()
    {
    }
}
