using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.Extensions.Localization;
using Saphan.Core.Features.Identity;
using Saphan.Core.Features.Referrals;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Referrals;

/// <summary>The nav link to the referral inboxes, with the overdue count, for roles that work with cases.</summary>
public sealed class ReferralNavViewComponent(ReferralCommands referrals, IStringLocalizer<SharedResource> t) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var html = "";
        if (Roles.CaseReaders.Any(UserClaimsPrincipal.IsInRole))
        {
            var inbox = await referrals.InboxAsync(UserClaimsPrincipal.ToActor(), "overdue", HttpContext.RequestAborted);
            var badge = inbox.Counts.Overdue > 0 ? $" <span class=\"count count-alert\" id=\"nav-overdue\">{inbox.Counts.Overdue}</span>" : "";
            html += $"<a href=\"/Referrals\" id=\"nav-referrals\">{System.Net.WebUtility.HtmlEncode(t["Referrals"])}{badge}</a>";
            if (Roles.CaseWriters.Concat(Saphan.Core.Features.Caseloads.GetCaseloads.OverseerRoles).Any(UserClaimsPrincipal.IsInRole))
            {
                html += $"<a href=\"/Caseloads\" id=\"nav-caseloads\">{System.Net.WebUtility.HtmlEncode(t["Caseloads"])}</a>";
            }
        }

        return new HtmlContentViewComponentResult(new HtmlString(html));
    }
}
