using CallCenter.Sip.Message;

namespace CallCenter.Sip.Stack;

/// <summary>Folds method names to a bounded set so a scanner inventing methods cannot explode metric cardinality.</summary>
public static class MethodLabel
{
    /// <summary>The method itself when standard, else "other".</summary>
    public static string For(string method) => method switch
    {
        SipMethods.Invite or SipMethods.Ack or SipMethods.Bye or SipMethods.Cancel or SipMethods.Register or SipMethods.Options
            or SipMethods.Info or SipMethods.Update or SipMethods.Prack or SipMethods.Subscribe or SipMethods.Notify
            or SipMethods.Refer or SipMethods.Message or SipMethods.Publish => method,
        _ => "other",
    };
}
