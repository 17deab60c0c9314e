using System.Diagnostics.CodeAnalysis;

namespace CallCenter.Auth.Parsing;

/// <summary>
/// Parses one Digest challenge (RFC 7616 §3.3, RFC 3261 §25.1 digest-cln). Never throws.
/// Unknown parameters, domain and charset are ignored; a repeated known parameter is an error.
/// </summary>
internal static class DigestChallengeParser
{
    public static bool TryParse(string? headerValue, [NotNullWhen(true)] out DigestChallenge? challenge, out string error) =>
        DigestHeaderParser.TryParse<Fields, DigestChallenge>(headerValue, out challenge, out error);

    private struct Fields : IDigestFields<DigestChallenge>
    {
        private ParameterSet _seen;
        private string? _realm;
        private string? _nonce;
        private string? _opaque;
        private DigestAlgorithm? _algorithm;
        private string[]? _qopOptions;
        private bool _stale;
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
                case DigestParameter.Realm: _realm = parameter.GetValue(); return true;
                case DigestParameter.Nonce: _nonce = parameter.GetValue(); return true;
                case DigestParameter.Opaque: _opaque = parameter.GetValue(); return true;
                case DigestParameter.Algorithm: return DigestValueParsers.TryParseAlgorithm(parameter, out _algorithm, out error);
                case DigestParameter.Qop: return TryAcceptQopOptions(parameter, out error);
                case DigestParameter.Stale: return DigestValueParsers.TryParseBoolean(parameter, "stale", out _stale, out error);
                case DigestParameter.UserHash: return DigestValueParsers.TryParseBoolean(parameter, "userhash", out _userHash, out error);
                default: return true; // response-only parameters, domain and charset do not affect the answer
            }
        }

        public readonly bool TryBuild([NotNullWhen(true)] out DigestChallenge? challenge, out string error)
        {
            challenge = null;
            if (_realm is null || _nonce is null)
            {
                error = $"missing required parameter '{(_realm is null ? "realm" : "nonce")}'";
                return false;
            }

            challenge = new DigestChallenge(_realm, _nonce)
            {
                Opaque = _opaque,
                Algorithm = _algorithm ?? DigestAlgorithm.Md5,
                QopOptions = _qopOptions ?? [],
                Stale = _stale,
                UserHash = _userHash,
            };
            error = string.Empty;
            return true;
        }

        // qop-options = "qop" EQUAL LDQUOT qop-value *("," qop-value) RDQUOT (RFC 3261 §25.1);
        // whitespace after the commas is tolerated as in RFC 7616's own examples.
        private bool TryAcceptQopOptions(AuthParameter parameter, out string error)
        {
            ReadOnlySpan<char> list = parameter.GetValueSpan();
            var options = new List<string>(2);
            foreach (Range range in list.Split(','))
            {
                ReadOnlySpan<char> option = list[range].Trim(" \t");
                if (option.IsEmpty)
                {
                    continue;
                }

                if (!HeaderCharacters.IsToken(option))
                {
                    error = "parameter 'qop' must be a comma-separated list of tokens";
                    return false;
                }

                options.Add(option.Equals("auth", StringComparison.Ordinal) ? "auth" : option.ToString());
            }

            if (options.Count == 0)
            {
                error = "parameter 'qop' lists no values";
                return false;
            }

            _qopOptions = [.. options];
            error = string.Empty;
            return true;
        }
    }
}
