using System.Text;

namespace Saphan.Linkage.Normalisation;

/// <summary>
/// Rule-based Thai-script → Latin romanisation after the Royal Thai General System (RTGS), without
/// tone marks or vowel length. Thai spelling does not write every vowel, so without a dictionary the
/// result is a heuristic: it gets common given and family names right (สมชาย → somchai,
/// ประยุทธ์ → prayut, แก้ว → kaeo) and, where it guesses wrong (รัตนา → ratna, not rattana), it still
/// shares most bigrams with the usual spelling. Non-Thai characters pass through unchanged.
/// </summary>
internal static class ThaiRomaniser
{
    private const char Thanthakhat = '\u0E4C';
    private const char OAng = 'อ';

    public static bool ContainsThai(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (IsThai(c))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsThai(char c) => c is >= '\u0E00' and <= '\u0E7F';

    public static string Romanise(string text)
    {
        var s = RemoveSilentLetters(text);
        var sb = new StringBuilder(s.Length * 2);
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (!IsThai(c))
            {
                sb.Append(c);
                i++;
                continue;
            }

            if (c is >= '\u0E50' and <= '\u0E59')
            {
                sb.Append((char)('0' + (c - '\u0E50')));
                i++;
                continue;
            }

            if (IsConsonant(c) || IsLeadingVowel(c) || c is 'ฤ' or 'ฦ')
            {
                i = Syllable(s, i, sb);
                continue;
            }

            // Stray marks (tone marks, a vowel sign without a consonant, ๆ, ฯ): nothing to say.
            i++;
        }

        return sb.ToString();
    }

    /// <summary>A consonant (with an optional ิ or ุ) under thanthakhat ์ is not pronounced.</summary>
    private static string RemoveSilentLetters(string text)
    {
        if (!text.Contains(Thanthakhat, StringComparison.Ordinal))
        {
            return StripToneMarks(text);
        }

        var chars = new List<char>(StripToneMarks(text));
        for (var i = 0; i < chars.Count; i++)
        {
            if (chars[i] != Thanthakhat)
            {
                continue;
            }

            var start = i - 1;
            if (start >= 0 && chars[start] is 'ิ' or 'ุ')
            {
                start--;
            }

            // ทร์ / ตร์ (จันทร์, ศาสตร์): both letters are silent.
            if (start >= 1 && chars[start] == 'ร' && chars[start - 1] is 'ท' or 'ต' or 'ด')
            {
                start--;
            }

            if (start < 0)
            {
                start = i;
            }

            chars.RemoveRange(start, i - start + 1);
            i = start - 1;
        }

        return new string(chars.ToArray());
    }

