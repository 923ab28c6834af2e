using System.Globalization;
using System.Net;
using System.Text;

namespace Saphan.Web.Features.Indicators;

/// <summary>
/// Charts as inline SVG written on the server: no script, no library, no CDN, and nothing the content security policy
/// refuses (presentation attributes only, no style attributes). Every chart scales to its container's width.
/// </summary>
public static class SvgChart
{
    public static readonly string[] Palette = ["#1d4ed8", "#0f766e", "#b45309", "#7c3aed", "#be123c"];

    public sealed record Series(string Name, IReadOnlyList<double?> Values);

    /// <summary>Lines over periods (one per series), with the y axis from zero to a rounded maximum.</summary>
    public static string Lines(string title, IReadOnlyList<string> periods, IReadOnlyList<Series> series, string id, double? fixedMax = null)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(series);
        const double width = 420, left = 44, right = 30, top = 14;
        var bottom = 44 + 18.0 * series.Count;
        var height = 200 + bottom;
        var max = fixedMax ?? NiceMax(series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(0).Max());
        double X(int i) => left + (periods.Count <= 1 ? 0 : i * (width - left - right) / (periods.Count - 1));
        double Y(double v) => top + (height - top - bottom) * (1 - v / max);

        var svg = Open(title, width, height, id, "chart");
        for (var g = 0; g <= 4; g++)
        {
            var value = max * g / 4;
            svg.Append(Inv($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\" stroke=\"#e3e8ef\" />"));
            svg.Append(Inv($"<text x=\"{left - 6}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\" font-size=\"13\" fill=\"#5b6675\">{value:#,0.##}</text>"));
        }

        for (var i = 0; i < periods.Count; i++)
        {
            // "Q1" under each point, the year under the first point and every Q1 (periods are written 2026Q1).
            var period = periods[i];
            var quarterLabel = period.Length == 6 ? period[4..] : period;
            svg.Append(Inv($"<text x=\"{X(i):0.#}\" y=\"{height - bottom + 18:0.#}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#5b6675\">{Escape(quarterLabel)}</text>"));
            if (period.Length == 6 && (i == 0 || period.EndsWith("Q1", StringComparison.Ordinal)))
            {
                svg.Append(Inv($"<text x=\"{X(i):0.#}\" y=\"{height - bottom + 33:0.#}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6675\">{Escape(period[..4])}</text>"));
            }
        }

        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var points = series[s].Values.Select((v, i) => (v, i)).Where(p => p.v is not null)
                .Select(p => Inv($"{X(p.i):0.#},{Y(p.v!.Value):0.#}")).ToList();
            if (points.Count > 1)
            {
                svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" points=\"{string.Join(' ', points)}\" />"));
            }

            foreach (var point in points)
            {
                var xy = point.Split(',');
                svg.Append(Inv($"<circle cx=\"{xy[0]}\" cy=\"{xy[1]}\" r=\"3.5\" fill=\"{colour}\" />"));
            }

            // Legend below the axis, one per row.
            var lx = 8.0;
            var ly = height - bottom + 54 + s * 18;
            svg.Append(Inv($"<rect x=\"{lx:0.#}\" y=\"{ly - 9:0.#}\" width=\"12\" height=\"4\" fill=\"{colour}\" />"));
            svg.Append(Inv($"<text x=\"{lx + 18:0.#}\" y=\"{ly:0.#}\" font-size=\"14\" fill=\"#1f2933\">{Escape(series[s].Name)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one per labelled value; a suppressed value is drawn as a hatched stub marked "&lt; 11".</summary>
    public static string Bars(string title, IReadOnlyList<(string Label, double? Value, string Text)> bars, string id)
    {
        ArgumentNullException.ThrowIfNull(bars);
        // The label column fits 20 characters at 14 px (e.g. "Transgender / non-co…"); the full label is the tooltip.
        const double width = 400, row = 26, labelWidth = 172, right = 56;
        var height = Math.Max(1, bars.Count) * row + 8;
        var max = NiceMax(bars.Where(b => b.Value is not null).Select(b => b.Value!.Value).DefaultIfEmpty(0).Max());
        var svg = Open(title, width, height, id, "chart chart-bars");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, text) = bars[i];
            var y = 4 + i * row;
            var length = value is null ? 6 : Math.Max(1, (width - labelWidth - right) * value.Value / max);
            var fill = value is null ? "#c9d3e0" : Palette[0];
            svg.Append(Inv($"<text x=\"{labelWidth - 8}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"14\" fill=\"#1f2933\"><title>{Escape(label)}</title>{Escape(Shorten(label, 20))}</text>"));
            svg.Append(Inv($"<rect x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{length:0.#}\" height=\"{row - 8}\" rx=\"2\" fill=\"{fill}\" />"));
            svg.Append(Inv($"<text x=\"{labelWidth + length + 6:0.#}\" y=\"{y + 17}\" font-size=\"14\" fill=\"#1f2933\">{Escape(text)}</text>"));
        }

        return svg.Append("</svg>").ToString();
    }

    private static StringBuilder Open(string title, double width, double height, string id, string cssClass) =>
        new StringBuilder().Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" id=\"{Escape(id)}\" viewBox=\"0 0 {width} {height:0.#}\" role=\"img\" aria-label=\"{Escape(title)}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\"><title>{Escape(title)}</title>"));

    /// <summary>1, 2, 4 or 8 times a power of ten (so a quarter of it is a round number), at or above the maximum; at least 4.</summary>
    public static double NiceMax(double max)
    {
        if (max <= 4)
        {
            return 4;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var step in new[] { 1, 2, 4, 8, 10 })
        {
            if (step * power >= max)
            {
                return step * power;
            }
        }

        return 10 * power;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
