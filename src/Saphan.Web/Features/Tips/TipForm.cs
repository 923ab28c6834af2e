using System.Globalization;
using Saphan.Core.Features.Tips;

namespace Saphan.Web.Features.Tips;

/// <summary>A tip's fields as a form posts them (the public page and the operator's phone-tip page).</summary>
public sealed class TipForm
{
    public string? Description { get; set; }
    public string? Province { get; set; }
    public string? Place { get; set; }
    public string? When { get; set; } = TipWhen.Unknown;
    public bool ImminentDanger { get; set; }
    public bool ChildrenAtRisk { get; set; }
    public string? ChildrenCount { get; set; }
    public string? Contact { get; set; }

    public TipInput ToInput(string language)
    {
        var count = ChildrenCount?.Trim();
        int? children = null;
        if (!string.IsNullOrEmpty(count))
        {
            // Not a number must not silently become "unknown": report it as out of range.
            children = int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        }

        return new TipInput
        {
            Description = Description,
            Province = Province,
            Place = Place,
            When = When,
            ImminentDanger = ImminentDanger,
            ChildrenAtRisk = ChildrenAtRisk,
            ChildrenCount = children,
            Contact = Contact,
            Language = language,
        };
    }
}
