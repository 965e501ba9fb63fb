#!/usr/bin/env python3
"""Helper of bench/monitoring.sh (loopback only: every address it serves or asks is in 127.0.0.0/8).

  targets TCP_BASE HTTP_BASE LISTENERS PORT  serve TCP (accept, close) and HTTP (200 "ok") on
                                             127.TCP_BASE.0.1..N:PORT and 127.HTTP_BASE.0.1..N:PORT
  create BASE TOKEN ICMP TCP HTTP ...        create the checks through the API (paused), print counts
  lag METRICS_BEFORE METRICS_AFTER KIND      p50/p99 (ms) of the schedule-lag histogram between two scrapes
  probes METRICS_BEFORE METRICS_AFTER KIND   probe rounds of KIND between two scrapes
  blackbox URL MODULE N CONC TARGETS_FILE    N probes of MODULE through blackbox, CONC at once
"""
import asyncio, ipaddress, json, re, sys, threading, urllib.request
from concurrent.futures import ThreadPoolExecutor
import http.client


def loopback(addr):
    assert ipaddress.ip_address(addr).is_loopback, addr
    return addr


def targets(tcp_base, http_base, listeners, port):
    async def tcp(reader, writer):
        writer.close()

    async def web(reader, writer):
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if not head:
                    break
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        writer.close()

    async def main():
        servers = []
        for i in range(1, listeners + 1):
            servers.append(await asyncio.start_server(tcp, loopback(f"127.{tcp_base}.0.{i}"), port, backlog=1024))
            servers.append(await asyncio.start_server(web, loopback(f"127.{http_base}.0.{i}"), port, backlog=1024))
        print("ready", flush=True)
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


def create(base, token, icmp, tcp, http_n, icmp_base, tcp_base, http_base, listeners, port, interval):
    host, port_s = base.replace("http://", "").split(":")
    loopback(host)
    jobs = []
    for i in range(icmp):
        jobs.append({"name": f"Bench icmp {i:05d}", "kind": "icmp", "target": loopback(f"127.{icmp_base}.{i // 250}.{1 + i % 250}")})
    for i in range(tcp):
        jobs.append({"name": f"Bench tcp {i:05d}", "kind": "tcp", "target": f"{loopback(f'127.{tcp_base}.0.{1 + i % listeners}')}:{port}"})
    for i in range(http_n):
        jobs.append({"name": f"Bench http {i:05d}", "kind": "http", "target": f"http://{loopback(f'127.{http_base}.0.{1 + i % listeners}')}:{port}/cek/{i}"})
    # Spread over the demo's OPDs (one in ten left to the regency), as a regency's checks would be:
    # /status then has a row per OPD, each OPD page a few hundred checks.
    req = urllib.request.Request(f"{base}/api/v1/opds", headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=60) as r:
        slugs = [o["slug"] for o in json.load(r)]
    for n, j in enumerate(jobs):
        j.update(intervalSeconds=interval, paused=True)
        if slugs and n % 10:
            j["opd"] = slugs[n % len(slugs)]
    failures = []
    lock = threading.Lock()

    def worker(chunk):
        conn = http.client.HTTPConnection(host, int(port_s), timeout=60)
        for body in chunk:
            conn.request("POST", "/api/v1/monitoring/checks", json.dumps(body),
                         {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
            r = conn.getresponse()
            data = r.read()
            if r.status != 201:
                with lock:
                    failures.append((r.status, data[:200]))
        conn.close()

    threads = [threading.Thread(target=worker, args=(jobs[k::4],)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        print(f"{len(failures)} checks refused, first: {failures[0]}", file=sys.stderr)
    print(len(jobs) - len(failures))


def series(path, name, kind):
    out = {}
    pat = re.compile(r'^' + name + r'\{(.*)\} (\S+)$')
    for line in open(path):
        m = pat.match(line.strip())
        if not m:
            continue
        labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        if kind != "all" and labels.get("kind") != kind:
            continue
        key = labels.get("le", labels.get("result"))
        out[key] = out.get(key, 0) + float(m.group(2))
    return out


def lag(before, after, kind):
    a = series(before, "satupintu_monitor_schedule_lag_seconds_bucket", kind)
    b = series(after, "satupintu_monitor_schedule_lag_seconds_bucket", kind)
    buckets = sorted(((float("inf") if le == "+Inf" else float(le), b[le] - a.get(le, 0)) for le in b), key=lambda x: x[0])
    total = buckets[-1][1] if buckets else 0
    if total <= 0:
        print("- -")
        return
    res = []
    for q in (0.5, 0.99):
        want, prev_le, prev_n = q * total, 0.0, 0.0
        for le, n in buckets:
            if n >= want:
                if le == float("inf"):
                    res.append(f">{prev_le * 1000:.0f}")
                else:
                    frac = (want - prev_n) / (n - prev_n) if n > prev_n else 1
                    res.append(f"{(prev_le + (le - prev_le) * frac) * 1000:.1f}")
                break
            prev_le, prev_n = le, n
    print(" ".join(res))


def probes(before, after, kind):
    a = series(before, "satupintu_monitor_probes_total", kind)
    b = series(after, "satupintu_monitor_probes_total", kind)
    ok = b.get("ok", 0) - a.get("ok", 0)
    fail = b.get("fail", 0) - a.get("fail", 0)
    print(int(ok + fail), int(fail))


def blackbox(url, module, n, conc, targets_file):
    loopback(url.replace("http://", "").split(":")[0])
    names = [loopback(t.strip().replace("http://", "").split(":")[0]) and t.strip() for t in open(targets_file) if t.strip()]
    failed = [0]

    def one(i):
        t = names[i % len(names)]
        with urllib.request.urlopen(f"{url}/probe?module={module}&target={urllib.request.quote(t, safe='')}", timeout=30) as r:
            if b"probe_success 1" not in r.read():
                failed[0] += 1

    with ThreadPoolExecutor(conc) as pool:
        list(pool.map(one, range(n)))
    print(n, failed[0])


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "targets":
        targets(*map(int, args))
    elif cmd == "create":
        create(args[0], args[1], *map(int, args[2:]))
    elif cmd == "lag":
        lag(*args)
    elif cmd == "probes":
        probes(*args)
    elif cmd == "blackbox":
        blackbox(args[0], args[1], int(args[2]), int(args[3]), args[4])
