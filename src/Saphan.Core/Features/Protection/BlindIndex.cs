using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Saphan.Core.Features.Protection;

/// <summary>
/// Keyed hashes of identifying values so that exact-match search works without the clear text in
/// the database. Values are normalised first (case, width, spacing, punctuation), so "Somchai" and
/// "SOMCHAI" find each other; spelling variants do not (that is the linkage library's job).
/// </summary>
public sealed class BlindIndex
{
    private readonly byte[] _key;

    public BlindIndex(KeyRing keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _key = keys.Derive("blind-index/v1");
    }

    // An HMAC per thread and key, reset after each hash: the one-shot HMACSHA256.HashData set the key up again for every
    // term (an import hashes about four per row). An instance is never used by two threads at once.
    [ThreadStatic]
    private static (byte[] Key, IncrementalHash Hmac)? t_hmac;

    private IncrementalHash Hmac()
    {
        if (t_hmac is { } cached && ReferenceEquals(cached.Key, _key))
        {
            return cached.Hmac;
        }

        var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        t_hmac?.Hmac.Dispose();
        t_hmac = (_key, hmac);
        return hmac;
    }

    /// <summary>The hash of one already-normalised term of a kind (name, id, phone).</summary>
    public string Hash(string kind, string normalisedTerm)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(normalisedTerm);
        // "kind:term" in UTF-8, without the intermediate strings (on the stack when short).
        var length = Encoding.UTF8.GetByteCount(kind) + 1 + Encoding.UTF8.GetByteCount(normalisedTerm);
        Span<byte> input = length <= 256 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(kind, input);
        input[written++] = (byte)':';
        Encoding.UTF8.GetBytes(normalisedTerm, input[written..]);
        Span<byte> mac = stackalloc byte[32];
        var hmac = Hmac();
        hmac.AppendData(input);
        hmac.GetHashAndReset(mac);
        return Convert.ToHexStringLower(mac[..16]);
    }

    /// <summary>Name tokens: lower-cased, NFKC, split on spaces and punctuation, combining marks kept (Thai needs them).</summary>
    public static IReadOnlyList<string> NameTokens(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var normal = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var ch in normal)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            var isWordChar = char.IsLetterOrDigit(ch)
                || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
            if (isWordChar)
            {
                current.Append(ch);
            }
            else if (current.Length > 0)
            {
                AddNew(tokens, current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            AddNew(tokens, current.ToString());
        }

        return tokens;
    }

    /// <summary>Adds a token not yet in the list, keeping the first occurrence's place (a name has a few tokens).</summary>
    private static void AddNew(List<string> tokens, string token)
    {
        if (!tokens.Contains(token, StringComparer.Ordinal))
        {
            tokens.Add(token);
        }
    }

    /// <summary>Identifiers and phone numbers: letters and digits only, upper-case, Thai digits folded to ASCII.</summary>
    public static string Compact(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (ch is >= '\u0E50' and <= '\u0E59')
            {
                builder.Append((char)('0' + (ch - '\u0E50')));
            }
            else if (char.IsLetterOrDigit(ch))
            {
                builder.Append(char.ToUpperInvariant(ch));
            }
        }

        return builder.ToString();
    }

    /// <summary>Phone numbers compare on their last nine digits, so +66 81 234 5678 finds 081-234-5678.</summary>
    public static string PhoneKey(string? text)
    {
        var compact = Compact(text);
        Span<char> digits = compact.Length <= 128 ? stackalloc char[compact.Length] : new char[compact.Length];
        var count = 0;
        foreach (var ch in compact)
        {
            if (char.IsAsciiDigit(ch))
            {
                digits[count++] = ch;
            }
        }

        return new string(digits[Math.Max(0, count - 9)..count]);
    }
}
