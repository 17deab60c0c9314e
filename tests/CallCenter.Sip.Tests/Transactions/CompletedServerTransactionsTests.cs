using System.Net;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;
using CallCenter.Sip.Transport;

namespace CallCenter.Sip.Tests.Transactions;

/// <summary>The compact index behind Completed non-INVITE transactions: digests, chains, expiry order, packed remotes.</summary>
public class CompletedServerTransactionsTests
{
    private static readonly SipRemote Peer = TestMessages.PeerUdp;

    [Fact]
    public void Entries_sharing_a_branch_are_found_by_method_and_unlinked_wherever_they_sit_in_the_chain()
    {
        var index = new CompletedServerTransactions();
        var options = Entry(SipMethods.Options);
        var cancel = Entry(SipMethods.Cancel);
        var message = Entry(SipMethods.Message);
        index.Add(options, 10, null);
        index.Add(cancel, 20, null);
        index.Add(message, 30, null);
        var key = KeyOf(SipMethods.Options);

        Assert.Same(options, index.Find(key, SipMethods.Options));
        Assert.Same(cancel, index.Find(key, SipMethods.Cancel));
        Assert.Same(message, index.Find(key, SipMethods.Message));
        Assert.True(index.Remove(cancel));
        Assert.False(index.Remove(cancel));

        Assert.Null(index.Find(key, SipMethods.Cancel));
        Assert.Same(options, index.Find(key, SipMethods.Options));
        Assert.Same(message, index.Find(key, SipMethods.Message));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void Expiry_removes_due_entries_in_order_and_skips_those_already_removed()
    {
        var index = new CompletedServerTransactions();
        var first = Entry(SipMethods.Options, "z9hG4bKa");
        var second = Entry(SipMethods.Options, "z9hG4bKb");
        var third = Entry(SipMethods.Options, "z9hG4bKc");
        index.Add(first, 10, null);
        index.Add(second, 20, null);
        index.Add(third, 30, null);
        index.Remove(second);

        Assert.Equal(1, index.RemoveExpired(25));
        Assert.Equal(30, index.NextExpiry);
        Assert.True(first.IsRemoved);
        Assert.Null(first.Wire);
        Assert.Equal(1, index.RemoveExpired(30));
        Assert.Null(index.NextExpiry);
        Assert.Equal(0, index.Count);
        Assert.Null(index.Find(KeyOf(SipMethods.Options, "z9hG4bKc"), SipMethods.Options));
    }

    [Fact]
    public void A_digest_hit_whose_stored_response_has_another_via_is_not_a_match()
    {
        var index = new CompletedServerTransactions();
        index.Add(Entry(SipMethods.Options, "z9hG4bKa", respondWithBranch: "z9hG4bKother"), 10, null);

        Assert.Null(index.Find(KeyOf(SipMethods.Options, "z9hG4bKa"), SipMethods.Options));
        Assert.Null(index.FindCancelled(KeyOf(SipMethods.Options, "z9hG4bKa")));
    }

    [Fact]
    public void The_merge_check_confirms_from_tag_call_id_and_cseq_against_the_stored_response()
    {
        var index = new CompletedServerTransactions();
        var request = TestMessages.Inbound(SipMethods.Options, branch: "z9hG4bKa");
        Assert.True(ServerTransactionIdentity.TryCreate(request, out var identity));
        index.Add(Entry(SipMethods.Options, "z9hG4bKa"), 10, identity.MergeKey);

        Assert.True(index.HasMergeKey(identity.MergeKey));
        Assert.False(index.HasMergeKey(identity.MergeKey with { CSeqNumber = 2 }));
        Assert.False(index.HasMergeKey(identity.MergeKey with { FromTag = "other" }));
        Assert.False(index.HasMergeKey(identity.MergeKey with { CallId = "CALL-1@192.0.2.10" }));
    }

    [Fact]
    public void Branch_digests_ignore_ascii_case_and_differ_for_other_keys()
    {
        var key = new BranchKey("z9hG4bKabc", "Host.Example.com", 5060);

        Assert.Equal(key.Fingerprint(), new BranchKey("Z9HG4BKABC", "host.example.COM", 5060).Fingerprint());
        Assert.NotEqual(key.Fingerprint(), (key with { Port = null }).Fingerprint());
        Assert.NotEqual(key.Fingerprint(), (key with { Branch = "z9hG4bKabd" }).Fingerprint());
        Assert.NotEqual(key.Fingerprint(), new BranchKey("z9hG4bKabcHost", ".Example.com", 5060).Fingerprint());
        Assert.NotEqual(0UL, key.Fingerprint());
    }

    [Fact]
    public void Merge_digests_are_case_sensitive_and_tell_an_absent_from_tag_from_an_empty_one()
    {
        var key = new MergeKey("tag", "call@host", 1, SipMethods.Options);

        Assert.Equal(key.Fingerprint(), new MergeKey("tag", "call@host", 1, SipMethods.Options).Fingerprint());
        Assert.NotEqual(key.Fingerprint(), (key with { CallId = "CALL@host" }).Fingerprint());
        Assert.NotEqual(key.Fingerprint(), (key with { FromTag = null }).Fingerprint());
        Assert.NotEqual((key with { FromTag = string.Empty }).Fingerprint(), (key with { FromTag = null }).Fingerprint());
        Assert.NotEqual(key.Fingerprint(), (key with { CSeqMethod = SipMethods.Register }).Fingerprint());
    }

    [Theory]
    [InlineData(SipTransportKind.Udp, "192.0.2.10", 5060, 0)]
    [InlineData(SipTransportKind.Udp, "::ffff:192.0.2.10", 5060, 0)]
    [InlineData(SipTransportKind.Udp, "2001:db8::10", 5062, 0)]
    [InlineData(SipTransportKind.Udp, "fe80::1%3", 5062, 0)]
    [InlineData(SipTransportKind.Tcp, "198.51.100.7", 41000, 12)]
    public void A_packed_remote_unpacks_to_an_equal_remote(SipTransportKind transport, string address, int port, long connectionId)
    {
        var remote = new SipRemote(transport, new IPEndPoint(IPAddress.Parse(address), port), connectionId);

        var unpacked = new PackedRemote(remote).Unpack();

        // IPAddress equality includes the IPv6 scope id.
        Assert.Equal(remote, unpacked);
    }

    [Fact]
    public void An_ipv6_peer_gets_its_retransmissions_at_the_same_destination()
    {
        var h = new TransactionHarness();
        var peer = new SipRemote(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("2001:db8::10"), 5060));
        h.User.WhenRequest = tx => tx.Respond(tx.CreateResponse(200));
        SipRequest Options() => TestMessages.Inbound(SipMethods.Options, sentBy: "[2001:db8::10]:5060", viaExtra: ";rport");

        h.Layer.OnRequest(Options(), peer);
        h.Layer.OnRequest(Options(), peer);

        Assert.Equal(2, h.Sender.Sent.Count);
        Assert.All(h.Sender.Sent, s => Assert.Equal(peer, s.Destination));
        Assert.Equal(h.Sender.Sent[0].Wire, h.Sender.Sent[1].Wire);
    }

    private static BranchKey KeyOf(string method, string branch = "z9hG4bKshared")
    {
        Assert.True(ServerTransactionIdentity.TryCreate(TestMessages.Inbound(method, branch: branch), out var identity));
        return identity.BranchKey;
    }

    /// <summary>An entry as a transaction would hand it over: the 200 to a request with this branch and method.</summary>
    private static CompletedServerTransaction Entry(string method, string branch = "z9hG4bKshared", string? respondWithBranch = null)
    {
        var request = TestMessages.Inbound(method, branch: branch);
        var response = ResponseFactory.Create(respondWithBranch is null ? request : TestMessages.Inbound(method, branch: respondWithBranch), 200, toTag: "ours");
        return new CompletedServerTransaction(KeyOf(method, branch), method, response.ToBytes(), 200, Peer);
    }
}
