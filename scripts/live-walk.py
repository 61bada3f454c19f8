#!/usr/bin/env python3
"""Issue 12, a live workshop session end to end in headless Chromium against a running demo server (cttech serve
--demo), a facilitator at a desktop and three participants on phones, with axe-core on every distinct page:

  1. The facilitator opens Valdoria's live sessions from the state's navigation, creates a pseudonymous session on
     the demo assessment (asking sex and agency type, smallest group 2), adds a ranking of all scenarios, an idea
     board, a survey and a quiz (typed in the form's text area), and starts it.
  2. Three phones open /join, type the code in lower case and join (one declares female and law enforcement, one
     male, one nothing); each waits in the lobby with a screen code. Phone 2 runs without JavaScript throughout. A
     fourth device joins from a laptop with the code seen on the projector.
  3. The facilitator admits the three whose screen codes match and turns the fourth away (told so on its screen); the
     lobby page of a phone left alone updates by itself (live.js and Server-Sent Events).
  4. Ranking, round 1: three rankings (one with a tie); opening another activity's round meanwhile is refused; the
     facilitator sees "3 of 3 answered" and no results, the phones and the projector see none either; close, reveal
     behind its confirmation; the results page and the presenter view show Kendall's W with a chart (labels inside it)
     and a table. Round 2 (a waiting phone shows the question by itself; the projector, left alone, shows the reveal
     by itself): W rises and the convergence since round 1 is shown.
  5. Idea board: ideas in round 1 (a duplicate, one to hide), counted; the facilitator hides one and merges the
     duplicate; votes in round 2, where neither is offered; reveal; the tallies. The event streams carry kinds only,
     a phone's nothing of the others' answers, and Last-Event-ID resumes them.
  6. Quiz: a phone reloads after the round opened (the same participant, who can answer); the facilitator's count goes
     up by itself; an answer sent after the round closed is refused and the phone says so. A phone switches to French.
     Survey: a phone goes offline, its answer is kept and sent when it is back online; breakdowns by attribute.
  7. The participant's question page weighs under 30 KB; the CSV and JSON exports answer (not without signing in); a
     browser not signed in is sent to log in from the facilitator's page; the donor cannot open the session list or
     the session; the session ends and the phones say so.
  8. The facilitator's pages at phone size (charts inside the screen; tables that scroll sideways are reported), a
     participant's pages at desktop size (the same device pass), and no page showing a raw message key.
Prints PASS/FAIL per check and one line per axe run; exits 1 on a failed check or a serious/critical axe violation,
2 when the walk could not finish. Screenshots go to the folder given as second argument, else SHOTS (default
/tmp/cttech-live-shots). scripts/browser-round.sh installs what it needs and runs it.
Usage: scripts/live-walk.py BASE_URL [SHOT_DIR]"""
import base64, json, os, re, sys, time, traceback, urllib.error, urllib.request

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from walk_common import Walk

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
w = Walk(BASE, sys.argv[2] if len(sys.argv) > 2 else os.environ.get("SHOTS", "/tmp/cttech-live-shots"))
FACILITATOR, DONOR = "facilitator@demo.cttech.example", "donor@demo.cttech.example"
STAMP = time.strftime("%H%M%S")
TITLE = f"Valdoria regional workshop {STAMP}"
RANKING, IDEAS, SURVEY, QUIZ = "Which scenarios matter most?", "What should the national plan add?", "How was the workshop?", "Tools quiz"
SURVEY_LINES = ["The workshop was useful for my work", "The exercises were easy to follow on a phone"]
QUIZ_LINES = ["Which Debian package gives zbarimg? | zbar | *zbar-tools | imagemagick",
              "What does IQR stand for? | *Interquartile range | Internal quality rating | Index of quick response"]
DEMO_ASSESSMENT = "National assessment of terrorist use of new technologies"
RESULT_WORDS = ("Kendall", "Mean rank", "Median", "Votes", "First places")  # what only a revealed round's results say


def shot(d, name, phone=False):
    """A screenshot of the whole page, not only the window (a page already checked, seen again in another state)."""
    w.loaded(d)
    w.count += 1
    path = os.path.join(w.shots, f"{w.count:02d}-{name}-{'phone' if phone else 'desktop'}.png")
    try:
        size = d.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 8000), "scale": 1}
        data = d.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})["data"]
        with open(path, "wb") as out:
            out.write(base64.b64decode(data))
    except Exception:
        d.save_screenshot(path)


RAW_KEYS = []  # pages showing a message key instead of its words


def visit(d, page, name, phone=False):
    """As Walk.visit (a screenshot, then axe-core), with the whole page in the screenshot; notes any message key shown
    raw (live.xyz, notice.xyz…)."""
    shot(d, name, phone)
    w.axe(d, page + (" (phone)" if phone else ""))
    keys = sorted(set(re.findall(r"\b(?:live|notice|errors|validation|audit|nav|scale|scoring)\.[a-z][a-z0-9.-]*[a-z0-9]", text_of(d))))
    if keys:
        RAW_KEYS.append(f"{page}: {', '.join(keys[:5])}")
        print(f"info  {page}: raw message keys {keys[:5]}", flush=True)


def chart_text_fits(d):
    """Every text of every chart on the page inside its SVG's view box, and every SVG inside its figure: [problems]."""
    return d.execute_script("""
        var out = [];
        document.querySelectorAll('figure.chart svg').forEach(function (svg, i) {
          var box = svg.viewBox.baseVal, fig = svg.closest('figure').getBoundingClientRect(), r = svg.getBoundingClientRect();
          if (r.right > fig.right + 1 || r.right > document.documentElement.clientWidth + 1) out.push('chart ' + (i + 1) + ' wider than its place');
          svg.querySelectorAll('text').forEach(function (t) {
            var b = t.getBBox();
            if (b.width && (b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1))
              out.push('chart ' + (i + 1) + ': "' + t.textContent.replace(/[\u2066-\u2069]/g, '') + '" at x ' + Math.round(b.x) + '..' + Math.round(b.x + b.width) + ' of 0..' + box.width);
          });
        });
        return out;""")


