#!/usr/bin/env python3
"""Writes the G.711 golden files under tests/CallCenter.Media.Tests/TestData/g711/.

The encoder and decoder here are a third, independent implementation of ITU-T G.711 written
after the G.191 reference software's conventions (14-bit mu-law / 13-bit A-law input, one's
complement magnitude for negative samples), in plain Python, so that the C# tables are
checked against something that does not share their code. When Python's audioop module is
present (Python <= 3.12) the script also cross-checks against it: its A-law encoder and both
decoders must agree exactly; its mu-law encoder uses a negating convention and is expected to
differ on 508 negative inputs (reported, not an error).

Usage: scripts/make-g711-golden.py   (from the repository root; overwrites the files)
"""
import math
import os
import struct
import sys

OUT = os.path.join("tests", "CallCenter.Media.Tests", "TestData", "g711")


def mulaw_encode(x):
    magnitude = (~x if x < 0 else x) >> 2           # 14-bit magnitude
    biased = min(magnitude + 33, 0x1FFF)
    segment = 0
    while biased >= (64 << segment):               # segment boundaries 64, 128, ... 8192
        segment += 1
    mantissa = (biased >> (segment + 1)) & 0x0F
    code = (segment << 4) | mantissa
    return (0x80 if x >= 0 else 0x00) | (0x7F - code)


def mulaw_decode(code):
    code = ~code & 0xFF
    segment = (code >> 4) & 7
    mantissa = code & 0x0F
    value = ((2 * mantissa + 33) << (segment + 2)) - 132
    return -value if code & 0x80 else value


def alaw_encode(x):
    magnitude = (~x if x < 0 else x) >> 4           # 12-bit magnitude (13 bits with the sign)
    if magnitude < 32:
        code = magnitude                            # segments 0 and 1: step 1
    else:
        segment = 1
        while magnitude >= (32 << (segment - 1)):
            segment += 1
        code = (segment << 4) | ((magnitude >> (segment - 1)) & 0x0F)
    return ((0x80 if x >= 0 else 0x00) | code) ^ 0x55


def alaw_decode(code):
    code ^= 0x55
    segment = (code >> 4) & 7
    mantissa = code & 0x0F
    if segment == 0:
        value = 16 * mantissa + 8
    else:
        value = (16 * mantissa + 264) << (segment - 1)
    return value if code & 0x80 else -value


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    print(f"{name}: {len(data)} bytes")


def cross_check(ramp):
    try:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import audioop
    except ImportError:
        print("audioop not available: cross-check skipped")
        return
    pcm = struct.pack("<65536h", *ramp)
    a = audioop.lin2alaw(pcm, 2)
    u = audioop.lin2ulaw(pcm, 2)
    assert all(a[i] == alaw_encode(x) for i, x in enumerate(ramp)), "A-law encoder differs from audioop"
    udiff = sum(1 for i, x in enumerate(ramp) if u[i] != mulaw_encode(x))
    print(f"audioop mu-law encoder differs on {udiff} inputs (negating convention, expected 508)")
    ud = struct.unpack("<256h", audioop.ulaw2lin(bytes(range(256)), 2))
    ad = struct.unpack("<256h", audioop.alaw2lin(bytes(range(256)), 2))
    assert all(ud[c] == mulaw_decode(c) for c in range(256)), "mu-law decoder differs from audioop"
    assert all(ad[c] == alaw_decode(c) for c in range(256)), "A-law decoder differs from audioop"
    print("audioop cross-check passed")


def main():
    os.makedirs(OUT, exist_ok=True)
    ramp = list(range(-32768, 32768))
    write("ramp.pcmu", bytes(mulaw_encode(x) for x in ramp))
    write("ramp.pcma", bytes(alaw_encode(x) for x in ramp))

    # 1004 Hz rather than 1000 Hz: 1000 Hz is a sub-multiple of 8000 Hz and would visit only
    # 8 sample values; 1004 Hz (the usual telephony test tone) sweeps the whole waveform.
    sine = [round(30000 * math.sin(2 * math.pi * 1004 * n / 8000)) for n in range(8000)]
    write("sine-1004hz.s16le", struct.pack("<8000h", *sine))
    write("sine-1004hz.pcmu", bytes(mulaw_encode(x) for x in sine))
    write("sine-1004hz.pcma", bytes(alaw_encode(x) for x in sine))

    write("codes.pcmu.s16le", struct.pack("<256h", *(mulaw_decode(c) for c in range(256))))
    write("codes.pcma.s16le", struct.pack("<256h", *(alaw_decode(c) for c in range(256))))
    cross_check(ramp)


if __name__ == "__main__":
    if not os.path.isdir("tests"):
        sys.exit("run from the repository root")
    main()
