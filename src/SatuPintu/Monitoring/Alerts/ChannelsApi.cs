using System.Security.Claims;
using SatuPintu.Accounts;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>/api/v1/monitoring/channels: admins add alert channels from scripts.</summary>
internal static class ChannelsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/monitoring/channels").WithTags("Pemantauan");
        g.MapPost("/", async (ChannelInput input, ClaimsPrincipal user, ChannelEditing editing, CancellationToken ct) =>
        {
            if (!user.IsAdmin())
            {
                return Results.Problem(statusCode: 403, title: "Akses ditolak", detail: "Hanya admin Diskominfo yang dapat menambah kanal peringatan.");
            }
            var o = await editing.CreateAsync(input, ct);
            return o.IsOk
                ? Results.Json(new { id = o.Value!.Id, kind = o.Value.Kind, name = o.Value.Name, enabled = o.Value.Enabled }, statusCode: StatusCodes.Status201Created)
                : o.Status == OutcomeStatus.Invalid
                    ? Results.ValidationProblem(o.Errors!, statusCode: StatusCodes.Status422UnprocessableEntity, title: o.Message)
                    : ApiProblems.For(o);
        }).WithSummary("Tambah kanal peringatan (admin): webhook {kind,url}, email {kind,to}, telegram {kind,chatId,secret}; opd opsional; 422 bila isian tidak sah");
    }
}
