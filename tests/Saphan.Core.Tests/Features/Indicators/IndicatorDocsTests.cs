using Saphan.Core.Features.Indicators;

namespace Saphan.Core.Tests.Features.Indicators;

/// <summary>docs/indicators.md is generated from the catalogue; the committed copy must match it.</summary>
public sealed class IndicatorDocsTests
{
    private static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Saphan.slnx")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException($"No Saphan.slnx above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void The_committed_catalogue_document_is_what_the_generator_writes()
    {
        var path = RepositoryFile("docs/indicators.md");
        Assert.True(File.Exists(path), "docs/indicators.md is missing: run ./saphan report docs");
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(committed == IndicatorMarkdown.Render(), "docs/indicators.md is out of date with the catalogue: run ./saphan report docs");
    }

    [Fact]
    public void Every_indicator_has_both_languages_a_numerator_and_a_query_or_a_reason()
    {
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(d => d.Code).Distinct().Count());
        Assert.All(IndicatorCatalogue.All, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.English));
            Assert.Contains(d.Thai, c => c is >= '\u0E00' and <= '\u0E7F');
            Assert.Contains(d.DefinitionThai, c => c is >= '\u0E00' and <= '\u0E7F');
            Assert.False(string.IsNullOrWhiteSpace(d.Numerator));
            Assert.True(d.Query is not null ^ d.NotComputable is not null, d.Code);
            Assert.Equal(d.Unit == IndicatorUnits.Count, d.Denominator is null);
        });
        Assert.Contains(IndicatorCatalogue.All, d => d.Kind == IndicatorCatalogue.Performance);
        Assert.Contains(IndicatorCatalogue.All, d => d.Kind == IndicatorCatalogue.Effectiveness);
    }

    [Theory]
    [InlineData("2026Q1", true, "2026-01-01", "2026-04-01")]
    [InlineData("2025q4", true, "2025-10-01", "2026-01-01")]
    [InlineData("2026Q5", false, null, null)]
    [InlineData("2569Q1", false, null, null)]
    [InlineData("26Q1", false, null, null)]
    [InlineData(null, false, null, null)]
    public void Quarters_are_read_as_YYYYQn(string? text, bool valid, string? start, string? end)
    {
        Assert.Equal(valid, Quarter.TryParse(text, out var quarter));
        if (valid)
        {
            Assert.Equal(DateOnly.Parse(start!, System.Globalization.CultureInfo.InvariantCulture), quarter.Start);
            Assert.Equal(DateOnly.Parse(end!, System.Globalization.CultureInfo.InvariantCulture), quarter.End);
        }
    }
}
