using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;
using C = DocumentFormat.OpenXml.Drawing.Charts;
using Xdr = DocumentFormat.OpenXml.Drawing.Spreadsheet;
using Saphan.Core.Features.Indicators;

namespace Saphan.Cli.Features.Report;

/// <summary>
/// The quarterly report as a workbook: "Indicators" (the figures), "Breakdowns" (every dimension of every indicator),
/// "Trend" (totals of the last quarters, with a chart) and "Definitions" (words and queries), English and Thai columns side by side.
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
        AddChart(AddSheet(workbook, "Trend", trend), report.Trend.Count);
        AddSheet(workbook, "Definitions", definitions);
        workbook.Workbook.Save();
    }

    private static WorksheetPart AddSheet(WorkbookPart workbook, string name, List<object?[]> rows)
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
        return part;
    }

    /// <summary>A column chart of people identified (column B of the Trend sheet) per quarter, below the table.</summary>
    private static void AddChart(WorksheetPart sheet, int quarters)
    {
        var drawings = sheet.AddNewPart<DrawingsPart>();
        sheet.Worksheet.Append(new Drawing { Id = sheet.GetIdOfPart(drawings) });
        drawings.WorksheetDrawing = new Xdr.WorksheetDrawing();
        var chartPart = drawings.AddNewPart<ChartPart>();
        var last = (quarters + 1).ToString(CultureInfo.InvariantCulture);
        var barChart = new C.BarChart(
            new C.BarDirection { Val = C.BarDirectionValues.Column },
            new C.BarGrouping { Val = C.BarGroupingValues.Clustered },
            new C.VaryColors { Val = false },
            new C.BarChartSeries(
                new C.Index { Val = 0 },
                new C.Order { Val = 0 },
                new C.SeriesText(new C.StringReference(new C.Formula("Trend!$B$1"))),
                new C.CategoryAxisData(new C.StringReference(new C.Formula("Trend!$A$2:$A$" + last))),
                new C.Values(new C.NumberReference(new C.Formula("Trend!$B$2:$B$" + last)))),
            new C.AxisId { Val = 1 },
            new C.AxisId { Val = 2 });
        var plotArea = new C.PlotArea(
            new C.Layout(),
            barChart,
            new C.CategoryAxis(new C.AxisId { Val = 1 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Bottom }, new C.CrossingAxis { Val = 2 }),
            new C.ValueAxis(new C.AxisId { Val = 2 }, new C.Scaling(new C.Orientation { Val = C.OrientationValues.MinMax }), new C.Delete { Val = false },
                new C.AxisPosition { Val = C.AxisPositionValues.Left }, new C.MajorGridlines(), new C.CrossingAxis { Val = 1 }));
        chartPart.ChartSpace = new C.ChartSpace(
            new C.EditingLanguage { Val = "en-GB" },
            new C.Chart(
                new C.Title(new C.ChartText(new C.RichText(new A.BodyProperties(), new A.ListStyle(),
                    new A.Paragraph(new A.Run(new A.Text("People identified by quarter / จำนวนผู้ที่ได้รับการพบตัวรายไตรมาส"))))), new C.Overlay { Val = false }),
                new C.AutoTitleDeleted { Val = false },
                plotArea,
                new C.PlotVisibleOnly { Val = true }));
        var top = (quarters + 3).ToString(CultureInfo.InvariantCulture);
        var bottom = (quarters + 22).ToString(CultureInfo.InvariantCulture);
        drawings.WorksheetDrawing.Append(new Xdr.TwoCellAnchor(
            new Xdr.FromMarker(new Xdr.ColumnId("0"), new Xdr.ColumnOffset("0"), new Xdr.RowId(top), new Xdr.RowOffset("0")),
            new Xdr.ToMarker(new Xdr.ColumnId("9"), new Xdr.ColumnOffset("0"), new Xdr.RowId(bottom), new Xdr.RowOffset("0")),
            new Xdr.GraphicFrame(
                new Xdr.NonVisualGraphicFrameProperties(new Xdr.NonVisualDrawingProperties { Id = 2U, Name = "People identified" }, new Xdr.NonVisualGraphicFrameDrawingProperties()),
                new Xdr.Transform(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = 0, Cy = 0 }),
                new A.Graphic(new A.GraphicData(new C.ChartReference { Id = drawings.GetIdOfPart(chartPart) }) { Uri = "http://schemas.openxmlformats.org/drawingml/2006/chart" })),
            new Xdr.ClientData()));
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
