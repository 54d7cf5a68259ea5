#!/usr/bin/env python3
"""Counts the SQL statements clients send to PostgreSQL, read from the wire protocol: a TCP proxy that forwards
everything and counts one statement per Execute ('E') message and per simple Query ('Q'), as the tests'
PgWireCounter does. bench/run.sh puts it between a server and the database for a short counting pass when
pg_stat_statements is not preloaded (it is never in the timed runs).

  pgwire_count.py LISTEN_PORT CONTROL_PORT [TARGET_HOST TARGET_PORT]

A connection to CONTROL_PORT receives the count so far as one line of text.
"""
import asyncio
import sys

SSL_REQUEST, GSSENC_REQUEST = 80877103, 80877104
executed = 0


async def forward(reader, writer):
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def count_and_forward(reader, writer):
    global executed
    try:
        while True:  # untyped start-up packets; an SSL or GSS request may come before the start-up message
            header = await reader.readexactly(4)
            body = await reader.readexactly(int.from_bytes(header, "big") - 4)
            writer.write(header + body)
            await writer.drain()
            if int.from_bytes(body[:4], "big") not in (SSL_REQUEST, GSSENC_REQUEST):
                break
        while True:
            kind = await reader.readexactly(1)
            header = await reader.readexactly(4)
            body = await reader.readexactly(int.from_bytes(header, "big") - 4)
            if kind in (b"E", b"Q"):
                executed += 1
            writer.write(kind + header + body)
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(listen_port, control_port, host, port):
    async def client(reader, writer):
        upstream_reader, upstream_writer = await asyncio.open_connection(host, port)
        await asyncio.gather(count_and_forward(reader, upstream_writer), forward(upstream_reader, writer),
                             return_exceptions=True)

    async def control(reader, writer):
        writer.write(f"{executed}\n".encode())
        await writer.drain()
        writer.close()

    proxy = await asyncio.start_server(client, "127.0.0.1", listen_port)
    counter = await asyncio.start_server(control, "127.0.0.1", control_port)
    async with proxy, counter:
        await asyncio.gather(proxy.serve_forever(), counter.serve_forever())


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    asyncio.run(main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1",
                     int(sys.argv[4]) if len(sys.argv) > 4 else 5432))