    private static string StripToneMarks(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            // Tone marks, maitaikhu, phinthu, yamakkan, lakkhangyao, nikhahit alone, mai yamok, paiyannoi.
            if (c is (>= '\u0E47' and <= '\u0E4B') or '\u0E3A' or '\u0E4E' or '\u0E45' or '\u0E46' or '\u0E2F')
            {
                continue;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static int Syllable(string s, int i, StringBuilder sb)
    {
        if (s[i] == 'ฤ')
        {
            sb.Append("rue");
            return i + 1;
        }

        if (s[i] == 'ฦ')
        {
            sb.Append("lue");
            return i + 1;
        }

        char? lead = null;
        if (IsLeadingVowel(s[i]))
        {
            lead = s[i];
            i++;
            if (i >= s.Length || !IsConsonant(s[i]))
            {
                sb.Append(LeadAlone(lead.Value));
                return i;
            }
        }

        var initial = s[i];
        i++;

        // A lone consonant closing a word after a complete syllable is silent (นงลักษณ์ nonglak).
        if (lead is null && i >= 2 && IsThai(s[i - 2]) && (At(s, i) is not { } next || !IsThai(next)))
        {
            return i;
        }

        // Silent ห before a sonorant (หญิง ying, หนู nu, หมา ma).
        if (initial == 'ห' && At(s, i) is { } son && IsLowSonorant(son) && (HasVowelAfter(s, i + 1) || lead is not null))
        {
            initial = son;
            i++;
        }

        var onset = new StringBuilder(Initial(initial));

        // Clusters: กร ปร พล ขว ... only when a vowel follows the second letter.
        if (At(s, i) is { } second
            && (HasVowelAfter(s, i + 1) || (lead is not null && (second != 'ว' || At(s, i + 1) is { } w && IsConsonant(w)))))
        {
            if (second is 'ร' && initial is 'ศ' or 'ส' or 'ซ' or 'จ')
            {
                i++; // ศรี si, สร้อย soi, จริง ching: ร is silent.
            }
            else if (second is 'ร' && initial is 'ท')
            {
                onset.Clear().Append('s'); // ทราย sai
                i++;
            }
            else if ((second is 'ร' or 'ล' && initial is 'ก' or 'ข' or 'ค' or 'ต' or 'ป' or 'พ' or 'ผ' or 'บ' or 'ฟ')
                     || (second is 'ว' && initial is 'ก' or 'ข' or 'ค' && At(s, i + 1) is not 'ั'))
            {
                onset.Append(Initial(second));
                i++;
            }
        }

        string vowel;
        var open = false; // open syllables (ไ ใ ำ เ-า) take no final consonant
        if (lead is { } l)
        {
            (vowel, i, open) = LeadVowel(l, s, i);
        }
        else
        {
            (vowel, i, open) = FollowVowel(s, i);
        }

        sb.Append(onset).Append(vowel);

        if (!open && At(s, i) is { } f && IsConsonant(f) && !StartsSyllable(s, i))
        {
            sb.Append(Final(f));
            i++;
        }

        return i;
    }

    private static (string Vowel, int Next, bool Open) LeadVowel(char lead, string s, int i)
    {
        switch (lead)
        {
            case 'ใ' or 'ไ':
                return ("ai", i, true);
            case 'แ':
                return ("ae", Skip(s, i, 'ะ'), false);
            case 'โ':
                return ("o", Skip(s, i, 'ะ'), false);
        }

        // เ
        var c = At(s, i);
        if (c == 'ี' && At(s, i + 1) == 'ย')
        {
            return ("ia", i + 2, false);
        }

        if (c == 'ื' && At(s, i + 1) == OAng)
        {
            return ("uea", i + 2, false);
        }

        if (c == 'ิ')
        {
            return ("oe", i + 1, false);
        }

        if (c == 'า')
        {
            return At(s, i + 1) == 'ะ' ? ("o", i + 2, true) : ("ao", i + 1, true);
        }

        if (c == OAng && !StartsSyllable(s, i))
        {
            return ("oe", i + 1, false);
        }

        if (c == 'ย' && !StartsSyllable(s, i))
        {
            return ("oei", i + 1, true);
        }

        return ("e", Skip(s, i, 'ะ'), false);
    }

    private static (string Vowel, int Next, bool Open) FollowVowel(string s, int i)
    {
        var c = At(s, i);
        switch (c)
        {
            case 'ั':
                if (At(s, i + 1) == 'ว')
                {
                    return ("ua", i + 2, false);
                }

                if (At(s, i + 1) == 'ย' && !StartsSyllable(s, i + 1))
                {
                    return ("ai", i + 2, true);
                }

                return ("a", i + 1, false);
            case 'า':
                return ("a", i + 1, false);
            case 'ะ':
                return ("a", i + 1, true);
            case 'ำ':
                return ("am", i + 1, true);
            case 'ิ' or 'ี':
                return ("i", i + 1, false);
            case 'ึ':
                return ("ue", i + 1, false);
            case 'ื':
                return ("ue", At(s, i + 1) == OAng ? i + 2 : i + 1, false);
            case 'ุ' or 'ู':
                return ("u", i + 1, false);
        }

        if (c is null || !IsConsonant(c.Value))
        {
            return ("a", i, false);
        }

        // No written vowel.
        if (c == 'ร' && At(s, i + 1) == 'ร')
        {
            // รร: "an" when nothing follows, "a" + final otherwise (สรรพ san, กรรม kam).
            var after = At(s, i + 2);
            return after is { } a && IsConsonant(a) && !StartsSyllable(s, i + 2) ? ("a", i + 2, false) : ("an", i + 2, true);
        }

        if (c == OAng && !StartsSyllable(s, i))
        {
            return ("o", i + 1, false); // ทอง thong
        }

        if (c == 'ว' && At(s, i + 1) is { } w && IsConsonant(w) && !StartsSyllable(s, i + 1))
        {
            return ("ua", i + 1, false); // สวน suan
        }

        // Next consonant closes the syllable with an inherent o (สม som); if it opens the next
        // syllable, the inherent vowel is a (สบาย sabai).
        return StartsSyllable(s, i) ? ("a", i, true) : ("o", i, false);
    }

    /// <summary>Whether the consonant at <paramref name="i"/> begins a syllable (a vowel sign follows it).</summary>
    private static bool StartsSyllable(string s, int i) => HasVowelAfter(s, i + 1);

    private static bool HasVowelAfter(string s, int i) =>
        At(s, i) is { } c && (IsFollowingVowel(c) || c == OAng && IsFinalAfterO(s, i + 1) || (c == 'ว' && At(s, i + 1) is { } d && IsConsonant(d)));

    private static bool IsFinalAfterO(string s, int i) => At(s, i) is not { } c || !IsFollowingVowel(c);

    private static char? At(string s, int i) => i < s.Length && i >= 0 ? s[i] : null;

    private static int Skip(string s, int i, char c) => At(s, i) == c ? i + 1 : i;

    private static bool IsConsonant(char c) => c is >= 'ก' and <= 'ฮ' and not 'ฤ' and not 'ฦ';

    private static bool IsLeadingVowel(char c) => c is >= 'เ' and <= 'ไ';

    private static bool IsFollowingVowel(char c) => c is (>= 'ะ' and <= 'ู') and not '\u0E3A';

    private static bool IsLowSonorant(char c) => c is 'ง' or 'ญ' or 'น' or 'ม' or 'ย' or 'ร' or 'ล' or 'ว';

    private static string LeadAlone(char lead) => lead switch
    {
        'แ' => "ae",
        'โ' => "o",
        'ใ' or 'ไ' => "ai",
        _ => "e",
    };

    private static string Initial(char c) => c switch
    {
        'ก' => "k",
        'ข' or 'ฃ' or 'ค' or 'ฅ' or 'ฆ' => "kh",
        'ง' => "ng",
        'จ' or 'ฉ' or 'ช' or 'ฌ' => "ch",
        'ซ' or 'ศ' or 'ษ' or 'ส' => "s",
        'ญ' or 'ย' => "y",
        'ฎ' or 'ด' => "d",
        'ฏ' or 'ต' => "t",
        'ฐ' or 'ฑ' or 'ฒ' or 'ถ' or 'ท' or 'ธ' => "th",
        'ณ' or 'น' => "n",
        'บ' => "b",
        'ป' => "p",
        'ผ' or 'พ' or 'ภ' => "ph",
        'ฝ' or 'ฟ' => "f",
        'ม' => "m",
        'ร' => "r",
        'ล' or 'ฬ' => "l",
        'ว' => "w",
        'ห' or 'ฮ' => "h",
        _ => string.Empty, // อ: silent initial
    };

    private static string Final(char c) => c switch
    {
        'ก' or 'ข' or 'ฃ' or 'ค' or 'ฅ' or 'ฆ' => "k",
        'ง' => "ng",
        'ญ' or 'ณ' or 'น' or 'ร' or 'ล' or 'ฬ' => "n",
        'ม' => "m",
        'ย' => "i",
        'ว' => "o",
        'บ' or 'ป' or 'พ' or 'ฟ' or 'ภ' or 'ผ' or 'ฝ' => "p",
        'อ' or 'ห' or 'ฮ' => string.Empty,
        _ => "t",
    };
}
