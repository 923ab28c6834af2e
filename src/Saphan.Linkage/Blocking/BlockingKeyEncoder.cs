using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Saphan.Linkage.Clks;
using Saphan.Linkage.Normalisation;

namespace Saphan.Linkage.Blocking;

/// <summary>
/// Keyed blocking keys, computed by each organisation beside the CLK with the network secret: SipHash-2-4
/// (a keyed 64-bit pseudo-random function) under a 128-bit key derived for blocking alone (HKDF-SHA256,
/// info <c>saphan/blocking/v1</c>). Without the secret nobody (the repository included) can compute the
/// key of a guessed name. Two records are compared only if they share a key, so a true pair must share at
/// least one; several keys per record, each tolerant of a different kind of variation, give recall:
/// <list type="bullet">
/// <item><c>an</c>: the letters of all name tokens, sorted (an anagram): the same for any order of given
/// and family name, any split of a Burmese name between the columns and any spacing ("Aung Aung" /
/// "Aungaung"); romanisation variants are folded before (<see cref="NameNormaliser"/>).</item>
/// <item><c>an·Y</c>: the same anagram with a birth-year window, two overlapping grids of six years
/// (shifted by three), so estimated years up to two apart always share one window. Splits an over-full
/// <c>an</c> block of a common name.</item>
/// <item><c>t·Y</c>: each name token of three letters or more with the year windows: survives a typo or
/// a different spelling in another token.</item>
/// <item><c>tp</c>: each unordered pair of name tokens, without year: survives a missing birth date.</item>
/// <item><c>ph</c>, <c>id</c>: the normalised phone number and ID number, exact.</item>
/// </list>
/// Keys are sorted and distinct. What the keys reveal: two records sharing a key share that (hidden)
/// value; key frequencies follow value frequencies (see docs/linkage.md).
/// </summary>
public sealed class BlockingKeyEncoder
{
    /// <summary>Width of a birth-year window; two grids shifted by half of it catch years up to two apart.</summary>
    public const int YearWindow = 6;

    private readonly ulong _k0;
    private readonly ulong _k1;

