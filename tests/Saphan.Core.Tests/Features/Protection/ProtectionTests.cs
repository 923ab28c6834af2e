using System.Security.Cryptography;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Tests.Features.Protection;

public sealed class ProtectionTests
{
    private static readonly KeyRing Keys = KeyRing.FromBytes(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void A_protected_field_round_trips_and_never_repeats_its_ciphertext()
    {
        var protector = new FieldProtector(Keys);
        var a = protector.Protect("person.given_name", "สมชาย");
        var b = protector.Protect("person.given_name", "สมชาย");
        Assert.NotEqual(a, b);
        Assert.Equal("สมชาย", protector.Unprotect("person.given_name", a));
        Assert.DoesNotContain("สมชาย", a, StringComparison.Ordinal);
    }

    [Fact]
    public void Nonces_are_never_repeated_across_many_fields_and_threads_and_every_value_round_trips()
    {
        // More fields than one buffer of random bytes holds (nonces are drawn a few hundred at a time), on two threads.
        var protector = new FieldProtector(Keys);
        var sealedValues = new System.Collections.Concurrent.ConcurrentBag<(string Plain, string Sealed)>();
        using var start = new Barrier(2);
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 1500; i++)
            {
                var plain = "ค่า " + t + "-" + i;
                sealedValues.Add((plain, protector.Protect("person.address", plain)));
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var nonces = sealedValues.Select(v => Convert.ToHexString(Convert.FromBase64String(v.Sealed).AsSpan(1, 12))).ToList();
        Assert.Equal(3000, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(nonces, n => n == new string('0', 24));
        Assert.All(sealedValues, v => Assert.Equal(v.Plain, protector.Unprotect("person.address", v.Sealed)));
    }

    [Fact]
    public void A_blind_index_hash_is_the_first_half_of_HMAC_SHA256_of_kind_colon_term_so_stored_hashes_stay_valid()
    {
        // Two keys used in turn on one thread: each index keeps to its own (the HMAC is cached per thread and key).
        var otherKeys = KeyRing.FromBytes(RandomNumberGenerator.GetBytes(32));
        foreach (var keys in new[] { Keys, otherKeys, Keys, otherKeys })
        {
            var index = new BlindIndex(keys);
            var key = keys.Derive("blind-index/v1");
            foreach (var (kind, term) in new[] { ("name", "somchai"), ("name", "สมชาย"), ("document", "P1234567"), ("name", new string('ก', 300)) })
            {
                var expected = Convert.ToHexStringLower(HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(kind + ":" + term)).AsSpan(0, 16));
                Assert.Equal(expected, index.Hash(kind, term));
            }
        }
    }

    [Fact]
    public void A_ciphertext_moved_to_another_field_or_altered_or_read_with_another_key_does_not_decrypt()
    {
        var protector = new FieldProtector(Keys);
        var sealedName = protector.Protect("person.given_name", "Aung Aung");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("person.family_name", sealedName));
        var bytes = Convert.FromBase64String(sealedName);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("person.given_name", Convert.ToBase64String(bytes)));
        var other = new FieldProtector(KeyRing.FromBytes(RandomNumberGenerator.GetBytes(32)));
        Assert.ThrowsAny<CryptographicException>(() => other.Unprotect("person.given_name", sealedName));
    }

    [Fact]
    public void The_key_file_is_created_once_readable_by_its_owner_only_and_reloads_the_same_key()
    {
        var folder = Path.Combine(Path.GetTempPath(), "saphan-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var path = Path.Combine(folder, "keys", "saphan.key");
            var first = KeyRing.LoadOrCreate(path);
            var second = KeyRing.LoadOrCreate(path);
            Assert.Equal(first.KeyId, second.KeyId);
            Assert.Equal(first.Derive("x"), second.Derive("x"));
            Assert.NotEqual(first.Derive("x"), first.Derive("y"));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            File.WriteAllText(path, "not a key");
            Assert.Throws<InvalidDataException>(() => KeyRing.LoadOrCreate(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Somchai JAIDEE", new[] { "somchai", "jaidee" })]
    [InlineData("  Aung-Aung ", new[] { "aung" })]
    [InlineData("สมชาย ใจดี", new[] { "สมชาย", "ใจดี" })]
    [InlineData("Ｓｏｍ", new[] { "som" })]
    public void Name_tokens_fold_case_width_and_punctuation_and_keep_thai_marks(string name, string[] expected) =>
        Assert.Equal(expected, BlindIndex.NameTokens(name));

    [Fact]
    public void Identifiers_and_phones_compare_on_their_digits_and_thai_digits_count()
    {
        Assert.Equal("1103702071811", BlindIndex.Compact("1-1037-02071-81-1"));
        Assert.Equal("1103702071811", BlindIndex.Compact("๑-๑๐๓๗-๐๒๐๗๑-๘๑-๑"));
        Assert.Equal(BlindIndex.PhoneKey("081-234-5678"), BlindIndex.PhoneKey("+66 81 234 5678"));
        var index = new BlindIndex(Keys);
        Assert.Equal(index.Hash("name", "somchai"), index.Hash("name", "somchai"));
        Assert.NotEqual(index.Hash("name", "somchai"), index.Hash("phone", "somchai"));
        Assert.NotEqual(index.Hash("name", "somchai"), new BlindIndex(KeyRing.FromBytes(RandomNumberGenerator.GetBytes(32))).Hash("name", "somchai"));
    }
}
