using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using SatuPintu.Changes;

namespace SatuPintu.Data;

/// <summary>
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> go straight to the database, past the change tracker and
/// so past the audit trail and the change feed. On public and audited tables they are refused when
/// they run (not only found by a test that reads the source: code of every capability, written later
/// too, goes through this). Bookkeeping tables (sessions, tokens' last use, the feed itself, leases)
/// may use them.
/// </summary>
public sealed partial class BulkWriteGuard(PublicEntities entities) : DbCommandInterceptor
{
    /// <summary>Audited tables that are not public; their changes must go through SaveChanges too.</summary>
    private static readonly HashSet<Type> AuditedOnly =
    [
        typeof(Content.ArticleRevision), typeof(Accounts.AppUser), typeof(Accounts.OpdMembership),
        typeof(Microsoft.AspNetCore.Identity.IdentityUserRole<string>), typeof(Content.Uploads.MediaFile),
    ];

    private readonly ConcurrentDictionary<IModel, HashSet<string>> _guarded = new();

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private void Check(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete) || eventData.Context is not { } db)
        {
            return;
        }
        var table = Target().Match(command.CommandText);
        var guarded = _guarded.GetOrAdd(db.Model, Guarded);
        if (!table.Success || guarded.Contains(table.Groups["table"].Value))
        {
            throw new InvalidOperationException(
                $"ExecuteUpdate/ExecuteDelete on \"{(table.Success ? table.Groups["table"].Value : "?")}\" would skip the audit trail and the change feed: load the rows and SaveChanges instead.");
        }
    }

    private HashSet<string> Guarded(IModel model)
    {
        var tables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in model.GetEntityTypes())
        {
            var isPublic = entities.Find(type.ClrType) is not null;
            var joinOfPublic = type.IsPropertyBag && type.GetForeignKeys().Any(fk => entities.Find(fk.PrincipalEntityType.ClrType) is not null);
            if ((isPublic || joinOfPublic || AuditedOnly.Contains(type.ClrType)) && type.GetTableName() is { } name)
            {
                tables.Add(name);
            }
        }
        return tables;
    }

    [GeneratedRegex("""^\s*(?:UPDATE|DELETE\s+FROM)\s+"(?<table>[^"]+)"\s""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Target();
}
