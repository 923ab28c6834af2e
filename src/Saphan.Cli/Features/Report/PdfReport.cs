using System.Globalization;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using Saphan.Core.Features.Indicators;

namespace Saphan.Cli.Features.Report;

/// <summary>
/// The quarterly report as a PDF (A4): figures, a chart of the last quarters, breakdowns and every definition, each
/// label in English and Thai. Loma is embedded, so the Thai reads the same on any reader.
/// </summary>
internal sealed class PdfReport : IDisposable
{
    private const double Margin = 40, PageWidth = 595, PageHeight = 842, Bottom = PageHeight - 50;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    private readonly PdfDocument _document = new();
    private readonly XFont _title = new(ReportFonts.Family, 15, XFontStyleEx.Bold);
    private readonly XFont _heading = new(ReportFonts.Family, 11.5, XFontStyleEx.Bold);
    private readonly XFont _text = new(ReportFonts.Family, 9);
    private readonly XFont _small = new(ReportFonts.Family, 7.5);
    private XGraphics _gfx = null!;
    private double _y;

    public static void Write(QuarterlyReport report, string path)
    {
        using var pdf = new PdfReport();
        pdf.Render(report);
        pdf._gfx.Dispose();
        pdf._document.Save(path);
    }

    public void Dispose()
    {
        _gfx?.Dispose();
        _document.Dispose();
    }

    private void Render(QuarterlyReport report)
    {
        var set = report.Set;
        _document.Info.Title = $"Saphan quarterly report {set.Period}";
        _document.Info.Author = "Saphan";
        NewPage();
        Line(_title, "Quarterly anti-trafficking report to MSDHS");
        Line(_title, "รายงานผลการดำเนินงานด้านการต่อต้านการค้ามนุษย์รายไตรมาส ถึง พม.");
        _y += 4;
        var who = set.Scope == GetIndicators.NetworkScope
            ? "Whole network / ทั้งเครือข่าย"
            : set.OrganisationName ?? "";
        Line(_heading, who);
        Line(_text, $"Quarter / ไตรมาส: {set.Period} ({set.From.ToString("d MMM yyyy", English)} – {set.To.ToString("d MMM yyyy", English)}; "
            + $"{set.From.ToString("d MMM yyyy", Thai)} – {set.To.ToString("d MMM yyyy", Thai)})");
        Line(_text, $"Produced / จัดทำเมื่อ: {report.ProducedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC by Saphan");
        if (set.Scope == GetIndicators.NetworkScope)
        {
            Wrap(_small, "Network figures: counts of 1–10 are suppressed (shown as < 11) and no organisation is named. "
                + "ตัวเลขเครือข่าย: จำนวน 1–10 ถูกปิดไว้ (แสดงเป็น < 11) และไม่ระบุชื่อองค์กร");
        }

        foreach (var kind in new[] { IndicatorCatalogue.Performance, IndicatorCatalogue.Effectiveness })
        {
            _y += 8;
            Line(_heading, IndicatorLabels.Kind(kind, English) + " / " + IndicatorLabels.Kind(kind, Thai));
            Row(true, "Code", "Indicator / ตัวชี้วัด", "Value / ค่า", "Of / จาก");
            foreach (var value in set.Indicators.Where(i => i.Definition.Kind == kind))
            {
                var d = value.Definition;
                Row(false, d.Code, d.English + "\n" + d.Thai, Format(value), Counts(value));
            }
        }

        _y += 10;
        Chart(report);
        Breakdowns(set);
        Definitions(set);
    }

    private static string Format(IndicatorValue value) =>
        value.Hidden ? "hidden / ซ่อน"
        : value.Definition.NotComputable is not null ? "not computable yet / ยังคำนวณไม่ได้"
        : IndicatorLabels.Format(value.Definition, value.Total, English);

    private static string Counts(IndicatorValue value) =>
        value.Total is { Suppressed: false, Numerator: { } n, Denominator: { } d and > 0 } && value.Definition.Unit == IndicatorUnits.Percent
            ? string.Create(English, $"{n:#,0} / {d:#,0}") : "";

    private void NewPage()
    {
        _gfx?.Dispose();
        var page = _document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        _gfx = XGraphics.FromPdfPage(page);
        _y = Margin;
        _gfx.DrawString($"Saphan · {_document.PageCount}", _small, XBrushes.Gray, new XRect(Margin, PageHeight - 30, PageWidth - 2 * Margin, 12), XStringFormats.TopRight);
    }

