namespace CallCenter.Sip.Dialogs;

/// <summary>Dialog states (RFC 3261 §12): early (from a 1xx with a To tag), confirmed (2xx), terminated.</summary>
public enum DialogState
{
    Early,
    Confirmed,
    Terminated,
}
