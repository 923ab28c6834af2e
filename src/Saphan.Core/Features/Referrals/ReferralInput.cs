using Saphan.Core.Features.Cases;

namespace Saphan.Core.Features.Referrals;

/// <summary>A new referral as submitted.</summary>
public sealed class ReferralInput
{
    public string? ServiceId { get; set; }
    public string? Urgency { get; set; }
    public string? Reason { get; set; }
    public string? ConsentOverride { get; set; }

    public static ReferralInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new ReferralInput
        {
            ServiceId = json.ReadString("serviceId"),
            Urgency = json.ReadString("urgency"),
            Reason = json.ReadString("reason"),
            ConsentOverride = json.ReadString("consentOverride"),
        };
        json.RejectUnknownFields();
        return input;
    }
}

/// <summary>A requested step of the state machine; <see cref="Version"/> optionally names the version the person acted on.</summary>
public sealed class TransitionInput
{
    public string? To { get; set; }
    public string? Reason { get; set; }
    public string? Version { get; set; }

    public static TransitionInput FromJson(JsonInput json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var input = new TransitionInput { To = json.ReadString("to"), Reason = json.ReadString("reason"), Version = json.ReadString("version") };
        json.RejectUnknownFields();
        return input;
    }
}
