using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;

namespace CallCenter.Auth;

/// <summary>
/// Issues and validates stateless nonces: base64url(issue-time ‖ random ‖ tag), where the tag is
/// HMAC-SHA256 over time and random bytes, truncated to 128 bits (RFC 2104 §5 allows truncation
/// to half the output). The server keeps no per-nonce state, yet can tell its own nonces from
/// forged ones and knows their age (RFC 7616 §3.3 suggests exactly this time-stamp + hash form).
/// Thread-safe.
/// </summary>
public sealed class NonceService
{
    private const int TimestampLength = 8;
    private const int RandomLength = 16;
    private const int TagLength = 16;
    private const int PayloadLength = TimestampLength + RandomLength;
    private const int NonceByteLength = PayloadLength + TagLength;
    private const long MaxUnixMilliseconds = 253_402_300_799_999; // DateTimeOffset.MaxValue

    /// <summary>The length of every nonce this service issues, in characters.</summary>
    public static readonly int NonceLength = Base64Url.GetEncodedLength(NonceByteLength);

    private static readonly SearchValues<char> Base64UrlAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private readonly byte[] _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the service; <paramref name="timeProvider"/> defaults to the system clock.</summary>
    /// <exception cref="ArgumentException">The lifetime is not positive or the key is too short.</exception>
    public NonceService(NonceServiceOptions? options = null, TimeProvider? timeProvider = null)
    {
        options ??= new NonceServiceOptions();
        if (options.Lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentException("The nonce lifetime must be positive.", nameof(options));
        }

        if (options.Key is { Length: < NonceServiceOptions.MinimumKeyLength })
        {
            throw new ArgumentException(
                $"The nonce key must be at least {NonceServiceOptions.MinimumKeyLength} bytes.", nameof(options));
        }

        _key = options.Key is null ? RandomNumberGenerator.GetBytes(32) : [.. options.Key];
        _timeProvider = timeProvider ?? TimeProvider.System;
        Lifetime = options.Lifetime;
    }

    /// <summary>How long a nonce stays valid.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>The clock nonces are stamped and judged with.</summary>
    internal TimeProvider TimeProvider => _timeProvider;

    /// <summary>Issues a fresh nonce (base64url, no padding, <see cref="NonceLength"/> characters).</summary>
    public string CreateNonce()
    {
        Span<byte> nonce = stackalloc byte[NonceByteLength];
        BinaryPrimitives.WriteInt64BigEndian(nonce, _timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        RandomNumberGenerator.Fill(nonce.Slice(TimestampLength, RandomLength));
        WriteTag(nonce[..PayloadLength], nonce[PayloadLength..]);
        return Base64Url.EncodeToString(nonce);
    }

    /// <summary>Checks that <paramref name="nonce"/> is genuine and judges its age. Never throws.</summary>
    public NonceValidation Validate(ReadOnlySpan<char> nonce)
    {
        Span<byte> decoded = stackalloc byte[NonceByteLength];
        // Base64Url.TryDecodeFromChars throws on characters outside the alphabet, so screen first.
        if (nonce.Length != NonceLength
            || nonce.ContainsAnyExcept(Base64UrlAlphabet)
            || Base64Url.DecodeFromChars(nonce, decoded, out _, out int written) != OperationStatus.Done
            || written != NonceByteLength)
        {
            return NonceValidation.Invalid;
        }

        Span<byte> expectedTag = stackalloc byte[TagLength];
        WriteTag(decoded[..PayloadLength], expectedTag);
        if (!CryptographicOperations.FixedTimeEquals(expectedTag, decoded[PayloadLength..]))
        {
            return NonceValidation.Invalid;
        }

        long issuedMs = BinaryPrimitives.ReadInt64BigEndian(decoded);
        if (issuedMs is < 0 or > MaxUnixMilliseconds)
        {
            return NonceValidation.Invalid;
        }

        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds(issuedMs);
        UInt128 id = BinaryPrimitives.ReadUInt128BigEndian(decoded.Slice(TimestampLength, RandomLength));

        // A nonce from the "future" (clock stepped back) is still genuine, so it counts as fresh.
        bool stale = _timeProvider.GetUtcNow() - issuedAt > Lifetime;
        return new NonceValidation(stale ? NonceStatus.Stale : NonceStatus.Valid, issuedAt, id);
    }

    private void WriteTag(ReadOnlySpan<byte> payload, Span<byte> tag)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key, payload, mac);
        mac[..TagLength].CopyTo(tag);
    }
}
