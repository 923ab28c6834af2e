using System.Globalization;
using System.Text;

namespace Saphan.Linkage.Normalisation;

/// <summary>
/// Turns a name (or address) as typed into tokens of folded Latin letters, so that the spellings
/// different organisations use for the same Thai, Burmese, Khmer or Lao name share as many bigrams
/// as possible: Thai script is romanised (RTGS), diacritics and case are dropped, and the common
/// romanisation variants are folded to one form (see <see cref="Fold"/>).
/// </summary>
internal static class NameNormaliser
{
    private static readonly string[] ThaiTitles =
    [
        "นางสาว", "เด็กชาย", "เด็กหญิง", "นาง", "นาย", "น.ส.", "ด.ช.", "ด.ญ.",
    ];

    private static readonly HashSet<string> LatinTitles =
        new(["mr", "mrs", "ms", "miss", "mister", "dr", "mstr"], StringComparer.Ordinal);

    /// <summary>Folded tokens of a personal name, titles removed.</summary>
    public static List<string> NameTokens(string? name)
    {
        var tokens = Tokens(name, stripTitles: true);
        return tokens;
    }

    /// <summary>Folded tokens of free text such as an address.</summary>
    public static List<string> TextTokens(string? text) => Tokens(text, stripTitles: false);

    private static List<string> Tokens(string? text, bool stripTitles)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        var s = text.Trim().Normalize(NormalizationForm.FormC);
        if (ThaiRomaniser.ContainsThai(s))
        {
            if (stripTitles)
            {
                s = StripThaiTitle(s);
            }

            s = ThaiRomaniser.Romanise(s);
        }

        var raw = new List<string>();
        var current = new StringBuilder();
        foreach (var c in s.Normalize(NormalizationForm.FormKD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Latin diacritics go; marks of other scripts (Burmese, Khmer vowel signs) carry sound and stay.
                if (current.Length > 0 && current[^1] < '\u0250')
                {
                    continue;
                }

                current.Append(c);
            }
            else if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '\u2019' or '\u02BC')
            {
                // O'Brien, Ma'ung: an apostrophe joins.
            }
            else if (current.Length > 0)
            {
                raw.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            raw.Add(current.ToString());
        }

        var start = stripTitles && raw.Count > 1 && LatinTitles.Contains(raw[0]) ? 1 : 0;
        for (var i = start; i < raw.Count; i++)
        {
            var folded = Fold(raw[i]);
            if (folded.Length > 0)
            {
                result.Add(folded);
            }
        }

        return result;
    }

    private static string StripThaiTitle(string s)
    {
        foreach (var title in ThaiTitles)
        {
            if (s.StartsWith(title, StringComparison.Ordinal) && s.Length - title.Length >= 2)
            {
                return s[title.Length..].TrimStart();
            }
        }

        return s;
    }

    /// <summary>
    /// Folds one lower-case token to a canonical spelling. Applied to both sides, so a fold only has to
    /// be consistent, not linguistically right: j/ch/c → c, v → w, x → s, ph → p, th → t, kh → k,
    /// gh → g, dh → d, bh → b, initial ht → t (Htun/Tun), initial sr → s (Srisuk/Sisuk), ee → i,
    /// oo/ou → u, eu → ue, y → i, w closing a vowel → o (Kaew/Kaeo), rn before a consonant or at the
    /// end → n (Somporn/Somphon), final l → n (Kamol/Kamon), then double letters → single.
    /// Tokens that are not Latin (Burmese or Khmer script) are returned unchanged.
    /// </summary>
    public static string Fold(string token)
    {
        if (token.Length == 0 || !IsAsciiLetterOrDigit(token))
        {
            return token;
        }

        var s = token;
        if (s.StartsWith("ht", StringComparison.Ordinal))
        {
            s = s[1..];
        }

        if (s.StartsWith("sr", StringComparison.Ordinal) && s.Length > 2)
        {
            s = "s" + s[2..];
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            switch (c)
            {
                case 'p' or 't' or 'k' or 'g' or 'd' or 'b' when next == 'h':
                    sb.Append(c);
                    i++;
                    break;
                case 'c' when next == 'h':
                    sb.Append('c');
                    i++;
                    break;
                case 'j':
                    sb.Append('c');
                    break;
                case 'v':
                    sb.Append('w');
                    break;
                case 'x':
                    sb.Append('s');
                    break;
                case 'y':
                    sb.Append('i');
                    break;
                case 'e' when next == 'e':
                    sb.Append('i');
                    i++;
                    break;
                case 'o' when next is 'o' or 'u':
                    sb.Append('u');
                    i++;
                    break;
                case 'e' when next == 'u':
                    sb.Append("ue");
                    i++;
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        // Second pass on the folded letters: position-dependent rules, then de-duplication.
        var f = sb.ToString();
        sb.Clear();
        for (var i = 0; i < f.Length; i++)
        {
            var c = f[i];
            var prev = i > 0 ? f[i - 1] : '\0';
            var next = i + 1 < f.Length ? f[i + 1] : '\0';
            if (c == 'w' && IsVowel(prev) && !IsVowel(next))
            {
                c = 'o';
            }
            else if (c == 'r' && next == 'n' && !IsVowel(i + 2 < f.Length ? f[i + 2] : '\0'))
            {
                continue;
            }
            else if (c == 'l' && next == '\0' && i > 0)
            {
                c = 'n';
            }

            if (sb.Length > 0 && sb[^1] == c)
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static bool IsAsciiLetterOrDigit(string s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
