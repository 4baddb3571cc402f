"""The laptop's network addresses, so the facilitator picks which network the room's devices use."""

from __future__ import annotations

import socket
import struct
import sys


def local_addresses() -> list[tuple[str, str]]:
    """(IPv4 address, where it is) for every interface that is up, the loopback last."""
    found: dict[str, str] = {}
    if sys.platform.startswith("linux"):
        found.update(_linux_interfaces())
    try:
        # The address the laptop would use to reach the network (no packet is sent for a UDP connect).
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            found.setdefault(probe.getsockname()[0], "network")
    except OSError:
        pass
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.setdefault(info[4][0], "network")
    except OSError:
        pass
    found.pop("0.0.0.0", None)
    loopback = {a: w for a, w in found.items() if a.startswith("127.")}
    others = [(a, w) for a, w in found.items() if a not in loopback]
    return [*sorted(others), ("127.0.0.1", "this laptop only")]


def _linux_interfaces() -> dict[str, str]:
    import fcntl

    out = {}
    siocgifaddr = 0x8915
    for _index, name in socket.if_nameindex():
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            try:
                packed = fcntl.ioctl(s.fileno(), siocgifaddr, struct.pack("256s", name[:15].encode()))
            except OSError:
                continue  # no IPv4 address on it
        out[socket.inet_ntoa(packed[20:24])] = name
    return out
