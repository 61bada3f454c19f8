#!/usr/bin/env python3
"""Load test of a live workshop session (issue 12), bounded and on loopback only.

N participants (default 1,000) join the demo's open session, each holds a Server-Sent Events stream open, the facilitator
admits them all and opens a round, every participant submits a ranking (at a random moment within --spread seconds, as a
room answers; --spread 0 sends them all at once), then the facilitator closes and reveals the round.

Reported: the p50/p95/p99/max latency of the answer submissions (goal: p99 < 50 ms), how long after the facilitator
pressed reveal each participant's stream delivered it (goal: every participant within 1 s), and the server's
resident memory before and with the N streams open (memory per connection).

Usage: scripts/live-load.py [--participants N] [--bin PATH] [--keep]
Without --bin it uses the release build (`swift build -c release --product cttech`), else the debug one. The server runs
on 127.0.0.1 with a fresh SQLite database in a temporary folder, the demo data, and join/answer limits raised for the
test. Needs aiohttp (`python3 -m pip install aiohttp`).
"""
import argparse, asyncio, os, random, re, shutil, statistics, subprocess, sys, tempfile, time

import aiohttp

PORT = 18490
BASE = f"http://127.0.0.1:{PORT}"
CODE = "VDR794"  # the demo's open session (Sources/CTTechServer/Features/Demo/DemoLive.swift)
PASSWORD = "demo-password-2024"


def percentile(values, p):
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p
    f = int(k)
    c = min(f + 1, len(ordered) - 1)
    return ordered[f] + (ordered[c] - ordered[f]) * (k - f)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return 0


def csrf_of(html):
    found = re.search(r'name="_csrf" value="([^"]+)"', html)
    return found.group(1) if found else ""


class Participant:
    def __init__(self, index):
        self.index = index
        self.jar = aiohttp.CookieJar(unsafe=True)
        self.session = None
        self.revealed_at = None
        self.connected = asyncio.Event()
        self.stream_task = None

    async def join(self):
        self.session = aiohttp.ClientSession(cookie_jar=self.jar, timeout=aiohttp.ClientTimeout(total=120))
        async with self.session.get(f"{BASE}/join/{CODE}") as response:
            token = csrf_of(await response.text())
        async with self.session.post(f"{BASE}/join/{CODE}", data={"_csrf": token}, allow_redirects=False) as response:
            if response.status != 303:
                raise RuntimeError(f"join {self.index}: {response.status}")

    async def listen(self, after):
        """Holds the stream open; records when the reveal arrives."""
        headers = {"Accept": "text/event-stream"}
        async with self.session.get(f"{BASE}/live/events?after={after}", headers=headers,
                                    timeout=aiohttp.ClientTimeout(total=None, sock_read=None)) as response:
            self.connected.set()
            async for line in response.content:
                if b'"kind":"round.revealed"' in line:
                    self.revealed_at = time.perf_counter()
                    return

    async def answer(self, activity_id, keys, delay):
        await asyncio.sleep(delay)
        async with self.session.get(f"{BASE}/live") as response:
            html = await response.text()
        token = csrf_of(html)
        ranked = keys[self.index % len(keys):] + keys[:self.index % len(keys)]
        data = {"_csrf": token, "activity": activity_id, "round": "1", "item": ""}
        for rank, key in enumerate(ranked[:3]):
            data[f"rank.{key}"] = str(rank + 1)
        start = time.perf_counter()
        async with self.session.post(f"{BASE}/live/answer", data=data, allow_redirects=False) as response:
            await response.read()
            elapsed = (time.perf_counter() - start) * 1000
            if response.status != 303:
                raise RuntimeError(f"answer {self.index}: {response.status}")
        return elapsed


