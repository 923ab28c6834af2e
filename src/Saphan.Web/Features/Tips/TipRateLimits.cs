using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Saphan.Web.Features.Tips;

/// <summary>
/// Per-source limits on the public tip endpoints only, so that a flood of tips cannot crowd out real
/// senders or staff. The source is the connection's address (an IPv6 address by its /64 network),
/// used as a key in this process's memory for the length of a window and never written anywhere.
/// Page views (GET of a page) are free; sending, checking and adding are counted.
/// </summary>
internal sealed class TipRateLimits(bool submit) : IRateLimiterPolicy<string>
{
    public const string Submit = "tips.submit";
    public const string Receipt = "tips.receipt";

    public static void Register(RateLimiterOptions options)
    {
        options.AddPolicy(Submit, new TipRateLimits(submit: true));
        options.AddPolicy(Receipt, new TipRateLimits(submit: false));
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter("page view");
        }

        var options = httpContext.RequestServices.GetRequiredService<IOptions<TipsOptions>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter(SourceOf(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = submit ? options.SubmitPermitLimit : options.ReceiptPermitLimit,
            Window = TimeSpan.FromMinutes(submit ? options.SubmitWindowMinutes : options.ReceiptWindowMinutes),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    internal static string SourceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "none";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            // One household or phone gets a whole /64: count the network, not each of its addresses.
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            return new IPAddress(bytes).ToString();
        }

        return address.ToString();
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            var problem = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests from your network. Try again after the number of seconds in Retry-After.",
            };
            await http.Response.WriteAsJsonAsync(problem, problem.GetType(), options: null, contentType: "application/problem+json", cancellationToken);
            return;
        }

        // A page: say it in every language of the form, without a layout that could fail under load.
        http.Response.ContentType = "text/html; charset=utf-8";
        var lines = string.Join("", TipTexts.Languages.Select(l =>
            $"<p lang=\"{l.Code}\">{WebUtility.HtmlEncode(TipTexts.For(l.Code)["tooMany"])}</p>"));
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>429</title></head><body>{lines}</body></html>",
            cancellationToken);
    }
}
