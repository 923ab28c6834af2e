using System.IO.Compression;
using System.Security;
using System.Text;

namespace Saphan.Core.Features.Export;

/// <summary>
/// Writes a minimal Office Open XML workbook (.xlsx) straight to a stream, one sheet after another and one
/// row at a time, so memory stays flat. Every cell is an inline string: nothing in it is ever a formula.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];
    private StreamWriter? _sheet;
    private int _row;
    private bool _done;

    public XlsxWriter(Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
    }

    public void BeginSheet(string name)
    {
        EndSheet();
        _sheets.Add(name);
        var entry = _zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest);
        _sheet = new StreamWriter(entry.Open(), new UTF8Encoding(false), 65536);
        _sheet.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        _row = 0;
    }

    public void WriteRow(IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var sheet = _sheet ?? throw new InvalidOperationException("BeginSheet first.");
        _row++;
        sheet.Write("<row r=\"");
        sheet.Write(_row);
        sheet.Write("\">");
        var column = 0;
        foreach (var cell in cells)
        {
            column++;
            if (string.IsNullOrEmpty(cell))
            {
                continue;
            }

            sheet.Write("<c r=\"");
            sheet.Write(Saphan.Core.Features.Import.XlsxReader.ColumnName(column - 1));
            sheet.Write(_row);
            sheet.Write("\" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
            sheet.Write(Escape(cell));
            sheet.Write("</t></is></c>");
        }

        sheet.Write("</row>");
    }

    /// <summary>XML-escapes text and drops characters XML 1.0 cannot hold (control characters other than tab and line breaks).</summary>
    private static string Escape(string text)
    {
        var clean = text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r'))
            ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray())
            : text;
        return SecurityElement.Escape(clean);
    }

    private void EndSheet()
    {
        if (_sheet is null)
        {
            return;
        }

        _sheet.Write("</sheetData></worksheet>");
        _sheet.Dispose();
        _sheet = null;
    }

    private void Part(string path, string xml)
    {
        using var writer = new StreamWriter(_zip.CreateEntry(path, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        writer.Write(xml);
    }

    /// <summary>Writes the workbook's remaining parts. Called by Dispose.</summary>
    public void Finish()
    {
        if (_done)
        {
            return;
        }

        _done = true;
        EndSheet();
        if (_sheets.Count == 0)
        {
            BeginSheet("Sheet1");
            EndSheet();
        }

        var types = new StringBuilder("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
            .Append("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
            .Append("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
            .Append("<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>");
        var sheets = new StringBuilder();
        var rels = new StringBuilder("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
        for (var i = 1; i <= _sheets.Count; i++)
        {
            types.Append("<Override PartName=\"/xl/worksheets/sheet").Append(i).Append(".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>");
            sheets.Append("<sheet name=\"").Append(SecurityElement.Escape(_sheets[i - 1])).Append("\" sheetId=\"").Append(i).Append("\" r:id=\"rId").Append(i).Append("\"/>");
            rels.Append("<Relationship Id=\"rId").Append(i).Append("\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").Append(i).Append(".xml\"/>");
        }

        Part("[Content_Types].xml", types.Append("</Types>").ToString());
        Part("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        Part("xl/workbook.xml", "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>" + sheets + "</sheets></workbook>");
        Part("xl/_rels/workbook.xml.rels", rels.Append("</Relationships>").ToString());
    }

    public void Dispose()
    {
        Finish();
        _zip.Dispose();
    }
}
