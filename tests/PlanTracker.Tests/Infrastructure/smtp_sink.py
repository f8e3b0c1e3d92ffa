"""A real SMTP server for the tests (Debian's python3-aiosmtpd). Every message received is decoded
with the standard library and written as one JSON file: Message-ID, subject, both bodies, attachments. An optional
third argument makes it answer each message that many seconds late, like a slow server. Recipients whose
address starts with "refused" are refused (550), like mailboxes that do not exist; a message to an address
starting with "rejected" is refused after its data (554), like one a content filter stops; an address starting
with "slow" takes the server 30 s to answer, like a server that hangs. An optional sixth argument limits the
size of a message (552 beyond it)."""
import asyncio
import json
import os
import ssl
import sys
import uuid
from email import message_from_bytes
from email.policy import default

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Decode:
    def __init__(self, folder, delay):
        self.folder = folder
        self.delay = delay

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        # A mailbox the tests name "refused...@" does not exist, as a real server would say.
        if address.startswith("refused"):
            return "550 5.1.1 No such mailbox"
        if address.startswith("slow"):
            await asyncio.sleep(30)
        # A server that answers what no SMTP client can read, and one that hangs up mid-transaction.
        if address.startswith("garbage"):
            return "garbage instead of a reply"
        if address.startswith("drop"):
            server.transport.abort()
            return "250 OK"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if any(to.startswith("rejected") for to in envelope.rcpt_tos):
            return "554 5.7.1 Message rejected by policy"
        if self.delay:
            await asyncio.sleep(self.delay)
        message = message_from_bytes(envelope.content, policy=default)
        text = message.get_body(preferencelist=("plain",))
        html = message.get_body(preferencelist=("html",))
        data = {
            "messageId": message["Message-ID"],
            "subject": str(message["Subject"]),
            "to": envelope.rcpt_tos,
            "text": text.get_content() if text else None,
            "html": html.get_content() if html else None,
            "attachments": [{"name": a.get_filename(), "size": len(a.get_content())} for a in message.iter_attachments()],
        }
        path = os.path.join(self.folder, uuid.uuid4().hex + ".json")
        with open(path + ".part", "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(path + ".part", path)
        return "250 OK"


class Credentials:
    """Accepts exactly one user name and password (AUTH PLAIN or LOGIN)."""

    def __init__(self, user, password):
        self.user, self.password = user.encode(), password.encode()

    def __call__(self, server, session, envelope, mechanism, auth_data):
        ok = getattr(auth_data, "login", None) == self.user and getattr(auth_data, "password", None) == self.password
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


port, folder = int(sys.argv[1]), sys.argv[2]
delay = float(sys.argv[3]) if len(sys.argv) > 3 else 0.0
# Optional: a certificate and key to offer STARTTLS with (required before anything else), and a
# "user:password" the server then requires.
tls = sys.argv[4].split(",") if len(sys.argv) > 4 and sys.argv[4] else None
auth = sys.argv[5].split(":", 1) if len(sys.argv) > 5 and sys.argv[5] else None
os.makedirs(folder, exist_ok=True)
extra = {}
if len(sys.argv) > 6 and sys.argv[6]:
    extra["data_size_limit"] = int(sys.argv[6])
if tls:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls[0], tls[1])
    extra.update(tls_context=context, require_starttls=True)
if auth:
    extra.update(authenticator=Credentials(*auth), auth_required=True, auth_require_tls=bool(tls))
controller = Controller(Decode(folder, delay), hostname="127.0.0.1", port=port, **extra)
controller.start()
print("ready", flush=True)
try:
    sys.stdin.read()  # until the test closes stdin or kills the process
finally:
    controller.stop()
