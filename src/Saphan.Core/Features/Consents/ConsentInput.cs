using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.Consents;

/// <summary>A consent decision as submitted by the API or the form, before validation.</summary>
public sealed class ConsentInput
{
    public string? Purpose { get; set; }
    public string? Status { get; set; }
    public string? Method { get; set; }
    public string? RecordedOn { get; set; }
    public string? Note { get; set; }

    public const int NoteMaxLength = 2000;

    public static ConsentInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new ConsentInput
        {
            Purpose = json.ReadString("purpose"),
            Status = json.ReadString("status"),
            Method = json.ReadString("method"),
            RecordedOn = json.ReadString("recordedOn"),
            Note = json.ReadString("note"),
        };
        json.RejectUnknownFields();
        return input;
    }
}
