using System.Globalization;
using Saphan.Core.Features.Reference;

namespace Saphan.Core.Features.Screenings;

/// <summary>One question of an instrument, in English and Thai.</summary>
public sealed record InstrumentItem(string Code, string English, string Thai)
{
    public string Label(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th" ? Thai : English;
}

/// <summary>A score range with its published meaning.</summary>
public sealed record ScoreBand(string Code, int Minimum, int Maximum, string English, string Thai, string MeaningEnglish, string MeaningThai)
{
    public string Label(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th" ? Thai : English;
    public string Meaning(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th" ? MeaningThai : MeaningEnglish;
}

/// <summary>What an instrument's rules make of a set of answers.</summary>
public sealed record ScreeningResult(int Score, string Band, IReadOnlyList<string> Flags, IReadOnlyList<string> Reasons);

/// <summary>
/// A versioned screening instrument: its items, the allowed answers, and its published scoring and bands.
/// Scoring is pure (no database); <see cref="ScreeningInstruments"/> is the registry.
/// </summary>
public sealed class ScreeningInstrument
{
    public required string Code { get; init; }
    public required string Version { get; init; }
    public required string English { get; init; }
    public required string Thai { get; init; }
    /// <summary>health (PDPA s.26 sensitive), labour or child.</summary>
    public required string Category { get; init; }
    /// <summary>The published source of the items and the scoring.</summary>
    public required string Source { get; init; }
    /// <summary>What the score means and the decision rule, in English (docs) and Thai.</summary>
    public required string RuleEnglish { get; init; }
    public required string RuleThai { get; init; }
    public required IReadOnlyList<InstrumentItem> Items { get; init; }
    /// <summary>The allowed answers, the same for every item, lowest first (their codes are the numbers).</summary>
    public required IReadOnlyList<CodedValue> Options { get; init; }
    public required IReadOnlyList<ScoreBand> Bands { get; init; }
    /// <summary>Only for persons younger than this, when set.</summary>
    public int? UnderAge { get; init; }
    /// <summary>Flags and reasons beyond the total and its band (suicide item, decision rules).</summary>
    public Func<IReadOnlyList<int>, int, (IReadOnlyList<string> Flags, IReadOnlyList<string> Reasons)>? Rules { get; init; }
    /// <summary>
    /// Bands at which mental-health care is indicated (a positive screen): the screening then carries the
    /// <see cref="ScreeningFlags.CareIndicated"/> flag, which stays countable while the band itself is encrypted.
    /// </summary>
    public IReadOnlyList<string> CareBands { get; init; } = [];
    /// <summary>The band from the answers when it is not the total's range (decision rules).</summary>
    public Func<IReadOnlyList<int>, int, string>? BandRule { get; init; }

    public const int MinimumAnswer = 0;
    public int MaximumAnswer => Options.Count - 1;
    public int MaximumScore => Items.Count * MaximumAnswer;
    public bool IsHealth => Category == ScreeningCategories.Health;

    public string Label(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th" ? Thai : English;
    public string Rule(CultureInfo culture) => culture.TwoLetterISOLanguageName == "th" ? RuleThai : RuleEnglish;
    public ScoreBand BandOf(string code) => Bands.Single(b => b.Code == code);

    /// <summary>Checks the answers' count and range, naming each wrong item (<c>answers[8]</c>).</summary>
    public void Validate(IReadOnlyList<int?>? answers, ValidationErrors errors, string path = "answers")
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (answers is null)
        {
            errors.Add(path, $"Required: {Items.Count} answers, one per item.");
            return;
        }

        if (answers.Count != Items.Count)
        {
            errors.Add(path, $"{Code} has {Items.Count} items: expected {Items.Count} answers, got {answers.Count}.");
        }

        for (var i = 0; i < answers.Count; i++)
        {
            var item = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (answers[i] is not { } value)
            {
                errors.Add(item, "Required: a whole number.");
            }
            else if (value < MinimumAnswer || value > MaximumAnswer)
            {
                errors.Add(item, $"Out of range: {MinimumAnswer} to {MaximumAnswer}" + (i < Items.Count ? $" (item {Items[i].Code})." : "."));
            }
        }
    }

    /// <summary>Scores valid answers (call <see cref="Validate"/> first).</summary>
    public ScreeningResult Score(IReadOnlyList<int> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count != Items.Count || answers.Any(a => a < MinimumAnswer || a > MaximumAnswer))
        {
            throw new ArgumentException("Answers do not fit the instrument.", nameof(answers));
        }

        var total = answers.Sum();
        var band = BandRule?.Invoke(answers, total) ?? Bands.Single(b => total >= b.Minimum && total <= b.Maximum).Code;
        var (flags, reasons) = Rules?.Invoke(answers, total) ?? ([], []);
        if (CareBands.Contains(band))
        {
            flags = [.. flags, ScreeningFlags.CareIndicated];
        }

        return new ScreeningResult(total, band, flags, reasons);
    }
}

public static class ScreeningCategories
{
    public const string Health = "health";
    public const string Labour = "labour";
    public const string Child = "child";
}

public static class ScreeningFlags
{
    /// <summary>An answer that signals a risk of suicide or self-harm: urgent task to the supervisors.</summary>
    public const string SuicideRisk = "suicide_risk";
    /// <summary>The decision rule says refer to law enforcement: tasks to the supervisors and law enforcement.</summary>
    public const string ReferToLawEnforcement = "refer_law_enforcement";
    /// <summary>The band is positive (mental-health care indicated): counted by the indicators, opens no task by itself.</summary>
    public const string CareIndicated = "care_indicated";

    /// <summary>Flags that call for action now (shown as urgent).</summary>
    public static bool IsUrgent(string flag) => flag is SuicideRisk or ReferToLawEnforcement;

    public static readonly ValueSet All = new("screeningFlag",
    [
        new(SuicideRisk, "Suicide risk", "ความเสี่ยงฆ่าตัวตาย"),
        new(ReferToLawEnforcement, "Refer to law enforcement", "ส่งต่อเจ้าหน้าที่บังคับใช้กฎหมาย"),
        new(CareIndicated, "Mental-health care indicated", "ควรได้รับการดูแลด้านสุขภาพจิต"),
    ]);
}
