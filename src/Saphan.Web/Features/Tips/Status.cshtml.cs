using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Saphan.Core;
using Saphan.Core.Features.Tips;

namespace Saphan.Web.Features.Tips;

/// <summary>
/// The sender's page: the receipt code is posted (never put in the address), the answer is the coarse
/// status, and more information can be added. Checks are rate-limited per source.
/// </summary>
[EnableRateLimiting(TipRateLimits.Receipt)]
[RequestSizeLimit(32 * 1024)]
public sealed class StatusModel(CheckTipStatus check, AddTipFollowUp followUp) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "lang")] public string? Lang { get; set; }
    [BindProperty] public string? Receipt { get; set; }
    [BindProperty] public string? Note { get; set; }

    public TipTexts Text { get; private set; } = TipTexts.For(null);
    public string? Status { get; private set; }
    public bool UnknownReceipt { get; private set; }
    public bool Added { get; private set; }
    public bool NoteProblem { get; private set; }

    public void OnGet() => Text = TipTexts.For(TipTexts.Choose(Lang, Request.Headers.AcceptLanguage));

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Text = TipTexts.For(TipTexts.Choose(Lang, Request.Headers.AcceptLanguage));
        try
        {
            if (Note is not null)
            {
                try
                {
                    Status = (await followUp.HandleAsync(Receipt, Note, cancellationToken)).Status;
                    Added = true;
                }
                catch (ValidationException)
                {
                    NoteProblem = true;
                    Status = (await check.HandleAsync(Receipt, cancellationToken)).Status;
                    Response.StatusCode = StatusCodes.Status400BadRequest;
                }
            }
            else
            {
                Status = (await check.HandleAsync(Receipt, cancellationToken)).Status;
            }
        }
        catch (Core.NotFoundException)
        {
            UnknownReceipt = true;
            Status = null;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return Page();
    }
}
