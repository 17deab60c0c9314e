using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Config.Sections;

/// <summary>
/// Reads an agent's <c>secret:</c>. Messages from here never repeat the value, because error
/// output ends up in logs and terminals.
/// </summary>
internal static class SecretReader
{
    /// <summary>Marks a stored hash instead of a password: <c>ha1:</c> + MD5(user:realm:password) in hex.</summary>
    public const string Ha1Prefix = "ha1:";

    private const string Shape = "a password, or \"ha1:\" followed by 32 hex digits";

    /// <summary>The secret, or null after reporting why <paramref name="value"/> is not one.</summary>
    public static AgentSecret? Read(Node value, string context, ErrorCollector errors)
    {
        // Any single value is accepted as written, so an unquoted numeric PIN keeps its digits.
        ScalarNode? secret = Expect.NonEmptyScalar(value, $"{context}secret", Shape, errors);
        if (secret is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(secret.Value))
        {
            errors.Add(secret.Start, $"{context}secret is blank; it must be {Shape}");
            return null;
        }

        if (!secret.Value.StartsWith(Ha1Prefix, StringComparison.Ordinal))
        {
            return AgentSecret.FromPassword(secret.Value);
        }

        string hex = secret.Value[Ha1Prefix.Length..];
        if (!AgentSecret.IsHa1Hex(hex))
        {
            // Only the length is echoed: it is fixed for a real hash, so it tells nothing about the value.
            errors.Add(secret.Start, $"{context}secret starting with \"ha1:\" must have exactly {AgentSecret.Ha1HexLength} hex digits (0-9, a-f) after \"ha1:\" (found {hex.Length} characters{(hex.Length == AgentSecret.Ha1HexLength ? ", not all hex digits" : string.Empty)})");
            return null;
        }

        return AgentSecret.FromHa1(hex);
    }
}
