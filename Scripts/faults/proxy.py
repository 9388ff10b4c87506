#!/usr/bin/env python3
"""A TCP proxy between a client and `mootui sim` that breaks links on command.

  proxy.py --upstream HOST:PORT [--listen PORT]

Prints `proxy listening on 127.0.0.1:P control C` once ready. The control port takes one command
per line and answers one line:

  fin      close every open link with a FIN (an orderly shutdown) on the client's side
  rst      reset every open link (SO_LINGER 0: the client reads ECONNRESET)
  silence  keep every open link up but forward nothing either way (a silent peer); links made
           later are normal
  deaf     keep forwarding what the client sends but nothing back (answers get lost); a later
           fin or rst still breaks the link
  status   links open now and links ever accepted

Every event goes to stdout with a Unix timestamp: `T open N`, `T fin N`, `T rst N`, `T silence N`,
`T client-closed N` (the client closed its side), `T upstream-closed N`.
"""
import argparse
import asyncio
import socket
import struct
import sys
import time


def event(what, n):
    print(f"{time.time():.6f} {what} {n}", flush=True)


class Link:
    def __init__(self, n, down_r, down_w, up_r, up_w):
        self.n, self.down_r, self.down_w, self.up_r, self.up_w = n, down_r, down_w, up_r, up_w
        self.silent = False
        self.deaf = False
        self.closed = False

    def close(self, reset=False):
        if self.closed:
            return
        self.closed = True
        if reset:
            sock = self.down_w.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.down_w.transport.abort()
        else:
            try:
                self.down_w.write_eof()
            except (OSError, RuntimeError):
                pass
            self.down_w.close()
        self.up_w.close()


class Proxy:
    def __init__(self, upstream):
        self.upstream = upstream
        self.links = {}
        self.accepted = 0

    async def pump(self, link, reader, writer, who):
        try:
            while True:
                data = await reader.read(65536)
                if not data:
                    break
                if link.silent or link.closed or (link.deaf and who == "upstream"):
                    continue  # swallowed: the other side hears nothing
                writer.write(data)
                await writer.drain()
        except (OSError, ConnectionError):
            pass
        if link.silent and who == "upstream" and not link.closed:
            # The sim gave up on the silent link; the client must notice the silence itself.
            event("upstream-closed", link.n)
            return
        if not link.closed:
            event(f"{who}-closed", link.n)
            link.close()
        self.links.pop(link.n, None)

    async def client(self, down_r, down_w):
        self.accepted += 1
        n = self.accepted
        try:
            up_r, up_w = await asyncio.open_connection(*self.upstream)
        except OSError:
            down_w.close()
            return
        sock = down_w.get_extra_info("socket")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        link = Link(n, down_r, down_w, up_r, up_w)
        self.links[n] = link
        event("open", n)
        await asyncio.gather(self.pump(link, down_r, up_w, "client"), self.pump(link, up_r, down_w, "upstream"))

    async def control(self, reader, writer):
        while True:
            line = await reader.readline()
            if not line:
                break
            cmd = line.decode().strip()
            links = [l for l in self.links.values() if not l.closed and not l.silent]
            if cmd in ("fin", "rst"):
                for l in links:
                    event(cmd, l.n)
                    l.close(reset=cmd == "rst")
                answer = f"ok {cmd} {len(links)}"
            elif cmd == "silence":
                for l in links:
                    event("silence", l.n)
                    l.silent = True
                answer = f"ok silence {len(links)}"
            elif cmd == "deaf":
                for l in links:
                    event("deaf", l.n)
                    l.deaf = True
                answer = f"ok deaf {len(links)}"
            elif cmd == "status":
                answer = f"ok open {len(links)} accepted {self.accepted}"
            else:
                answer = f"error unknown command {cmd!r}"
            writer.write((answer + "\n").encode())
            await writer.drain()
        writer.close()


async def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--listen", type=int, default=0)
    args = ap.parse_args()
    host, port = args.upstream.rsplit(":", 1)
    proxy = Proxy((host, int(port)))
    server = await asyncio.start_server(proxy.client, "127.0.0.1", args.listen)
    control = await asyncio.start_server(proxy.control, "127.0.0.1", 0)
    p = server.sockets[0].getsockname()[1]
    c = control.sockets[0].getsockname()[1]
    print(f"proxy listening on 127.0.0.1:{p} control {c}", flush=True)
    async with server, control:
        await asyncio.gather(server.serve_forever(), control.serve_forever())


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
