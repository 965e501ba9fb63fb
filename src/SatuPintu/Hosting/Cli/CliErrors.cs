using System.CommandLine;
using System.CommandLine.Parsing;

namespace SatuPintu.Hosting.Cli;

/// <summary>
/// Turns System.CommandLine's parse errors into one Indonesian message naming the argument.
/// Value checks of our own options already report Indonesian text (see <see cref="CliOptions"/>).
/// </summary>
internal static class CliErrors
{
    public static string? First(ParseResult result)
    {
        if (result.Errors.Count == 0)
        {
            return null;
        }
        var command = result.CommandResult.Command;
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            return token.StartsWith('-') ? $"opsi tidak dikenal: {token}"
                : command.Subcommands.Count > 0 ? $"{Kind(command)} tidak dikenal: '{token}'"
                : $"argumen tidak dikenal: '{token}'";
        }
        foreach (var option in command.Options)
        {
            if (result.GetResult(option) is { IdentifierTokenCount: > 0, Tokens.Count: 0 } && option.Arity.MinimumNumberOfValues > 0)
            {
                return $"opsi {option.Name} memerlukan nilai";
            }
        }
        foreach (var option in command.Options.Where(o => o.Required && result.GetResult(o) is null or { IdentifierTokenCount: 0 }))
        {
            return $"{option.Name} wajib diisi";
        }
        if (command.Subcommands.Count > 0 && command.Action is null)
        {
            return $"sebutkan {Kind(command)}: {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
        }
        return result.Errors[0].Message;
    }

    private static string Kind(Command command) => command is RootCommand ? "perintah" : "subperintah";
}
