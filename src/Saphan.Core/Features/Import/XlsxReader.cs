using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Saphan.Core.Features.Import;

/// <summary>The limits an import enforces on a file before and while reading it. All configurable.</summary>
public sealed record ImportLimits
{
    /// <summary>The largest file accepted (bytes). Default 256 MiB: about a million spreadsheet rows.</summary>
    public long MaxFileBytes { get; init; } = 256L * 1024 * 1024;
    /// <summary>The most an XLSX workbook may unpack to, all its parts together (bytes). Default 1 GiB.</summary>
    public long MaxUncompressedBytes { get; init; } = 1024L * 1024 * 1024;
    /// <summary>The highest compression ratio of a part larger than 1 MiB. Real sheets stay below 30; zip bombs reach 1000.</summary>
    public int MaxCompressionRatio { get; init; } = 200;

    public static readonly ImportLimits Default = new();
}

/// <summary>Something that yields a table one row at a time: the CSV reader or a workbook's sheet.</summary>
public interface ITableReader
{
    /// <summary>The next non-empty row, or null at the end.</summary>
    CsvRecord? Read();
}

/// <summary>
/// Streams one sheet of an Office Open XML workbook (.xlsx) row by row with an <see cref="XmlReader"/>, so
/// memory stays flat however many rows (only the shared-string table is held). Dates (cells with a date
/// number format) come out as yyyy-MM-dd. A workbook that is not a ZIP, unpacks to more than the limits,
/// or holds broken XML is refused with an <see cref="ImportFileException"/>.
/// </summary>
public sealed class XlsxReader : ITableReader, IDisposable
{
    private const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const long RatioCheckedFrom = 1024 * 1024;

    private readonly ZipArchive _zip;
    private readonly List<string> _sharedStrings = [];
    private readonly HashSet<int> _dateStyles = [];
    private readonly XmlReader _sheet;
    private int _width = -1;

    public string SheetName { get; }

    public XlsxReader(Stream stream, string? sheetName, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            _zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("The file starts like an XLSX workbook but is not a readable ZIP archive (damaged or not really .xlsx): open it in Excel and save it again, or save it as CSV.");
        }

