using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace SatuPintu.Changes;

/// <summary>
/// An entity type a capability declares public: its rows' changes go to the change feed. The
/// capability says the kind, which OPD a row belongs to and, for workflow rows, when a row is
/// visible; a row that is not visible before or after a write (a draft saved, submitted or
/// rejected) is no public change.
/// </summary>
public sealed class PublicEntity(Type type, string kind, Func<object, int?> opdOf, Func<object, bool>? visible)
{
    public Type Type { get; } = type;
    public string Kind { get; } = kind;
    public bool HasVisibility => visible is not null;

    public int? OpdOf(object row) => opdOf(row);

    /// <summary>Whether this write changes what the public sees, from the row before and after.</summary>
    public bool Matters(EntityEntry e)
    {
        if (visible is null)
        {
            return true;
        }
        return visible(e.Entity) || (e.State != Microsoft.EntityFrameworkCore.EntityState.Added && visible(e.OriginalValues.ToObject()));
    }

    /// <summary>The OPD before the write, when it moved (an article given to another OPD changes both).</summary>
    public int? OriginalOpdOf(EntityEntry e) =>
        e.State == Microsoft.EntityFrameworkCore.EntityState.Added ? null : opdOf(e.OriginalValues.ToObject());
}

/// <summary>The registered public entity types, looked up by CLR type.</summary>
public sealed class PublicEntities(IEnumerable<PublicEntity> registered)
{
    private readonly Dictionary<Type, PublicEntity> _byType = registered.ToDictionary(r => r.Type);

    public PublicEntity? Find(Type type) => _byType.GetValueOrDefault(type);

    public IEnumerable<PublicEntity> All => _byType.Values;
}

public static class PublicEntityRegistration
{
    /// <summary>Declares <typeparamref name="T"/> public (see <see cref="PublicEntity"/>).</summary>
    public static IServiceCollection AddPublicEntity<T>(this IServiceCollection services, string kind, Func<T, int?> opdOf, Func<T, bool>? visible = null)
        where T : class =>
        services.AddSingleton(new PublicEntity(typeof(T), kind, o => opdOf((T)o), visible is null ? null : o => visible((T)o)));
}
