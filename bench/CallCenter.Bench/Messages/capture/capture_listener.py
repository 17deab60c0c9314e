#!/usr/bin/env python3
"""Minimal UDP registrar/UAS used once to capture the softphone messages in ../*.sip.

It saves every datagram it receives as NN.sip (byte for byte) and answers just enough for the
softphone to send the messages we want: 401 with a Digest challenge to an unauthenticated REGISTER
(so the next REGISTER carries Authorization), 200 OK to an authenticated one, 486 to an INVITE.
Usage: capture_listener.py ADDRESS PORT OUTPUT_DIR   (stops after 15 s without traffic)
"""
import pathlib
import socket
import sys

CHALLENGE = ('WWW-Authenticate: Digest realm="callcenter.example.com", '
             'nonce="5f2b8c3a9d1e4f6a7b8c9d0e1f2a3b4c", algorithm=MD5, qop="auth"')


def copied_headers(message, names):
    head = message.split("\r\n\r\n", 1)[0].split("\r\n")[1:]
    return [line for line in head if line.split(":", 1)[0].strip().lower() in names]


def answer(message):
    request_line = message.split("\r\n", 1)[0]
    method = request_line.split(" ", 1)[0]
    if method == "ACK" or request_line.startswith("SIP/"):
        return None
    dialog = copied_headers(message, {"via", "from", "to", "call-id", "cseq"})
    if method == "REGISTER" and "\r\nAuthorization:" not in message:
        lines = ["SIP/2.0 401 Unauthorized", *dialog, CHALLENGE]
    elif method == "REGISTER":
        lines = ["SIP/2.0 200 OK", *dialog, *copied_headers(message, {"contact"}), "Expires: 3600"]
    elif method == "INVITE":
        lines = ["SIP/2.0 486 Busy Here", *dialog]
    else:
        lines = ["SIP/2.0 200 OK", *dialog]
    return ("\r\n".join([*lines, "Content-Length: 0"]) + "\r\n\r\n").encode()


def main(address, port, output_dir):
    out = pathlib.Path(output_dir)
    out.mkdir(parents=True, exist_ok=True)
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((address, int(port)))
    sock.settimeout(15)
    count = 0
    while True:
        try:
            data, peer = sock.recvfrom(65535)
        except socket.timeout:
            return
        count += 1
        (out / f"{count:02d}.sip").write_bytes(data)
        reply = answer(data.decode("utf-8", "replace"))
        if reply:
            sock.sendto(reply, peer)


if __name__ == "__main__":
    main(*sys.argv[1:4])
