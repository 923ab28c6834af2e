using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Tests.Normalisation;

public sealed class FieldNormaliserTests
{
    [Theory]
    [InlineData("M", "m")]
    [InlineData("male", "m")]
    [InlineData("ชาย", "m")]
    [InlineData("F", "f")]
    [InlineData("หญิง", "f")]
    [InlineData("unknown", "")]
    [InlineData(null, "")]
    public void Sex_codes(string? value, string expected) => Assert.Equal(expected, FieldNormaliser.Sex(value));

    [Theory]
    [InlineData("Thai", "THA")]
    [InlineData("ไทย", "THA")]
    [InlineData("Burmese", "MMR")]
    [InlineData("เมียนมา", "MMR")]
    [InlineData("KHM", "KHM")]
    [InlineData("Lao PDR", "LAO")]
    public void Citizenship_maps_the_regions_spellings_to_iso_codes(string value, string expected) =>
        Assert.Equal(expected, FieldNormaliser.Citizenship(value));

    [Theory]
    [InlineData("081-234-5678")]
    [InlineData("+66 81 234 5678")]
    [InlineData("0066812345678")]
    [InlineData("๐๘๑๒๓๔๕๖๗๘")]
    public void Phone_numbers_agree_with_and_without_country_code(string value) =>
        Assert.Equal("812345678", FieldNormaliser.Phone(value));

    [Fact]
    public void Id_numbers_keep_letters_and_digits_only() =>
        Assert.Equal("1102003456789", FieldNormaliser.IdNumber("1-1020-03456-78-9"));
}
