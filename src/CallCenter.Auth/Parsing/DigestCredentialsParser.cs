using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Auth.Parsing;

/// <summary>
/// Parses "Digest" credentials (RFC 7616 §3.4, RFC 3261 §25.1 digest-response). Never throws.
/// Unknown parameters are ignored (RFC 7616 §3.4: unrecognised directives MUST be ignored);
/// a repeated known parameter is an error.
/// </summary>
internal static class DigestCredentialsParser
{
    private static readonly DigestParameter[] Required =
    [
        DigestParameter.Username, DigestParameter.Realm, DigestParameter.Nonce, DigestParameter.Uri, DigestParameter.Response,
    ];

    public static bool TryParse(string? headerValue, [NotNullWhen(true)] out DigestCredentials? credentials, out string error) =>
        DigestHeaderParser.TryParse<Fields, DigestCredentials>(headerValue, out credentials, out error);

    private struct Fields : IDigestFields<DigestCredentials>
    {
        private ParameterSet _seen;
        private string? _username;
        private string? _realm;
        private string? _nonce;
        private string? _uri;
        private string? _response;
        private string? _cnonce;
        private string? _opaque;
        private string? _qop;
        private string? _nonceCount;
        private DigestAlgorithm? _algorithm;
        private bool _userHash;

        public bool TryAccept(AuthParameter parameter, out string error)
        {
            DigestParameter kind = DigestParameterNames.Identify(parameter.Name);
            error = string.Empty;
            if (kind == DigestParameter.Unknown)
            {
                return true;
            }

            if (!_seen.TryAdd(kind))
            {
                error = $"duplicate parameter '{DigestParameterNames.NameOf(kind)}'";
                return false;
            }

            switch (kind)
            {
                case DigestParameter.Username: _username = parameter.GetValue(); return true;
                case DigestParameter.Realm: _realm = parameter.GetValue(); return true;
                case DigestParameter.Nonce: _nonce = parameter.GetValue(); return true;
                case DigestParameter.Uri: _uri = parameter.GetValue(); return true;
                case DigestParameter.Response: _response = parameter.GetValue(); return true;
                case DigestParameter.Cnonce: _cnonce = parameter.GetValue(); return true;
                case DigestParameter.Opaque: _opaque = parameter.GetValue(); return true;
                case DigestParameter.Algorithm: return DigestValueParsers.TryParseAlgorithm(parameter, out _algorithm, out error);
                case DigestParameter.Qop: return TryAcceptQop(parameter, out error);
                case DigestParameter.NonceCount: return TryAcceptNonceCount(parameter, out error);
                case DigestParameter.UserHash: return DigestValueParsers.TryParseBoolean(parameter, "userhash", out _userHash, out error);
                default: return true; // challenge-only parameters (stale, domain, charset) mean nothing here
            }
        }

        public readonly bool TryBuild([NotNullWhen(true)] out DigestCredentials? credentials, out string error)
        {
            credentials = null;
            foreach (DigestParameter required in Required)
            {
                if (!Has(required))
                {
                    error = $"missing required parameter '{DigestParameterNames.NameOf(required)}'";
                    return false;
                }
            }

            // RFC 7616 §3.4: cnonce and nc MUST be sent when a qop is.
            if (_qop is not null && (_cnonce is null || _nonceCount is null))
            {
                string missing = _cnonce is null ? "cnonce" : "nc";
                error = $"missing parameter '{missing}', required when 'qop' is present";
                return false;
            }

            credentials = new DigestCredentials(_username!, _realm!, _nonce!, _uri!, _response!)
            {
                Algorithm = _algorithm ?? DigestAlgorithm.Md5,
                Cnonce = _cnonce,
                Opaque = _opaque,
                Qop = _qop,
                NonceCount = _nonceCount,
                UserHash = _userHash,
            };
            error = string.Empty;
            return true;
        }

        private readonly bool Has(DigestParameter parameter) => parameter switch
        {
            DigestParameter.Username => _username is not null,
            DigestParameter.Realm => _realm is not null,
            DigestParameter.Nonce => _nonce is not null,
            DigestParameter.Uri => _uri is not null,
            DigestParameter.Response => _response is not null,
            _ => false,
        };

        private bool TryAcceptQop(AuthParameter parameter, out string error)
        {
            ReadOnlySpan<char> value = parameter.GetValueSpan();
            if (!HeaderCharacters.IsToken(value))
            {
                error = "parameter 'qop' must be a single token such as 'auth'";
                return false;
            }

            _qop = value.Equals("auth", StringComparison.Ordinal) ? "auth" : value.ToString();
            error = string.Empty;
            return true;
        }

        private bool TryAcceptNonceCount(AuthParameter parameter, out string error)
        {
            ReadOnlySpan<char> value = parameter.GetValueSpan();
            if (!DigestCredentials.IsNonceCount(value))
            {
                error = "parameter 'nc' must be exactly 8 hexadecimal digits";
                return false;
            }

            _nonceCount = value.ToString();
            error = string.Empty;
            return true;
        }
    }
}
