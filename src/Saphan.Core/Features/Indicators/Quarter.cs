using System.Globalization;

namespace Saphan.Core.Features.Indicators;

/// <summary>A calendar quarter, written "2026Q1" (Common Era years; January–March is Q1).</summary>
public readonly record struct Quarter(int Year, int Number)
{
    public DateOnly Start => new(Year, (Number - 1) * 3 + 1, 1);

    /// <summary>The first day after the quarter (exclusive end).</summary>
    public DateOnly End => Start.AddMonths(3);

    public Quarter Previous => Number == 1 ? new Quarter(Year - 1, 4) : new Quarter(Year, Number - 1);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 6 } || (text[4] != 'Q' && text[4] != 'q')
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || text[5] is < '1' or > '4' || year is < 2000 or > 2100)
        {
            return false;
        }

        quarter = new Quarter(year, text[5] - '0');
        return true;
    }

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>This quarter and the ones before it, oldest first.</summary>
    public IReadOnlyList<Quarter> Trailing(int count)
    {
        var list = new List<Quarter>(count);
        var q = this;
        for (var i = 0; i < count; i++)
        {
            list.Add(q);
            q = q.Previous;
        }

        list.Reverse();
        return list;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
