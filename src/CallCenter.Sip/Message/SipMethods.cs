using System.Text;

namespace CallCenter.Sip.Message;

/// <summary>Method names (case-sensitive, RFC 3261 §7.1), interned so the parser need not allocate them.</summary>
public static class SipMethods
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Register = "REGISTER";
    public const string Options = "OPTIONS";
    public const string Info = "INFO";
    public const string Update = "UPDATE";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Refer = "REFER";
    public const string Message = "MESSAGE";
    public const string Publish = "PUBLISH";

    private static readonly string[] Known = [Invite, Ack, Bye, Cancel, Register, Options, Info, Update, Prack, Subscribe, Notify, Refer, Message, Publish];

    /// <summary>
    /// True for the methods this stack recognises (RFC 3261 and the extensions listed above). A UAS answers a
    /// recognised method it does not support with 405 and an unrecognised one with 501 (§8.2.1).
    /// </summary>
    public static bool IsKnown(string method) => Array.IndexOf(Known, method) >= 0;

    /// <summary>Returns the shared instance for a known method, else a new string.</summary>
    public static string Intern(ReadOnlySpan<byte> method)
    {
        foreach (var known in Known)
        {
            if (method.Length == known.Length && Ascii.Equals(method, known))
            {
                return known;
            }
        }

        return Encoding.UTF8.GetString(method);
    }

    /// <summary>Returns the shared instance for a known method, else a new string.</summary>
    public static string Intern(ReadOnlySpan<char> method)
    {
        foreach (var known in Known)
        {
            if (method.SequenceEqual(known))
            {
                return known;
            }
        }

        return method.ToString();
    }
}
