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
    public void Csv_cells_cannot_start_a_spreadsheet_formula()
    {
        var csv = OpenData.Csv(["a", "b"], [["=1+1", "x,y"]]);
        Assert.Equal("a,b\r\n'=1+1,\"x,y\"\r\n", csv);
    }
}
