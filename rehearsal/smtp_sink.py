"""A mail server for the rehearsal: accepts every message over SMTP and writes one JSON
line per message (recipients, subject, Message-ID) to a file, so the faults can count
what the worker sent. `python -m rehearsal.smtp_sink PORT OUT.jsonl [SECONDS_PER_MESSAGE]`
(a delay makes a batch last long enough to kill the worker in its middle)."""

import asyncio
import json
import sys
import time
from email import message_from_bytes, policy


async def session(reader, writer, out, delay):
    def reply(line: str):
        writer.write(f"{line}\r\n".encode())

    reply("220 rehearsal sink")
    recipients, sender = [], ""
    while line := await reader.readline():
        command = line.decode(errors="replace").strip()
        verb = command[:4].upper()
        if verb in {"EHLO", "HELO"}:
            reply("250 rehearsal")
        elif verb == "MAIL":
            sender, recipients = command[10:].strip("<> "), []
            reply("250 ok")
        elif verb == "RCPT":
            recipients.append(command[8:].strip("<> "))
            reply("250 ok")
        elif verb == "DATA":
            reply("354 go on")
            data = bytearray()
            while (chunk := await reader.readline()) not in (b".\r\n", b""):
                data += chunk[1:] if chunk.startswith(b"..") else chunk
            await asyncio.sleep(delay)
            message = message_from_bytes(bytes(data), policy=policy.default)
            entry = {
                "time": time.time(),
                "from": sender,
                "to": recipients,
                "subject": str(message["Subject"]),
                "message_id": str(message["Message-ID"]),
            }
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            out.flush()
            reply("250 queued")
        elif verb == "QUIT":
            reply("221 bye")
            await writer.drain()
            break
        else:
            reply("250 ok")
        await writer.drain()
    writer.close()


async def main(port: int, path: str, delay: float):
    with open(path, "a", encoding="utf-8") as out:
        server = await asyncio.start_server(
            lambda r, w: session(r, w, out, delay), "127.0.0.1", port
        )
        async with server:
            await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 0))
