using CallCenter.Config.Schema;
using CallCenter.Config.Yaml;

namespace CallCenter.Ivr.Loading;

/// <summary>
/// Checks text that may refer to call variables as <c>${name}</c> (e.g. <c>lang-${language}</c>). Only the form is
/// checked here; the runtime fills the values in.
/// </summary>
internal static class TemplateText
{
    private const string Opening = "${";

    /// <summary>True when every <c>${</c> is closed and names a variable; otherwise false with the reason.</summary>
    public static bool IsWellFormed(string text, out string reason)
    {
        int from = 0;
        while ((from = text.IndexOf(Opening, from, StringComparison.Ordinal)) >= 0)
        {
            int close = text.IndexOf('}', from + Opening.Length);
            if (close < 0)
            {
                reason = "has \"${\" without a closing \"}\"";
                return false;
            }

            string name = text[(from + Opening.Length)..close];
            if (!Tokens.IsFlowName(name))
            {
                reason = $"uses {Describe.Quote("${" + name + "}")}, but a variable name is letters, digits, '-' and '_'";
                return false;
            }

            from = close + 1;
        }

        reason = string.Empty;
        return true;
    }

    /// <summary>True when the text uses at least one <c>${name}</c>, so its value is known only during a call.</summary>
    public static bool HasVariables(string text) => text.Contains(Opening, StringComparison.Ordinal);

    /// <summary>The text with each <c>${name}</c> replaced by <paramref name="stand"/>, to check what is left.</summary>
    public static string WithVariablesAs(string text, string stand)
    {
        var result = new System.Text.StringBuilder(text.Length);
        int from = 0;
        int open;
        while ((open = text.IndexOf(Opening, from, StringComparison.Ordinal)) >= 0)
        {
            int close = text.IndexOf('}', open + Opening.Length);
            if (close < 0)
            {
                break;
            }

            result.Append(text, from, open - from).Append(stand);
            from = close + 1;
        }

        return result.Append(text, from, text.Length - from).ToString();
    }
}
