using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Saphan.Core;
using Saphan.Core.Features.Identity;
using Saphan.Web.Tests.Support;

namespace Saphan.Web.Tests.Features.Account;

[Trait("Category", "Database")]
public sealed class LoginTests(SaphanAppFactory app) : IClassFixture<SaphanAppFactory>
{
    [Fact]
    public async Task A_right_password_signs_in_and_a_wrong_one_says_so_without_revealing_which_part_was_wrong()
    {
        var session = await PageSession.SignInAsync(app, app.Emails[(app.OrgA, Roles.CaseWorker)]);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Cases")).StatusCode);

        var client = app.Anonymous();
        var wrongPassword = await PageSession.PostFormAsync(client, "/Account/Login",
            new() { ["Email"] = app.Emails[(app.OrgB, Roles.Supervisor)], ["Password"] = "Not-The-Password-1" });
        var noSuchUser = await PageSession.PostFormAsync(client, "/Account/Login",
            new() { ["Email"] = "nobody@test.example", ["Password"] = "Not-The-Password-1" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noSuchUser.StatusCode);
        Assert.Contains("The e-mail or password is not right.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("The e-mail or password is not right.", await noSuchUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        const string email = "locked.out@test.example";
        await app.AddUserAsync(app.OrgA, Roles.CaseWorker, email);
        var client = app.Anonymous();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await PageSession.PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = "Wrong-Password-" + attempt });
        }

        var right = await PageSession.PostFormAsync(client, "/Account/Login", new() { ["Email"] = email, ["Password"] = SaphanAppFactory.Password });
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_only_returns_to_pages_of_this_site()
    {
        var client = app.Anonymous();
        var response = await PageSession.PostFormAsync(client, "/Account/Login", new()
        {
            ["Email"] = app.Emails[(app.OrgA, Roles.Supervisor)],
            ["Password"] = SaphanAppFactory.Password,
            ["ReturnUrl"] = "https://evil.example/",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Short1a")]
    [InlineData("Weak.Person-2026")]
    public async Task Weak_passwords_are_refused_when_an_account_is_made(string password)
    {
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var error = await Assert.ThrowsAsync<ValidationException>(() =>
            accounts.AddAsync(Actor.System, app.OrgA, [Roles.CaseWorker], "weak.person@test.example", password, null, default));
        Assert.True(error.Errors.ContainsKey("password"));
    }
}
