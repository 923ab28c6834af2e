using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace Saphan.Core.Features.Import;

/// <summary>
/// Reads a legacy Excel workbook (.xls, BIFF in an OLE compound file) through ExcelDataReader, row by row, with the
/// same rules as <see cref="XlsxReader"/>: the first sheet or the one named, the first non-empty row is the header
/// and fixes the width, a value in a column without a header stops the import, dates come out as yyyy-MM-dd, whole
/// numbers keep all their digits (a 13-digit ID card number), formulas are never evaluated (their cached value is
/// read). An .xls file holds at most 65,536 rows; ExcelDataReader keeps the workbook stream's directory, not its rows.
/// </summary>
public sealed class XlsReader : ITableReader, IDisposable
{
    private readonly IExcelDataReader _reader;
    private int _width = -1;

    static XlsReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public XlsReader(Stream stream, string? sheetName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            _reader = ExcelReaderFactory.CreateBinaryReader(stream, new ExcelReaderConfiguration { LeaveOpen = true });
        }
        catch (Exception problem) when (problem is not OperationCanceledException and not OutOfMemoryException)
        {
            // ExcelDataReader signals a damaged, encrypted or foreign compound file with many exception types.
            throw new ImportFileException("The file starts like an old Excel workbook (.xls) but cannot be read (damaged, encrypted or not really .xls): open it in Excel and save it as .xlsx or CSV UTF-8.");
        }

        if (sheetName is not null)
        {
            var names = new List<string>();
            do
            {
                if (_reader.Name == sheetName)
                {
                    return;
                }

                names.Add(_reader.Name);
            }
            while (_reader.NextResult());

            _reader.Dispose();
            throw new ImportFileException($"The workbook has no sheet of that name. Sheets: {string.Join(", ", names)}.");
        }
    }

    public CsvRecord? Read()
    {
        try
        {
            while (_reader.Read())
            {
                var rowNumber = _reader.Depth + 1;
                var count = _reader.FieldCount;
                var cells = new string[count];
                var last = -1;
                for (var i = 0; i < count; i++)
                {
                    cells[i] = Text(_reader.GetValue(i));
                    if (cells[i].Trim().Length > 0)
                    {
                        last = i;
                    }
                }

                if (last < 0)
                {
                    continue;
                }

                if (_width < 0)
                {
                    _width = last + 1;
                }
                else if (last >= _width)
                {
                    throw new ImportFileException(string.Create(CultureInfo.InvariantCulture,
                        $"Row {rowNumber}: a value in column {XlsxReader.ColumnName(last)}, which has no header. Give the column a header or delete it. Nothing was imported."));
                }

                var fields = new string[_width];
                Array.Copy(cells, fields, Math.Min(count, _width));
                for (var i = count; i < _width; i++)
                {
                    fields[i] = "";
                }

                return new CsvRecord(rowNumber, fields);
            }

            return null;
        }
        catch (Exception problem) when (problem is not ImportFileException and not OperationCanceledException and not OutOfMemoryException)
        {
            throw new ImportFileException("The old Excel workbook (.xls) is damaged: nothing was imported. Open it in Excel and save it as .xlsx or CSV UTF-8.");
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        DateTime date => date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double number when Math.Abs(number) < 1e15 && number == Math.Floor(number) => number.ToString("0", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "TRUE" : "FALSE",
        IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public void Dispose() => _reader.Dispose();
}
