using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.Services;

/// <summary>A service as submitted, before validation.</summary>
public sealed class ServiceInput
{
    public string? Type { get; set; }
    public string? Name { get; set; }
    public List<string>? Provinces { get; set; }
    public List<string>? Languages { get; set; }
    public List<string>? Genders { get; set; }
    public int? MinAge { get; set; }
    public int? MaxAge { get; set; }
    public List<string>? Nationalities { get; set; }
    public int? Capacity { get; set; }
    public int? Available { get; set; }
    public string? ContactRoute { get; set; }

    public static ServiceInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new ServiceInput
        {
            Type = json.ReadString("type"),
            Name = json.ReadString("name"),
            Provinces = json.ReadStrings("provinces"),
            Languages = json.ReadStrings("languages"),
            Genders = json.ReadStrings("genders"),
            MinAge = json.ReadInteger("minAge"),
            MaxAge = json.ReadInteger("maxAge"),
            Nationalities = json.ReadStrings("nationalities"),
            Capacity = json.ReadInteger("capacity"),
            Available = json.ReadInteger("available"),
            ContactRoute = json.ReadString("contactRoute"),
        };
        json.RejectUnknownFields();
        return input;
    }
}
