"""Scrapy settings for portal-audit, in one place. Values a user may need to change are read from the environment
by crawler/runner.py (timeouts, budgets, robots override); the rest are the politeness defaults of issue 4."""

BOT_NAME = "portal-audit"
SPIDER_MODULES = ["crawler.spiders"]
USER_AGENT = "portal-audit/0.1 (+https://github.com/portal-audit/portal-audit; compliance audit of government portals)"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 32
CONCURRENT_REQUESTS_PER_DOMAIN = 2  # small municipal servers: at most 2 requests in flight per portal
# Scrapy starts CONCURRENT_ITEMS asyncio tasks for every callback, however few items it yields (100 by default:
# 400,000 tasks a night, the largest single cost in a profile). Our storage pipeline is synchronous, so more than
# one item in flight per callback buys nothing.
CONCURRENT_ITEMS = 1
DOWNLOAD_DELAY = 0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.5
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 16 * 1024 * 1024
DOWNLOAD_WARNSIZE = 4 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
HTTPERROR_ALLOW_ALL = True
COOKIES_ENABLED = True
TELNETCONSOLE_ENABLED = False
# Scrapy's MemoryUsage sets its looping tasks in engine_started and reads them in engine_stopped: a stop arriving
# while the engine is starting (a shard told to stop at once) ends in "'MemoryUsage' object has no attribute 'tasks'"
# on stderr. Nothing here uses its stats or limits (benchmarks read ru_maxrss themselves), so it is off.
MEMUSAGE_ENABLED = False
LOG_LEVEL = "WARNING"
ITEM_PIPELINES = {"crawler.pipelines.StoragePipeline": 300}
SPIDER_MIDDLEWARES = {
    "crawler.budget.BudgetMiddleware": 800,  # per-portal page/time budget (rules/incremental.yaml)
    "crawler.batching.ItemBatchMiddleware": 990,  # a callback's facts as one item (next to the spider: every other
}                                                 # middleware then sees one item per callback)
EXTENSIONS = {"crawler.progress.Progress": 500}
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
DNS_TIMEOUT = 20
FEED_EXPORT_ENCODING = "utf-8"

# The real portals serve legacy TLS: a working scraper had to lower OpenSSL's security level (platform.md). It is
# lowered per host (crawler/tls.py: .gov.vn and the registry's hosts; PORTAL_AUDIT_LEGACY_TLS=0 turns it off) and
# the weakness is recorded as a finding. Scrapy does not verify certificates, which these portals also need.
# (Scrapy 2.19 deprecates this setting without a per-host replacement; runner.py silences that one warning.)
DOWNLOADER_CLIENTCONTEXTFACTORY = "crawler.tls.PortalTLSContextFactory"
PORTAL_AUDIT_LEGACY_TLS = True
PORTAL_AUDIT_LEGACY_TLS_HOSTS: list[str] = []
