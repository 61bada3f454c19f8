#!/usr/bin/env python3
"""The programme (issue 13) in headless Chromium against a running demo server (cttech serve --demo), with axe-core on
every page:

  1. The programme officer opens the calendar and the Tashkent regional workshop (28 attended; pseudonyms, no names),
     saves one person's days, imports a bad participant list (every problem by line and column, nothing kept) and a
     good one (two more), moves a request for assistance on, records an action item's progress, and confirms one
     suggested duplicate.
  2. The officer adds a session to the workshop's agenda: once with an empty title (the error by the field, the ticks
     kept, nothing added), then properly (a day, a title, one knowledge product, one method step: the session is listed
     with a link to the product); opens the knowledge products (the seven, and where the ticked one was presented, the
     new session included); follows the workshop's link to Uzbekistan's timeline (latest first); downloads a figures CSV
     from the dashboards and a records CSV from the requests (a header row, no person's name).
  3. The officer with the personal-data right sees names on the same event.
  4. The programme's donor reads the dashboards (suppression marks, the women's share by year) and is refused the
     calendar.
  5. The focal point of Valdoria sees only Valdoria's events; its training shows the national work linked to it (threat
     assessment, live session, capability assessment) without the officer's forms; the state's timeline leads to the
     follow-up visit, whose baseline and follow-up open the capability comparison.
  6. Calendar, event, agenda (with its form open), knowledge products, timeline and dashboards at phone size.
Prints PASS/FAIL per check and one line per axe run; exits 1 on a failed check or a serious/critical axe violation.
Screenshots go to SHOTS (default /tmp/cttech-programme-shots). scripts/browser-round.sh runs it.
Usage: scripts/programme-walk.py BASE_URL"""
import csv, io, os, re, sys, tempfile, time, traceback, urllib.request

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from walk_common import Walk

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
w = Walk(BASE, os.environ.get("SHOTS", "/tmp/cttech-programme-shots"))
OFFICER, PRIVACY, DONOR, FOCAL = (f"{r}@demo.cttech.example" for r in ("officer", "privacy", "programme-donor", "focal"))
STAMP = time.strftime("%H%M%S")


def counts(text):
    m = re.search(r"(\d+) registered · (\d+) attended · (\d+) person-days", text)
    return tuple(int(x) for x in m.groups()) if m else None


