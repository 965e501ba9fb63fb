using System.Security.Cryptography;
using System.Text;

namespace SatuPintu.Accounts;

/// <summary>Personal access tokens: "sp_" + 32 random bytes (base64url); only the SHA-256 is kept.</summary>
public static class AccessTokens
{
    public const string Prefix = "sp_";

    public static string NewToken() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksValid(string? token) =>
        token is { Length: > 20 and < 100 } && token.StartsWith(Prefix, StringComparison.Ordinal)
        && token.Skip(Prefix.Length).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>A random password for generated accounts: 20 characters from an unambiguous alphabet.</summary>
    public static string NewPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return new string(Enumerable.Range(0, 20).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray());
    }
}
