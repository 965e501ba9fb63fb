using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SatuPintu.Hosting;

/// <summary>
/// The one way a capability registers its settings: bound to a configuration section, checked at start by the
/// source-generated validator of <c>[OptionsValidator]</c> (DataAnnotations, nested objects marked
/// <c>[ValidateObjectMembers]</c> and collections marked <c>[ValidateEnumeratedItems]</c> included), and each
/// failure reported with the configuration key to fix, e.g. <c>SatuPintu:OutputCache:Seconds</c>.
/// </summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this WebApplicationBuilder builder, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>, new()
    {
        builder.Services.AddSingleton<IValidateOptions<TOptions>>(new KeyNaming<TOptions>(new TValidator(), section));
        return builder.Services.AddOptions<TOptions>().Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>
    /// Checks every registered setting now, before the database is touched; the host would check them only when it
    /// starts listening, and maintenance verbs never start it.
    /// </summary>
    public static void ValidateSettings(this WebApplication app) => app.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>
    /// Checks the settings like <see cref="ValidateSettings"/>; a bad one is told on one line of stderr,
    /// "galat konfigurasi: …" naming the key, without a stack trace. Returns false then (exit code 1).
    /// </summary>
    public static async Task<bool> TryValidateSettingsAsync(this WebApplication app)
    {
        try
        {
            app.ValidateSettings();
            return true;
        }
        catch (Exception e) when (Failures(e) is { } messages)
        {
            await Console.Error.WriteLineAsync($"galat konfigurasi: {string.Join("; ", messages)}");
            return false;
        }
    }

    /// <summary>The messages of a settings failure (one setting or several), null for any other exception.</summary>
    public static IReadOnlyList<string>? Failures(Exception e) => e switch
    {
        OptionsValidationException one => [one.Message],
        AggregateException all when all.InnerExceptions.Count > 0 && all.InnerExceptions.All(i => i is OptionsValidationException) =>
            all.InnerExceptions.Select(i => i.Message).ToList(),
        _ => null,
    };

    private sealed class KeyNaming<TOptions>(IValidateOptions<TOptions> inner, string section) : IValidateOptions<TOptions>
        where TOptions : class
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            // The generated validator names members by path from the name it is given ("SatuPintu.OutputCache.Seconds",
            // "SatuPintu:X.Items[0].Url"); configuration spells that path with colons.
            var result = inner.Validate(section, options);
            return result.Failed ? ValidateOptionsResult.Fail(result.Failures.Select(ToKeys)) : result;
        }

        private string ToKeys(string failure) => Regex.Replace(failure, Regex.Escape(section) + @"(?:\.\w+|\[\d+\])+",
            m => m.Value.Replace('.', ':').Replace("[", ":", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal),
            RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