def csv_file(name, text):
    path = os.path.join(tempfile.gettempdir(), f"programme-walk-{STAMP}-{name}.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def download(d, href):
    """A CSV link fetched with the browser's session (Chromium would save it as a file): status, type, text."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in d.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookie}), timeout=30) as r:
        return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")


def check_csv(text, what):
    rows = list(csv.reader(io.StringIO(text)))
    w.check(len(rows) > 1 and all(re.fullmatch(r"[a-z_]+", c) for c in rows[0]), f"the {what} CSV starts with a header row",
            str(rows[:1]))
    named = [c for r in rows for c in r if c.strip().endswith("(fictional)") or "@example.org" in c]
    w.check(not named, f"the {what} CSV names no person", str(named[:3]))


def shown(d, css, page, name, phone=False):
    """Like w.visit, with the element `css` scrolled to the top: the part the walk is about, not the page's header."""
    w.loaded(d)
    d.execute_script("arguments[0].scrollIntoView()", d.find_element(By.CSS_SELECTOR, css))
    w.visit(d, page, name, phone)


def agenda_items(d):
    return d.find_elements(By.CSS_SELECTOR, "ul.agenda > li")


def section_links(d, heading):
    """The links of the list that follows the h2 `heading`."""
    return d.find_elements(By.XPATH, f"//h2[normalize-space()='{heading}']/following-sibling::ul[1]//a")


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
    phase = "agenda"

    # 2. Agenda, knowledge products, a timeline, CSV downloads.
    d.get(event + "#agenda")
    w.visit(d, "event agenda", "agenda")
    sessions = len(agenda_items(d))
    w.check(sessions >= 2, "the workshop's agenda lists its sessions", str(sessions))
    d.find_element(By.XPATH, "//summary[normalize-space()='Add a session to the agenda']").click()
    day = Select(d.find_element(By.ID, "a-day"))
    day.select_by_index(len(day.options) - 1)
    product = d.find_element(By.CSS_SELECTOR, "#a-products input[type='checkbox']")
    product_id = product.get_attribute("name").split(".", 1)[1]
    product_title = product.find_element(By.XPATH, "./ancestor::label").text.strip()
    product.click()
    d.find_element(By.ID, "a-step-2").click()
    d.find_element(By.ID, "a-title").send_keys("   ")  # only spaces: the browser's `required` lets it through
    w.submit(d, d.find_element(By.ID, "a-title"))
    w.visit(d, "agenda refused", "agenda-refused")
    title = d.find_element(By.ID, "a-title")
    error = d.find_elements(By.ID, "a-title-error")
    w.check(error and error[0].is_displayed() and "required" in error[0].text and title.get_attribute("aria-invalid") == "true",
            "the empty title is named by its field", error[0].text if error else "no error by the field")
    w.check(len(agenda_items(d)) == sessions, "nothing is added to the agenda", str(len(agenda_items(d))))
    w.check(d.find_element(By.ID, f"a-product-{product_id}").is_selected() and d.find_element(By.ID, "a-step-2").is_selected(),
            "the ticked product and step are kept")
    session = f"Walk {STAMP}: tracing crypto-asset financing"
    title.clear()
    title.send_keys(session)
    d.find_element(By.ID, "a-presenter").send_keys("Walk facilitator")
    w.submit(d, title)
    shown(d, "#agenda", "agenda with the new session", "agenda-added")
    w.check("The session is on the agenda." in d.page_source, "the session is added")
    w.check(len(agenda_items(d)) == sessions + 1, "the agenda has one more session", str(len(agenda_items(d))))
    added = [li for li in agenda_items(d) if session in li.text]
    w.check(added and "Step 2" in added[0].text
            and any(a.get_attribute("href").endswith(f"/programme/products/{product_id}") for a in added[0].find_elements(By.TAG_NAME, "a")),
            "the new session shows its step and links to its product", added[0].text if added else "not listed")
    phase = "products"
    d.get(w.base + "/programme")
    w.loaded(d)
    d.find_element(By.LINK_TEXT, "Knowledge products").click()
    w.visit(d, "knowledge products", "products")
    rows = d.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    w.check(len(rows) == 7, "the registry lists the seven knowledge products", str(len(rows)))
    w.check("Checkbox(" not in w.main_text(d), "a product without topics lists none (not the form's checkboxes)")
    d.find_element(By.LINK_TEXT, product_title).click()
    w.visit(d, "knowledge product", "product")
    places = section_links(d, "Where it was presented")
    w.check(len({a.get_attribute("href") for a in places}) >= 3 and all("/programme/events/" in a.get_attribute("href") for a in places),
            "the product lists the events where it was presented", str(len(places)))
    w.check(session in w.main_text(d), "the new session is among where it was presented")
    phase = "timeline"
    d.get(event)
    w.loaded(d)
    d.find_element(By.XPATH, "//dt[normalize-space()='Timelines']/following-sibling::dd[1]//a[normalize-space()='Uzbekistan']").click()
    w.visit(d, "timeline", "timeline")
    timeline = d.current_url
    w.check("Programme timeline: Uzbekistan" in w.main_text(d), "the workshop links to Uzbekistan's timeline")
    dates = [re.search(r"\d{4}-\d{2}-\d{2}", li.text).group(0) for li in d.find_elements(By.CSS_SELECTOR, "ol.timeline > li")]
    events_on = [li for li in d.find_elements(By.CSS_SELECTOR, "ol.timeline > li") if li.find_elements(By.CSS_SELECTOR, "a[href*='/programme/events/']")]
    w.check(len(events_on) >= 2 and any("Central Asia and Mongolia" in li.text for li in events_on), "the timeline shows the state's events",
            str(len(events_on)))
    w.check(dates == sorted(dates, reverse=True), "the timeline runs latest first", " ".join(dates))
    phase = "csv"
    d.get(w.base + "/programme/dashboard")
    w.loaded(d)
    figures = [a.get_attribute("href") for a in d.find_elements(By.LINK_TEXT, "Download as CSV") if "participants-by-state" in a.get_attribute("href")]
    if w.check(figures, "the dashboards offer their figures as CSV"):
        code, kind, text = download(d, figures[0])
        w.check(code == 200 and kind.startswith("text/csv"), "the figures CSV downloads", f"{code} {kind}")
        check_csv(text, "figures")
        w.check("suppressed" in text, "the figures CSV keeps small groups suppressed")
    d.get(w.base + "/programme/requests")
    w.loaded(d)
    records = [a.get_attribute("href") for a in d.find_elements(By.LINK_TEXT, "Download as CSV") if "records.csv" in a.get_attribute("href")]
    if w.check(records, "the requests offer their records as CSV"):
        code, kind, text = download(d, records[0])
        w.check(code == 200 and kind.startswith("text/csv"), "the records CSV downloads", f"{code} {kind}")
        check_csv(text, "records")
    d.quit()
    phase = "privacy"

    # 3. The officer with the personal-data right.
    d = w.browser(1280, 900)
    w.login(d, PRIVACY)
    d.get(event)
    w.visit(d, "event with names", "event-names")
    w.check("(fictional)" in w.main_text(d) and "@example.org" in w.main_text(d), "names and contacts are shown with the right")
    d.quit()
    phase = "donor"

    # 4. The donor.
    d = w.browser(1280, 900)
    w.login(d, DONOR)
    d.find_element(By.LINK_TEXT, "Programme").click()
    w.visit(d, "dashboards", "dashboards")
    text = w.main_text(d)
    w.check("Share of women" in text and "2023" in text and "◆" in text, "the dashboards show the share by year and suppress small groups")
    # event titles may say "(fictional)"; a person's name or contact may not appear
    w.check(not re.search(r"Participant [A-Z]{3}-\d+", text) and "@example.org" not in text, "no person on the dashboards")
    d.get(w.base + "/programme")
    w.loaded(d)
    w.check("Your roles do not open this part of the programme." in d.page_source, "the donor is refused the calendar")
    d.quit()
    phase = "focal point"

    # 5. The focal point of Valdoria.
    d = w.browser(1280, 900)
    w.login(d, FOCAL)
    d.find_element(By.LINK_TEXT, "Programme").click()
    w.visit(d, "calendar (focal point)", "calendar-focal")
    w.check("Valdoria" in w.main_text(d) and "Tashkent" not in w.main_text(d), "the focal point's calendar has only Valdoria's events")
    d.find_element(By.PARTIAL_LINK_TEXT, "Training on the national method").click()
    shown(d, "#work", "Valdoria training", "training")
    work = [a.text for a in section_links(d, "National work at this event")]
    w.check(all(any(kind in t for t in work) for kind in ("Threat assessment", "Live session", "Capability assessment")),
            "the training shows the assessment, live session and capability assessment run there", "; ".join(work))
    w.check("Add a session to the agenda" not in d.page_source, "the focal point gets no agenda form")
    [a for a in section_links(d, "National work at this event") if "Threat assessment" in a.text][0].click()
    w.loaded(d)
    w.check("/assessments/" in d.current_url and "Your roles do not open" not in d.page_source, "the focal point opens the linked assessment")
    d.back()
    w.loaded(d)
    d.find_element(By.XPATH, "//dt[normalize-space()='Timelines']/following-sibling::dd[1]//a").click()
    w.visit(d, "Valdoria timeline", "timeline-focal")
    d.find_element(By.PARTIAL_LINK_TEXT, "Follow-up visit").click()
    shown(d, "#work", "Valdoria follow-up visit", "follow-up-visit")
    badges = " ".join(b.text for b in d.find_elements(By.CSS_SELECTOR, "main .badge"))
    w.check("Baseline" in badges and "Follow-up" in badges, "the follow-up visit names a baseline and a follow-up", badges)
    compare = d.find_elements(By.CSS_SELECTOR, "a[href*='/compare/']")
    if w.check(compare, "the follow-up visit links the capability comparison"):
        compare[0].click()
        w.visit(d, "capability comparison", "comparison")
        text = w.main_text(d)
        w.check("Comparison" in text and "Before" in text and "After" in text and "cells compared" in text,
                "the focal point opens the comparison")
    d.quit()
    phase = "phone"

    # 6. Phone.
    p = w.browser(390, 844)
    w.login(p, OFFICER)
    for path, page, name in [("/programme", "calendar", "calendar"), (event[len(w.base):], "event", "event"),
                             ("/programme/dashboard", "dashboards", "dashboards")]:
        w.go(p, path, page, name, phone=True)
    for path, css, page, name in [(event, "#agenda", "event agenda", "agenda"), (w.base + "/programme/products", "main h1", "knowledge products", "products"),
                                  (timeline, "main h1", "timeline", "timeline")]:
        p.get(path)
        shown(p, css, page, name, phone=True)
        if name == "agenda":
            p.find_element(By.XPATH, "//summary[normalize-space()='Add a session to the agenda']").click()
            shown(p, "details[open] > summary", "agenda form", "agenda-form", phone=True)
    p.quit()
    phase = "done"
except Exception:
    traceback.print_exc()
    print(f"the walk stopped during: {phase}", flush=True)

status = w.summary()
sys.exit(status if phase == "done" else 2)
