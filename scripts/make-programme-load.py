#!/usr/bin/env python3
"""Fills a cttech database with a large synthetic programme for the dashboards' benchmark (issue 13).

Usage: make-programme-load.py sqlite FILE | postgres URL  [--people 100000] [--events 2000] [--seed 7]

The database must be migrated and hold the partner states (start the server once with --demo). Every person is
fictional ("Load person 000123 (fictional)", example.org); events spread over 2020-2026 across the states; each person
attends 1-9 events of their state (mean about 5), most days of each: about 1,000,000 attendance rows for 100,000 people.
Rows go in with executemany (SQLite) or COPY through psql (PostgreSQL). Prints the row counts.
"""
import argparse, csv, datetime, io, os, random, sqlite3, subprocess, sys, tempfile, uuid

p = argparse.ArgumentParser()
p.add_argument("kind", choices=["sqlite", "postgres"])
p.add_argument("target")
p.add_argument("--people", type=int, default=100_000)
p.add_argument("--events", type=int, default=2_000)
p.add_argument("--seed", type=int, default=7)
a = p.parse_args()
rng = random.Random(a.seed)


def states_of_database():
    if a.kind == "sqlite":
        with sqlite3.connect(a.target) as db:
            return [r[0] for r in db.execute("SELECT id FROM partner_states ORDER BY code")]
    out = subprocess.run(["psql", a.target, "-At", "-c", "SELECT id FROM partner_states ORDER BY code"], check=True, capture_output=True, text=True)
    return [line for line in out.stdout.split() if line]


states = states_of_database()
if len(states) < 2:
    sys.exit("no partner states: start the server once with --demo first")
kinds = ["regional-workshop", "national-workshop", "bilateral-meeting", "follow-up-visit", "training"]
now = 1_767_225_600_000
events, event_states, by_state = [], [], {s: [] for s in states}
for n in range(a.events):
    start = datetime.date(2020, 1, 1) + datetime.timedelta(days=rng.randrange(7 * 365))
    length = rng.choice([1, 2, 2, 3, 3, 4])
    end = start + datetime.timedelta(days=length - 1)
    kind = kinds[n % len(kinds)]
    chosen = rng.sample(states, rng.randint(3, 6)) if kind == "regional-workshop" else [rng.choice(states)]
    eid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    events.append((eid, kind, f"Load event {n:05d} (fictional)", start.isoformat(), end.isoformat(), start.year, "", "City", "[]", "[]", "bench", now, 1))
    for s in chosen:
        event_states.append((eid, s))
        by_state[s].append((eid, start, length))
people, personal, registrations, attendance = [], [], [], []
sexes = ["female", "male", "male", None, "female", "male", "other"]
for n in range(a.people):
    pid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    state = rng.choice(states)
    people.append((pid, state, sexes[n % len(sexes)], None, "Agency", None, "Analyst", "Programme records", "2020-01-01", "Signed form", "2030-01-01", None, now, 0))
    personal.append((pid, state, f"Load person {n:06d} (fictional)", f"p{n:06d}@example.org", f"load person {n:06d} fictional|p{n:06d} example org|{state}"))
    offered = by_state[state]
    if not offered:
        continue
    for position, (eid, start, length) in enumerate(rng.sample(offered, min(len(offered), rng.randint(1, 9)))):
        registrations.append((eid, pid, state, position + 1, now))
        for d in range(length):
            if rng.random() < 0.95:
                attendance.append((eid, pid, state, (start + datetime.timedelta(days=d)).isoformat()))

tables = [
    ("programme_events", "id, kind, title, start_day, end_day, year, venue, city, organisers, facilitators, created_by, created_at, version", events),
    ("programme_event_states", "event_id, state_id", event_states),
    ("programme_people", "id, state_id, sex, age_band, agency, agency_type, role, consent_purpose, consent_on, consent_method, retain_until, purged_at, created_at, present", people),
    ("programme_personal_data", "person_id, state_id, name, contact, match_key", personal),
    ("programme_registrations", "event_id, person_id, state_id, position, registered_at", registrations),
    ("programme_attendance", "event_id, person_id, state_id, day", attendance),
]
# The dashboards' aggregates, as ProgrammeStore.refresh keeps them, rebuilt for every event and person at once.
REFRESH = [
    "DELETE FROM programme_event_tallies",
    """INSERT INTO programme_event_tallies (event_id, state_id, sex, registered, present, days)
    SELECT r.event_id, r.state_id, COALESCE(p.sex, ''), COUNT(*),
      SUM(CASE WHEN EXISTS (SELECT 1 FROM programme_attendance a WHERE a.event_id = r.event_id AND a.person_id = r.person_id) THEN 1 ELSE 0 END),
      SUM((SELECT COUNT(*) FROM programme_attendance a WHERE a.event_id = r.event_id AND a.person_id = r.person_id))
    FROM programme_registrations r JOIN programme_people p ON p.id = r.person_id GROUP BY r.event_id, r.state_id, COALESCE(p.sex, '')""",
    "UPDATE programme_people SET present = CASE WHEN EXISTS (SELECT 1 FROM programme_attendance a WHERE a.person_id = programme_people.id) THEN 1 ELSE 0 END",
    "DELETE FROM programme_person_years",
    """INSERT INTO programme_person_years (person_id, year, state_id, sex)
    SELECT DISTINCT a.person_id, e.year, p.state_id, COALESCE(p.sex, '') FROM programme_attendance a
    JOIN programme_events e ON e.id = a.event_id JOIN programme_people p ON p.id = a.person_id""",
    "DELETE FROM programme_year_tallies",
    "INSERT INTO programme_year_tallies (year, state_id, sex, persons) SELECT year, state_id, sex, COUNT(*) FROM programme_person_years GROUP BY year, state_id, sex",
    "ANALYZE",
]
if a.kind == "sqlite":
    with sqlite3.connect(a.target) as db:
        for name, columns, rows in tables:
            marks = ", ".join("?" for _ in columns.split(","))
            db.executemany(f"INSERT INTO {name} ({columns}) VALUES ({marks})", rows)
        for statement in REFRESH:
            db.execute(statement)
else:
    with tempfile.TemporaryDirectory() as work:
        for name, columns, rows in tables:
            path = os.path.join(work, name + ".csv")
            with open(path, "w", newline="") as f:
                w = csv.writer(f)
                for r in rows:
                    w.writerow(["\\N" if v is None else v for v in r])
            subprocess.run(["psql", a.target, "-q", "-c", f"\\copy {name} ({columns}) FROM '{path}' WITH (FORMAT csv, NULL '\\N')"], check=True)
        for statement in REFRESH:
            # ANALYZE of the whole database warns about catalogs a non-superuser may not analyze: the programme's tables only.
            for one in ([f"ANALYZE {name}" for name, _, _ in tables] if statement == "ANALYZE" else [statement]):
                subprocess.run(["psql", a.target, "-q", "-c", one], check=True)
print(f"events {len(events)}, event states {len(event_states)}, people {len(people)}, registrations {len(registrations)}, attendance {len(attendance)}")
