using Saphan.Linkage.Clks;
using Saphan.Linkage.Similarity;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Clks;

public sealed class ClkEncoderTests
{
    private static readonly PersonIdentifiers Somchai = new()
    {
        GivenName = "Somchai",
        FamilyName = "Thongkham",
        BirthDate = "1990-05-14",
        Sex = "M",
        Citizenship = "Thai",
        IdNumber = "1-1020-03456-78-9",
        Phone = "081-234-5678",
        Address = "12 Moo 3, Tambon Nong Khai",
        Postcode = "43000",
    };

    [Fact]
    public void Encoding_is_deterministic_for_the_same_key()
    {
        var a = new ClkEncoder(TestKeys.Of(1)).Encode(Somchai);
        var b = new ClkEncoder(TestKeys.Of(1)).Encode(Somchai with { });
        Assert.Equal(a, b);
        Assert.InRange(a.PopCount, 200, 700);
    }

    [Fact]
    public void A_different_key_gives_an_unrelated_encoding()
    {
        var a = new ClkEncoder(TestKeys.Of(1)).Encode(Somchai);
        var b = new ClkEncoder(TestKeys.Of(2)).Encode(Somchai);
        Assert.NotEqual(a, b);

        // Two independent filters with these fill rates agree on bits about as often as chance allows.
        Assert.InRange(Dice.Coefficient(a, b), 0.0, 0.5);
    }

    [Fact]
    public void Each_field_sets_bits_only_in_its_own_group()
    {
        var encoder = new ClkEncoder(TestKeys.Of(1));
        var onlyPhone = encoder.Encode(new PersonIdentifiers { Phone = "0812345678" });
        var words = onlyPhone.Words;
        for (var w = 0; w < Clk.WordCount; w++)
        {
            var inPhoneGroup = w >= ClkLayout.FirstWord(ClkLayout.Phone) && w < ClkLayout.FirstWord(ClkLayout.Phone) + ClkLayout.WordCount(ClkLayout.Phone);
            Assert.Equal(inPhoneGroup, words[w] != 0);
        }
    }

    [Fact]
    public void Buddhist_era_and_common_era_dates_encode_identically()
    {
        var encoder = new ClkEncoder(TestKeys.Of(1));
        Assert.Equal(encoder.Encode(Somchai), encoder.Encode(Somchai with { BirthDate = "14/05/2533" }));
        Assert.Equal(encoder.Encode(Somchai), encoder.Encode(Somchai with { BirthDate = "19900514" }));
    }

    [Fact]
    public void Partial_dates_contribute_only_the_parts_known()
    {
        var encoder = new ClkEncoder(TestKeys.Of(1));
        var full = encoder.Encode(new PersonIdentifiers { BirthDate = "1990-05-14" });
        var yearOnly = encoder.Encode(new PersonIdentifiers { BirthDate = "2533" });
        var monthDay = ClkLayout.FirstWord(ClkLayout.BirthMonthDay);
        Assert.Equal(0UL, yearOnly.Words[monthDay]);
        Assert.NotEqual(0UL, full.Words[monthDay]);
        for (var w = 0; w < Clk.WordCount; w++)
        {
            if (w != monthDay)
            {
                Assert.Equal(full.Words[w], yearOnly.Words[w]);
            }
        }
    }

    [Fact]
    public void An_estimated_year_one_off_still_scores_higher_than_three_off()
    {
        var encoder = new ClkEncoder(TestKeys.Of(1));
        var y = encoder.Encode(new PersonIdentifiers { BirthDate = "1990" });
        var y1 = encoder.Encode(new PersonIdentifiers { BirthDate = "1991" });
        var y3 = encoder.Encode(new PersonIdentifiers { BirthDate = "1993" });
        Assert.True(Dice.Coefficient(y, y1) > 0.5);
        Assert.True(Dice.Coefficient(y, y3) < Dice.Coefficient(y, y1));
    }

    [Fact]
    public void Thai_script_and_romanised_spellings_score_as_the_same_person()
    {
        var encoder = new ClkEncoder(TestKeys.Of(3));
        var thai = encoder.Encode(new PersonIdentifiers { GivenName = "สมชาย", FamilyName = "ทองคำ", BirthDate = "14/05/2533", Sex = "ชาย" });
        var latin = encoder.Encode(new PersonIdentifiers { GivenName = "Somchay", FamilyName = "Tongkam", BirthDate = "1990", Sex = "M" });
        var other = encoder.Encode(new PersonIdentifiers { GivenName = "Wichai", FamilyName = "Srisawat", BirthDate = "1990", Sex = "M" });
        Assert.True(Dice.Score(thai, latin) >= 0.9, "Thai script vs romanised variant");
        Assert.True(Dice.Score(thai, other) < Saphan.Linkage.Matching.MatchOptions.DefaultThreshold, $"different person, same year and sex: {Dice.Score(thai, other)}");
    }

    [Fact]
    public void Given_and_family_name_order_does_not_matter()
    {
        var encoder = new ClkEncoder(TestKeys.Of(1));
        Assert.Equal(
            encoder.Encode(new PersonIdentifiers { GivenName = "Sokha", FamilyName = "Chan" }),
            encoder.Encode(new PersonIdentifiers { GivenName = "Chan", FamilyName = "Sokha" }));
    }

    [Fact]
    public void An_unparseable_birth_date_is_an_error_that_names_the_field_not_the_value()
    {
        var ex = Assert.Throws<FormatException>(() => new ClkEncoder(TestKeys.Of(1)).Encode(new PersonIdentifiers { BirthDate = "31/31/1999" }));
        Assert.Contains("birth_date", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("1999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_identifiers_give_an_empty_encoding() =>
        Assert.True(new ClkEncoder(TestKeys.Of(1)).Encode(new PersonIdentifiers()).IsEmpty);

    [Fact]
    public void Xor_folding_changes_the_encoding_but_keeps_similar_people_similar()
    {
        var folded = new ClkEncoder(TestKeys.Of(1), ClkSchema.Default.WithHardening(ClkHardening.XorFold));
        var plain = new ClkEncoder(TestKeys.Of(1));
        Assert.NotEqual(plain.Encode(Somchai), folded.Encode(Somchai));
        var variant = Somchai with { GivenName = "Somchay", BirthDate = "2533" };
        Assert.True(Dice.Score(folded.Encode(Somchai), folded.Encode(variant)) > 0.7);
    }
}
