using Saphan.Linkage.Blocking;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Tests.Support;

namespace Saphan.Linkage.Tests.Blocking;

public sealed class BlockingKeyEncoderTests
{
    private static readonly BlockingKeyEncoder Encoder = new(TestKeys.Of(6));

    private static bool Share(PersonIdentifiers a, PersonIdentifiers b) =>
        KeyedBlocking.FirstShared(Encoder.Keys(a), Encoder.Keys(b)) != ulong.MaxValue;

    [Fact]
    public void Keys_are_sorted_distinct_deterministic_and_depend_on_the_network_key()
    {
        var person = new PersonIdentifiers { GivenName = "Aung Aung", FamilyName = "Kyaw", BirthDate = "1998", Phone = "081 234 5678", IdNumber = "MA123456" };
        var keys = Encoder.Keys(person);
        Assert.True(keys.Length >= 8);
        Assert.Equal(keys.Order().Distinct(), keys);
        Assert.Equal(keys, new BlockingKeyEncoder(TestKeys.Of(6)).Keys(person));
        Assert.Empty(new BlockingKeyEncoder(TestKeys.Of(7)).Keys(person).Intersect(keys));
        Assert.Empty(Encoder.Keys(new PersonIdentifiers()));
    }

    public static TheoryData<string, string, string?, string?, string, string, string?, string?> SamePerson => new()
    {
        // given, family, birth date of one record; the same of the other
        { "Somchai", "Thongkham", "1990", null, "Thongkham", "Somchai", "2533", null }, // swapped, Buddhist Era
        { "Aung", "Aung Kyaw", "1998", null, "Aung Aung", "Kyaw", "1998-03-02", null }, // Burmese name split elsewhere
        { "Aungaung", "", "1998", null, "Aung Aung", "", "1998", null }, // spacing
        { "Somchay", "Jaidee", "1990", null, "สมชาย", "ใจดี", "12/05/2533", null }, // romanisation, Thai script
        { "Anun", "Kasemsuk", "2003", null, "อนันต์", "เกษมสุข", "2003", null }, // romaniser writes ketmasuk: skeletons agree
        { "Tida", "Heng", "1983", null, "Tida", "Hang", null, null }, // vowel variant and no birth date
        { "Mya", "Thandar", "1990", null, "Mya", "Thanda", "1992", null }, // estimated year two off
        { "Sokha", "Chan", null, "0812345678", "Sokhx", "Chxn", "2001", "+66 81 234 5678" }, // typos in every token, same phone
    };

    [Theory]
    [MemberData(nameof(SamePerson))]
    public void Spellings_orders_splits_and_dates_of_one_person_share_a_key(string g1, string f1, string? d1, string? p1, string g2, string f2, string? d2, string? p2) =>
        Assert.True(Share(
            new PersonIdentifiers { GivenName = g1, FamilyName = f1, BirthDate = d1, Phone = p1 },
            new PersonIdentifiers { GivenName = g2, FamilyName = f2, BirthDate = d2, Phone = p2 }));

    [Fact]
    public void Different_people_share_no_key()
    {
        Assert.False(Share(
            new PersonIdentifiers { GivenName = "Somchai", FamilyName = "Thongkham", BirthDate = "1990" },
            new PersonIdentifiers { GivenName = "Mya", FamilyName = "Thandar", BirthDate = "1990" }));

        // The same name but birth years far apart share only the name-wide keys, not the year-window ones.
        var a = Encoder.Keys(new PersonIdentifiers { GivenName = "Mya", FamilyName = "Thandar", BirthDate = "1980" });
        var b = Encoder.Keys(new PersonIdentifiers { GivenName = "Mya", FamilyName = "Thandar", BirthDate = "2000" });
        var c = Encoder.Keys(new PersonIdentifiers { GivenName = "Mya", FamilyName = "Thandar", BirthDate = "1981" });
        Assert.True(a.Intersect(b).Count() < a.Intersect(c).Count());
    }

    [Theory]
    [InlineData("heng", "nk")]
    [InlineData("hang", "nk")]
    [InlineData("kasemsuk", "ktmtk")]
    [InlineData("ketmasuk", "ktmtk")]
    [InlineData("supab", "tp")]
    [InlineData("kamol", "kmn")]
    [InlineData("aye", "")]
    public void Skeletons_keep_consonant_classes(string token, string skeleton) =>
        Assert.Equal(skeleton, BlockingKeyEncoder.Skeleton(token));

    [Fact]
    public void The_blocking_column_round_trips_and_rejects_malformed_text()
    {
        var keys = Encoder.Keys(new PersonIdentifiers { GivenName = "Sokha", FamilyName = "Chan", BirthDate = "2001" });
        Assert.True(BlockingKeyEncoder.TryParse(BlockingKeyEncoder.Format(keys), out var back));
        Assert.Equal(keys, back);
        Assert.True(BlockingKeyEncoder.TryParse("", out var none));
        Assert.Empty(none);
        Assert.False(BlockingKeyEncoder.TryParse("AAAA", out _)); // 3 bytes: not whole keys
        Assert.False(BlockingKeyEncoder.TryParse("not*base64!", out _));
        Assert.False(BlockingKeyEncoder.TryParse(Convert.ToBase64String(new byte[8 * (BlockingKeyEncoder.MaxKeys + 1)]), out _));
    }
}

public sealed class SipHashTests
{
    [Fact]
    public void Matches_the_reference_test_vector()
    {
        // SipHash-2-4 paper, appendix A: key 00..0f, message 00..0e.
        var key = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
        var message = Enumerable.Range(0, 15).Select(i => (byte)i).ToArray();
        var k0 = BitConverter.ToUInt64(key, 0);
        var k1 = BitConverter.ToUInt64(key, 8);
        Assert.Equal(0xa129ca6149be45e5UL, SipHash.Hash(k0, k1, message));
        Assert.Equal(0x726fdb47dd0e0e31UL, SipHash.Hash(k0, k1, []));
    }
}