        try
        {
            CheckSizes(limits);
            var (name, path) = FindSheet(sheetName);
            SheetName = name;
            ReadSharedStrings();
            ReadStyles();
            var entry = _zip.GetEntry(path) ?? throw new ImportFileException($"The workbook names a sheet part it does not contain ({path}): the file is damaged.");
            _sheet = XmlReader.Create(new LimitedStream(entry.Open(), entry.Length), Settings());
        }
        catch (XmlException)
        {
            _zip.Dispose();
            throw new ImportFileException("The workbook's XML is broken (damaged file): open it in Excel and save it again, or save it as CSV.");
        }
        catch (InvalidDataException)
        {
            _zip.Dispose();
            throw new ImportFileException("The workbook's ZIP data is damaged: open it in Excel and save it again, or save it as CSV.");
        }
        catch
        {
            _zip.Dispose();
            throw;
        }
    }

    /// <summary>Refuses zip bombs before anything is unpacked: the declared sizes, in total and per part by ratio.</summary>
    private void CheckSizes(ImportLimits limits)
    {
        long total = 0;
        foreach (var entry in _zip.Entries)
        {
            total += entry.Length;
            if (total > limits.MaxUncompressedBytes)
            {
                throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                    $"The workbook unpacks to more than {limits.MaxUncompressedBytes / (1024 * 1024)} MiB (a zip bomb, or far larger than a spreadsheet): refused."));
            }

            if (entry.Length > RatioCheckedFrom && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
            {
                throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                    $"A part of the workbook is compressed more than {limits.MaxCompressionRatio} times (a zip bomb): refused."));
            }
        }
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = false,
        CloseInput = true,
    };

    private XmlReader Open(string path) =>
        _zip.GetEntry(path) is { } entry ? XmlReader.Create(new LimitedStream(entry.Open(), entry.Length), Settings()) : throw new ImportFileException($"Not an XLSX workbook: it has no {path}.");

    private (string Name, string Path) FindSheet(string? wanted)
    {
        var sheets = new List<(string Name, string RelId)>();
        using (var xml = Open("xl/workbook.xml"))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "sheet" && xml.NamespaceURI == MainNs)
                {
                    sheets.Add((xml.GetAttribute("name") ?? "", xml.GetAttribute("id", RelNs) ?? ""));
                }
            }
        }

        if (sheets.Count == 0)
        {
            throw new ImportFileException("The workbook has no sheets.");
        }

        var chosen = wanted is null ? sheets[0] : sheets.FirstOrDefault(s => string.Equals(s.Name, wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        if (chosen.Name is null)
        {
            throw new ImportFileException($"The workbook has no sheet of that name. Sheets: {string.Join(", ", sheets.Select(s => s.Name))}.");
        }

        var target = "worksheets/sheet1.xml";
        if (_zip.GetEntry("xl/_rels/workbook.xml.rels") is not null)
        {
            using var rels = Open("xl/_rels/workbook.xml.rels");
            while (rels.Read())
            {
                if (rels.NodeType == XmlNodeType.Element && rels.LocalName == "Relationship" && rels.GetAttribute("Id") == chosen.RelId)
                {
                    target = rels.GetAttribute("Target") ?? target;
                }
            }
        }

        var path = target.StartsWith('/') ? target[1..] : "xl/" + target;
        return (chosen.Name, path);
    }

    private void ReadSharedStrings()
    {
        if (_zip.GetEntry("xl/sharedStrings.xml") is null)
        {
            return;
        }

        using var xml = Open("xl/sharedStrings.xml");
        var text = new System.Text.StringBuilder();
        var inPhonetic = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                text.Clear();
                if (xml.IsEmptyElement)
                {
                    _sharedStrings.Add("");
                }
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                inPhonetic = !xml.IsEmptyElement;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "rPh")
            {
                inPhonetic = false;
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "t" && !inPhonetic && !xml.IsEmptyElement)
            {
                text.Append(xml.ReadElementContentAsString());
                if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "si")
                {
                    _sharedStrings.Add(text.ToString());
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "si")
            {
                _sharedStrings.Add(text.ToString());
            }
        }
    }

    /// <summary>Which cell styles format a number as a date: built-in formats 14–22 and 45–47, and custom formats with d, m or y outside quotes.</summary>
    private void ReadStyles()
    {
        if (_zip.GetEntry("xl/styles.xml") is null)
        {
            return;
        }

        var customDates = new HashSet<int>();
        var styleFormats = new List<int>();
        using var xml = Open("xl/styles.xml");
        var inCellXfs = false;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "numFmt"
                && int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
                && IsDateFormat(xml.GetAttribute("formatCode") ?? ""))
            {
                customDates.Add(id);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "cellXfs")
            {
                inCellXfs = !xml.IsEmptyElement;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
            {
                inCellXfs = false;
            }
            else if (inCellXfs && xml.NodeType == XmlNodeType.Element && xml.LocalName == "xf")
            {
                styleFormats.Add(int.TryParse(xml.GetAttribute("numFmtId"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? f : 0);
            }
        }

        for (var i = 0; i < styleFormats.Count; i++)
        {
            var f = styleFormats[i];
            if (f is >= 14 and <= 22 or >= 45 and <= 47 or >= 27 and <= 36 or >= 50 and <= 58 || customDates.Contains(f))
            {
                _dateStyles.Add(i);
            }
        }
    }

    internal static bool IsDateFormat(string code)
    {
        var quoted = false;
        var bracket = false;
        foreach (var ch in code)
        {
            switch (ch)
            {
                case '"': quoted = !quoted; break;
                case '[' when !quoted: bracket = true; break;
                case ']' when !quoted: bracket = false; break;
                default:
                    if (!quoted && !bracket && char.ToLowerInvariant(ch) is 'd' or 'm' or 'y' or 'e')
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    public CsvRecord? Read()
    {
        try
        {
            while (_sheet.Read())
            {
                if (_sheet.NodeType != XmlNodeType.Element || _sheet.LocalName != "row")
                {
                    continue;
                }

                var rowNumber = int.TryParse(_sheet.GetAttribute("r"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : 0;
                var cells = _sheet.IsEmptyElement ? [] : ReadCells();
                if (cells.All(c => c.Value.Length == 0))
                {
                    continue;
                }

                if (_width < 0)
                {
                    // The header row fixes the width: up to its last non-empty cell.
                    _width = cells.Where(c => c.Value.Trim().Length > 0).Max(c => c.Column) + 1;
                }

                var fields = new string[_width];
                Array.Fill(fields, "");
                foreach (var (column, value) in cells)
                {
                    if (column < _width)
                    {
                        fields[column] = value;
                    }
                    else if (value.Trim().Length > 0)
                    {
                        throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                            $"Row {rowNumber}: a value in column {ColumnName(column)}, which has no header. Give the column a header or delete it. Nothing was imported."));
                    }
                }

                return new CsvRecord(rowNumber, fields);
            }

            return null;
        }
        catch (XmlException problem)
        {
            throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                $"The sheet's XML is broken near line {problem.LineNumber} of the part (damaged file): nothing was imported. Open it in Excel and save it again, or save it as CSV."));
        }
        catch (InvalidDataException)
        {
            throw new ImportFileException("The workbook's ZIP data is damaged (or unpacks to more than it declares): nothing was imported.");
        }
    }

    private List<(int Column, string Value)> ReadCells()
    {
        var cells = new List<(int, string)>();
        var depth = _sheet.Depth;
        var next = 0;
        while (_sheet.Read() && !(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == depth))
        {
            if (_sheet.NodeType != XmlNodeType.Element || _sheet.LocalName != "c")
            {
                continue;
            }

            var reference = _sheet.GetAttribute("r");
            var column = reference is null ? next : ColumnIndex(reference);
            next = column + 1;
            var type = _sheet.GetAttribute("t") ?? "n";
            var style = int.TryParse(_sheet.GetAttribute("s"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
            string? raw = null;
            string? inline = null;
            if (!_sheet.IsEmptyElement)
            {
                var cellDepth = _sheet.Depth;
                while (_sheet.Read() && !(_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == cellDepth))
                {
                    if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "v" && !_sheet.IsEmptyElement)
                    {
                        raw = _sheet.ReadElementContentAsString();
                        if (_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == cellDepth)
                        {
                            break;
                        }
                    }
                    else if (_sheet.NodeType == XmlNodeType.Element && _sheet.LocalName == "t" && !_sheet.IsEmptyElement)
                    {
                        inline += _sheet.ReadElementContentAsString();
                        if (_sheet.NodeType == XmlNodeType.EndElement && _sheet.Depth == cellDepth)
                        {
                            break;
                        }
                    }
                }
            }

            cells.Add((column, CellText(type, style, raw, inline)));
        }

        return cells;
    }

    private string CellText(string type, int style, string? raw, string? inline)
    {
        switch (type)
        {
            case "s":
                return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < _sharedStrings.Count
                    ? _sharedStrings[i]
                    : throw new ImportFileException("A cell points to a shared string the workbook does not have (damaged file).");
            case "inlineStr":
                return inline ?? "";
            case "b":
                return raw == "1" ? "TRUE" : "FALSE";
            case "str":
            case "e":
                return raw ?? "";
            default:
                if (raw is null)
                {
                    return "";
                }

                if (_dateStyles.Contains(style) && double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 1 and < 2958466)
                {
                    return new DateOnly(1899, 12, 30).AddDays((int)Math.Floor(serial)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                }

                // Whole numbers as Excel shows them (a 13-digit ID card number stays 13 digits).
                return decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : raw;
        }
    }

    private static int ColumnIndex(string reference)
    {
        var column = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z')
            {
                column = column * 26 + (ch - 'A' + 1);
            }
            else
            {
                break;
            }
        }

        return Math.Max(0, column - 1);
    }

    internal static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + (n - 1) % 26) + name;
        }

        return name;
    }

    public void Dispose()
    {
        _sheet?.Dispose();
        _zip.Dispose();
    }

    /// <summary>A part's stream that refuses to yield more than the part declared (a lying header cannot unpack a bomb).</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > limit)
            {
                throw new InvalidDataException("A workbook part unpacks to more than it declares.");
            }

            return n;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
