using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Saphan.Core.Features.Indicators;

namespace Saphan.Cli.Features.Report;

/// <summary>
/// The quarterly report as a workbook: "Indicators" (the figures), "Breakdowns" (every dimension of every indicator),
/// "Trend" (totals of the last quarters) and "Definitions" (words and queries), English and Thai columns side by side.
/// Suppressed cells are empty with "suppressed" = yes, never a number.
/// </summary>
internal static class XlsxReport
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");

    public static void Write(QuarterlyReport report, string path)
    {
        var set = report.Set;
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        var who = set.Scope == GetIndicators.NetworkScope ? "Whole network / ทั้งเครือข่าย" : set.OrganisationName ?? "";

        var indicators = new List<object?[]>
        {
            new object?[] { "Quarterly anti-trafficking report to MSDHS / รายงานผลการดำเนินงานด้านการต่อต้านการค้ามนุษย์รายไตรมาส ถึง พม." },
            new object?[] { who, set.Period, set.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), set.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
            new object?[] { set.Scope == GetIndicators.NetworkScope ? "Counts of 1-10 suppressed; no organisation named. / จำนวน 1-10 ถูกปิดไว้ ไม่ระบุชื่อองค์กร" : "" },
            Array.Empty<object?>(),
            new object?[] { "code", "kind", "indicator", "ตัวชี้วัด", "unit", "value", "numerator", "denominator", "suppressed", "status" },
        };
        foreach (var value in set.Indicators)
        {
            var d = value.Definition;
            var total = value.Total;
            var status = value.Hidden ? "hidden (health)" : d.NotComputable is not null ? "not computable yet" : "";
            indicators.Add([d.Code, d.Kind, d.English, d.Thai, d.Unit, total?.Value, total?.Numerator, total?.Denominator, total?.Suppressed == true ? "yes" : "no", status]);
        }

        var breakdowns = new List<object?[]> { new object?[] { "code", "dimension", "มิติ", "value code", "label", "ป้ายชื่อ", "value", "numerator", "denominator", "suppressed" } };
        foreach (var value in set.Indicators)
        {
            foreach (var (dimension, cells) in value.Breakdowns)
            {
                foreach (var cell in cells)
                {
                    breakdowns.Add([value.Definition.Code, IndicatorLabels.Dimension(dimension, English), IndicatorLabels.Dimension(dimension, Thai), cell.Code,
                        IndicatorLabels.Value(dimension, cell.Code, English), IndicatorLabels.Value(dimension, cell.Code, Thai),
                        cell.Value, cell.Numerator, cell.Denominator, cell.Suppressed ? "yes" : "no"]);
                }
            }
        }

        var codes = IndicatorCatalogue.All.Where(d => d.NotComputable is null).Select(d => d.Code).ToList();
        var trend = new List<object?[]> { new object?[] { "quarter" }.Concat(codes).ToArray() };
        foreach (var point in report.Trend)
        {
            trend.Add([point.Period, .. codes.Select(c => (object?)point.Indicators.First(i => i.Definition.Code == c).Total?.Value)]);
        }

        var definitions = new List<object?[]> { new object?[] { "code", "kind", "indicator", "ตัวชี้วัด", "definition", "นิยาม", "numerator", "denominator", "breakdowns", "not computable", "query (SQLite)" } };
        foreach (var d in IndicatorCatalogue.All)
        {
            definitions.Add([d.Code, d.Kind, d.English, d.Thai, d.DefinitionEnglish, d.DefinitionThai, d.Numerator, d.Denominator,
                string.Join(", ", d.Dimensions), d.NotComputable, d.Query]);
        }

        AddSheet(workbook, "Indicators", indicators);
        AddSheet(workbook, "Breakdowns", breakdowns);
        AddSheet(workbook, "Trend", trend);
        AddSheet(workbook, "Definitions", definitions);
        workbook.Workbook.Save();
    }

    private static void AddSheet(WorkbookPart workbook, string name, List<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < rows[r].Length; c++)
            {
                var reference = Column(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                row.Append(rows[r][c] switch
                {
                    null => new Cell { CellReference = reference },
                    double number => Number(reference, number.ToString("R", CultureInfo.InvariantCulture)),
                    long number => Number(reference, number.ToString(CultureInfo.InvariantCulture)),
                    var other => new Cell
                    {
                        CellReference = reference,
                        DataType = CellValues.InlineString,
                        InlineString = new InlineString(new Text(Convert.ToString(other, CultureInfo.InvariantCulture) ?? "") { Space = SpaceProcessingModeValues.Preserve }),
                    },
                });
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        var sheets = workbook.Workbook.Sheets!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(sheets.Count() + 1), Name = name });
    }

    private static Cell Number(string reference, string value) => new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) };

    private static string Column(int index)
    {
        var name = "";
        for (var i = index + 1; i > 0; i = (i - 1) / 26)
        {
            name = (char)('A' + (i - 1) % 26) + name;
        }

        return name;
    }
}
