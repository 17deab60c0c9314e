using System.Text;

namespace CallCenter.Ivr.Runtime;

/// <summary>
/// Fills <c>${name}</c> in a value from the call's variables (<c>lang-${language}</c> → <c>lang-tl</c>). A variable
/// that is not set becomes empty text. The loader has already checked the form, so this never fails: text
/// without <c>${</c> is returned as it is (no allocation), and an unclosed <c>${</c> is kept literally.
/// </summary>
internal static class VariableTemplate
{
    private const string Opening = "${";

    public static string Expand(string template, CallVariables variables)
    {
        int open = template.IndexOf(Opening, StringComparison.Ordinal);
        if (open < 0)
        {
            return template;
        }

        var text = new StringBuilder(template.Length + 16);
        int from = 0;
        while (open >= 0)
        {
            int close = template.IndexOf('}', open + Opening.Length);
            if (close < 0)
            {
                break;
            }

            text.Append(template, from, open - from);
            text.Append(variables.GetValueOrNull(template.AsSpan(open + Opening.Length, close - open - Opening.Length)));
            from = close + 1;
            open = template.IndexOf(Opening, from, StringComparison.Ordinal);
        }

        return text.Append(template, from, template.Length - from).ToString();
    }
}
