using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace SatuPintu.Accounts.Admin.Users;

/// <summary>The role and OPD choice of the invitation and grant forms, with what the person picked kept on a refused post.</summary>
public sealed record RoleFields(string Role, string? Opd, IReadOnlyList<(string Slug, string Name)> Opds, string? RoleError, string? OpdError)
{
    public static RoleFields From(ModelStateDictionary state, string role, string? opd, IReadOnlyList<(string Slug, string Name)> opds) =>
        new(role, opd, opds, Error(state, "Role"), Error(state, "Opd"));

    private static string? Error(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
