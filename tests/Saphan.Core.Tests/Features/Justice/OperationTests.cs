using Saphan.Core.Features.Justice;

namespace Saphan.Core.Tests.Features.Justice;

public sealed class OperationTests
{
    private static Operation Planned() => new() { Type = "rescue", Name = "Op", Province = "TH-74", PlannedOn = new DateOnly(2026, 12, 1) };

    [Fact]
    public void Approval_names_the_missing_protection_plan_and_prosecution_lead_and_changes_nothing()
    {
        var operation = Planned();
        var refused = Assert.Throws<ValidationException>(() => operation.Approve(Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        Assert.Equal(["prosecutionLead", "protectionPlan"], refused.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("planned", operation.Status);
        Assert.Null(operation.ApprovedAt);
    }

    [Theory]
    [InlineData(null, 1, 1, "clinic")]
    [InlineData(4, null, 1, "clinic")]
    [InlineData(4, 1, null, "clinic")]
    [InlineData(4, 1, 1, " ")]
    public void Each_part_of_the_protection_plan_is_required(int? shelter, int? interpreters, int? specialists, string medical)
    {
        var operation = Planned();
        operation.ShelterPlaces = shelter;
        operation.Interpreters = interpreters;
        operation.ChildSpecialists = specialists;
        operation.MedicalArrangements = medical;
        operation.ProsecutionLead = "Prosecutor";
        Assert.False(operation.HasProtectionPlan);
        var refused = Assert.Throws<ValidationException>(() => operation.Approve(Guid.NewGuid(), DateTimeOffset.UnixEpoch));
        Assert.Equal(["protectionPlan"], refused.Errors.Keys);
    }

    [Fact]
    public void A_complete_plan_with_a_lead_is_approved_once()
    {
        var operation = Planned();
        operation.ShelterPlaces = 0;
        operation.Interpreters = 2;
        operation.ChildSpecialists = 0;
        operation.MedicalArrangements = "Clinic";
        operation.ProsecutionLead = "Prosecutor";
        var approver = Guid.NewGuid();
        operation.Approve(approver, DateTimeOffset.UnixEpoch);
        Assert.Equal("approved", operation.Status);
        Assert.Equal(approver, operation.ApprovedBy);
        Assert.Throws<ValidationException>(() => operation.Approve(approver, DateTimeOffset.UnixEpoch));
    }
}
