#!/usr/bin/env python3
"""The load tool of ``make bench``: a small asyncio HTTP/1.1 client in its own process.

Reads the plan (base URL, session cookie, scenarios) as JSON on stdin and writes the
results as JSON on stdout. Each scenario is requested one at a time (so the server time is
not inflated by queueing), after a few warm-up requests; the server time is the
``Server-Timing: app;dur=`` header the app adds when ``OMBUDS_SERVER_TIMING`` is on, the
client time is measured around the request on loopback. Every response must be 200 (204
for the floor), or the scenario is reported as failed.
"""

from __future__ import annotations

import asyncio
import json
import re
import statistics
import sys
import time
from urllib.parse import urlencode, urlsplit

WARMUP = 5
TIMING = re.compile(rb"server-timing:\s*app;dur=([0-9.]+)", re.I)


async def request(base: str, method: str, path: str, headers: dict, body: bytes = b""):
    """One request over a fresh connection (gunicorn's sync workers close it anyway)."""
    url = urlsplit(base)
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {url.hostname}:{url.port}",
             "Connection: close", f"Content-Length: {len(body)}"]
    lines += [f"{k}: {v}" for k, v in headers.items()]
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
    await writer.drain()
    data = await reader.read()
    writer.close()
    head, _, content = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1]) if head else 0
    match = TIMING.search(head)
    return status, (float(match.group(1)) if match else None), head, content


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1] if len(values) > 1 \
        else values[0]


async def scenario(base: str, cookie: str, spec: dict) -> dict:
    headers = {"Cookie": cookie}
    server, client = [], []
    urls = []
    for url in spec["urls"]:
        # A worklist search moves its text into the session and redirects to ?zoek=<id>:
        # follow that once and time the page it leads to.
        status, _, head, _ = await request(base, "GET", url, headers)
        location = re.search(rb"\r\nlocation:\s*(\S+)", head, re.I)
        urls.append(location.group(1).decode() if status in (302, 303) and location else url)
    for i in range(WARMUP + spec["requests"]):
        url = urls[i % len(urls)]
        start = time.perf_counter()
        status, duration, _, _ = await request(base, "GET", url, headers)
        elapsed = (time.perf_counter() - start) * 1000
        if status not in (200, 204):
            return {"error": f"{url} answered {status}"}
        if duration is None:
            return {"error": f"{url} has no Server-Timing header (OMBUDS_SERVER_TIMING off?)"}
        if i >= WARMUP:
            server.append(duration)
            client.append(elapsed)
    return {"n": len(server), "server_median": statistics.median(server),
            "server_p95": p95(server), "client_median": statistics.median(client),
            "client_p95": p95(client)}


FIELD = re.compile(rb'<(input|textarea|select)\b[^>]*\bname="([^"]+)"[^>]*>', re.I)
CSRF = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


async def form(base: str, spec: dict) -> dict:
    """Submit the public request form as fast as two app processes take it, for a while.

    Gets the form once for the CSRF cookie and token, then keeps ``concurrency`` clients
    posting distinct submissions for ``seconds``; counts the redirects (303/302: stored).
    """
    status, _, head, content = await request(base, "GET", spec["url"], {})
    if status != 200:
        return {"error": f"GET {spec['url']} answered {status}"}
    cookie = re.search(rb"csrftoken=([^;]+)", head)
    token = CSRF.search(content)
    if not (cookie and token):
        return {"error": "no CSRF token on the form"}
    fields = spec.get("fields", {})
    headers = {"Cookie": f"csrftoken={cookie.group(1).decode()}",
               "Content-Type": "application/x-www-form-urlencoded",
               "Referer": base + spec["url"]}
    ok, failed, statuses, server = 0, 0, {}, []
    deadline = time.perf_counter() + spec["seconds"]
    counter = 0

    async def worker():
        nonlocal ok, failed, counter
        while time.perf_counter() < deadline:
            counter += 1
            data = {k: v.replace("{n}", str(counter)) for k, v in fields.items()}
            data["csrfmiddlewaretoken"] = token.group(1).decode()
            status, duration, _, _ = await request(base, "POST", spec["url"], headers,
                                                   urlencode(data).encode())
            statuses[status] = statuses.get(status, 0) + 1
            if duration is not None:
                server.append(duration)
            if status in (302, 303):
                ok += 1
            else:
                failed += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(spec.get("concurrency", 8))))
    return {"ok": ok, "failed": failed, "statuses": statuses,
            "seconds": time.perf_counter() - start, "count_sql": spec.get("count_sql"),
            "server_median": statistics.median(server) if server else None,
            "server_p95": p95(server) if server else None}


async def throughput(base: str, cookie: str, spec: dict) -> dict:
    """The floor page requested by ``concurrency`` clients at once for ``seconds``: how many
    requests a second the app processes serve when a request does next to nothing, the
    ceiling for any page (the request form's target is read against it)."""
    ok, failed = 0, 0
    deadline = time.perf_counter() + spec["seconds"]
    urls = spec["urls"]

    async def worker(offset: int):
        nonlocal ok, failed
        i = offset
        while time.perf_counter() < deadline:
            status, _, _, _ = await request(base, "GET", urls[i % len(urls)], {"Cookie": cookie})
            i += 1
            if status in (200, 204):
                ok += 1
            else:
                failed += 1

    start = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(spec.get("concurrency", 8))))
    return {"ok": ok, "failed": failed, "seconds": time.perf_counter() - start}


async def main() -> None:
    plan = json.load(sys.stdin)
    results = {}
    for spec in plan["scenarios"]:
        results[spec["name"]] = await scenario(plan["base"], plan["cookie"], spec)
        print(f"{spec['name']}: {results[spec['name']]}", file=sys.stderr, flush=True)
    if plan.get("form"):
        if plan.get("throughput"):
            results["floor throughput"] = await throughput(plan["base"], plan["cookie"],
                                                           plan["throughput"])
        results["form"] = await form(plan["base"], plan["form"])
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    asyncio.run(main())
