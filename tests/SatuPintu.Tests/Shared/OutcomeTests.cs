using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using SatuPintu.Shared;

namespace SatuPintu.Tests.Shared;

/// <summary>One mapping from every write's outcome to HTTP, the same for every API resource (before: three, two without 409).</summary>
public sealed class OutcomeTests
{
    public static TheoryData<OutcomeStatus, int> Statuses() => new()
    {
        { OutcomeStatus.NotFound, 404 },
        { OutcomeStatus.Forbidden, 403 },
        { OutcomeStatus.Invalid, 400 },
        { OutcomeStatus.Conflict, 409 },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Every_refusal_is_problem_details_with_its_status(OutcomeStatus status, int code)
    {
        var outcome = new Outcome<object>(status, Errors: new Dictionary<string, string[]> { ["title"] = ["Judul wajib diisi."] }, Message: "Dokumen tidak ditemukan.");
        var result = ApiProblems.For(outcome);
        Assert.Equal(code, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        var problem = Assert.IsAssignableFrom<IValueHttpResult>(result).Value;
        Assert.IsAssignableFrom<Microsoft.AspNetCore.Mvc.ProblemDetails>(problem);
        if (status == OutcomeStatus.NotFound)
        {
            Assert.Equal("Dokumen tidak ditemukan", ((Microsoft.AspNetCore.Mvc.ProblemDetails)problem!).Title);
        }
    }

    [Fact]
    public void A_change_that_went_through_is_answered_by_the_caller()
    {
        Assert.IsType<Ok<string>>(ApiProblems.Answer(Outcome<string>.Ok("x"), v => TypedResults.Ok(v)));
    }
}
