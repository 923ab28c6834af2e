using Microsoft.Extensions.Localization;
using Saphan.Core.Features.Tips;

namespace Saphan.Web.Features.Tips;

/// <summary>Staff-side labels of the tip codes, through the shared localizer (English and Thai).</summary>
public static class TipLabels
{
    public static string Status(IStringLocalizer T, string code)
    {
        ArgumentNullException.ThrowIfNull(T);
        return code switch
        {
            TipStatuses.Received => T["Received"].Value,
            TipStatuses.UnderReview => T["Under review"].Value,
            TipStatuses.PassedToPartner => T["Passed to a partner"].Value,
            TipStatuses.Closed => T["Closed"].Value,
            _ => code,
        };
    }

    public static string When(IStringLocalizer T, string code)
    {
        ArgumentNullException.ThrowIfNull(T);
        return code switch
        {
            TipWhen.Now => T["Happening now"].Value,
            TipWhen.Today => T["Today"].Value,
            TipWhen.LastWeek => T["In the last week"].Value,
            TipWhen.Earlier => T["Earlier"].Value,
            _ => T["Not known"].Value,
        };
    }

    public static string Channel(IStringLocalizer T, string code)
    {
        ArgumentNullException.ThrowIfNull(T);
        return code switch
        {
            TipChannels.Web => T["Web form"].Value,
            TipChannels.Phone => T["Phone"].Value,
            _ => "API",
        };
    }

    /// <summary>The kind of partner organisation and why it is suggested for a tip.</summary>
    public static string Partner(IStringLocalizer T, PartnerSuggestion partner)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(partner);
        var type = partner.Type switch
        {
            "police" => T["Police"].Value,
            "labour_inspection" => T["Labour inspection"].Value,
            "ngo" => T["NGO"].Value,
            "shelter" => T["Shelter"].Value,
            "government" => T["Government agency"].Value,
            _ => T["Trade union"].Value,
        };
        var reason = partner.Reason switch
        {
            "coverage" => T["covers the province"].Value,
            "service" => T["has a service in the province"].Value,
            _ => T["based in the province"].Value,
        };
        return type + " · " + reason;
    }

    public static string Language(string code) =>
        TipTexts.Languages.FirstOrDefault(l => l.Code == code).Name ?? code;
}
