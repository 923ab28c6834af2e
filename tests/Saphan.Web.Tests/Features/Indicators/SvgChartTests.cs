using System.Xml.Linq;
using Saphan.Web.Features.Indicators;

namespace Saphan.Web.Tests.Features.Indicators;

public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_long_bar_label_is_shortened_inside_the_label_column_and_kept_whole_as_its_tooltip()
    {
        var chart = XElement.Parse(SvgChart.Bars("People identified by sex",
            [("Transgender / non-conforming", 12, "12"), ("Female", 40, "40"), ("<script>", null, "< 11")], "sex"));

        var labels = chart.Elements(Svg + "text").Where(t => t.Attribute("text-anchor")?.Value == "end").ToList();
        Assert.Equal(3, labels.Count);
        var first = labels[0];
        Assert.Equal("Transgender / non-conforming", first.Element(Svg + "title")!.Value);
        var shown = string.Concat(first.Nodes().OfType<XText>().Select(t => t.Value));
        Assert.True(shown.Length <= 20, shown);
        // The label ends where the bars begin: right-aligned at the column's edge, which leaves room for 20 characters.
        var labelEnd = double.Parse(first.Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        var barStart = double.Parse(chart.Elements(Svg + "rect").First().Attribute("x")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(labelEnd < barStart && labelEnd >= 20 * 14 * 0.55, $"label column {labelEnd}");
        // Markup in a label is text, not markup.
        Assert.Equal("<script>", labels[2].Element(Svg + "title")!.Value);
    }
}
