using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace CallCenter.RtpProbe;

/// <summary>
/// Receives datagrams in batches with Linux recvmmsg, each stamped by the kernel when it was queued to the socket
/// (SO_TIMESTAMPNS, socket(7)). On loopback that is the moment the server's sendto ran, so the probe's own scheduling
/// delays and batching do not change the measured gaps; and because the thread may sleep between batches, the
/// server does not pay a receiver wake-up for every packet it sends (measured here: about 3-5 µs of the sender's CPU
/// per packet, and as much again in the probe).
/// </summary>
public sealed unsafe class KernelBatchReceiver : IDisposable
{
    /// <summary>Messages fetched per recvmmsg call.</summary>
    public const int BatchSize = 256;

    private const int MaxDatagram = 2048;
    private const int NameBytes = 128; // sizeof(struct sockaddr_storage)
    private const int ControlBytes = 64; // CMSG_SPACE(sizeof(struct timespec)) is 32
    private const int SolSocket = 1;
    private const int SoTimestampNs = 35; // also SCM_TIMESTAMPNS, the control message type
    private const int MsgWaitForOne = 0x10000;
    private const int MmsgHeaderBytes = 64; // struct mmsghdr on 64-bit Linux: msghdr (56) + msg_len (4) + padding
    private const int EAgain = 11;
    private const int EIntr = 4;

    private readonly Socket _socket;
    private readonly byte* _headers;
    private readonly byte* _vectors;
    private readonly byte* _names;
    private readonly byte* _controls;
    private readonly byte* _data;
    private bool _disposed;

    /// <summary>True where recvmmsg and the header layout below are known: 64-bit Linux.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && Environment.Is64BitProcess;

    /// <summary>Switches kernel timestamps on for <paramref name="socket"/> and allocates the batch buffers.</summary>
    /// <exception cref="PlatformNotSupportedException">Not 64-bit Linux, or the kernel refused SO_TIMESTAMPNS.</exception>
    public KernelBatchReceiver(Socket socket)
    {
        if (!IsSupported)
        {
            throw new PlatformNotSupportedException("recvmmsg with SO_TIMESTAMPNS needs 64-bit Linux.");
        }

        _socket = socket;
        int on = 1;
        if (SetSocketOption((int)socket.Handle, SolSocket, SoTimestampNs, &on, sizeof(int)) != 0)
        {
            throw new PlatformNotSupportedException($"SO_TIMESTAMPNS refused: error {Marshal.GetLastPInvokeError()}");
        }

        _headers = (byte*)NativeMemory.AllocZeroed(BatchSize * MmsgHeaderBytes);
        _vectors = (byte*)NativeMemory.AllocZeroed(BatchSize * 16);
        _names = (byte*)NativeMemory.AllocZeroed(BatchSize * NameBytes);
        _controls = (byte*)NativeMemory.AllocZeroed(BatchSize * ControlBytes);
        _data = (byte*)NativeMemory.AllocZeroed(BatchSize * MaxDatagram);
    }

    /// <summary>
    /// Waits (up to the socket's receive timeout) for at least one datagram and takes up to <see cref="BatchSize"/>
    /// that are queued; 0 on timeout or interruption.
    /// </summary>
    public int ReceiveBatch()
    {
        for (int i = 0; i < BatchSize; i++)
        {
            PrepareHeader(i);
        }

        int received = ReceiveMultiple((int)_socket.Handle, _headers, BatchSize, MsgWaitForOne, null);
        if (received < 0)
        {
            int error = Marshal.GetLastPInvokeError();
            return error is EAgain or EIntr ? 0 : throw new SocketException(error);
        }

        return received;
    }

    /// <summary>The payload of message <paramref name="index"/> of the last batch.</summary>
    public ReadOnlySpan<byte> Datagram(int index) =>
        new(_data + (index * MaxDatagram), *(int*)(_headers + (index * MmsgHeaderBytes) + 56));

    /// <summary>Writable view of message <paramref name="index"/> (the echo rewrites the SSRC in place).</summary>
    public Span<byte> WritableDatagram(int index) =>
        new(_data + (index * MaxDatagram), *(int*)(_headers + (index * MmsgHeaderBytes) + 56));

    /// <summary>Copies the source address of message <paramref name="index"/> into <paramref name="address"/> (native sockaddr layout).</summary>
    public void CopySource(int index, System.Net.SocketAddress address)
    {
        int length = *(int*)(_headers + (index * MmsgHeaderBytes) + 8);
        length = Math.Min(length, address.Buffer.Length);
        new ReadOnlySpan<byte>(_names + (index * NameBytes), length).CopyTo(address.Buffer.Span);
        address.Size = length;
    }

    /// <summary>The kernel's receive time of message <paramref name="index"/> in CLOCK_REALTIME nanoseconds; false without one.</summary>
    public bool TryGetTimestamp(int index, out long nanoseconds)
    {
        byte* header = _headers + (index * MmsgHeaderBytes);
        long controlLength = *(long*)(header + 40);
        byte* control = _controls + (index * ControlBytes);
        byte* end = control + controlLength;

        // struct cmsghdr: size_t cmsg_len, int cmsg_level, int cmsg_type, then the data aligned to 8 bytes.
        while (control + 16 <= end)
        {
            long length = *(long*)control;
            if (length < 16)
            {
                break;
            }

            if (*(int*)(control + 8) == SolSocket && *(int*)(control + 12) == SoTimestampNs && length >= 32)
            {
                nanoseconds = (*(long*)(control + 16) * 1_000_000_000) + *(long*)(control + 24);
                return true;
            }

            control += (length + 7) & ~7L;
        }

        nanoseconds = 0;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        NativeMemory.Free(_headers);
        NativeMemory.Free(_vectors);
        NativeMemory.Free(_names);
        NativeMemory.Free(_controls);
        NativeMemory.Free(_data);
    }

    /// <summary>Fills struct msghdr (name, iovec, control) of slot <paramref name="i"/>; recvmmsg overwrites the lengths.</summary>
    private void PrepareHeader(int i)
    {
        byte* header = _headers + (i * MmsgHeaderBytes);
        byte* vector = _vectors + (i * 16);
        *(byte**)vector = _data + (i * MaxDatagram);
        *(long*)(vector + 8) = MaxDatagram;
        *(byte**)header = _names + (i * NameBytes); // msg_name
        *(int*)(header + 8) = NameBytes; // msg_namelen
        *(byte**)(header + 16) = vector; // msg_iov
        *(long*)(header + 24) = 1; // msg_iovlen
        *(byte**)(header + 32) = _controls + (i * ControlBytes); // msg_control
        *(long*)(header + 40) = ControlBytes; // msg_controllen
        *(int*)(header + 48) = 0; // msg_flags
        *(int*)(header + 56) = 0; // msg_len
    }

    [DllImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    private static extern int ReceiveMultiple(int fd, byte* messages, int count, int flags, void* timeout);

    [DllImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    private static extern int SetSocketOption(int fd, int level, int name, void* value, int length);
}
