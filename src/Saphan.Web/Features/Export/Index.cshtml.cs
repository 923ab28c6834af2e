using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core;
using Saphan.Core.Features.Export;
using Saphan.Core.Features.XlsForms;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Export;

/// <summary>
/// Download the organisation's own records (HTCDS layout as CSV, XLSX or JSON, or the CTDC de-identified
/// file), and the XLSForm of the intake questionnaire. For org admins and supervisors; identifying columns
/// only for supervisors. Law enforcement (a supervisor or org admin who also holds the law_enforcement role) may tick
/// the justice tables in. Every export is audited before its first byte is sent.
/// </summary>
[Authorize(Policy = Policies.Export)]
public sealed class IndexModel(ExportRecords export) : PageModel
{
    [BindProperty] public string Format { get; set; } = "htcds-csv";
    [BindProperty] public bool Deidentified { get; set; }

    /// <summary>Add the justice tables (offered only to law enforcement: <see cref="ExportRecords.MayExportJustice"/>).</summary>
    [BindProperty] public bool Justice { get; set; }

    public bool MayExportIdentifying => ExportRecords.MayExportIdentifying(User.ToActor());

    public bool MayExportJustice => ExportRecords.MayExportJustice(User.ToActor());

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ExportFormats.Parse(Format) is not { } format)
        {
            ModelState.AddModelError(nameof(Format), "Unknown format.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Justice && !MayExportJustice)
        {
            // Asked for by a role that does not see justice data (a tampered form): access denied, nothing written or audited.
            return Forbid();
        }

        if (Justice && format == ExportFormat.Ctdc)
        {
            ModelState.AddModelError(nameof(Justice), "The CTDC file has no justice tables.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Written to a temporary file first (the XLSX writer is synchronous; memory stays flat), deleted when sent.
        var path = Path.GetTempFileName();
        var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.DeleteOnClose);
        try
        {
            await export.WriteAsync(User.ToActor(), format, Deidentified, Justice, file, cancellationToken);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return File(file, format.ContentType(), $"saphan-{format.Code()}-{stamp}.{format.FileExtension()}");
    }

    /// <summary>The XLSForm of the standard intake questionnaire for KoboToolbox and ODK.</summary>
    public IActionResult OnGetXlsForm()
    {
        var output = new MemoryStream();
        IntakeForm.Write(output);
        output.Position = 0;
        return File(output, ExportFormat.Xlsx.ContentType(), "saphan-intake-xlsform.xlsx");
    }
}
