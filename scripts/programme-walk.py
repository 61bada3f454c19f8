#!/usr/bin/env python3
"""The programme (issue 13) in headless Chromium against a running demo server (cttech serve --demo), with axe-core on
every page:

  1. The programme officer opens the calendar and the Tashkent regional workshop (28 attended; pseudonyms, no names),
     saves one person's days, imports a bad participant list (every problem by line and column, nothing kept) and a
     good one (two more), moves a request for assistance on, records an action item's progress, and confirms one
     suggested duplicate.
  2. The officer with the personal-data right sees names on the same event.
  3. The programme's donor reads the dashboards (suppression marks, the women's share by year) and is refused the
     calendar.
  4. Calendar, event and dashboards at phone size.
Prints PASS/FAIL per check and one line per axe run; exits 1 on a failed check or a serious/critical axe violation.
Screenshots go to SHOTS (default /tmp/cttech-programme-shots). scripts/browser-round.sh runs it.
Usage: scripts/programme-walk.py BASE_URL"""
import os, re, sys, tempfile, time, traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from walk_common import Walk

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
w = Walk(BASE, os.environ.get("SHOTS", "/tmp/cttech-programme-shots"))
OFFICER, PRIVACY, DONOR = (f"{r}@demo.cttech.example" for r in ("officer", "privacy", "programme-donor"))
STAMP = time.strftime("%H%M%S")


def counts(text):
    m = re.search(r"(\d+) registered · (\d+) attended · (\d+) person-days", text)
    return tuple(int(x) for x in m.groups()) if m else None


def csv_file(name, text):
    path = os.path.join(tempfile.gettempdir(), f"programme-walk-{STAMP}-{name}.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


phase = "start"
try:
    d = w.browser(1280, 900)
    # 1. The programme officer.
    w.login(d, OFFICER)
    d.find_element(By.LINK_TEXT, "Programme").click()
    w.visit(d, "calendar", "calendar")
    w.check("Regional workshop" in w.main_text(d) and "Port of Spain" in w.main_text(d), "the calendar lists the programme's events")
    d.find_element(By.LINK_TEXT, "2023").click()
    w.loaded(d)
    d.find_element(By.PARTIAL_LINK_TEXT, "Central Asia and Mongolia").click()
    w.visit(d, "Tashkent workshop", "event")
    event = d.current_url
    before = counts(w.main_text(d))
    w.check(before is not None and before[1] >= 28, "the Tashkent workshop counts its participants", str(before))
    w.check("(fictional)" not in w.main_text(d) and "P-" in w.main_text(d), "the officer sees pseudonyms, not names")
    w.check("◆" in w.main_text(d), "small groups are suppressed in the event's table")
    phase = "attendance"
    box = d.find_element(By.CSS_SELECTOR, "input[name^='day.']")
    box.click()
    w.submit(d, box)
    w.check("The days attended are saved." in d.page_source, "attendance is saved")
    w.check(counts(w.main_text(d))[1] == before[1] - 1, "one fewer attended", str(counts(w.main_text(d))))
    box = d.find_element(By.CSS_SELECTOR, "input[name^='day.']")
    box.click()
    w.submit(d, box)
    phase = "import"
    bad = csv_file("bad", "name,state,sex,attended\nWalk A (fictional),UZB,F,all\nWalk B (fictional),ZZZ,male,2023-10-01\n")
    d.find_element(By.ID, "i-file").send_keys(bad)
    w.submit(d, d.find_element(By.ID, "i-file"))
    w.visit(d, "import refused", "import-refused")
    text = w.main_text(d)
    w.check("Line 2, column sex" in text and "Line 3, column state" in text and "Line 3, column attended" in text,
            "every bad line is named by line and column")
    w.check(counts(text) == before, "nothing of the bad file is kept", str(counts(text)))
    good = csv_file("good", f"name,state,sex,attended\nWalk {STAMP} A (fictional),UZB,female,all\nWalk {STAMP} B (fictional),KAZ,male,all\n")
    d.find_element(By.ID, "i-file").send_keys(good)
    w.submit(d, d.find_element(By.ID, "i-file"))
    w.check("The participant list is imported." in d.page_source, "the good list is imported")
    w.check(counts(w.main_text(d))[0] == before[0] + 2, "two more registered", str(counts(w.main_text(d))))
    phase = "requests"
    w.go(d, "/programme/requests", "requests", "requests")
    w.check("Requests by stage" in w.main_text(d), "the pipeline is shown")
    moves = d.find_elements(By.CSS_SELECTOR, "select[name='to']")
    if w.check(bool(moves), "an open request can be moved on"):
        Select(moves[0]).select_by_index(0)
        w.submit(d, moves[0])
        w.check("The request is moved on." in d.page_source, "the request moves on")
    phase = "follow-ups"
    w.go(d, "/programme/follow-ups", "follow-ups", "follow-ups")
    w.check("overdue" in w.main_text(d), "overdue action items stand out")
    status = d.find_elements(By.CSS_SELECTOR, "select[name='status']")
    if w.check(bool(status), "an action item's progress can be recorded"):
        Select(status[-1]).select_by_value("done")
        w.submit(d, status[-1])
        w.check("is required" in d.page_source or "The progress is recorded." in d.page_source, "done needs evidence, or had it")
    phase = "duplicates"
    w.go(d, "/programme/duplicates", "duplicates", "duplicates")
    merges = d.find_elements(By.XPATH, "//button[normalize-space()='Same person: merge']")
    if w.check(bool(merges), "the registry suggests duplicates to confirm"):
        w.submit(d, merges[0])
        w.check("The two records are now one person." in d.page_source, "a confirmed duplicate is merged")
    d.quit()
    phase = "privacy"

    # 2. The officer with the personal-data right.
    d = w.browser(1280, 900)
    w.login(d, PRIVACY)
    d.get(event)
    w.visit(d, "event with names", "event-names")
    w.check("(fictional)" in w.main_text(d) and "@example.org" in w.main_text(d), "names and contacts are shown with the right")
    d.quit()
    phase = "donor"

    # 3. The donor.
    d = w.browser(1280, 900)
    w.login(d, DONOR)
    d.find_element(By.LINK_TEXT, "Programme").click()
    w.visit(d, "dashboards", "dashboards")
    text = w.main_text(d)
    w.check("Share of women" in text and "2023" in text and "◆" in text, "the dashboards show the share by year and suppress small groups")
    w.check("(fictional)" not in text, "no person on the dashboards")
    d.get(w.base + "/programme")
    w.loaded(d)
    w.check("Your roles do not open this part of the programme." in d.page_source, "the donor is refused the calendar")
    d.quit()
    phase = "phone"

    # 4. Phone.
    p = w.browser(390, 844)
    w.login(p, OFFICER)
    for path, page, name in [("/programme", "calendar", "calendar"), (event[len(w.base):], "event", "event"),
                             ("/programme/dashboard", "dashboards", "dashboards")]:
        w.go(p, path, page, name, phone=True)
    p.quit()
    phase = "done"
except Exception:
    traceback.print_exc()
    print(f"the walk stopped during: {phase}", flush=True)

status = w.summary()
sys.exit(status if phase == "done" else 2)
