using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Saphan.Web.Tests.Support;

internal static class Json
{
    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static StringContent Body(object value) => Body(JsonSerializer.Serialize(value));

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static object NewCase(string givenName = "Somchai", string? familyName = "Jaidee", string province = "TH-57",
        string[]? citizenship = null, object? documents = null, string? phone = null) => new
    {
        person = new
        {
            givenName,
            familyName,
            birthDate = "1999-04-12",
            gender = "male",
            citizenship = citizenship ?? ["TH"],
            phone,
            identityDocuments = documents ?? Array.Empty<object>(),
        },
        identifiedOn = "2026-03-01",
        province,
        status = "active",
    };

    public static async Task<Guid> CreateCaseAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/cases", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"create failed: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
    }
}
