using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Registrar;

/// <summary>The bindings of one AOR. Not thread-safe: <see cref="BindingStore"/> locks it.</summary>
internal sealed class AorBindings
{
    private readonly List<(string Key, Binding Binding)> _bindings = new(1);

    public int Count => _bindings.Count;

    public IReadOnlyList<Binding> Live(DateTimeOffset now)
    {
        var live = new List<Binding>(_bindings.Count);
        foreach (var (_, binding) in _bindings)
        {
            if (binding.Expires > now)
            {
                live.Add(binding);
            }
        }

        // Explicit, deterministic preference: higher q first, then the most recently registered.
        live.Sort(static (a, b) => b.Q != a.Q ? b.Q.CompareTo(a.Q) : b.RegisteredAt.CompareTo(a.RegisteredAt));
        return live;
    }

    /// <summary>§10.3 step 7 for each contact: add, refresh or remove, refusing out-of-order requests.</summary>
    public BindingUpdateResult Update(string aor, IReadOnlyList<ContactUpdate> updates, string callId, long cseq, SipRemote source, string? userAgent, DateTimeOffset now, int maxBindings)
    {
        RemoveExpired(now);
        foreach (var update in updates)
        {
            var index = IndexOf(ContactUpdate.KeyOf(update.Uri));
            if (index >= 0 && IsOutOfOrder(_bindings[index].Binding, callId, cseq))
            {
                return BindingUpdateResult.Refused(400, "CSeq is not higher than the one that registered this contact", Live(now));
            }
        }

        // Only growth past the limit is refused: refreshing or removing contacts always works.
        var countAfter = CountAfter(updates);
        if (countAfter > maxBindings && countAfter > _bindings.Count)
        {
            return BindingUpdateResult.Refused(403, $"at most {maxBindings} contacts may be registered for one user", Live(now));
        }

        foreach (var update in updates)
        {
            var key = ContactUpdate.KeyOf(update.Uri);
            var index = IndexOf(key);
            if (update.ExpiresSeconds == 0)
            {
                if (index >= 0)
                {
                    _bindings.RemoveAt(index);
                }

                continue;
            }

            var registeredAt = index >= 0 ? _bindings[index].Binding.RegisteredAt : now;
            var binding = new Binding(aor, update.Text, callId, cseq, now.AddSeconds(update.ExpiresSeconds), update.Q, source, userAgent, registeredAt);
            if (index >= 0)
            {
                _bindings[index] = (key, binding);
            }
            else
            {
                _bindings.Add((key, binding));
            }
        }

        return BindingUpdateResult.Ok(Live(now));
    }

    /// <summary>"Contact: *" with Expires: 0 (§10.3 step 6): remove all, unless a binding is newer from the same Call-ID.</summary>
    public BindingUpdateResult RemoveAll(string callId, long cseq, DateTimeOffset now)
    {
        // A lapsed binding no longer exists (§10.3 step 6 speaks of existing bindings): it cannot make the request fail.
        RemoveExpired(now);
        foreach (var (_, binding) in _bindings)
        {
            if (IsOutOfOrder(binding, callId, cseq))
            {
                return BindingUpdateResult.Refused(400, "CSeq is not higher than the one that registered a contact", Live(now));
            }
        }

        _bindings.Clear();
        return BindingUpdateResult.Ok([]);
    }

    public int RemoveExpired(DateTimeOffset now) => _bindings.RemoveAll(entry => entry.Binding.Expires <= now);

    // Same Call-ID with a CSeq not higher than the stored one: the request is older than the binding (§10.3 step 7).
    private static bool IsOutOfOrder(Binding existing, string callId, long cseq) =>
        existing.CallId == callId && cseq <= existing.CSeq;

    /// <summary>
    /// How many bindings the AOR would have after <paramref name="updates"/>: removals in the same request free
    /// their places, and a contact listed twice takes one.
    /// </summary>
    private int CountAfter(IReadOnlyList<ContactUpdate> updates)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in _bindings)
        {
            keys.Add(key);
        }

        foreach (var update in updates)
        {
            var key = ContactUpdate.KeyOf(update.Uri);
            if (update.ExpiresSeconds > 0)
            {
                keys.Add(key);
            }
            else
            {
                keys.Remove(key);
            }
        }

        return keys.Count;
    }

    private int IndexOf(string key)
    {
        for (var i = 0; i < _bindings.Count; i++)
        {
            if (_bindings[i].Key == key)
            {
                return i;
            }
        }

        return -1;
    }
}
