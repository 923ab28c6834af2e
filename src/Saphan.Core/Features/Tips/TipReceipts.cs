using System.Security.Cryptography;
using System.Text;
using Saphan.Core.Features.Protection;

namespace Saphan.Core.Features.Tips;

/// <summary>
/// Receipt codes: 120 random bits as 24 Crockford base32 characters in six groups of four
/// (<c>7KQ2-M9XD-…</c>), easy to read out and type on a phone. Only a keyed hash is stored, so the
/// database alone cannot be used to look a tip up by its code.
/// </summary>
public sealed class TipReceipts(KeyRing keys)
{
    // Crockford's alphabet: no I, L, O or U, so a code read aloud or hand-written is not misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 24;
    private const int RandomBytes = Length * 5 / 8;
    private readonly byte[] _key = keys.Derive("tip-receipt/v1");

    public string Create()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(Length + Length / 4);
        var buffer = 0;
        var bits = 0;
        foreach (var b in random)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                if (code.Length > 0 && (code.Length + 1) % 5 == 0)
                {
                    code.Append('-');
                }

                code.Append(Alphabet[(buffer >> bits) & 31]);
            }
        }

        return code.ToString();
    }

    /// <summary>The canonical form of a typed code (case, spaces, dashes and look-alike letters forgiven), or null.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > 64)
        {
            return null;
        }

        var clean = new StringBuilder(Length);
        foreach (var ch in typed.ToUpperInvariant())
        {
            if (ch is ' ' or '-' or '\t')
            {
                continue;
            }

            var mapped = ch switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => ch,
            };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }

            clean.Append(mapped);
        }

        return clean.Length == Length ? clean.ToString() : null;
    }

    /// <summary>The stored form of a code: HMAC-SHA256 under a key derived from the master key.</summary>
    public string Hash(string code)
    {
        var normalised = Normalise(code) ?? throw new ArgumentException("Not a receipt code.", nameof(code));
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(normalised)));
    }
}