NO_SCRIPT = []  # browsers with the page's JavaScript turned off


def tap(d, element):
    """A click. With the page's JavaScript off, chromedriver's own click hangs: a mouse press and release at the
    element's middle instead, as a finger would."""
    if d not in NO_SCRIPT:
        element.click()
        return
    x, y = d.execute_script("arguments[0].scrollIntoView({block: 'center'}); var r = arguments[0].getBoundingClientRect();"
                            "return [r.left + r.width / 2, r.top + r.height / 2];", element)
    for kind in ("mousePressed", "mouseReleased"):
        d.execute_cdp_cmd("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})


def choose(d, select, value):
    """Picks an option of a <select> (without clicking through the list when the page's JavaScript is off)."""
    if d in NO_SCRIPT:
        d.execute_script("arguments[0].value = arguments[1]", select, value)
    else:
        Select(select).select_by_value(value)


def press(d, element):
    """Clicks a submit button (its name and value go with the form) and waits for the next page."""
    old = d.find_element(By.TAG_NAME, "html")
    tap(d, element)
    WebDriverWait(d, 30).until(lambda x: old.id != x.find_element(By.TAG_NAME, "html").id)
    w.loaded(d)


def button(d, text, within=None):
    return (within or d).find_element(By.XPATH, f".//button[normalize-space()='{text}']")


def row(d, title):
    """The activity's row in the control room's table."""
    return d.find_element(By.XPATH, f"//tr[td[normalize-space()='{title}']]")


def text_of(d):
    # A page that reloads by itself (live.js) can replace the body between finding it and reading it: read again.
    for _ in range(5):
        try:
            return re.sub(r"\s+", " ", d.find_element(By.TAG_NAME, "body").text)
        except StaleElementReferenceException:
            time.sleep(0.2)
    return re.sub(r"\s+", " ", d.find_element(By.TAG_NAME, "body").text)


def report_width(p, page):
    """How a page fits a 390 px phone: the page's own width, and tables or charts that need a sideways scroll."""
    seen = p.execute_script("""
        var w = screen.width, out = [], doc = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
        if (doc > w + 1) out.push('the page is ' + doc + ' px wide');
        document.querySelectorAll('main table').forEach(function (t) {
          if (t.scrollWidth > t.clientWidth + 1) out.push('a table (' + (t.caption ? t.caption.textContent.trim() : 'no caption') + ') scrolls sideways, ' + t.scrollWidth + ' in ' + t.clientWidth + ' px');
        });
        return out;""")
    print(f"info  {page} (phone): " + ("; ".join(seen) if seen else "fits the width"), flush=True)


def control(d):
    d.get(SESSION)
    w.loaded(d)


def move_round(d, title, label):
    """Presses the round button of an activity in the control room (Open round n, Close round n)."""
    control(d)
    press(d, button(d, label, row(d, title)))
    verb, number = label.split(" ")[0], label.split(" ")[-1]
    expected = f"Round {number}: {'open' if verb == 'Open' else 'closed'}"
    w.check(expected in row(d, title).text, f"{title}: {label}", row(d, title).text)


def reveal(d, title, number, name=None):
    """Opens the confirmation disclosure and confirms: revealing cannot be undone."""
    control(d)
    summary = row(d, title).find_element(By.CSS_SELECTOR, "details.confirm > summary")
    w.check(summary.text.startswith(f"Reveal round {number}"), f"{title}: the reveal sits behind a disclosure", summary.text)
    summary.click()
    confirm = button(d, "Yes, reveal the results to the room", row(d, title))
    w.check(confirm.is_displayed(), f"{title}: the confirmation shows once the disclosure is open")
    if name:
        visit(d, "control room, reveal confirmation open", name)
    press(d, confirm)
    w.check(f"Round {number}: revealed" in text_of(d), f"{title}: round {number} revealed")


def results_href(d, title):
    control(d)
    links = row(d, title).find_elements(By.LINK_TEXT, "Results")
    return links[0].get_attribute("href") if links else None


def live(p):
    p.get(w.base + "/live")
    w.loaded(p)


def shows_no_results(p):
    body = text_of(p)
    return not any(word in body for word in RESULT_WORDS) and not p.find_elements(By.CSS_SELECTOR, "figure.chart, section.live-round")


def send(p):
    press(p, button(p, "Send", p.find_element(By.CSS_SELECTOR, "form.live-answer")))


def who(p):
    """'Participant n' as the phone shows it at the top."""
    return p.find_element(By.CSS_SELECTOR, ".live.participant > p.muted.small").text.split(" · ")[-1]


def updates_by_itself(p, condition, start, seconds=5.0):
    """Leaves the page alone and waits for live.js to reload it (Server-Sent Events); the seconds since `start` (the
    facilitator's click)."""
    try:
        def settled(x):
            try:
                return x.execute_script("return document.readyState") == "complete" and condition(x)
            except WebDriverException:  # the page went away under the check: it is reloading
                return False
        WebDriverWait(p, max(0.5, seconds - (time.monotonic() - start)), poll_frequency=0.1).until(settled)
        return True, time.monotonic() - start
    except TimeoutException:
        return False, time.monotonic() - start


def fetch(path, cookies=(), method="GET", headers=None):
    """An HTTP request with the cookies of a browser, without following redirects: (status, headers, body)."""
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    request = urllib.request.Request(w.base + path, method=method)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{c['name']}={c['value']}" for c in cookies))
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


phase = "start"
drivers = []
try:
    # 1. The facilitator sets up the session.
    phase = "set-up"
    f = w.browser(1366, 900)
    drivers.append(f)
    w.login(f, FACILITATOR)
    f.get(w.base + "/home")
    w.loaded(f)
    f.find_element(By.PARTIAL_LINK_TEXT, "Republic of Valdoria").click()
    w.loaded(f)
    state = re.search(r"/states/[0-9a-f-]{36}", f.current_url).group(0)
    nav = f.find_elements(By.LINK_TEXT, "Live sessions")
    if not w.check(nav, "the state's navigation links to Live sessions"):
        f.get(w.base + state + "/live")
    else:
        nav[0].click()
    visit(f, "live sessions", "sessions")
    w.check(f.current_url.endswith(state + "/live"), "the link opens /states/{id}/live", f.current_url)
    # The demo's national assessment by name: walks run before this one (scripts/browser-round.py) add newer ones.
    assessments = Select(f.find_element(By.ID, "l-assessment"))
    demo = [o.text for o in assessments.options if o.text.startswith(DEMO_ASSESSMENT)]
    proposed = assessments.first_selected_option.text
    print(f"info  assessment proposed first: {proposed}", flush=True)
    if w.check(demo, "the demo assessment is offered", str([o.text for o in assessments.options])):
        assessments.select_by_visible_text(demo[0])
    f.find_element(By.ID, "l-title").send_keys(TITLE)
    f.find_element(By.ID, "l-anonymity-pseudonymous").click()
    for attribute in ("sex", "agency-type"):
        box = f.find_element(By.ID, "l-attribute-" + attribute)
        if not box.is_selected():
            box.click()
    f.find_element(By.ID, "l-minimum").clear()
    f.find_element(By.ID, "l-minimum").send_keys("2")
    press(f, button(f, "Create the session"))
    SESSION = f.current_url.split("#")[0]
    w.check(re.search(r"/live/[0-9a-f-]{36}$", SESSION), "the session is created", SESSION)
    visit(f, "control room (set-up)", "session-setup")
    w.check("Sex, Type of agency" in text_of(f), "the attributes asked are listed")

    def add_activity(kind, title, items=None, limit=None):
        Select(f.find_element(By.ID, "a-kind")).select_by_value(kind)
        f.find_element(By.ID, "a-title").send_keys(title)
        if items:
            f.find_element(By.ID, "a-items").send_keys("\n".join(items))
        if limit is not None:
            f.find_element(By.ID, "a-limit").send_keys(str(limit))
        press(f, button(f, "Add the activity"))
        errors = " ".join(e.text for e in f.find_elements(By.CSS_SELECTOR, ".field-error"))
        if w.check(f.find_elements(By.XPATH, f"//tr[td[normalize-space()='{title}']]"), f"the {kind} activity is added from the form",
                   errors or text_of(f)[:300]) or not items:
            return
        # Browsers send a textarea's line ends as CR LF; send the same fields with LF line ends so the walk can go on.
        f.execute_script(
            "var f = arguments[0], body = new URLSearchParams();"
            "['_csrf', 'kind', 'title', 'limit'].forEach(function (n) { body.append(n, f.elements[n].value); });"
            "body.append('items', arguments[1]);"
            "return fetch(f.action.split('#')[0], {method: 'POST', body: body, credentials: 'same-origin'});",
            f.find_element(By.ID, "a-items").find_element(By.XPATH, "./ancestor::form"), "\n".join(items))
        time.sleep(0.5)
        control(f)
        listed = bool(f.find_elements(By.XPATH, f"//tr[td[normalize-space()='{title}']]"))
        print(f"info  the {kind} activity sent again with LF line ends: {'listed' if listed else 'still missing'}", flush=True)

    scenarios = [b.find_element(By.XPATH, "..").text for b in f.find_elements(By.CSS_SELECTOR, "input[id^='a-scenario-']")]
    w.check(len(scenarios) >= 3, "the assessment's scenarios are offered", str(len(scenarios)))
    add_activity("ranking", RANKING)
    add_activity("ideas", IDEAS)
    add_activity("survey", SURVEY, SURVEY_LINES)
    add_activity("quiz", QUIZ, QUIZ_LINES)
    visit(f, "control room with activities", "session-activities")
    w.check(f"{len(scenarios)} items" in row(f, RANKING).text, "the ranking takes all scenarios", row(f, RANKING).text)
    press(f, button(f, "Start the session"))
    CODE = f.find_element(By.CSS_SELECTOR, ".join-code strong").text.strip()
    w.check(re.fullmatch(r"[A-Z0-9]{6}", CODE), "the session starts with a 6-character join code", CODE)
    w.check(f.find_elements(By.CSS_SELECTOR, "figure.qr svg"), "the QR code is drawn")
    PRESENTER = f.find_element(By.LINK_TEXT, "Presenter view (projector)").get_attribute("href")
    STATE_ID = state.split("/")[-1]
    visit(f, "control room (running, nobody yet)", "session-running")
    f.get(PRESENTER)
    visit(f, "presenter view (waiting)", "presenter-waiting")
    w.check(CODE in text_of(f) and "Waiting for the first activity" in text_of(f), "the presenter view shows the code and waits")

    # 2. Three phones join.
    phase = "join"
    phones, codes = [], []
    declared = [{"sex": "female", "agency-type": "law-enforcement"}, {"sex": "male"}, {}]
    for n, attributes in enumerate(declared, 1):
        p = w.browser(390, 844)
        drivers.append(p)
        phones.append(p)
        if n == 2:  # phone 2 runs without JavaScript: every page must work with links and forms alone
            p.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
            NO_SCRIPT.append(p)
        p.get(w.base + "/join")
        if n == 1:
            visit(p, "join: the code", "join", phone=True)
            p.find_element(By.ID, "j-code").send_keys("zzzzzz")
            press(p, button(p, "Continue"))
            w.check("No running session has this code" in text_of(p), "a wrong code is refused plainly")
            shot(p, "join-unknown", phone=True)
            p.find_element(By.ID, "j-code").clear()
        else:
            w.loaded(p)
        p.find_element(By.ID, "j-code").send_keys(CODE.lower())
        press(p, button(p, "Continue"))
        w.check(p.current_url.endswith("/join/" + CODE), f"phone {n}: the lower-case code opens the session", p.current_url)
        if n == 1:
            visit(p, "join: the form", "join-form", phone=True)
            w.check("numbered participant" in text_of(p), "the join form says how answers will be shown")
            w.check(p.find_elements(By.ID, "j-sex") and p.find_elements(By.ID, "j-agency-type"), "sex and agency type are asked")
        for name, value in attributes.items():
            choose(p, p.find_element(By.ID, "j-" + name), value)
        press(p, button(p, "Join"))
        w.check(p.current_url.split("#")[0].endswith("/live"), f"phone {n} joins", p.current_url)
        code = p.find_element(By.CSS_SELECTOR, ".join-code strong").text.strip()
        codes.append(code)
        w.check("You are in the lobby" in text_of(p) and code, f"phone {n} waits in the lobby with a screen code", code)
        if n == 1:
            visit(p, "lobby", "lobby", phone=True)
    p1, p2, p3 = phones
    status, _, _ = fetch("/join/" + CODE)
    w.check(status == 200, "the QR code's link /join/CODE opens the join form", str(status))
    # Someone who saw the code on the projector joins from a laptop (the "intruder"); later the same browser carries
    # phone 1's device pass to show the participant's pages at desktop size (it only reads).
    mirror = w.browser(1366, 900)
    drivers.append(mirror)
    mirror.get(w.base + "/join/" + CODE)
    w.loaded(mirror)
    press(mirror, button(mirror, "Join"))
    intruder = mirror.find_element(By.CSS_SELECTOR, ".join-code strong").text.strip()
    w.check(intruder and intruder not in codes, "a fourth device waits in the lobby with its own screen code", intruder)

    # 3. The facilitator admits the three whose screen codes match, turns the fourth away; phone 1 is left alone and
    # should leave the lobby by itself.
    phase = "lobby"
    control(f)
    visit(f, "control room, lobby with people waiting", "session-lobby")
    boxes = {b.find_element(By.XPATH, "..").find_element(By.TAG_NAME, "strong").text.strip(): b
             for b in f.find_elements(By.CSS_SELECTOR, "#lobby ~ form input[name^='participant.']")}
    w.check(sorted(boxes) == sorted(codes + [intruder]), "the lobby lists every waiting device's screen code", f"{sorted(boxes)} vs {codes} + {intruder}")
    ticked = [code for code, box in boxes.items() if box.is_selected()]
    print(f"info  lobby: {len(ticked)} of {len(boxes)} waiting people are ticked before the facilitator checks anything", flush=True)
    for code, box in boxes.items():
        if box.is_selected() != (code in codes):
            box.click()
    start = time.monotonic()
    press(f, button(f, "Admit the ticked"))
    ok, took = updates_by_itself(p1, lambda x: "Waiting for the facilitator" in text_of(x), start)
    w.check("3 participants admitted" in text_of(f), "three admitted", text_of(f)[:200])
    w.check(ok, f"live.js: the lobby page updates by itself after admission ({took:.1f} s)")
    # Nobody is ticked in advance: the facilitator ticks the fourth device to turn it away.
    for box in f.find_elements(By.CSS_SELECTOR, "#lobby ~ form input[name^='participant.']"):
        if not box.is_selected():
            box.click()
    press(f, button(f, "Turn the ticked away"))
    w.check("3 participants admitted" in text_of(f) and "Nobody is waiting" in text_of(f), "the fourth device is turned away", text_of(f)[:300])
    live(mirror)
    w.check("Not admitted" in text_of(mirror) and not mirror.find_elements(By.CSS_SELECTOR, "form.live-answer"),
            "the device turned away is told so and gets no question")
    visit(mirror, "turned away", "turned-away")
    mirror.delete_all_cookies()
    for c in p1.get_cookies():
        mirror.add_cookie({k: c[k] for k in ("name", "value", "path") if k in c})
    live(mirror)
    shot(mirror, "waiting")
    for p in (p2, p3):
        live(p)
    visit(p1, "waiting for the facilitator", "waiting", phone=True)
    names = [who(p) for p in phones]
    w.check(len(set(names)) == 3 and all(n.startswith("Participant ") for n in names), "each phone is a numbered participant", str(names))

    # 4. Ranking, round 1.
    phase = "ranking round 1"
    move_round(f, RANKING, "Open round 1")
    visit(f, "control room, round open", "ranking-open")
    press(f, button(f, "Open round 1", row(f, IDEAS)))  # one round at a time
    w.check("still running" in text_of(f) and "Round 1: open" in row(f, RANKING).text,
            "opening another activity's round while one runs is refused with the reason", text_of(f)[:200])
    shot(f, "another-round-refused")
    n_items = len(scenarios)
    orders = [list(range(1, n_items + 1)), list(range(n_items, 0, -1)), [1, 1] + list(range(3, n_items + 1))]
    for i, (p, ranks) in enumerate(zip(phones, orders), 1):
        live(p)
        inputs = p.find_elements(By.CSS_SELECTOR, "form.live-answer input[name^='rank.']")
        w.check(len(inputs) == n_items, f"phone {i}: one rank field per scenario", str(len(inputs)))
        if i == 1:
            visit(p, "ranking question", "ranking-question", phone=True)
            status, _, page = fetch("/live", p.get_cookies())
            w.check(status == 200 and len(page) < 30_000, f"the participant's question page weighs {len(page)} bytes (< 30 KB)", str(status))
            extra = sum(len(fetch(path)[2]) for path in ("/static/app.css", "/static/live.js"))
            print(f"info  with app.css and live.js: {len(page) + extra} bytes (uncompressed)", flush=True)
            live(mirror)
            shot(mirror, "ranking-question")
        for box, rank in zip(inputs, ranks):
            box.clear()
            box.send_keys(str(rank))
        send(p)
        body = text_of(p)
        w.check("Answer sent" in body or "Submitted" in body, f"phone {i}: the ranking is sent" + (" (with a tie)" if i == 3 else ""), body[:200])
        w.check(shows_no_results(p), f"phone {i}: no results after sending")
        if i == 1:
            visit(p, "ranking sent", "ranking-sent", phone=True)
            w.check("change your answer" not in body or p.find_elements(By.CSS_SELECTOR, "form.live-answer, main a[href*='/live?']"),
                    "the phone that says 'You can change your answer' offers a way to change it", "no form or link to change the ranking")
    control(f)
    w.check("3 of 3 answered" in row(f, RANKING).text, "the facilitator sees 3 of 3 answered", row(f, RANKING).text)
    w.check(not row(f, RANKING).find_elements(By.LINK_TEXT, "Results") and "Kendall" not in text_of(f), "the control room shows no results yet")
    shot(f, "ranking-answered")
    f.get(PRESENTER)
    visit(f, "presenter view, round open", "presenter-open")
    w.check("3 of 3 answered" in text_of(f) and not any(x in text_of(f) for x in RESULT_WORDS), "the projector shows counts only")
    control(f)
    ranking_results = row(f, RANKING).find_element(By.CSS_SELECTOR, "form").get_attribute("action").rsplit("/round", 1)[0]
    f.get(ranking_results)
    visit(f, "results before the reveal", "ranking-results-hidden")
    w.check("not revealed yet" in text_of(f) and "Kendall" not in text_of(f), "the results page hides the open round")
    move_round(f, RANKING, "Close round 1")
    for p in phones:
        live(p)
    w.check(all("Waiting for the facilitator" in text_of(p) and shows_no_results(p) for p in phones), "closed: the phones wait, no results")
    reveal(f, RANKING, 1, "ranking-reveal-confirm")
    for p in phones:
        live(p)
    w.check(all(shows_no_results(p) for p in phones), "revealed: the phones still show no results (they go to the projector)")
    href = results_href(f, RANKING)
    w.check(href, "the control room links to the results once revealed")
    f.get(href or ranking_results)
    visit(f, "ranking results, round 1", "ranking-results-1")
    problems = chart_text_fits(f)
    w.check(not problems, "the ranking chart's labels and values fit inside it", "; ".join(problems[:3]))
    body = text_of(f)
    w.check("Kendall's W" in body and re.search(r"Kendall's W, ties corrected\): [0-9.]+ over 3 rankings", body), "Kendall's W over 3 rankings",
            re.search(r"Agreement between[^.]*\.", body).group(0) if "Agreement between" in body else body[:300])
    w.check(f.find_elements(By.CSS_SELECTOR, "section.live-round figure.chart svg") and f.find_elements(By.CSS_SELECTOR, "section.live-round table"),
            "the ranking is drawn beside its table")
    f.get(PRESENTER)
    visit(f, "presenter view, ranking revealed", "presenter-ranking")
    w.check("Kendall's W" in text_of(f) and f.find_elements(By.CSS_SELECTOR, "figure.chart svg"), "the presenter view shows W and the chart")

    # Round 2: phone 3 is left alone on "waiting" and should show the question by itself.
    phase = "ranking round 2"
    live(p3)
    start = time.monotonic()
    move_round(f, RANKING, "Open round 2")
    ok, took = updates_by_itself(p3, lambda x: bool(x.find_elements(By.CSS_SELECTOR, "form.live-answer input[name^='rank.']")), start)
    w.check(ok, f"live.js: a waiting phone shows the new round by itself ({took:.1f} s)")
    orders2 = [orders[0], [2, 1] + list(range(3, n_items + 1)), orders[0]]  # phone 2 comes round
    for i, (p, ranks) in enumerate(zip(phones, orders2), 1):
        if i != 3:
            live(p)
        w.check(shows_no_results(p), f"phone {i}: round 2 shows no results from round 1")
        for box, rank in zip(p.find_elements(By.CSS_SELECTOR, "form.live-answer input[name^='rank.']"), ranks):
            box.clear()
            box.send_keys(str(rank))
        send(p)
    control(f)
    w.check("3 of 3 answered" in row(f, RANKING).text, "round 2: 3 of 3 answered", row(f, RANKING).text)
    move_round(f, RANKING, "Close round 2")
    # The projector shows the presenter view in its own window; it should show the reveal by itself.
    control_window = f.current_window_handle
    f.switch_to.new_window("window")
    f.get(PRESENTER)
    w.loaded(f)
    w.check("Round 2: closed" in text_of(f) and "Kendall" not in text_of(f), "the projector shows round 2 closed, counts only")
    projector = f.current_window_handle
    f.switch_to.window(control_window)
    reveal(f, RANKING, 2)
    f.switch_to.window(projector)
    ok, took = updates_by_itself(f, lambda x: "Round 2: revealed" in text_of(x) and "Kendall's W" in text_of(x), time.monotonic())
    w.check(ok, f"live.js: the projector shows the reveal by itself (within {took:.1f} s of the reveal coming back)")
    f.close()
    f.switch_to.window(control_window)
    f.get(ranking_results)
    visit(f, "ranking results, rounds 1 and 2", "ranking-results-2")
    body = text_of(f)
    w.check("Round 2" in body and "Round 1" in body, "both rounds stay readable")
    w.check("Since the round before" in body, "round 2 shows the convergence since round 1",
            "no 'Since the round before' line on the ranking's results")
    m = re.findall(r"Kendall's W, ties corrected\): ([0-9.]+)", body)
    w.check(len(m) == 2 and float(m[0]) > float(m[1]), "W rose in round 2 (listed first)", str(m))
    f.get(PRESENTER)
    shot(f, "presenter-ranking-2")

    # 5. The idea board.
    phase = "idea board"
    move_round(f, IDEAS, "Open round 1")
    entries = [(p1, "Drone detection at stadiums"), (p1, "Train prosecutors in seizing crypto-assets"),
               (p2, "drone detection at stadiums"), (p3, "Nonsense that should not go on the projector")]
    for i, (p, idea) in enumerate(entries):
        live(p)
        if i == 0:
            visit(p, "idea entry", "idea-entry", phone=True)
        p.find_element(By.ID, "f-idea").send_keys(idea)
        press(p, button(p, "Send the idea"))
        w.check("sent" in text_of(p), f"idea sent: {idea}", text_of(p)[:200])
    live(p1)
    w.check("2 ideas sent" in text_of(p1), "phone 1 sees how many ideas it sent", text_of(p1)[:200])
    w.check(not any(idea in text_of(p1) for _, idea in entries), "entry is silent: no idea is shown to the phones")
    shot(p1, "idea-sent", phone=True)
    control(f)
    w.check("3 of 3 answered" in row(f, IDEAS).text, "the control room counts the 3 who entered ideas", row(f, IDEAS).text)
    move_round(f, IDEAS, "Close round 1")
    ideas_results = row(f, IDEAS).find_element(By.CSS_SELECTOR, "form").get_attribute("action").rsplit("/round", 1)[0]
    reveal(f, IDEAS, 1)
    f.get(ideas_results)
    visit(f, "idea board, moderation", "ideas-moderation")
    w.check("Round 1 · 3 participants answered" in text_of(f), "round 1 of the board counts the 3 who entered ideas",
            "; ".join(re.findall(r"Round 1 · \d+ participants? answered", text_of(f))))
    ideas_rows = f.find_elements(By.CSS_SELECTOR, "#moderation ~ table tbody tr")
    w.check(len(ideas_rows) == 4, "the facilitator sees every idea to moderate", str(len(ideas_rows)))
    r = f.find_element(By.XPATH, "//h2[@id='moderation']/following::tr[td[normalize-space()='Nonsense that should not go on the projector']]")
    press(f, button(f, "Hide", r))
    r = f.find_element(By.XPATH, "//h2[@id='moderation']/following::tr[td[normalize-space()='drone detection at stadiums']]")
    Select(r.find_element(By.TAG_NAME, "select")).select_by_visible_text("Drone detection at stadiums")
    press(f, button(f, "Merge", r))
    statuses = {tr.find_elements(By.TAG_NAME, "td")[0].text: tr.find_elements(By.TAG_NAME, "td")[1].text
                for tr in f.find_elements(By.XPATH, "//h2[@id='moderation']/following::table[1]/tbody/tr")}
    w.check(statuses.get("Nonsense that should not go on the projector") == "hidden" and statuses.get("drone detection at stadiums") == "merged",
            "one idea hidden, the duplicate merged", str(statuses))
    shot(f, "ideas-moderated")
    f.get(PRESENTER)
    visit(f, "presenter view, idea board", "presenter-ideas")
    w.check("Nonsense that should not" not in text_of(f), "the hidden idea is not on the projector")
    move_round(f, IDEAS, "Open round 2")
    votes = [["Drone detection at stadiums", "Train prosecutors in seizing crypto-assets"], ["Drone detection at stadiums"],
             ["Drone detection at stadiums"]]
    for i, (p, chosen) in enumerate(zip(phones, votes), 1):
        live(p)
        offered = [b.find_element(By.XPATH, "..").text for b in p.find_elements(By.CSS_SELECTOR, "input[name^='vote.']")]
        if i == 1:
            visit(p, "idea votes", "idea-votes", phone=True)
            w.check(sorted(offered) == sorted(["Drone detection at stadiums", "Train prosecutors in seizing crypto-assets"]),
                    "the vote offers neither the hidden idea nor the merged duplicate", str(offered))
        for box in p.find_elements(By.CSS_SELECTOR, "input[name^='vote.']"):
            if box.find_element(By.XPATH, "..").text in chosen:
                tap(p, box)
        send(p)
        w.check("Answer sent" in text_of(p) or "Submitted" in text_of(p), f"phone {i} votes")
    move_round(f, IDEAS, "Close round 2")
    reveal(f, IDEAS, 2)
    f.get(ideas_results)
    visit(f, "idea board results", "ideas-results")
    tallies = {}
    for tr in f.find_elements(By.CSS_SELECTOR, "section.live-round")[0].find_elements(By.CSS_SELECTOR, "table tbody tr"):  # round 2 first
        tds = tr.find_elements(By.TAG_NAME, "td")
        if len(tds) == 2:
            tallies[tds[0].text] = tds[1].text
    top = next((k for k in tallies if k.startswith("Drone detection at stadiums")), None)
    w.check(top and tallies[top] == "3", "the tallies: the merged idea has 3 votes", str(tallies))
    w.check(not any(k.startswith("Nonsense") for k in tallies), "the hidden idea has no tally")
    f.get(PRESENTER)
    shot(f, "presenter-ideas-votes")

    # The event streams (Server-Sent Events) name kinds of events only: never an answer, an idea or a result; a phone
    # hears nothing of the others' answers; Last-Event-ID resumes after the last event seen.
    status, _, stream = fetch("/live/events", p1.get_cookies())
    data = re.findall(r"^data: (.*)$", stream.decode(), re.M)
    ids = [int(i) for i in re.findall(r"^id: (\d+)$", stream.decode(), re.M)]
    kinds = [json.loads(x).get("kind") for x in data]
    w.check(status == 200 and data and all(re.fullmatch(r'\{"kind":"[a-z.]+"\}', x) for x in data)
            and not {"submission", "idea.added", "participant.waiting"} & set(kinds) and b"Drone" not in stream,
            "the phone's event stream carries kinds only, nothing of the others' answers", f"{status} {sorted(set(kinds))}")
    status, _, later = fetch("/live/events", p1.get_cookies(), headers={"Last-Event-ID": str(ids[1]) if len(ids) > 1 else "0"})
    later_ids = [int(i) for i in re.findall(r"^id: (\d+)$", later.decode(), re.M)]
    w.check(len(ids) > 2 and later_ids == ids[2:], "Last-Event-ID resumes the phone's stream after the last event seen", f"{ids} → {later_ids}")
    status, _, stream = fetch(SESSION[len(w.base):] + "/events", f.get_cookies())
    kinds = [json.loads(x).get("kind") for x in re.findall(r"^data: (.*)$", stream.decode(), re.M)]
    w.check(status == 200 and "submission" in kinds and b"Drone" not in stream and b"rank" not in stream,
            "the facilitator's stream hears submissions, still without their content", f"{status} {sorted(set(kinds))}")

    # 6. Quiz: phone 2 reloads after the round opened (a dropped connection).
    phase = "quiz"
    before = who(p2)
    move_round(f, QUIZ, "Open round 1")
    p2.refresh()
    w.loaded(p2)
    w.check(who(p2) == before and p2.find_elements(By.CSS_SELECTOR, "form.live-answer input[name='choice']"),
            "a reload after the round opened: the same participant, with the question", f"{before} → {who(p2)}")
    # Phone 1 answers both questions (right twice) while the facilitator's page is left alone: its count should go up.
    live(p1)
    visit(p1, "quiz question", "quiz-question", phone=True)
    start = time.monotonic()
    for pick in (1, 0):
        tap(p1, p1.find_element(By.ID, f"f-choice-{pick}"))
        send(p1)
    ok, took = updates_by_itself(f, lambda x: "1 of 3 answered" in row(x, QUIZ).text, start, seconds=6)
    w.check(ok, f"live.js: the facilitator's count goes up by itself ({took:.1f} s after the first answer)")
    visit(p1, "quiz done", "quiz-done", phone=True)
    w.check("Submitted" in text_of(p1) and "Question 2 ✓" in text_of(p1), "phone 1 answered both questions", text_of(p1)[:300])
    live(p3)
    for pick in (0, 0):  # wrong, then right
        tap(p3, p3.find_element(By.ID, f"f-choice-{pick}"))
        send(p3)
    # Phone 2 (no JavaScript) answers the first question; the round closes while its second question is on screen.
    tap(p2, p2.find_element(By.ID, "f-choice-1"))
    send(p2)
    w.check("IQR" in p2.find_element(By.CSS_SELECTOR, "form.live-answer h2").text, "phone 2 moves on to question 2")
    move_round(f, QUIZ, "Close round 1")
    tap(p2, p2.find_element(By.ID, "f-choice-1"))
    send(p2)
    w.check("no longer open" in text_of(p2) and "not saved" in text_of(p2), "an answer sent after the round closed is refused, and the phone says so",
            text_of(p2)[:300])
    shot(p2, "quiz-refused", phone=True)  # axe-core needs the page's JavaScript: not on phone 2
    reveal(f, QUIZ, 1)
    f.get(results_href(f, QUIZ))
    visit(f, "quiz results", "quiz-results")
    problems = chart_text_fits(f)
    w.check(not problems, "the quiz charts' texts fit inside them", "; ".join(problems[:3]))
    w.check("Share of questions answered correctly" in text_of(f), "the quiz shows the share answered correctly")
    # A participant reads the phone in French (the header's switcher, no account): the words change, not the person.
    live(p3)
    who_before = who(p3)
    Select(p3.find_element(By.ID, "language-choice")).select_by_value("fr")
    press(p3, p3.find_element(By.CSS_SELECTOR, "form.language button"))
    visit(p3, "waiting, in French", "waiting-fr", phone=True)
    lang = p3.execute_script("return document.documentElement.lang")
    w.check(lang == "fr" and p3.current_url.split("#")[0].endswith("/live") and "Waiting for the facilitator" not in text_of(p3),
            "a participant switches the phone to French and stays on the session", f"lang={lang} url={p3.current_url}")
    w.check(who_before.split(" ")[-1] in who(p3), "the same participant in French", f"{who_before} → {who(p3)}")
    Select(p3.find_element(By.ID, "language-choice")).select_by_value("en")
    press(p3, p3.find_element(By.CSS_SELECTOR, "form.language button"))

    # Survey: phone 1 goes offline before sending; the answer waits and goes when it is back.
    phase = "survey"
    move_round(f, SURVEY, "Open round 1")
    for i, p in enumerate(phones, 1):
        live(p)
        for q in range(2):
            if i == 1 and q == 0:
                visit(p, "survey question", "survey-question", phone=True)
            tap(p, p.find_element(By.ID, f"f-rating-{5 - i + 1 - q if i < 3 else 3}"))
            if q == 0:
                p.find_element(By.ID, "f-comment").send_keys(f"Comment from phone {i}")
            if i == 1 and q == 1:
                p.set_network_conditions(offline=True, latency=0, download_throughput=0, upload_throughput=0)
                time.sleep(0.3)
                p.find_element(By.CSS_SELECTOR, "form.live-answer button[type=submit]").click()
                time.sleep(0.5)
                note = p.find_elements(By.CSS_SELECTOR, ".offline")
                w.check(note and note[0].is_displayed() and "offline" in note[0].text.lower(), "offline: the phone says the answer will be sent later",
                        note[0].text if note else "no note")
                shot(p, "survey-offline", phone=True)
                p.set_network_conditions(offline=False, latency=0, download_throughput=-1, upload_throughput=-1)
                try:
                    WebDriverWait(p, 8).until(lambda x: "Submitted" in text_of(x))
                except TimeoutException:
                    pass
                w.check("Submitted" in text_of(p), "back online: the queued answer is sent", text_of(p)[:200])
            else:
                send(p)
    control(f)
    w.check("3 of 3 answered" in row(f, SURVEY).text, "the survey: 3 of 3 answered (the offline answer arrived)", row(f, SURVEY).text)
    move_round(f, SURVEY, "Close round 1")
    reveal(f, SURVEY, 1)
    f.get(results_href(f, SURVEY))
    visit(f, "survey results", "survey-results")
    body = text_of(f)
    w.check("Comment from phone 2" in body and "Agreement (1–5)" in body, "the survey shows its spread and the comments")
    w.check("By Sex" in body and "By Type of agency" in body, "breakdowns by the declared attributes are listed (smallest group 2)")
    f.get(PRESENTER)
    visit(f, "presenter view, survey revealed", "presenter-survey")

    # 6b. Settings after the start: the title may change, the anonymity and attributes are said, not asked.
    phase = "settings"
    control(f)
    f.find_element(By.XPATH, "//details[@class='settings']/summary").click()
    w.check("Fixed since the start: Pseudonymous; asked at join: Sex, Type of agency" in text_of(f),
            "the settings say what is fixed since the start")
    title = f.find_element(By.ID, "l-title")
    title.send_keys(" (day 1)")
    press(f, button(f, "Save the settings"))
    w.check("The session’s settings are saved." in text_of(f) and f.find_element(By.TAG_NAME, "h1").text.endswith("(day 1)"),
            "the facilitator renames the running session", f.find_element(By.TAG_NAME, "h1").text)

    # 6c. Workshop input: the revealed ranking joins the assessment's next round as pseudonymous workshop assessors.
    phase = "workshop input"
    f.get(ranking_results)
    w.loaded(f)
    w.check("Workshop input to the assessment" in text_of(f), "the ranking's results offer the rounds as workshop input")
    ASSESSMENT_PATH = []
    going = f.find_elements(By.LINK_TEXT, "Go to the assessment’s rounds")
    if going:
        ASSESSMENT_PATH.append(going[0].get_attribute("href").split(w.base, 1)[-1].split("#")[0])
    else:
        # The round is open already (an earlier walk): the assessment's address from an idea's "Draft a scenario" link.
        f.get(ideas_results)
        w.loaded(f)
        drafts = f.find_elements(By.PARTIAL_LINK_TEXT, "Draft a scenario")
        ASSESSMENT_PATH.append(drafts[0].get_attribute("href").split(w.base, 1)[-1].split("?")[0] if drafts else "")
        f.get(ranking_results)
        w.loaded(f)
    if going:
        # The assessment's round 2 is revealed: the facilitator opens the next one from the assessment's page.
        f.find_element(By.LINK_TEXT, "Go to the assessment’s rounds").click()
        w.loaded(f)
        opening = [b for b in f.find_elements(By.CSS_SELECTOR, "#round form button") if b.text.startswith("Open round")]
        if w.check(opening, "the assessment's page offers to open its next round", text_of(f)[:200]):
            number = opening[0].text.split()[-1].rstrip("…")
            press(f, opening[0])
            confirm = f.find_elements(By.XPATH, f"//button[normalize-space()='Yes, open round {number}']")
            if confirm:
                press(f, confirm[0])
            w.check(f"Scoring round {number}: open" in text_of(f), f"the assessment's round {number} opens", text_of(f)[:200])
        f.get(ranking_results)
        w.loaded(f)
    adds = [b for b in f.find_elements(By.CSS_SELECTOR, "#workshop-input ~ ul button") if b.text.startswith("Add to the assessment")]
    if w.check(adds, "an open assessment round takes the ranking", text_of(f)[-400:]):
        into = adds[0].text.split()[-1]
        press(f, adds[0])
        visit(f, "ranking results, added to the assessment", "workshop-input")
        w.check("The round’s answers are now workshop input" in text_of(f) and f"added to the assessment’s round {into}" in text_of(f),
                "the round is added to the assessment's open round", text_of(f)[-300:])
        # The facilitator closes and reveals the assessment's round: the workshop's rankings are on the round page.
        f.get(w.base + ASSESSMENT_PATH[0] + "#round")
        w.loaded(f)
        for verb in ("Close", "Reveal"):
            moving = [b for b in f.find_elements(By.CSS_SELECTOR, "#round form button") if b.text.startswith(verb)]
            if moving:
                press(f, moving[0])
                confirm = f.find_elements(By.XPATH, f"//button[normalize-space()='Yes, {verb.lower()} round {into}']")
                if confirm:
                    press(f, confirm[0])
        f.get(w.base + ASSESSMENT_PATH[0] + "/rounds")
        visit(f, "every round, with workshop rankings", "rounds-workshop")
        body = text_of(f)
        w.check("Workshop rankings" in body and f"Ranking in round {into}" in body and "Kendall’s W" in body,
                "the round page gives the workshop's rankings with Kendall's W", body[-300:])

    # 7. Weight, exports, who may see what, the end.
    phase = "checks"
    for fmt in ("csv", "json"):
        status, headers, body = fetch(f"{SESSION[len(w.base):]}/export.{fmt}", f.get_cookies())
        ok = status == 200
        if ok and fmt == "json":
            try:
                json.loads(body)
            except ValueError:
                ok = False
        w.check(ok and len(body) > 20, f"the {fmt.upper()} export answers 200", f"{status} {headers.get('Content-Type')} {body[:80]!r}")
    status, headers, _ = fetch(SESSION[len(w.base):] + "/export.csv")
    w.check(status in (302, 303, 401, 403, 404), "the export is refused without signing in", str(status))
    mirror.delete_all_cookies()
    mirror.get(SESSION)
    w.loaded(mirror)
    w.check("/login" in mirror.current_url, "a browser not signed in is sent to log in from the facilitator's page", mirror.current_url)
    w.login(mirror, DONOR)
    status, _, _ = fetch(state + "/live", mirror.get_cookies())
    mirror.get(w.base + state + "/live")
    w.loaded(mirror)
    w.check(status in (403, 404) and TITLE not in text_of(mirror), "the donor cannot open the session list", str(status))
    shot(mirror, "donor-refused")
    status, _, _ = fetch(SESSION[len(w.base):], mirror.get_cookies())
    w.check(status in (403, 404), "the donor cannot open the session", str(status))
    control(f)
    f.find_element(By.XPATH, "//details[@class='confirm']/summary[normalize-space()='End the session…']").click()
    press(f, button(f, "Yes, end the session: any open round closes and nobody can join or answer any more"))
    visit(f, "control room (ended)", "session-ended")
    w.check("Ended" in text_of(f), "the session ends")
    live(p1)
    visit(p1, "session ended", "ended", phone=True)
    w.check("The session has ended" in text_of(p1), "the phone says the session has ended")

    # 8. The facilitator's pages at phone size (phone 3 signs in as the facilitator).
    phase = "facilitator at phone size"
    for p in (p2, mirror):
        p.quit()
        drivers.remove(p)
    w.login(p3, FACILITATOR)
    for url, page, name in [(w.base + state + "/live", "live sessions", "sessions"), (SESSION, "control room (ended)", "session-ended"),
                            (ranking_results, "ranking results", "ranking-results"), (ideas_results, "idea board results", "ideas-results"),
                            (PRESENTER, "presenter view", "presenter")]:
        p3.get(url)
        visit(p3, page, name, phone=True)
        report_width(p3, page)
        if page == "ranking results":
            problems = chart_text_fits(p3)
            w.check(not problems, "phone: the ranking chart fits the screen, labels and values inside", "; ".join(problems[:3]))
    w.check(not RAW_KEYS, "no page shows a raw message key", "; ".join(RAW_KEYS[:3]))
    phase = "done"
except Exception:
    traceback.print_exc()
    print(f"the walk stopped during: {phase}", flush=True)
finally:
    for d in drivers:
        try:
            d.quit()
        except Exception:
            pass

status = w.summary()
sys.exit(status if phase == "done" else 2)
