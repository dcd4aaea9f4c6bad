"""HTTPS for the two TLS fault portals: keys and certificates made at farm start (no files shipped), and the OpenSSL
server contexts that serve them.

`legacy`: what the real Bắc Ninh portals were found to serve (research/platform.md): a 1024-bit RSA key and only
finite-field DHE key exchange over the 1024-bit Oakley group 2, TLS 1.2 at most. A default OpenSSL 3 client
(security level 2) refuses it ("dh key too small"); with `@SECLEVEL=1` it connects.
`bad-certificate`: a modern handshake (2048-bit key, ECDHE) with a certificate that is self-signed, expired and issued
for another host name: a crawler that does not verify certificates reads it.
"""
from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
from pathlib import Path
from dataclasses import dataclass
from functools import lru_cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

# RFC 2409 §6.2, the 1024-bit MODP group: public and fixed, so nothing slow is generated at start.
OAKLEY_GROUP_2 = b"""-----BEGIN DH PARAMETERS-----
MIGHAoGBAP//////////yQ/aoiFowjTExmKLgNwc0SkCTgiKZ8x0Agu+pjsTmyJR
Sgh5jjQE3e+VGbPNOkMbMCsKbfJfFDdP4TVtbVHCReSFtXZiXn7G9ExC6aY37WsL
/1y29Aa37e44a/taiZ+lrp8kEXxLH+ZJKGZR7OZTgf//////////AgEC
-----END DH PARAMETERS-----
"""
LEGACY_CIPHERS = "DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA:@SECLEVEL=0"
WRONG_HOST = "portal-cu.example.vn"


@dataclass(frozen=True)
class Profile:
    key_bits: int
    common_name: str | None  # None: the portal's own address
    not_before: datetime.datetime
    not_after: datetime.datetime
    legacy: bool


EPOCH = datetime.datetime(2020, 1, 1, tzinfo=datetime.timezone.utc)
PROFILES = {
    "legacy": Profile(1024, None, EPOCH, EPOCH + datetime.timedelta(days=3650 * 3), legacy=True),
    "bad-certificate": Profile(2048, WRONG_HOST, EPOCH, EPOCH + datetime.timedelta(days=365), legacy=False),
}


@lru_cache(maxsize=8)
def certificate(profile: str, address: str) -> tuple[bytes, bytes]:
    """(key PEM, certificate PEM), self-signed. Keys are random per farm process; everything a crawler reports
    about them (sizes, names, dates) is fixed."""
    p = PROFILES[profile]
    key = rsa.generate_private_key(public_exponent=65537, key_size=p.key_bits)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, p.common_name or address),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Trang trại cổng mô phỏng")])
    san = x509.SubjectAlternativeName([x509.DNSName(p.common_name)] if p.common_name else
                                      [x509.IPAddress(ipaddress.ip_address(address))])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(int.from_bytes(address.encode(), "big")).not_valid_before(p.not_before)
            .not_valid_after(p.not_after).add_extension(san, critical=False)
            .sign(key, hashes.SHA256()))
    return (key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                              serialization.NoEncryption()),
            cert.public_bytes(serialization.Encoding.PEM))


def server_context(profile: str, address: str, folder: Path) -> ssl.SSLContext:
    """A stdlib (system OpenSSL) server context: pyOpenSSL's bundled OpenSSL picks its own DH group size and
    ignores fixed parameters, so it could not serve the legacy profile."""
    p = PROFILES[profile]
    key, cert = certificate(profile, address)
    key_file, cert_file, dh_file = (folder / f"{address}-{name}.pem" for name in ("key", "cert", "dh"))
    key_file.write_bytes(key)
    cert_file.write_bytes(cert)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    if p.legacy:
        ctx.maximum_version = ssl.TLSVersion.TLSv1_2  # TLS 1.3 has no finite-field DHE in OpenSSL's default
        ctx.set_ciphers(LEGACY_CIPHERS)  # level 0, or the server itself would refuse its 1024-bit key
        dh_file.write_bytes(OAKLEY_GROUP_2)
        ctx.load_dh_params(str(dh_file))
    ctx.load_cert_chain(str(cert_file), str(key_file))
    return ctx


class TLSFront:
    """HTTPS on (address, port) in front of the farm's plain listener on (address, backend_port): threads, one per
    connection and direction. The TLS portals see a handful of requests per crawl, so threads are plenty."""

    def __init__(self, profile: str, address: str, port: int, backend_port: int, folder: Path):
        self.ctx = server_context(profile, address, folder)
        self.backend = (address, backend_port)
        self.sock = socket.create_server((address, port))
        threading.Thread(target=self._accept, daemon=True, name=f"tls-{address}").start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            client.settimeout(30)
            tls = self.ctx.wrap_socket(client, server_side=True)
            tls.settimeout(None)
            backend = socket.create_connection(self.backend)
        except (OSError, ssl.SSLError):
            client.close()  # a client that refuses the handshake (the point of the legacy profile)
            return
        threading.Thread(target=_pump, args=(backend, tls), daemon=True).start()
        _pump(tls, backend)

    def close(self) -> None:
        self.sock.close()


def _pump(src: socket.socket, dst: socket.socket) -> None:
    try:
        while data := src.recv(65536):
            dst.sendall(data)
    except (OSError, ssl.SSLError):
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()
