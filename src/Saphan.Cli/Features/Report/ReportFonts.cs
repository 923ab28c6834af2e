using PdfSharp.Fonts;

namespace Saphan.Cli.Features.Report;

/// <summary>
/// PDFsharp finds no system fonts on Linux by itself: this resolver serves Loma (Thai National Font Project, Debian's
/// fonts-tlwg-loma-ttf), which has Thai and Latin glyphs, so one font sets both languages and is embedded in the PDF.
/// </summary>
internal sealed class ReportFonts : IFontResolver
{
    public const string Family = "Loma";
    private static readonly string[] Folders = ["/usr/share/fonts/truetype/tlwg", "/usr/share/fonts/opentype/tlwg", "/usr/local/share/fonts"];
    private static readonly Lock Gate = new();

    public static string? FindFile(bool bold)
    {
        var name = bold ? "Loma-Bold.ttf" : "Loma.ttf";
        var configured = Environment.GetEnvironmentVariable("SAPHAN_REPORT_FONT_DIR");
        return (configured is null ? Folders : [configured, .. Folders]).Select(f => Path.Combine(f, name)).FirstOrDefault(File.Exists);
    }

    /// <summary>Installs the resolver once per process; false (with the reason) when the font is missing.</summary>
    public static bool TryInstall(out string? problem)
    {
        problem = null;
        if (FindFile(bold: false) is null || FindFile(bold: true) is null)
        {
            problem = "The PDF report needs the Thai font Loma: apt-get install fonts-tlwg-loma-ttf (or set SAPHAN_REPORT_FONT_DIR).";
            return false;
        }

        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not ReportFonts)
            {
                GlobalFontSettings.FontResolver = new ReportFonts();
            }
        }

        return true;
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "Loma-Bold" : "Loma-Regular");

    public byte[]? GetFont(string faceName) =>
        File.ReadAllBytes(FindFile(bold: faceName == "Loma-Bold") ?? throw new FileNotFoundException("Loma font not found."));
}
