namespace SatuPintu.Hosting;

/// <summary>
/// A published app started from another folder (a service unit without WorkingDirectory, a cron job)
/// would take that folder as its content root and serve empty stylesheets. When the working folder has
/// no wwwroot but the executable's folder does, the executable's folder is the content root.
/// The data folder stays relative to the working folder, as documented.
/// </summary>
internal static class ContentRoot
{
    public static string? ForPublishedApp() =>
        !System.IO.Directory.Exists(Path.Combine(Environment.CurrentDirectory, "wwwroot"))
        && System.IO.Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot"))
            ? AppContext.BaseDirectory
            : null;
}
