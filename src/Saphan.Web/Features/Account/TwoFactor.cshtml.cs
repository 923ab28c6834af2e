using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Saphan.Core.Data;
using Saphan.Core.Features.Identity;
using Saphan.Web.Features.Identity;

namespace Saphan.Web.Features.Account;

/// <summary>Turns the TOTP second factor on (scan a QR code, confirm a code) or off.</summary>
public sealed class TwoFactorModel(UserManager<SaphanUser> users, SignInManager<SaphanUser> signIn, SaphanDbContext db) : PageModel
{
    [BindProperty] public string Code { get; set; } = "";
    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrPngBase64 { get; private set; } = "";
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            db.Audit(User.ToActor(), "user.two_factor_enabled", "user", user.Id);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            await signIn.RefreshSignInAsync(user);
            Message = "Two-step verification is on";
        }
        else
        {
            Message = "That code is not right. Try the current one.";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        db.Audit(User.ToActor(), "user.two_factor_disabled", "user", user.Id);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await signIn.RefreshSignInAsync(user);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed-in user not found.");
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        SharedKey = Group(key);
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/Saphan:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=Saphan&digits=6");
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrPngBase64 = Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string Group(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }
}
