namespace SatuPintu.Tests.Infrastructure;

/// <summary>Base of test classes that act as the admin, editor and reviewer of <see cref="Personas"/>, made once per host and shared by the classes on it.</summary>
public abstract class WithPersonas(SatuPintuApp app) : IAsyncLifetime
{
    protected Personas People { get; private set; } = null!;

    public async Task InitializeAsync() => People = await app.PeopleAsync();

    public Task DisposeAsync() => Task.CompletedTask;
}
