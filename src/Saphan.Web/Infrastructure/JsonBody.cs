using System.Text.Json;

namespace Saphan.Web.Infrastructure;

/// <summary>Reads a bounded JSON request body. Too large: 413; not JSON: 415; malformed: 400 naming the line.</summary>
internal static class JsonBody
{
    public static async Task<JsonElement> ReadAsync(HttpRequest request, CancellationToken cancellationToken, int maxBytes = PlatformModule.MaxJsonBodyBytes)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            throw new BadHttpRequestException("Send the body as application/json.", StatusCodes.Status415UnsupportedMediaType);
        }

        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 16 });
            return document.RootElement.Clone();
        }
        catch (JsonException malformed)
        {
            var line = (malformed.LineNumber + 1)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            throw new BadHttpRequestException($"The body is not valid JSON (near line {line}).", StatusCodes.Status400BadRequest);
        }
    }

    private static BadHttpRequestException TooLarge(int maxBytes) =>
        new($"The body is larger than the {maxBytes / 1024} KiB this endpoint accepts.", StatusCodes.Status413PayloadTooLarge);
}
