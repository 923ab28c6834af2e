using Saphan.Core.Features.Cases;

namespace Saphan.Core.Tests.Features.Cases;

public sealed class CaseTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Closing_records_when_and_reopening_clears_it()
    {
        var @case = new Case { Province = "TH-10" };
        @case.ChangeStatus("closed_referred", Now);
        Assert.Equal(Now, @case.ClosedAt);
        @case.ChangeStatus("active", Now.AddDays(1));
        Assert.Null(@case.ClosedAt);
        Assert.Equal("active", @case.Status);
    }

    [Fact]
    public void A_closed_case_goes_back_to_follow_up_only_through_active()
    {
        var @case = new Case { Province = "TH-10" };
        @case.ChangeStatus("closed", Now);
        var error = Assert.Throws<ValidationException>(() => @case.ChangeStatus("follow_up", Now));
        Assert.True(error.Errors.ContainsKey("status"));
        Assert.Throws<ValidationException>(() => @case.ChangeStatus("archived", Now));
        Assert.Equal("closed", @case.Status);
    }
}
