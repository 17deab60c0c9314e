using System.Globalization;
using CallCenter.Sip.Message;
using CallCenter.Sip.Transactions;

namespace CallCenter.Sip.Registrar;

/// <summary>
/// Processes an authenticated REGISTER (RFC 3261 §10.3 steps 5–8) against the <see cref="BindingStore"/>
/// and builds the response. Authentication (steps 3–4) happens before, in the UA core.
/// </summary>
public sealed class RegistrarService(BindingStore store, RegistrarOptions options, TimeProvider time)
{
    /// <summary>The location service this registrar writes to.</summary>
    public BindingStore Store => store;

    /// <summary>Answers a REGISTER whose sender authenticated as <paramref name="authenticatedUser"/>.</summary>
    public SipResponse Handle(SipRequest request, SipRemote source, string authenticatedUser, string toTag)
    {
        var aor = request.To!.Uri.UnescapedUser;

        // §10.3 step 4: the authenticated user must be allowed to change this AOR; an agent may change only its own.
        if (aor is null || !string.Equals(aor, authenticatedUser, StringComparison.Ordinal))
        {
            return ResponseFactory.Create(request, 403, "Forbidden", toTag);
        }

        if (!request.TryGetContacts(out var contacts, out var wildcard, out var error))
        {
            return ResponseFactory.Create(request, 400, error, toTag);
        }

        if (contacts.Count == 0 && !wildcard)
        {
            // A query (§10.2.4): answer with the current bindings.
            return Ok(request, store.Lookup(aor), toTag);
        }

        if (wildcard)
        {
            // §10.2.2: "*" only alone and only with Expires: 0.
            if (contacts.Count > 0 || request.Expires != 0)
            {
                return ResponseFactory.Create(request, 400, "Contact '*' must be alone and used with Expires: 0", toTag);
            }

            var cleared = store.Apply(aor, [], removeAll: true, request.CallId!, request.CSeq!.Number, source, request.Headers[KnownHeader.UserAgent]);
            return cleared.Accepted ? Ok(request, cleared.Current, toTag) : ResponseFactory.Create(request, cleared.StatusCode, cleared.Reason, toTag);
        }

        var updates = new List<ContactUpdate>(contacts.Count);
        foreach (var contact in contacts)
        {
            var requested = RequestedExpiry(contact, request);
            if (requested is null)
            {
                return ResponseFactory.Create(request, 400, "Bad expires parameter in Contact", toTag);
            }

            if (requested > 0 && requested < options.MinExpiresSeconds)
            {
                // §10.3 step 7 / §20.23: too brief → 423 with our minimum.
                var tooBrief = ResponseFactory.Create(request, 423, "Interval Too Brief", toTag);
                tooBrief.Headers.Add(KnownHeader.MinExpires, options.MinExpiresSeconds.ToString(CultureInfo.InvariantCulture));
                return tooBrief;
            }

            var granted = Math.Min(requested.Value, options.MaxExpiresSeconds);
            updates.Add(new ContactUpdate(contact.Uri, contact.Uri.ToString(), granted, Preference(contact)));
        }

        var result = store.Apply(aor, updates, removeAll: false, request.CallId!, request.CSeq!.Number, source, request.Headers[KnownHeader.UserAgent]);
        return result.Accepted ? Ok(request, result.Current, toTag) : ResponseFactory.Create(request, result.StatusCode, result.Reason, toTag);
    }

    /// <summary>§10.2.1.1: the Contact's expires parameter wins over the Expires header; else our default.</summary>
    private long? RequestedExpiry(NameAddress contact, SipRequest request)
    {
        if (contact.Parameters.Contains("expires"))
        {
            return SipMessage.ParseDeltaSeconds(contact.Parameters.Get("expires"));
        }

        return request.Expires ?? options.DefaultExpiresSeconds;
    }

    private static double Preference(NameAddress contact) =>
        double.TryParse(contact.Parameters.Get("q"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) && q is >= 0 and <= 1 ? q : 1.0;

    /// <summary>§10.3 step 8: 200 listing every current binding with its remaining lifetime, and a Date.</summary>
    private SipResponse Ok(SipRequest request, IReadOnlyList<Binding> current, string toTag)
    {
        var response = ResponseFactory.Create(request, 200, "OK", toTag);
        var now = time.GetUtcNow();
        foreach (var binding in current)
        {
            var remaining = Math.Max(0, (long)Math.Ceiling((binding.Expires - now).TotalSeconds));
            response.Headers.Add(KnownHeader.Contact, $"<{binding.Contact}>;expires={remaining.ToString(CultureInfo.InvariantCulture)}");
        }

        response.Headers.Add(KnownHeader.Date, now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture));
        return response;
    }
}
