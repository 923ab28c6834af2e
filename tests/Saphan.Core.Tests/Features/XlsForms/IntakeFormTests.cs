using Saphan.Core.Features.Import;
using Saphan.Core.Features.Reference;
using Saphan.Core.Features.Standard;
using Saphan.Core.Features.XlsForms;

namespace Saphan.Core.Tests.Features.XlsForms;

public sealed class IntakeFormTests
{
    private static Dictionary<string, List<string[]>> Sheets(byte[] workbook)
    {
        var sheets = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var name in new[] { "survey", "choices", "settings" })
        {
            using var stream = new MemoryStream(workbook);
            using var reader = new XlsxReader(stream, name, ImportLimits.Default);
            var rows = new List<string[]>();
            while (reader.Read() is { } row)
            {
                rows.Add(row.Fields);
            }

            sheets[name] = rows;
        }

        return sheets;
    }

    [Fact]
    public void The_xlsform_has_survey_choices_and_settings_in_thai_and_english_from_the_dictionary()
    {
        using var output = new MemoryStream();
        IntakeForm.Write(output);
        var sheets = Sheets(output.ToArray());

        var survey = sheets["survey"];
        Assert.Equal(["type", "name", "label::English (en)", "label::Thai (th)", "hint::English (en)", "hint::Thai (th)", "required", "appearance", "relevant"], survey[0]);
        string[] Question(string name) => survey.Single(r => r[1] == name && !r[0].EndsWith("group", StringComparison.Ordinal));
        Assert.Equal(["text", "given_name", "Given name", "ชื่อ"], Question("given_name")[..4]);
        Assert.Equal("yes", Question("given_name")[6]);
        Assert.Equal("select_one gender", Question("gender")[0]);
        Assert.Equal("select_multiple country", Question("citizenship")[0]);
        Assert.Equal(("select_one province", "yes"), (Question("province")[0], Question("province")[6]));
        Assert.Equal("date", Question("identified_on")[0]);
        foreach (var group in new[] { "person", "victim", "case", "event", "consent" })
        {
            Assert.Contains(survey, r => r[0] == "begin_group" && r[1] == group);
            Assert.Contains(survey, r => r[0] == "end_group" && r[1] == group);
        }

        var choices = sheets["choices"];
        Assert.Equal(["list_name", "name", "label::English (en)", "label::Thai (th)"], choices[0]);
        Assert.Equal(ValueSets.Gender.Values.Select(v => v.Code), choices.Where(c => c[0] == "gender").Select(c => c[1]));
        Assert.Contains(choices, c => c is ["country", "stateless", _, _]);
        Assert.Contains(choices, c => c is ["province", "TH-50", _, "เชียงใหม่"]);
        Assert.All(choices.Skip(1), c => Assert.False(string.IsNullOrEmpty(c[3])));
        // Every select list used by the survey has its choices.
        foreach (var type in survey.Skip(1).Select(r => r[0]).Where(t => t.StartsWith("select_", StringComparison.Ordinal)))
        {
            Assert.Contains(choices, c => c[0] == type.Split(' ')[1]);
        }

        Assert.Equal(["form_title", "form_id", "version", "default_language", "style"], sheets["settings"][0]);
        Assert.Equal(IntakeForm.FormId, sheets["settings"][1][1]);
        Assert.All(IntakeForm.Questions, q => Assert.NotNull(DataStandard.Find(q.FieldCode)));
    }
}
