using System.Collections.Concurrent;

namespace CallCenter.Sip.Dialogs;

/// <summary>Live dialogs by identity, so in-dialog requests and stray 2xx can find theirs (§12.2).</summary>
public sealed class DialogTable
{
    private readonly ConcurrentDictionary<DialogId, Dialog> _dialogs = new();

    /// <summary>Number of live dialogs.</summary>
    public int Count => _dialogs.Count;

    /// <summary>Adds a dialog; false when one with the same identity exists.</summary>
    public bool TryAdd(Dialog dialog) => _dialogs.TryAdd(dialog.Id, dialog);

    /// <summary>Finds a dialog by Call-ID and the tags as seen from our side.</summary>
    public Dialog? Find(string callId, string localTag, string remoteTag) =>
        _dialogs.TryGetValue(new DialogId(callId, localTag, remoteTag), out var dialog) ? dialog : null;

    /// <summary>Removes and marks a dialog terminated; true when it was live.</summary>
    public bool Remove(Dialog dialog)
    {
        dialog.State = DialogState.Terminated;
        return _dialogs.TryRemove(new KeyValuePair<DialogId, Dialog>(dialog.Id, dialog));
    }
}
