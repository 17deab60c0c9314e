using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Auth.Parsing;

/// <summary>The parameters of one kind of Digest header, gathered one by one and then checked as a whole.</summary>
internal interface IDigestFields<TResult>
    where TResult : class
{
    /// <summary>Takes one parameter; false (with the reason) when it is invalid or repeated.</summary>
    bool TryAccept(AuthParameter parameter, out string error);

    /// <summary>Builds the result once every parameter was read; false when a required one is missing.</summary>
    bool TryBuild([NotNullWhen(true)] out TResult? result, out string error);
}

/// <summary>
/// The walk shared by challenges and credentials: the "Digest" scheme, then auth-params until the end
/// (RFC 7616 §3.3/§3.4, RFC 3261 §25.1). Never throws.
/// </summary>
internal static class DigestHeaderParser
{
    public static bool TryParse<TFields, TResult>(string? headerValue, [NotNullWhen(true)] out TResult? result, out string error)
        where TFields : struct, IDigestFields<TResult>
        where TResult : class
    {
        result = null;
        if (headerValue is null)
        {
            error = "header value is missing";
            return false;
        }

        var reader = new AuthHeaderReader(headerValue);
        if (!reader.TryReadDigestScheme(out error))
        {
            return false;
        }

        // A generic struct local: the interface calls below are constrained calls, so the struct is not boxed.
        var fields = new TFields();
        while (true)
        {
            var status = reader.ReadNext(out var parameter, out error);
            if (status == AuthReadStatus.End)
            {
                return fields.TryBuild(out result, out error);
            }

            if (status == AuthReadStatus.Error || !fields.TryAccept(parameter, out error))
            {
                return false;
            }
        }
    }
}
