using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class NameNormaliserTests
{
    [Theory]
    [InlineData("Somchai", "Somchay")]
    [InlineData("Phanya", "Panya")]
    [InlineData("Thongdee", "Tongdi")]
    [InlineData("Khamla", "Kamla")]
    [InlineData("Pattaya", "Pataya")]
    [InlineData("Vichai", "Wichai")]
    [InlineData("Jiraporn", "Chiraphon")]
    [InlineData("Kaew", "Kaeo")]
    [InlineData("Htun", "Tun")]
    [InlineData("Srisuk", "Sisuk")]
    [InlineData("Boonmee", "Bunmi")]
    [InlineData("Kamol", "Kamon")]
    [InlineData("Souk", "Suk")]
    [InlineData("SOMCHAI", "somchai")]
    [InlineData("Nguyễn", "Nguyen")]
    public void Romanisation_variants_fold_to_one_spelling(string a, string b) =>
        Assert.Equal(NameNormaliser.NameTokens(a), NameNormaliser.NameTokens(b));

    [Fact]
    public void Thai_script_name_matches_its_romanised_spelling()
    {
        Assert.Equal(NameNormaliser.NameTokens("Somchai"), NameNormaliser.NameTokens("สมชาย"));
        Assert.Equal(NameNormaliser.NameTokens("Prayuth"), NameNormaliser.NameTokens("ประยุทธ์"));
        Assert.Equal(NameNormaliser.NameTokens("Somboon"), NameNormaliser.NameTokens("สมบูรณ์"));
    }

    [Fact]
    public void Spaces_hyphens_and_titles_separate_or_disappear()
    {
        Assert.Equal(["aung", "aung"], NameNormaliser.NameTokens("Aung  Aung"));
        Assert.Equal(["aungaung"], NameNormaliser.NameTokens("Aungaung"));
        Assert.Equal(["sei", "leak"], NameNormaliser.NameTokens("Srey-Leak")); // sr → s, y → i
        Assert.Equal(["somcai"], NameNormaliser.NameTokens("Mr. Somchai"));
        Assert.Equal(NameNormaliser.NameTokens("สมชาย"), NameNormaliser.NameTokens("นายสมชาย"));
        Assert.Equal(NameNormaliser.NameTokens("สมหญิง"), NameNormaliser.NameTokens("นางสาวสมหญิง"));
    }

    [Fact]
    public void Empty_and_punctuation_only_give_no_tokens()
    {
        Assert.Empty(NameNormaliser.NameTokens(null));
        Assert.Empty(NameNormaliser.NameTokens("  - . "));
    }

    [Fact]
    public void Burmese_script_is_kept_as_is()
    {
        var tokens = NameNormaliser.NameTokens("အောင် အောင်");
        Assert.Equal(2, tokens.Count);
        Assert.Equal(tokens[0], tokens[1]);
    }
}