    private void Ensure(double height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private void Line(XFont font, string text)
    {
        var height = font.GetHeight() + 2;
        Ensure(height);
        _gfx.DrawString(text, font, XBrushes.Black, new XRect(Margin, _y, PageWidth - 2 * Margin, height), XStringFormats.TopLeft);
        _y += height;
    }

    private void Wrap(XFont font, string text, double x = Margin, double width = PageWidth - 2 * Margin)
    {
        var height = Height(font, text, width);
        Ensure(height);
        new XTextFormatter(_gfx).DrawString(text, font, XBrushes.Black, new XRect(x, _y, width, height), XStringFormats.TopLeft);
        _y += height + 2;
    }

    /// <summary>An estimate of wrapped text's height: lines by measured width, plus explicit line breaks.</summary>
    private double Height(XFont font, string text, double width)
    {
        var lines = 0;
        foreach (var part in text.Split('\n'))
        {
            lines += Math.Max(1, (int)Math.Ceiling(_gfx.MeasureString(part, font).Width * 1.08 / width));
        }

        return lines * font.GetHeight();
    }

    private static readonly double[] Columns = [Margin, Margin + 36, Margin + 365, Margin + 450, PageWidth - Margin];

    private void Row(bool header, params string[] cells)
    {
        var font = header ? _heading : _text;
        var height = Enumerable.Range(0, cells.Length).Max(i => Height(font, cells[i], Columns[i + 1] - Columns[i] - 4)) + 4;
        Ensure(height);
        if (header)
        {
            _gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(238, 241, 244)), Margin, _y, PageWidth - 2 * Margin, height);
        }

        for (var i = 0; i < cells.Length; i++)
        {
            new XTextFormatter(_gfx).DrawString(cells[i], font, XBrushes.Black, new XRect(Columns[i] + 2, _y + 2, Columns[i + 1] - Columns[i] - 4, height), XStringFormats.TopLeft);
        }

        _y += height;
        _gfx.DrawLine(new XPen(XColor.FromArgb(220, 224, 230), 0.5), Margin, _y, PageWidth - Margin, _y);
    }

    /// <summary>Bars of people identified per quarter, with the count above each bar ("&lt; 11" when suppressed).</summary>
    private void Chart(QuarterlyReport report)
    {
        const double height = 150;
        Ensure(height + 50);
        Line(_heading, "People identified by quarter / จำนวนผู้ที่ได้รับการพบตัวรายไตรมาส");
        var points = report.Trend.Select(p => (p.Period, Cell: p.Indicators.First(i => i.Definition.Code == "P1").Total)).ToList();
        var max = Math.Max(4, points.Max(p => p.Cell?.Value ?? 0));
        var left = Margin + 20;
        var slot = (PageWidth - Margin - left) / Math.Max(1, points.Count);
        var baseY = _y + height;
        _gfx.DrawLine(XPens.Gray, left, baseY, PageWidth - Margin, baseY);
        for (var i = 0; i < points.Count; i++)
        {
            var (period, cell) = points[i];
            var value = cell?.Value ?? 0;
            var barHeight = cell is { Suppressed: true } ? 3 : (height - 14) * value / max;
            var x = left + i * slot + slot * 0.2;
            _gfx.DrawRectangle(new XSolidBrush(cell is { Suppressed: true } ? XColor.FromArgb(201, 211, 224) : XColor.FromArgb(29, 78, 216)), x, baseY - barHeight, slot * 0.6, barHeight);
            var label = cell is { Suppressed: true } ? "< 11" : value.ToString("#,0", English);
            _gfx.DrawString(label, _small, XBrushes.Black, new XRect(x - 10, baseY - barHeight - 11, slot * 0.6 + 20, 10), XStringFormats.TopCenter);
            _gfx.DrawString(period, _small, XBrushes.Black, new XRect(x - 10, baseY + 3, slot * 0.6 + 20, 10), XStringFormats.TopCenter);
        }

        _y = baseY + 20;
    }

    private void Breakdowns(IndicatorSet set)
    {
        var identified = set.Indicators.First(i => i.Definition.Code == "P1");
        _y += 6;
        Line(_heading, "People identified, by / ผู้ที่ได้รับการพบตัว จำแนกตาม");
        foreach (var (dimension, cells) in identified.Breakdowns)
        {
            var shown = cells.Take(dimension == IndicatorCatalogue.Province ? 15 : 12).ToList();
            if (shown.Count == 0)
            {
                continue;
            }

            Ensure(_heading.GetHeight() * 2);
            Line(_text, IndicatorLabels.Dimension(dimension, English) + " / " + IndicatorLabels.Dimension(dimension, Thai));
            foreach (var cell in shown)
            {
                Row(false, "", IndicatorLabels.Value(dimension, cell.Code, English) + " / " + IndicatorLabels.Value(dimension, cell.Code, Thai),
                    IndicatorLabels.Format(identified.Definition, cell, English), "");
            }

            _y += 4;
        }
    }

    private void Definitions(IndicatorSet set)
    {
        NewPage();
        Line(_title, "Definitions / นิยามตัวชี้วัด");
        foreach (var value in set.Indicators)
        {
            var d = value.Definition;
            _y += 4;
            Ensure(60);
            Line(_heading, $"{d.Code}  {d.English} / {d.Thai}");
            Wrap(_text, d.DefinitionEnglish);
            Wrap(_text, d.DefinitionThai);
            Wrap(_small, "Numerator / ตัวตั้ง: " + d.Numerator + (d.Denominator is null ? "" : "\nDenominator / ตัวหาร: " + d.Denominator)
                + "\nBreakdowns / การจำแนก: " + string.Join(", ", d.Dimensions.Select(x => IndicatorLabels.Dimension(x, English)))
                + (d.NotComputable is null ? "" : "\nNot computable yet / ยังคำนวณไม่ได้: " + d.NotComputable));
        }
    }
}
