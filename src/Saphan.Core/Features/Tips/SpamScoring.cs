using System.Text.RegularExpressions;

namespace Saphan.Core.Features.Tips;

/// <summary>
/// A cheap score from 0 to 100 for how much a tip looks like spam: links, long runs of one character,
/// the same words over and over. It never rejects a tip (a real tip may contain a link); it only
/// moves likely spam to the end of the triage queue and marks it for the operator.
/// </summary>
public static partial class SpamScoring
{
    public const int Threshold = 50;

    public static bool IsLikelySpam(int score) => score >= Threshold;

    public static int Score(params string?[] texts)
    {
        var text = string.Join('\n', texts.Where(t => t is not null));
        var score = 0;
        score += Math.Min(Links().Count(text), 5) * 20;
        if (RepeatedCharacter().IsMatch(text))
        {
            score += 30;
        }

        var words = Words().Matches(text).Select(m => m.Value.ToUpperInvariant()).ToList();
        if (words.Count >= 8)
        {
            var distinct = words.Distinct(StringComparer.Ordinal).Count();
            if (distinct * 10 < words.Count * 3)
            {
                score += 40;
            }
        }

        return Math.Min(score, 100);
    }

    [GeneratedRegex(@"https?://|www\.|\b[a-z0-9-]+\.(?:com|net|org|xyz|top|ru|info|biz)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Links();

    [GeneratedRegex(@"(\S)\1{9,}", RegexOptions.CultureInvariant)]
    private static partial Regex RepeatedCharacter();

    [GeneratedRegex(@"[\p{L}\p{M}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
