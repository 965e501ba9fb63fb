using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SatuPintu.Hosting.Cli;

/// <summary>
/// The same Indonesian help for every verb, drawn from its System.CommandLine definition
/// (the library's own help text is English only).
/// </summary>
internal sealed class CliHelp : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult) => Write(parseResult.CommandResult.Command, Console.Out);

    public static int Write(Command command, TextWriter output)
    {
        var path = string.Join(' ', Path(command).Select(c => c is RootCommand ? "SatuPintu" : c.Name));
        var usage = path + (command.Subcommands.Count > 0 ? " <perintah>" : "") + (command.Options.Any(o => o is not HelpOption) ? " [opsi]" : "");
        output.WriteLine($"Pemakaian: {usage}");
        output.WriteLine();
        output.WriteLine(command.Description);
        if (command is RootCommand)
        {
            output.WriteLine("Tanpa perintah: menjalankan server web (mis. --urls http://127.0.0.1:5000).");
        }
        Rows(output, "Perintah", command.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, (c.Description ?? "").Split('\n')[0])));
        Rows(output, "Opsi", command.Options.Where(o => !o.Hidden).Select(o => (Label(o), o.Description ?? "")));
        if (command is RootCommand)
        {
            output.WriteLine();
            output.WriteLine("Kode keluar: 0 berhasil; 1 gagal tak terduga; 2 argumen salah atau data tidak ditemukan (tidak ada yang diubah).");
        }
        return CliExit.Ok;
    }

    private static string Label(Option option)
    {
        var names = string.Join(", ", option.Aliases.Where(a => a.StartsWith('-')).Order().Append(option.Name));
        var value = option.Arity.MaximumNumberOfValues == 0 ? "" : $" {option.HelpName ?? "NILAI"}";
        return names + value + (option.Required ? " (wajib)" : "");
    }

    private static void Rows(TextWriter output, string title, IEnumerable<(string Name, string Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }
        var width = list.Max(r => r.Name.Length) + 3;
        output.WriteLine();
        output.WriteLine($"{title}:");
        foreach (var (name, text) in list)
        {
            var lines = text.Split('\n');
            output.WriteLine($"  {name.PadRight(width)}{lines[0]}");
            foreach (var more in lines.Skip(1))
            {
                output.WriteLine($"  {new string(' ', width)}{more}");
            }
        }
    }

    private static List<Command> Path(Command command)
    {
        var chain = new List<Command>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
        {
            chain.Insert(0, c);
        }
        return chain;
    }
}
