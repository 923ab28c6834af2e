using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("1990", 1990, null, null)]
    [InlineData("1990-05", 1990, 5, null)]
    [InlineData("1990-05-14", 1990, 5, 14)]
    [InlineData("19900514", 1990, 5, 14)]
    [InlineData("14/05/1990", 1990, 5, 14)]
    [InlineData("4/5/1990", 1990, 5, 4)]
    [InlineData(" 1990-5-4 ", 1990, 5, 4)]
    public void Accepts_the_documented_formats(string text, int year, int? month, int? day) =>
        Assert.Equal(new PartialDate(year, month, day), PartialDate.Parse(text));

    [Theory]
    [InlineData("2533", 1990, null, null)]
    [InlineData("2533-05", 1990, 5, null)]
    [InlineData("14/05/2533", 1990, 5, 14)]
    [InlineData("25330514", 1990, 5, 14)]
    [InlineData("๑๔/๐๕/๒๕๓๓", 1990, 5, 14)]
    public void Buddhist_era_years_are_converted(string text, int year, int? month, int? day) =>
        Assert.Equal(new PartialDate(year, month, day), PartialDate.Parse(text));

    [Fact]
    public void Leap_day_is_checked_against_the_converted_year()
    {
        Assert.Equal(new PartialDate(2000, 2, 29), PartialDate.Parse("29/02/2543"));
        Assert.False(PartialDate.TryParse("29/02/2542", out _)); // 1999
    }

    [Theory]
    [InlineData("1990-13")]
    [InlineData("31/04/1990")]
    [InlineData("90")]
    [InlineData("05/1990")]
    [InlineData("about 1990")]
    [InlineData("2200")]
    [InlineData("1990-05-14-01")]
    public void Rejects_anything_else(string text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Blank_is_missing_and_errors_do_not_echo_the_value()
    {
        Assert.Null(PartialDate.Parse("  "));
        var ex = Assert.Throws<FormatException>(() => PartialDate.Parse("31/31/1999"));
        Assert.DoesNotContain("31/31/1999", ex.Message, StringComparison.Ordinal);
    }
}
