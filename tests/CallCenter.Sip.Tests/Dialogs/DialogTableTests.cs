using CallCenter.Sip.Dialogs;
using CallCenter.Sip.Message;
using static CallCenter.Sip.Tests.Dialogs.DialogMessages;

namespace CallCenter.Sip.Tests.Dialogs;

/// <summary>Finding dialogs by identity (§12) and ending them.</summary>
public sealed class DialogTableTests
{
    [Fact]
    public void A_dialog_is_found_by_CallId_and_the_tags_from_our_side_only()
    {
        var table = new DialogTable();
        var dialog = NewDialog("bob-tag");

        Assert.True(table.TryAdd(dialog));

        Assert.Same(dialog, table.Find("a84b4c76e66710@pc33.atlanta.example.com", "bob-tag", "1928301774"));
        Assert.Null(table.Find("a84b4c76e66710@pc33.atlanta.example.com", "1928301774", "bob-tag"));
        Assert.Null(table.Find("other@pc33.atlanta.example.com", "bob-tag", "1928301774"));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void A_second_dialog_with_the_same_identity_is_refused()
    {
        var table = new DialogTable();
        table.TryAdd(NewDialog("bob-tag"));

        Assert.False(table.TryAdd(NewDialog("bob-tag")));
        Assert.True(table.TryAdd(NewDialog("other-tag")));
        Assert.Equal(2, table.Count);
    }

    [Fact]
    public void Removing_terminates_the_dialog_and_succeeds_once()
    {
        var table = new DialogTable();
        var dialog = NewDialog("bob-tag");
        table.TryAdd(dialog);

        Assert.True(table.Remove(dialog));
        Assert.False(table.Remove(dialog));

        Assert.Equal(DialogState.Terminated, dialog.State);
        Assert.Null(table.Find(dialog.Id.CallId, dialog.Id.LocalTag, dialog.Id.RemoteTag));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void Removing_a_lookalike_leaves_the_registered_dialog_in_place()
    {
        var table = new DialogTable();
        var registered = NewDialog("bob-tag");
        table.TryAdd(registered);

        Assert.False(table.Remove(NewDialog("bob-tag")));

        Assert.Same(registered, table.Find(registered.Id.CallId, "bob-tag", "1928301774"));
    }

    private static Dialog NewDialog(string localTag)
    {
        var invite = InviteFromAlice();
        return DialogFactory.CreateUas(invite, ResponseFactory.Create(invite, 200, toTag: localTag), AlicePhone)!;
    }
}
