namespace Saphan.Web.Infrastructure;

/// <summary>Headers that keep pages from being framed, sniffed, cached or leaking where the user came from.</summary>
internal static class SecurityHeaders
{
    public static Task AddAsync(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Frame-Options"] = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Content-Security-Policy"] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
        headers["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
        // Pages show survivors' data: never keep them in a shared or browser cache.
        if (!context.Request.Path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase) && !context.Request.Path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase))
        {
            headers.CacheControl = "no-store";
        }

        return next();
    }
}
