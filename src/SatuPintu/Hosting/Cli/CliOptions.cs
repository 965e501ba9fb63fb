using System.CommandLine;
using System.Globalization;

namespace SatuPintu.Hosting.Cli;

/// <summary>Option kinds the verbs share, each checking its value with an Indonesian message naming the option.</summary>
internal static class CliOptions
{
    /// <summary>A whole number in <paramref name="min"/>..<paramref name="max"/>; absent means null.</summary>
    public static Option<int?> Range(string name, string helpName, int min, int max, string unit, string description) => new(name)
    {
        HelpName = helpName,
        Description = description,
        CustomParser = r =>
        {
            var raw = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }
            r.AddError($"{name} harus bilangan bulat {min}..{max}{unit}, bukan '{raw}'");
            return null;
        },
    };

    public static Option<string> Email(string description = "surel akun") => new("--email")
    {
        HelpName = "SUREL",
        Description = description,
        Required = true,
        CustomParser = r =>
        {
            var raw = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (!System.Net.Mail.MailAddress.TryCreate(raw, out _) || raw.Length > 256)
            {
                r.AddError($"surel tidak valid: '{raw}'");
            }
            return raw;
        },
    };

    public static Option<string> Text(string name, string helpName, string description, bool required = false) => new(name)
    {
        HelpName = helpName,
        Description = description,
        Required = required,
    };
}
