"""Legacy TLS per host, and what each portal's TLS looks like (issue 4).

The real portals need OpenSSL's security level lowered (`@SECLEVEL=1`: 1024-bit DHE and RSA keys, research/
platform.md). That is allowed only where it is needed: hosts under LEGACY_TLS_SUFFIXES and the hosts of the registry
being crawled, unless PORTAL_AUDIT_LEGACY_TLS=0 (read by crawler/runner.py) turns it off everywhere — then such a
portal ends `tls_error`. Every other host gets OpenSSL's defaults. Certificates are never verified (Scrapy's
default, which these portals need), but what is wrong with them is recorded: each handshake's protocol and cipher
are kept in the crawl stats under `tls/<host>:<port>`, and `weakness` turns them and the certificate into a fact.
"""
from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, rsa
from OpenSSL import SSL
from scrapy.core.downloader.contextfactory import _ScrapyCertificateOptions, _ScrapyClientContextFactory
from scrapy.core.downloader.tls import _ScrapyClientTLSOptions26
from service_identity import VerificationError
from service_identity.exceptions import CertificateError
from service_identity.hazmat import DNS_ID, IPAddress_ID, verify_service_identity
from service_identity.pyopenssl import extract_patterns
from twisted.internet.abstract import isIPAddress, isIPv6Address
from twisted.internet.ssl import AcceptableCiphers

LEGACY_TLS_SUFFIXES = (".gov.vn",)
LEGACY_CIPHERS = "DEFAULT:@SECLEVEL=1"
MODERN_CIPHERS = "DEFAULT"
MIN_KEY_BITS = {"RSA": 2048, "DSA": 2048, "EC": 224}
WEAK_HASHES = {"md5", "sha1"}
OLD_PROTOCOLS = {"SSLv3", "TLSv1", "TLSv1.1"}


def legacy_allowed(host: str, listed: frozenset[str], enabled: bool = True) -> bool:
    host = host.lower().rstrip(".")
    return enabled and (host in listed or any(host.endswith(s) or host == s[1:] for s in LEGACY_TLS_SUFFIXES))


def registry_hosts(portals) -> frozenset[str]:
    return frozenset((urlsplit(p.url).hostname or "").lower() for p in portals)


class _RecordingTLSOptions(_ScrapyClientTLSOptions26):
    """Scrapy's non-verifying options, noting the negotiated protocol and cipher once the handshake is done."""

    def __init__(self, create, hostname: str, record):
        super().__init__(create, hostname)
        self._record = record

    def clientConnectionForTLS(self, tlsProtocol):  # noqa: N802 - Twisted's interface
        conn = super().clientConnectionForTLS(tlsProtocol)

        def info(connection, where, ret):
            if where & SSL.SSL_CB_HANDSHAKE_DONE:
                self._record({"protocol": connection.get_protocol_version_name(),
                              "cipher": connection.get_cipher_name()})

        conn.set_info_callback(info)
        return conn


class PortalTLSContextFactory(_ScrapyClientContextFactory):
    """DOWNLOADER_CLIENTCONTEXTFACTORY: legacy ciphers for the allowed hosts only."""

    @classmethod
    def from_crawler(cls, crawler, method=SSL.SSLv23_METHOD, *args, **kwargs):
        factory = super().from_crawler(crawler, method, *args, **kwargs)
        factory.stats = crawler.stats
        factory.legacy_enabled = crawler.settings.getbool("PORTAL_AUDIT_LEGACY_TLS", True)
        factory.listed = frozenset(crawler.settings.getlist("PORTAL_AUDIT_LEGACY_TLS_HOSTS"))
        return factory

    def creatorForNetloc(self, hostname: bytes, port: int):  # noqa: N802 - Twisted's interface
        host = hostname.decode("ascii")
        legacy = legacy_allowed(host, self.listed, self.legacy_enabled)
        cache = self.__dict__.setdefault("_options", {})
        if legacy not in cache:
            kwargs = {**self._get_cert_options_kwargs(),
                      "acceptableCiphers": AcceptableCiphers.fromOpenSSLCipherString(MODERN_CIPHERS)}
            cache[legacy] = (_LegacyCertificateOptions if legacy else _ScrapyCertificateOptions)(**kwargs)
        key = f"tls/{host}:{port}"
        return _RecordingTLSOptions(cache[legacy]._makeTLSConnection, host,
                                    lambda info: self.stats.set_value(key, {**info, "legacy_allowed": legacy}))


class _LegacyCertificateOptions(_ScrapyCertificateOptions):
    """Twisted expands a cipher string into cipher names, which drops `@SECLEVEL`; so the level is set on the
    context itself. (This is also why Scrapy's DOWNLOADER_CLIENT_TLS_CIPHERS="DEFAULT:@SECLEVEL=1" had no effect.)"""

    def _makeContext(self):  # noqa: N802 - Twisted's (private) context builder, cached by getContext
        ctx = super()._makeContext()
        ctx.set_cipher_list(LEGACY_CIPHERS.encode("ascii"))
        return ctx


def weakness(url: str, certificate, handshake: dict | None, now: datetime) -> dict | None:
    """The TLS fact of an HTTPS home page: protocol, cipher, key, certificate problems; None for plain HTTP or
    when nothing was seen (a response read back from the archive has no certificate)."""
    parts = urlsplit(url)
    if parts.scheme != "https" or certificate is None:
        return None
    cert = certificate.original.to_cryptography() if hasattr(certificate, "original") else certificate
    key = cert.public_key()
    kind = ("RSA" if isinstance(key, rsa.RSAPublicKey) else "EC" if isinstance(key, ec.EllipticCurvePublicKey)
            else "DSA" if isinstance(key, dsa.DSAPublicKey) else type(key).__name__)
    bits = getattr(key, "key_size", None)
    issues = []
    if bits is not None and bits < MIN_KEY_BITS.get(kind, 0):
        issues.append("weak-key")
    algorithm = cert.signature_hash_algorithm.name if cert.signature_hash_algorithm else None
    if algorithm in WEAK_HASHES:
        issues.append("weak-signature")
    when = now.astimezone(timezone.utc) if now.tzinfo else now.replace(tzinfo=timezone.utc)
    if cert.not_valid_after_utc < when:
        issues.append("expired")
    if cert.not_valid_before_utc > when:
        issues.append("not-yet-valid")
    if cert.issuer == cert.subject:
        issues.append("self-signed")
    host = parts.hostname or ""
    svc = IPAddress_ID(host) if isIPAddress(host) or isIPv6Address(host) else DNS_ID(host)
    try:
        verify_service_identity(extract_patterns(certificate.original), [svc], [])
    except (VerificationError, CertificateError):
        issues.append("host-mismatch")
    protocol = (handshake or {}).get("protocol")
    cipher = (handshake or {}).get("cipher") or ""
    if protocol in OLD_PROTOCOLS:
        issues.append("old-protocol")
    if cipher.startswith(("DHE-", "EDH-")) or cipher in ("AES128-SHA", "AES256-SHA", "DES-CBC3-SHA"):
        issues.append("no-ecdhe")  # finite-field DHE or plain RSA key exchange: what the legacy setting lets in
    names = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    return {"url": url, "protocol": protocol, "cipher": cipher or None, "key_type": kind, "key_bits": bits,
            "signature_hash": algorithm, "subject": names[0].value if names else None,
            "not_after": cert.not_valid_after_utc.date().isoformat(), "issues": issues}
