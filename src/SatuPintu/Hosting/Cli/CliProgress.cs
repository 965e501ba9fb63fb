using Spectre.Console;

namespace SatuPintu.Hosting.Cli;

/// <summary>
/// A Spectre.Console progress bar on stderr (stdout stays the verb's result). When stderr is not a terminal
/// (tests, CI, a log file) Spectre falls back to plain lines at 25/50/75…100 %.
/// </summary>
internal static class CliProgress
{
    public static async Task RunAsync(string description, int total, Func<IProgress<int>, Task> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(description), maxValue: total);
                await work(new TaskProgress(task));
                task.Value = total;
            });
    }

    /// <summary>Sets the value on the caller's thread, unlike <see cref="Progress{T}"/>, so reports never arrive late.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<int>
    {
        public void Report(int value) => task.Value = value;
    }
}
