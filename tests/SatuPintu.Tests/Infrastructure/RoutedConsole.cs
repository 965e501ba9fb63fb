using System.Text;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// Console output and input per async flow, for verbs run in-process: <see cref="Console.SetOut(TextWriter)"/> is
/// process-wide, so the console is replaced once by writers that pass each write to the streams of the run it
/// comes from (an async-local, which also flows into threads the run starts, such as the console logger's), and
/// everything else (parallel test hosts) to the console as before. Parallel runs never see each other's output.
/// </summary>
public static class RoutedConsole
{
    public sealed class Streams
    {
        public StringWriter Out { get; } = new();
        public StringWriter Err { get; } = new();
    }

    private static readonly AsyncLocal<Streams?> Current = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>Routes the calling flow's console to fresh streams (stdin reads as closed, as a process's with nothing piped in).</summary>
    public static Streams Begin()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                Console.SetOut(new Router(() => Current.Value?.Out, Console.Out));
                Console.SetError(new Router(() => Current.Value?.Err, Console.Error));
                Console.SetIn(TextReader.Null);
                _installed = true;
            }
        }
        var streams = new Streams();
        Current.Value = streams;
        return streams;
    }

    private sealed class Router(Func<TextWriter?> route, TextWriter fallback) : TextWriter
    {
        private TextWriter Target => route() ?? fallback;

        public override Encoding Encoding => fallback.Encoding;

        public override void Write(char value) => Target.Write(value);

        public override void Write(string? value) => Target.Write(value);

        public override void Write(char[] buffer, int index, int count) => Target.Write(buffer, index, count);

        public override void Write(ReadOnlySpan<char> buffer) => Target.Write(buffer);

        public override void WriteLine() => Target.WriteLine();

        public override void WriteLine(string? value) => Target.WriteLine(value);

        public override void WriteLine(ReadOnlySpan<char> buffer) => Target.WriteLine(buffer);

        public override void Flush() => Target.Flush();
    }
}
