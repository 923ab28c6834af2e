using Saphan.Core;
using Saphan.Core.Features.Screenings;

namespace Saphan.Core.Tests.Features.Screenings;

public sealed class ScreeningInstrumentTests
{
    /// <summary>Answers that add up to <paramref name="total"/>, filling items from the first, leaving the last item at 0 when possible.</summary>
    private static int[] Totalling(ScreeningInstrument instrument, int total)
    {
        var answers = new int[instrument.Items.Count];
        for (var i = 0; i < answers.Length && total > 0; i++)
        {
            answers[i] = Math.Min(instrument.MaximumAnswer, total);
            total -= answers[i];
        }

        Assert.Equal(0, total);
        return answers;
    }

    [Theory]
    [InlineData(0, "minimal")]
    [InlineData(4, "minimal")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "moderately_severe")]
    [InlineData(19, "moderately_severe")]
    [InlineData(20, "severe")]
    [InlineData(27, "severe")]
    public void Phq9_bands_follow_the_published_cut_points(int total, string band)
    {
        var result = ScreeningInstruments.Phq9Instrument.Score(Totalling(ScreeningInstruments.Phq9Instrument, total));
        Assert.Equal(total, result.Score);
        Assert.Equal(band, result.Band);
    }

    [Theory]
    [InlineData(ScreeningInstruments.Phq9, 9, false)]
    [InlineData(ScreeningInstruments.Phq9, 10, true)]
    [InlineData(ScreeningInstruments.Gad7, 9, false)]
    [InlineData(ScreeningInstruments.Gad7, 10, true)]
    [InlineData(ScreeningInstruments.Pcl5, 32, false)]
    [InlineData(ScreeningInstruments.Pcl5, 33, true)]
    public void A_positive_band_flags_that_care_is_indicated(string code, int total, bool indicated)
    {
        var instrument = ScreeningInstruments.Find(code)!;
        var result = instrument.Score(Totalling(instrument, total)); // items filled from the first: PHQ-9 item 9 stays 0
        Assert.DoesNotContain(ScreeningFlags.SuicideRisk, result.Flags);
        Assert.Equal(indicated, result.Flags.Contains(ScreeningFlags.CareIndicated));
    }

    [Fact]
    public void Phq9_item_9_above_zero_is_a_suicide_risk_whatever_the_total()
    {
        var answers = new int[9];
        Assert.Empty(ScreeningInstruments.Phq9Instrument.Score(answers).Flags);
        answers[8] = 1;
        var result = ScreeningInstruments.Phq9Instrument.Score(answers);
        Assert.Equal("minimal", result.Band);
        Assert.Equal([ScreeningFlags.SuicideRisk], result.Flags);
        Assert.Equal(["phq9_9"], result.Reasons);
        Assert.Equal(27, ScreeningInstruments.Phq9Instrument.MaximumScore);
    }

    [Theory]
    [InlineData(0, "minimal")]
    [InlineData(4, "minimal")]
    [InlineData(5, "mild")]
    [InlineData(9, "mild")]
    [InlineData(10, "moderate")]
    [InlineData(14, "moderate")]
    [InlineData(15, "severe")]
    [InlineData(21, "severe")]
    public void Gad7_bands_follow_the_published_cut_points(int total, string band)
    {
        var result = ScreeningInstruments.Gad7Instrument.Score(Totalling(ScreeningInstruments.Gad7Instrument, total));
        Assert.Equal(band, result.Band);
        Assert.DoesNotContain(ScreeningFlags.SuicideRisk, result.Flags);
    }

    [Theory]
    [InlineData(0, "below_threshold")]
    [InlineData(32, "below_threshold")]
    [InlineData(33, "probable_ptsd")]
    [InlineData(80, "probable_ptsd")]
    public void Pcl5_uses_the_cut_off_33(int total, string band)
    {
        Assert.Equal(20, ScreeningInstruments.Pcl5Instrument.Items.Count);
        Assert.Equal(80, ScreeningInstruments.Pcl5Instrument.MaximumScore);
        Assert.Equal(band, ScreeningInstruments.Pcl5Instrument.Score(Totalling(ScreeningInstruments.Pcl5Instrument, total)).Band);
    }

    [Fact]
    public void The_suicide_question_flags_a_yes()
    {
        var instrument = ScreeningInstruments.SuicideQuestionInstrument;
        Assert.Equal("negative", instrument.Score([0]).Band);
        Assert.Empty(instrument.Score([0]).Flags);
        Assert.Equal("positive", instrument.Score([1]).Band);
        Assert.Equal([ScreeningFlags.SuicideRisk, ScreeningFlags.CareIndicated], instrument.Score([1]).Flags);
    }

    private static int[] Ilo(params string[] present)
    {
        var codes = ScreeningInstruments.IloInstrument.Items.Select(i => i.Code).ToList();
        Assert.All(present, p => Assert.Contains(p, codes));
        return [.. codes.Select(c => present.Contains(c) ? 1 : 0)];
    }

    [Theory]
    [InlineData("retention_of_documents")]
    [InlineData("withholding_of_wages")]
    [InlineData("debt_bondage")]
    [InlineData("physical_sexual_violence")]
    public void One_strong_ilo_indicator_means_refer(string strong)
    {
        var result = ScreeningInstruments.IloInstrument.Score(Ilo(strong));
        Assert.Equal(1, result.Score);
        Assert.Equal("refer", result.Band);
        Assert.Equal([ScreeningFlags.ReferToLawEnforcement], result.Flags);
        Assert.Equal([strong], result.Reasons);
    }

    [Fact]
    public void Weak_ilo_indicators_refer_from_three()
    {
        var ilo = ScreeningInstruments.IloInstrument;
        Assert.Equal(11, ilo.Items.Count);
        Assert.Equal("no_indicators", ilo.Score(Ilo()).Band);
        Assert.Equal("indicators_present", ilo.Score(Ilo("deception")).Band);
        var two = ilo.Score(Ilo("deception", "excessive_overtime"));
        Assert.Equal("indicators_present", two.Band);
        Assert.Empty(two.Flags);
        Assert.Equal(["deception", "excessive_overtime"], two.Reasons);
        var three = ilo.Score(Ilo("deception", "excessive_overtime", "isolation"));
        Assert.Equal("refer", three.Band);
        Assert.Equal([ScreeningFlags.ReferToLawEnforcement], three.Flags);
    }

    private static int[] Child(params string[] present) =>
        [.. ScreeningInstruments.ChildInstrument.Items.Select(i => present.Contains(i.Code) ? 1 : 0)];

    [Fact]
    public void Child_rule_act_with_exploitation_or_sexual_exploitation_or_four_indicators()
    {
        var child = ScreeningInstruments.ChildInstrument;
        Assert.Equal(18, child.UnderAge);
        Assert.Equal("no_indicators", child.Score(Child()).Band);
        Assert.Equal("refer", child.Score(Child("sexual_exploitation")).Band);
        Assert.Equal("indicators_present", child.Score(Child("moved_by_others")).Band);
        Assert.Equal("indicators_present", child.Score(Child("hazardous_work", "not_in_school")).Band);
        Assert.Equal("refer", child.Score(Child("moved_by_others", "hazardous_work")).Band);
        Assert.Equal("refer", child.Score(Child("away_from_family", "earnings_taken")).Band);
        Assert.Equal("indicators_present", child.Score(Child("not_in_school", "coached", "hazardous_work")).Band);
        Assert.Equal("refer", child.Score(Child("not_in_school", "coached", "hazardous_work", "debt")).Band);
    }

    [Fact]
    public void Validation_names_the_wrong_count_and_each_item_out_of_range()
    {
        var errors = new ValidationErrors();
        ScreeningInstruments.Phq9Instrument.Validate([0, 1, 2, 3, 0, 1, 2, 3], errors);
        Assert.True(errors.ToDictionary().ContainsKey("answers"));

        errors = new ValidationErrors();
        ScreeningInstruments.Phq9Instrument.Validate([0, 1, 2, 3, 0, 1, 2, 3, 4], errors);
        var problems = errors.ToDictionary();
        Assert.Equal(["answers[8]"], problems.Keys);
        Assert.Contains("0 to 3", problems["answers[8]"][0], StringComparison.Ordinal);

        errors = new ValidationErrors();
        ScreeningInstruments.Gad7Instrument.Validate([-1, 0, 0, null, 0, 0, 0], errors);
        Assert.Equal(["answers[0]", "answers[3]"], errors.ToDictionary().Keys.Order());

        errors = new ValidationErrors();
        ScreeningInstruments.Pcl5Instrument.Validate(null, errors);
        Assert.True(errors.Any);
        Assert.Throws<ArgumentException>(() => ScreeningInstruments.Phq9Instrument.Score([1, 2]));
    }

    [Fact]
    public void Every_instrument_has_bands_covering_every_score_and_thai_text()
    {
        foreach (var instrument in ScreeningInstruments.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(instrument.Version));
            Assert.All(instrument.Items, i => Assert.False(string.IsNullOrWhiteSpace(i.Thai)));
            Assert.All(instrument.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Thai)));
            for (var total = 0; total <= instrument.MaximumScore; total++)
            {
                var result = instrument.Score(Totalling(instrument, total));
                Assert.Contains(result.Band, instrument.Bands.Select(b => b.Code));
            }
        }

        Assert.Same(ScreeningInstruments.Phq9Instrument, ScreeningInstruments.Find("phq-9"));
        Assert.Null(ScreeningInstruments.Find("BDI"));
    }
}