async def facilitator_session():
    jar = aiohttp.CookieJar(unsafe=True)
    session = aiohttp.ClientSession(cookie_jar=jar, timeout=aiohttp.ClientTimeout(total=300))
    async with session.get(f"{BASE}/login") as response:
        token = csrf_of(await response.text())
    async with session.post(f"{BASE}/login", data={"_csrf": token, "email": "facilitator@demo.cttech.example",
                                                   "password": PASSWORD, "next": ""}) as response:
        await response.read()
    async with session.get(f"{BASE}/home") as response:
        home = await response.text()
    state = re.search(r"/states/([0-9a-f-]{36})", home).group(1)
    async with session.get(f"{BASE}/states/{state}/live") as response:
        listing = await response.text()
    rows = re.findall(r'<a href="(/states/[^"]+/live/[0-9a-f-]{36})" dir="auto">[^<]*</a></td><td><code dir="ltr">' + CODE, listing)
    return session, rows[0]


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--bin", default=None)
    parser.add_argument("--spread", type=float, default=20.0,
                        help="seconds over which the answers arrive, each participant at a random moment (0: all at once)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database, server log)")
    args = parser.parse_args()
    n = max(2, min(args.participants, 2000))

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    binary = args.bin
    if not binary:
        for folder in (".build/release", ".build/debug"):
            candidate = os.path.join(root, folder, "cttech")
            if os.path.exists(candidate):
                binary = candidate
                break
    if not binary:
        sys.exit("no cttech binary: build one (swift build -c release --product cttech) or pass --bin")
    work = tempfile.mkdtemp(prefix="cttech-live-load-")
    env = dict(os.environ, CTTECH_DATABASE_URL=os.path.join(work, "load.sqlite"), CTTECH_LOG_LEVEL="warning", CTTECH_BCRYPT_COST="4",
               CTTECH_LIVE_JOIN_LIMIT="100000", CTTECH_LIVE_ANSWER_LIMIT="100000", CTTECH_LOGIN_LIMIT="1000")
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--port", str(PORT), "--demo"], env=env, stdout=log, stderr=subprocess.STDOUT)
    participants = []
    try:
        for _ in range(600):
            try:
                async with aiohttp.ClientSession() as probe, probe.get(f"{BASE}/healthz") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)
        print(f"server: {binary} (pid {server.pid}), {n} participants")
        facilitator, session_path = await facilitator_session()

        participants = [Participant(i) for i in range(n)]
        start = time.perf_counter()
        for batch in range(0, n, 100):
            await asyncio.gather(*(p.join() for p in participants[batch:batch + 100]))
        print(f"joined: {n} in {time.perf_counter() - start:.1f} s")

        async with facilitator.get(BASE + session_path) as response:
            page = await response.text()
        token = csrf_of(page)
        after = 0
        rss_before = rss_kb(server.pid)
        for p in participants:
            p.stream_task = asyncio.create_task(p.listen(after))
        await asyncio.wait_for(asyncio.gather(*(p.connected.wait() for p in participants)), timeout=120)
        await asyncio.sleep(1)
        rss_streams = rss_kb(server.pid)
        print(f"streams: {n} open · RSS {rss_before / 1024:.1f} MiB before, {rss_streams / 1024:.1f} MiB with them "
              f"({(rss_streams - rss_before) / n:.1f} KiB per connection)")

        async with facilitator.get(BASE + session_path) as response:
            page = await response.text()
        waiting = re.findall(r'name="(participant\.[0-9a-f-]{36})"', page)
        form = {"_csrf": token}
        form.update({name: "on" for name in waiting})
        async with facilitator.post(BASE + session_path + "/lobby", data=form) as response:
            await response.read()
        rounds = re.findall(r'action="(/states/[^"]+/activities/([0-9a-f-]{36})/round)"', page)
        # The open session's second activity is the top-3 ranking.
        round_path, activity_id = rounds[1]
        async with facilitator.post(BASE + round_path, data={"_csrf": token, "to": "open"}) as response:
            await response.read()
        async with participants[0].session.get(f"{BASE}/live") as response:
            keys = sorted(set(re.findall(r'name="rank\.([0-9a-f-]{36})"', await response.text())))
        if not keys:
            raise RuntimeError("the participant page shows no ranking form")

        start = time.perf_counter()
        rng = random.Random(2024)
        latencies = await asyncio.gather(*(p.answer(activity_id, keys, rng.uniform(0, args.spread)) for p in participants))
        took = time.perf_counter() - start
        print(f"answers: {len(latencies)} arriving over {args.spread:.0f} s, done in {took:.1f} s · latency ms p50 {percentile(latencies, .5):.1f}, "
              f"p95 {percentile(latencies, .95):.1f}, p99 {percentile(latencies, .99):.1f}, max {max(latencies):.1f} "
              f"(goal p99 < 50 ms: {'met' if percentile(latencies, .99) < 50 else 'NOT met'})")

        async with facilitator.post(BASE + round_path, data={"_csrf": token, "to": "closed"}) as response:
            await response.read()
        revealed = time.perf_counter()
        async with facilitator.post(BASE + round_path, data={"_csrf": token, "to": "revealed"}) as response:
            await response.read()
        await asyncio.wait_for(asyncio.gather(*(p.stream_task for p in participants), return_exceptions=True), timeout=30)
        delays = [(p.revealed_at - revealed) * 1000 for p in participants if p.revealed_at]
        missing = n - len(delays)
        print(f"reveal: {len(delays)}/{n} streams received it · ms after the facilitator pressed reveal: p50 {percentile(delays, .5):.1f}, "
              f"p99 {percentile(delays, .99):.1f}, max {max(delays):.1f} "
              f"(goal every participant within 1 s: {'met' if missing == 0 and max(delays) < 1000 else 'NOT met'})")
        await facilitator.close()
        return 0 if missing == 0 else 1
    finally:
        for p in participants:
            if p.stream_task and not p.stream_task.done():
                p.stream_task.cancel()
            if p.session:
                await p.session.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
