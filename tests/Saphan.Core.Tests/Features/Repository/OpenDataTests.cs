using Saphan.Core.Features.Repository;

namespace Saphan.Core.Tests.Features.Repository;

public sealed class OpenDataTests
{
    private static readonly string[] Sexes = ["female", "male", "transgender_nonconforming"];
    private static readonly string[] Nationalities = ["MM", "TH", "KH", "LA", "VN", "CN", "ID", "PH", "stateless", "unknown"];

    /// <summary>A scattered population: many rare combinations, so raw values cannot be published as they are.</summary>
    private static List<AnalysisRecord> Population(int people, int seed)
    {
        var random = new Random(seed);
        var organisations = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var records = new List<AnalysisRecord>();
        for (var p = 0; p < people; p++)
        {
            var age = AgeBands.All[random.Next(AgeBands.All.Count)];
            var exploitation = random.Next(10) switch
            {
                < 4 => new[] { "forced_labour" },
                < 7 => ["sexual_exploitation"],
                < 8 => ["forced_labour", "sexual_exploitation"],
                < 9 => ["forced_begging"],
                _ => [],
            };
            var year = 2018 + random.Next(9);
            var copies = random.Next(10) == 0 ? 2 : 1;
            for (var c = 0; c < copies; c++)
            {
                records.Add(new AnalysisRecord("k" + p + "-" + c, p + 1, c == 0 ? "ngo" : "police", null, Sexes[random.Next(p % 7 == 0 ? 3 : 2)], age,
                    Nationalities[random.Next(p % 5 == 0 ? Nationalities.Length : 4)], exploitation, "TH-10", year + "Q" + (1 + random.Next(4)), [])
                { OrganisationId = organisations[(p + c) % organisations.Length] });
            }
        }

        return records;
    }

    [Theory]
    [InlineData(300, 1)]
    [InlineData(1500, 2)]
    [InlineData(6000, 3)]
    public void The_dataset_has_no_equivalence_class_smaller_than_k_and_generalises_before_it_suppresses(int people, int seed)
    {
        var dataset = OpenData.Dataset(OpenData.People(Population(people, seed)));
        Assert.Equal(people, dataset.People);
        Assert.All(dataset.Rows.GroupBy(r => string.Join('|', r)), c => Assert.True(c.Count() >= OpenData.K, $"{c.Count()}: {c.Key}"));
        Assert.Equal(people, dataset.Rows.Count + dataset.Suppressed);
        Assert.True(dataset.Rows.Count > 0);
        Assert.True(dataset.GeneralisationLevel > 0, "a scattered population needs generalising");
        // Stop as soon as few enough are left out (only the last level may suppress more).
        Assert.True(dataset.GeneralisationLevel == 3 || dataset.Suppressed <= OpenData.MaxSuppressedShare * people);
    }

    [Fact]
    public void Tables_suppress_cells_below_k_and_never_leave_a_single_suppressed_cell()
    {
        var table = OpenData.Table("t", "T", "people", [.. Enumerable.Repeat("a", 40), .. Enumerable.Repeat("b", 12), .. Enumerable.Repeat("c", 3)]);
        Assert.Equal(40, table.Cells.Single(c => c.Key == "a").Count);
        Assert.Null(table.Cells.Single(c => c.Key == "b").Count);
        Assert.Null(table.Cells.Single(c => c.Key == "c").Count);

        var figures = OpenData.Figures(Population(2000, 4), null);
        Assert.All(figures.Tables.SelectMany(t => t.Cells), c => Assert.True(c.Count is null or >= OpenData.K));
        Assert.All(figures.Tables, t => Assert.NotEqual(1, t.Cells.Count(c => c.Count is null)));
    }

    [Fact]
    public void A_type_with_too_few_organisations_is_not_published_unless_they_all_chose_to_be_named()
    {
        var ngos = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var police = Guid.NewGuid();
        var shelter = Guid.NewGuid();
        var records = new List<AnalysisRecord>();
        for (var p = 0; p < 300; p++)
        {
            records.Add(Record(p, 0, "ngo", ngos[p % 3], null));
            if (p % 4 == 0)
            {
                records.Add(Record(p, 1, "police", police, null));
            }

            if (p % 5 == 0)
            {
                records.Add(Record(p, 2, "shelter", shelter, null));
            }
        }

        var types = OpenData.Figures(records, null).Tables.Single(t => t.Code == "records_by_organisation_type").Cells;
        // Police and shelter are one organisation each and, together, still only two: withheld and suppressed — and
        // so is the NGO cell, since the withheld one is the published total minus it.
        Assert.Equal(["ngo", OpenData.WithheldTypes], types.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.All(types, c => Assert.Null(c.Count));
        var journeys = OpenData.Figures(records, null).Tables.Single(t => t.Code == "people_by_journey").Cells;
        Assert.DoesNotContain(journeys, c => c.Key.Contains("police", StringComparison.Ordinal) || c.Key.Contains("shelter", StringComparison.Ordinal) || c.Key.Contains(OpenData.WithheldTypes, StringComparison.Ordinal));

        // A third rare organisation: the rare types are published together as "other".
        var union = Guid.NewGuid();
        records.AddRange(Enumerable.Range(0, 20).Select(p => Record(1000 + p, 0, "union", union, null)));
        types = OpenData.Figures(records, null).Tables.Single(t => t.Code == "records_by_organisation_type").Cells;
        Assert.Equal(["ngo", OpenData.OtherTypes], types.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(75 + 60 + 20, types.Single(c => c.Key == OpenData.OtherTypes).Count);

        // The police unit chose to be named: its type may be shown (the other rare ones, three with a labour inspectorate, stay "other").
        var labour = Guid.NewGuid();
        records.AddRange(Enumerable.Range(0, 20).Select(p => Record(2000 + p, 0, "labour_inspection", labour, null)));
        records = [.. records.Select(r => r.OrganisationType == "police" ? r with { Organisation = "Police unit" } : r)];
        types = OpenData.Figures(records, null).Tables.Single(t => t.Code == "records_by_organisation_type").Cells;
        Assert.Equal(["ngo", OpenData.OtherTypes, "police"], types.Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(75, types.Single(c => c.Key == "police").Count);
        Assert.Equal(60 + 20 + 20, types.Single(c => c.Key == OpenData.OtherTypes).Count);
    }

    private static AnalysisRecord Record(int person, int copy, string type, Guid organisation, string? name) =>
        new("k" + person + "-" + copy, person + 1, type, name, "female", AgeBands.All[0], "MM", ["forced_labour"], "TH-10", "2025Q1", copy == 0 ? [] : ["shelter"])
        { OrganisationId = organisation };

    [Fact]
    public void Csv_cells_cannot_start_a_spreadsheet_formula()
    {
        var csv = OpenData.Csv(["a", "b"], [["=1+1", "x,y"]]);
        Assert.Equal("a,b\r\n'=1+1,\"x,y\"\r\n", csv);
    }
}