    public BlockingKeyEncoder(LinkageKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, key.Secret.ToArray(), Encoding.ASCII.GetBytes("saphan-linkage-v1"));
        var derived = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, Encoding.ASCII.GetBytes("saphan/blocking/v1"));
        _k0 = BinaryPrimitives.ReadUInt64LittleEndian(derived);
        _k1 = BinaryPrimitives.ReadUInt64LittleEndian(derived.AsSpan(8));
    }

    /// <summary>The blocking keys of <paramref name="person"/>, sorted ascending and distinct; empty when it has no usable identifier.</summary>
    public ulong[] Keys(PersonIdentifiers person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var keys = new List<ulong>(16);
        var tokens = NameNormaliser.NameTokens(person.GivenName);
        tokens.AddRange(NameNormaliser.NameTokens(person.FamilyName));
        tokens.RemoveAll(t => t.Length == 0);

        int? year = PartialDate.TryParse(person.BirthDate ?? string.Empty, out var date) ? date.Year : null;
        var windows = year is { } y
            ? new[] { "a" + FloorDiv(y, YearWindow).ToString(CultureInfo.InvariantCulture), "b" + FloorDiv(y + (YearWindow / 2), YearWindow).ToString(CultureInfo.InvariantCulture) }
            : [];

        if (tokens.Count > 0)
        {
            AddNameKeys(keys, "", tokens, windows);

            // The same over consonant skeletons (see Skeleton). Catches spellings the folding leaves apart
            // (Heng / Hang, Supab / สุภาพ supap, Kasemsuk / เกษมสุข ketmasuk) and folds that depend on the
            // position in a token (initial sr → s), which a different spacing moves.
            var skeletons = tokens.Select(Skeleton).Where(t => t.Length > 0).ToList();
            if (skeletons.Count > 0)
            {
                AddNameKeys(keys, "s", skeletons, windows);
            }
        }

        var phone = FieldNormaliser.Phone(person.Phone);
        if (phone.Length >= 6)
        {
            keys.Add(Hash("ph", phone));
        }

        var id = FieldNormaliser.IdNumber(person.IdNumber);
        if (id.Length >= 5)
        {
            keys.Add(Hash("id", id));
        }

        keys.Sort();
        var result = new List<ulong>(keys.Count);
        foreach (var k in keys)
        {
            if (result.Count == 0 || result[^1] != k)
            {
                result.Add(k);
            }
        }

        return [.. result];
    }

    private void AddNameKeys(List<ulong> keys, string family, List<string> tokens, string[] windows)
    {
        var letters = string.Concat(tokens).ToCharArray();
        Array.Sort(letters);
        var anagram = new string(letters);
        if (anagram.Length >= 2)
        {
            keys.Add(Hash(family + "an", anagram));
            foreach (var w in windows)
            {
                keys.Add(Hash(family + "any", anagram + "|" + w));
            }
        }

        var minimum = family.Length == 0 ? 3 : 2;
        var distinct = tokens.Where(t => t.Length >= minimum).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(MaxTokens).ToArray();
        foreach (var t in distinct)
        {
            foreach (var w in windows)
            {
                keys.Add(Hash(family + "ty", t + "|" + w));
            }
        }

        for (var i = 0; i < distinct.Length; i++)
        {
            for (var j = i + 1; j < distinct.Length; j++)
            {
                keys.Add(Hash(family + "tp", distinct[i] + "|" + distinct[j]));
            }
        }
    }

    /// <summary>
    /// Consonant skeleton of a folded token: a, e, i, o, u, h, r, w, y dropped; l → n; s, d, c, j, z, x → t
    /// (the Thai romaniser writes most finals as t); b, f, v → p; g, q → k; doubled letters merged.
    /// </summary>
    internal static string Skeleton(string token)
    {
        var sb = new StringBuilder(token.Length);
        foreach (var c in token)
        {
            if ("aeiouhrwy".Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            var d = c switch
            {
                'l' => 'n',
                's' or 'd' or 'c' or 'j' or 'z' or 'x' => 't', // Thai finals จ ช ส ด ต ท ษ are all read t
                'b' or 'f' or 'v' => 'p',
                'g' or 'q' => 'k',
                _ => c,
            };
            if (sb.Length == 0 || sb[^1] != d)
            {
                sb.Append(d);
            }
        }

        return sb.ToString();
    }

    /// <summary>Keys as written in the <c>blocking</c> column: base64 of 8 little-endian bytes per key (empty for none).</summary>
    public static string Format(ReadOnlySpan<ulong> keys)
    {
        var bytes = new byte[keys.Length * 8];
        for (var i = 0; i < keys.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * 8), keys[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Parses the <c>blocking</c> column; false unless it is base64 of a multiple of 8 bytes (at most <see cref="MaxKeys"/> keys).</summary>
    public static bool TryParse(string text, out ulong[] keys)
    {
        keys = [];
        text = text.Trim();
        if (text.Length == 0)
        {
            return true;
        }

        var bytes = new byte[((text.Length / 4) + 1) * 3];
        if (!Convert.TryFromBase64String(text, bytes, out var written) || written % 8 != 0 || written / 8 > MaxKeys)
        {
            return false;
        }

        keys = new ulong[written / 8];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(i * 8));
        }

        Array.Sort(keys);
        return true;
    }

    /// <summary>Name tokens that get their own keys (a name with more is cut; the anagram still covers it all).</summary>
    private const int MaxTokens = 8;

    /// <summary>Most keys one record may carry (a long name gives many token pairs; more is malformed input).</summary>
    public const int MaxKeys = 256;

    private ulong Hash(string family, string value) => SipHash.Hash(_k0, _k1, Encoding.UTF8.GetBytes(family + ":" + value));

    private static int FloorDiv(int a, int b) => (int)Math.Floor((double)a / b);
}
