using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Saphan.Core.Features.Referrals;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Referrals;

/// <summary>The referral inboxes: received, sent and overdue, each with its count.</summary>
[Authorize(Policy = Policies.CasesRead)]
public sealed class IndexModel(ReferralCommands referrals) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Box { get; set; } = "received";
    public ReferralInbox Inbox { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Box = Box is "sent" or "overdue" ? Box : "received";
        Inbox = await referrals.InboxAsync(User.ToActor(), Box, cancellationToken);
    }
}
