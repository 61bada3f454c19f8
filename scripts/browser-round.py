#!/usr/bin/env python3
"""One scoring round end to end in a real browser (headless Chromium) against a running demo server
(cttech serve --demo), with axe-core run on every page visited.

  1. The facilitator opens Republic of Valdoria, its threat assessments, opens a new assessment and adds a scenario
     (first without a technology: the error is shown and the typed title kept).
  2. The assessor submits a score with errors (intent 9, likelihood low > best): the errors are shown by the field
     (aria-invalid, aria-describedby to a <p class="field-error"> right after the input, a summary .errors whose
     items link to the inputs) and what was typed is kept; then a valid score: notice, "You have scored 1 of 1".
  3. The focal point scores the same scenario: 2 ratings.
  4. The facilitator closes round 1 and reveals it, each through its confirmation page; the scenario then shows the
     anonymised "Assessor n" rows and "too few ratings" for consensus (2 < 3).
  5. The national risk register opens from the assessment and lists the scenario.

Prints one PASS/FAIL line per check and one line per axe run, then a summary; exits 1 if any check failed or axe
found a serious or critical violation (2 if the walk could not finish). Screenshots at 1280x900 of every page, and
at phone size (390x844, mobile emulation) of the error and confirmation pages, go to SHOTS
(default /tmp/cttech-round-shots).
Needs Debian's chromium and chromium-driver, and `pip install selenium axe-selenium-python` (which carries axe.min.js);
scripts/browser-round.sh installs them, starts a demo server and runs this.
Usage: scripts/browser-round.py [BASE_URL]   (default http://127.0.0.1:8080)"""
import os, re, shutil, sys, time, traceback

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium Manager: no telemetry
import axe_selenium_python
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
SHOTS = os.environ.get("SHOTS", "/tmp/cttech-round-shots")
os.makedirs(SHOTS, exist_ok=True)
for old in os.listdir(SHOTS):  # this script's screenshots from an earlier run, nothing else
    if re.fullmatch(r"\d\d-[\w-]+-(desktop|phone)\.png|aborted-(desktop|phone)\.png", old):
        os.remove(os.path.join(SHOTS, old))
PASSWORD = "demo-password-2024"
FACILITATOR, ASSESSOR, FOCAL = (f"{r}@demo.cttech.example" for r in ("facilitator", "assessor", "focal"))
STATE = "Republic of Valdoria"
AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules/axe-core/axe.min.js")).read()
STAMP = time.strftime("%Y%m%d-%H%M%S")
ASSESSMENT_TITLE = f"Browser round {STAMP} — Valdoria (fictional)"
SCENARIO_TITLE = f"Drone swarm over a stadium {STAMP} (fictional)"
RATIONALE_WITH_ERROR = "Rationale typed before the error: commercial drones are cheap and easy to fly (fictional)."

results = []  # (ok, name, detail)
axe_runs = []  # (page, serious_or_critical, others)
shot_count = 0


def check(ok, name, detail=""):
    ok = bool(ok)
    results.append((ok, name, detail))
    print(f"{'PASS' if ok else 'FAIL'}  {name}" + ("" if ok or not detail else f"  — {detail}"), flush=True)
    return ok


def browser(width, height):
    o = Options()
    if shutil.which("chromium"):
        o.binary_location = shutil.which("chromium")
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
        o.add_argument(a)
    phone = width < 500
    if phone:
        o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    driver = shutil.which("chromedriver")  # Debian's driver, so Selenium Manager never goes to the network
    d = webdriver.Chrome(options=o, service=Service(driver) if driver else None)
    d.set_page_load_timeout(30)
    if not phone:  # the viewport, not the window, is 1280x900
        inner = d.execute_script("return [window.innerWidth, window.innerHeight]")
        d.set_window_size(2 * width - inner[0], 2 * height - inner[1])
    return d


def wait_loaded(d):
    WebDriverWait(d, 15).until(lambda x: x.execute_script("return document.readyState") == "complete")


def navigated_after(d, action, fallback=None):
    """Runs action (a click that posts a form or follows a link) and waits until the next page has loaded. If nothing
    happens within 8 s and there is a fallback, says so and runs it."""
    d.execute_script("window.__browserRoundOldPage = true")
    action()

    def loaded(x):
        try:
            return x.execute_script("return !window.__browserRoundOldPage && document.readyState === 'complete'")
        except WebDriverException:  # between two documents
            return False
    try:
        WebDriverWait(d, 8 if fallback else 20).until(loaded)
    except TimeoutException:
        if not fallback:
            raise
        print(f"info  a click on a submit button did nothing within 8 s at {d.current_url}; submitting the form with "
              "requestSubmit(button) instead (see the screenshot that follows)", flush=True)
        fallback()
        WebDriverWait(d, 20).until(loaded)


def submit(d, button):
    """Clicks a submit button (a plain form post) and waits for the next page."""
    navigated_after(d, button.click, fallback=lambda: d.execute_script(
        "arguments[0].form.requestSubmit(arguments[0])", button))


def follow(d, link):
    navigated_after(d, link.click)


def form_of(d, element_id):
    """The form holding the element with this id (forms are found by their fields, not by their action)."""
    return d.execute_script("return document.getElementById(arguments[0]).form", element_id)


def submit_form_of(d, element_id):
    submit(d, form_of(d, element_id).find_element(By.CSS_SELECTOR, "button[type=submit]"))


def button(d, text):
    """A submit button in the page's main content whose label contains text."""
    found = [b for b in d.find_elements(By.CSS_SELECTOR, "main form button[type=submit]") if text in b.text]
    if not found:
        labels = [b.text for b in d.find_elements(By.CSS_SELECTOR, "main form button")]
        raise AssertionError(f"no button “{text}”; buttons on the page: {labels}")
    return found[0]


def main_text(d):
    return re.sub(r"\s+", " ", d.find_element(By.TAG_NAME, "main").text)


def axe(d, page):
    d.execute_script(AXE)
    res = d.execute_async_script(
        "var cb = arguments[arguments.length - 1];"
        "axe.run(document).then(function (r) { cb(r.violations.map(function (v) {"
        "  return [v.id, v.impact, v.nodes.length, v.nodes[0] ? v.nodes[0].target.join(' ') : '', v.help]; })); },"
        "  function (e) { cb([['axe-error', 'critical', 0, '', String(e)]]); });")
    bad = [v for v in res if v[1] in ("serious", "critical")]
    others = [f"{v[0]}({v[1]})" for v in res if v not in bad]
    axe_runs.append((page, bad, others))
    detail = "; ".join(f"{v[0]} [{v[1]}] ×{v[2]} e.g. {v[3]}: {v[4]}" for v in bad)
    print(f"{'axe ' if not bad else 'AXE '} {'PASS' if not bad else 'FAIL'}  {page}: {len(bad)} serious/critical"
          + (f" — {detail}" if bad else "") + (f"  (minor/moderate: {', '.join(others)})" if others else ""), flush=True)


def shot(d, name, phone=False):
    global shot_count
    shot_count += 1
    path = os.path.join(SHOTS, f"{shot_count:02d}-{name}-{'phone' if phone else 'desktop'}.png")
    d.save_screenshot(path)
    return os.path.basename(path)


def visit(d, page, name, phone=False):
    """Every page the walk sees: a screenshot as it loaded, then axe-core (which scrolls while checking contrast)."""
    name = shot(d, name, phone)
    axe(d, page + (" (phone)" if phone else ""))
    return name


def login(d, email, phone=False):
    d.delete_all_cookies()
    d.get(BASE + "/login")
    wait_loaded(d)
    who = email.split("@")[0]
    if not phone:
        visit(d, f"login page ({who})", f"login-{who}")
    d.find_element(By.ID, "email").send_keys(email)
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    submit_form_of(d, "email")
    if not check("/login" not in d.current_url, f"{who} logs in" + (" (phone)" if phone else ""), f"still at {d.current_url}: {main_text(d)[:200]}"):
        raise AssertionError(f"{email} could not log in")


# ---- the score form and the per-field error convention -------------------------------------------------------------
FIELD_JS = """
return arguments[0].map(name => {
  const controls = Array.from(document.getElementsByName(name));
  if (!controls.length) return {name: name, missing: true};
  const radio = controls[0].type === 'radio';
  const group = radio ? (controls[0].closest('fieldset') || controls[0]) : controls[0];
  const holders = radio ? [group, ...controls] : [group];
  const ids = holders.map(e => e.id).filter(Boolean);
  const invalid = holders.some(e => e.getAttribute('aria-invalid') === 'true');
  const describedby = [...new Set(holders.flatMap(e => (e.getAttribute('aria-describedby') || '').split(/\\s+/).filter(Boolean)))];
  const described = describedby.map(id => { const e = document.getElementById(id);
    if (!e) return {id: id, missing: true};
    // "beside it": the next element after the input; for a group (radios, or an interval such as likelihood low/best/high
    // whose problem concerns several inputs) inside its fieldset or right after it
    const fieldset = controls[0].closest('fieldset');
    const placed = group.nextElementSibling === e || (fieldset !== null && (e.parentElement === fieldset || fieldset.nextElementSibling === e));
    return {id: id, tag: e.tagName, cls: e.className, text: e.textContent.trim(), placed: placed}; });
  const next = group.nextElementSibling;
  return {name: name, radio: radio, ids: ids, invalid: invalid, describedby: describedby, described: described,
          next: next ? next.outerHTML.slice(0, 100) : null};
});"""


def field_error_checks(d, label, names):
    """The convention: an input with a problem has aria-invalid="true" and aria-describedby naming a
    <p class="field-error" id="…"> right after it (for a group of radios: in its fieldset); the summary .errors above
    the form has a list item linking to it, <a href="#<input id>">. names: the fields (by name) of which at least one
    must carry the problem (likelihood low > best may be put on either)."""
    fields = [f for f in d.execute_script(FIELD_JS, names) if not f.get("missing")]
    what = " or ".join(names)
    marked = [f for f in fields if f["invalid"]]
    check(marked, f"per-field error ({label}): {what} has aria-invalid=\"true\"",
          "no aria-invalid on " + ", ".join(f"{f['name']} (#{' #'.join(f['ids']) or 'no id'})" for f in fields))
    f = marked[0] if marked else fields[0]
    errs = [e for e in f["described"] if not e.get("missing") and e["tag"] == "P" and "field-error" in e["cls"].split()]
    check(errs, f"per-field error ({label}): {f['name']} has aria-describedby pointing to a <p class=\"field-error\">",
          f"aria-describedby={' '.join(f['describedby']) or 'none'}; described: {f['described'] or 'nothing'}")
    if errs:
        check(any(e["placed"] for e in errs), f"per-field error ({label}): the p.field-error comes right after the {f['name']} input",
              f"next element after it: {f['next']}")
        check(any(e["text"] for e in errs), f"per-field error ({label}): the p.field-error says what is wrong", f"{errs}")
    hrefs = [h.split("#", 1)[1] for h in (a.get_attribute("href") or "" for a in d.find_elements(By.CSS_SELECTOR, ".errors li a[href]")) if "#" in h]
    targets = {i for g in fields for i in g["ids"]}
    check(hrefs and any(h in targets for h in hrefs), f"per-field error ({label}): summary .errors has a link <a href=\"#…\"> to the {what} input",
          f"input ids {sorted(targets) or 'none'}; summary links: {hrefs or 'none'}; summary items: "
          f"{[li.text for li in d.find_elements(By.CSS_SELECTOR, '.errors li')]}")


def summary_in_view(d, what):
    """Information, not a check: after a refused form, can the person see the summary without scrolling?"""
    top = d.execute_script("const e = document.querySelector('.errors'); return e && [e.getBoundingClientRect().top, window.innerHeight]")
    if top:
        print(f"info  {what}: the page opens with the error summary "
              + ("in view" if -5 <= top[0] < top[1] - 40 else f"out of view ({top[0]:.0f}px down a {top[1]}px-high viewport)"), flush=True)


def score_form(d):
    return form_of(d, "rationale")


def set_field(d, name, value):
    """A 1–5 factor as a number input or as a group of radios; value None leaves it empty (nothing chosen)."""
    controls = d.find_elements(By.NAME, name)
    if not controls:
        raise AssertionError(f"score form has no field named {name}")
    if controls[0].get_attribute("type") == "radio":
        for c in controls:
            if value is None and c.is_selected():
                d.execute_script("arguments[0].checked = false", c)
            elif value is not None and c.get_attribute("value") == value and not c.is_selected():
                d.execute_script("arguments[0].scrollIntoView({block: 'center'})", c)
                c.click()
                if not c.is_selected():  # a layout problem: say so, and choose it the way a script would
                    print(f"info  a click on the radio {name}={value} did not select it (something else took the click); "
                          "choosing it by script", flush=True)
                    d.execute_script("arguments[0].checked = true", c)
    else:
        controls[0].clear()
        if value is not None:
            controls[0].send_keys(value)


def fill_score(d, intent, low, best, high, confidence, rationale):
    for name, v in [("intent", intent), ("actorCapability", "4"), ("technologyAccessibility", "3"), ("opportunity", "3"),
                    ("likelihoodLow", low), ("likelihoodBest", best), ("likelihoodHigh", high)]:
        set_field(d, name, v)
    form = score_form(d)
    impacts = []
    for e in form.find_elements(By.CSS_SELECTOR, "input[name^='impact.']"):
        if e.get_attribute("name") not in impacts:
            impacts.append(e.get_attribute("name"))
    if not impacts:
        raise AssertionError("score form has no impact fields")
    for name in impacts:
        set_field(d, name, "3")
    Select(d.find_element(By.ID, "confidence")).select_by_value(confidence)
    r = d.find_element(By.ID, "rationale")
    r.clear()
    r.send_keys(rationale)
    return impacts


def intent_is_number_input(d):
    return d.find_element(By.NAME, "intent").get_attribute("type") != "radio"


def score_validly(d, who):
    impacts = fill_score(d, "4", "0.01", "0.05", "0.2", "moderate", f"Valid score by the {who} (fictional).")
    submit(d, score_form(d).find_element(By.CSS_SELECTOR, "button[type=submit]"))
    flash = d.find_elements(By.CSS_SELECTOR, ".flash[role=status]")
    check(flash and flash[0].text.strip(), f"{who}: valid score ({len(impacts)} impact dimensions) is confirmed by a notice (.flash role=status) after the redirect",
          f"no .flash[role=status] at {d.current_url}: {main_text(d)[:300]}")
    check(d.current_url.split("#")[0].rstrip("/") == scenario_url, f"{who}: redirected back to the scenario page (not left on the POST)",
          f"at {d.current_url}")
    check("You have scored 1 of 1" in main_text(d), f"{who}: page says “You have scored 1 of 1”",
          f"progress line: {[p.text for p in d.find_elements(By.ID, 'progress')]}")


# ---- the walk ------------------------------------------------------------------------------------------------------
assessment_url = scenario_url = None
phase = "start"
started = time.time()
d = p = None
try:
    d = browser(1280, 900)
    p = browser(390, 844)

    phase = "1 facilitator: assessment and scenario"
    login(d, FACILITATOR)
    visit(d, "home (facilitator)", "home-facilitator")
    follow(d, d.find_element(By.LINK_TEXT, STATE))
    check(d.find_element(By.TAG_NAME, "h1").text.strip() == STATE, f"state page opens with h1 “{STATE}”", d.find_element(By.TAG_NAME, "h1").text)
    visit(d, "partner state", "state")
    follow(d, d.find_element(By.CSS_SELECTOR, "nav.steps a[href$='/assessments']"))
    check(d.find_element(By.TAG_NAME, "h1").text.strip() == "Threat assessments", "threat assessment list opens", d.current_url)
    visit(d, "threat assessments", "assessments")
    d.find_element(By.ID, "title").send_keys(ASSESSMENT_TITLE)
    d.find_element(By.ID, "period").send_keys("2027–2028")
    submit_form_of(d, "title")
    assessment_url = d.current_url.split("#")[0].rstrip("/")
    check(re.search(r"/assessments/[^/]+$", assessment_url) and d.find_element(By.TAG_NAME, "h1").text.strip() == ASSESSMENT_TITLE,
          "new assessment created and its overview shown", f"at {d.current_url}, h1 {d.find_element(By.TAG_NAME, 'h1').text!r}")
    visit(d, "assessment overview (new)", "assessment-new")

    # a scenario with a missing required part: no technology ticked
    d.find_element(By.ID, "s-title").send_keys(SCENARIO_TITLE)
    d.find_element(By.ID, "s-narrative").send_keys("A fictional group flies commercial drones over a full stadium.")
    Select(d.find_element(By.ID, "s-actor")).select_by_value("A3")
    d.find_element(By.NAME, "purpose.P7").click()
    submit_form_of(d, "s-title")
    summary = d.find_elements(By.CSS_SELECTOR, ".errors")
    check(summary and "technolog" in summary[0].text.lower(), "scenario without a technology: error shown",
          f"errors box: {summary[0].text if summary else 'none'}")
    summary_in_view(d, "scenario without a technology (desktop)")
    check(d.find_element(By.ID, "s-title").get_attribute("value") == SCENARIO_TITLE, "scenario without a technology: typed title kept",
          repr(d.find_element(By.ID, "s-title").get_attribute("value")))
    check(d.find_element(By.NAME, "purpose.P7").is_selected(), "scenario without a technology: ticked purpose kept")
    visit(d, "assessment with scenario error", "scenario-error")
    if summary:
        d.execute_script("arguments[0].scrollIntoView()", summary[0])
        shot(d, "scenario-error-scrolled")
    d.find_element(By.NAME, "technology.T09").click()
    if not d.find_element(By.ID, "s-narrative").get_attribute("value"):
        d.find_element(By.ID, "s-narrative").send_keys("A fictional group flies commercial drones over a full stadium.")
    submit_form_of(d, "s-title")
    scenario_url = d.current_url.split("#")[0].rstrip("/")
    check("/scenarios/" in scenario_url and d.find_element(By.TAG_NAME, "h1").text.strip() == SCENARIO_TITLE,
          "scenario added once fixed", f"at {d.current_url}: {main_text(d)[:200]}")
    visit(d, "scenario (facilitator, new)", "scenario-new")

    phase = "2 assessor: errors, then a valid score"
    login(d, ASSESSOR)
    d.get(scenario_url)
    wait_loaded(d)
    visit(d, "scenario (assessor, before scoring)", "scenario-assessor")
    # intent 9 where intent is typed, nothing chosen where it is a group of radios; likelihood low 0.3 > best 0.05
    bad_intent = "9" if intent_is_number_input(d) else None
    intent_label = "intent 9" if bad_intent else "intent not chosen"
    fill_score(d, bad_intent, "0.3", "0.05", "0.2", "moderate", RATIONALE_WITH_ERROR)
    check(d.execute_script("return !document.getElementsByName('intent')[0].validity.valid"),
          f"the browser's own validation flags {intent_label} (the form also validates in the browser)")
    # The server must refuse it too (browsers without validation, scripts, assistive tech): skip the browser's check.
    d.execute_script("arguments[0].noValidate = true", score_form(d))
    submit(d, score_form(d).find_element(By.CSS_SELECTOR, "button[type=submit]"))
    summary = d.find_elements(By.CSS_SELECTOR, ".errors")
    check(summary, f"score with errors ({intent_label}, likelihood low > best): summary .errors shown", f"at {d.current_url}: {main_text(d)[:200]}")
    if summary:
        txt = summary[0].text.lower()
        check("intent" in txt and "likelihood" in txt, "score with errors: summary names intent and likelihood", summary[0].text)
        check(d.execute_script("return !!(arguments[0].compareDocumentPosition(arguments[1]) & Node.DOCUMENT_POSITION_FOLLOWING)",
                               summary[0], d.find_elements(By.NAME, "intent")[0]),
              "score with errors: the summary comes before the fields")
    summary_in_view(d, "score with errors (desktop)")
    check(d.find_element(By.ID, "rationale").get_attribute("value") == RATIONALE_WITH_ERROR, "score with errors: rationale text kept",
          repr(d.find_element(By.ID, "rationale").get_attribute("value")))
    check(Select(d.find_element(By.ID, "confidence")).first_selected_option.get_attribute("value") == "moderate",
          "score with errors: confidence select keeps “moderate”",
          Select(d.find_element(By.ID, "confidence")).first_selected_option.get_attribute("value"))
    kept = {n: d.find_element(By.NAME, n).get_attribute("value") for n in ("likelihoodLow", "likelihoodBest", "likelihoodHigh")}
    if bad_intent:
        kept["intent"] = d.find_element(By.NAME, "intent").get_attribute("value")
    check(kept == dict({"likelihoodLow": "0.3", "likelihoodBest": "0.05", "likelihoodHigh": "0.2"}, **({"intent": "9"} if bad_intent else {})),
          "score with errors: typed " + ("intent and " if bad_intent else "") + "likelihoods kept", f"{kept}")
    chosen = d.execute_script("return document.querySelector('input[name=actorCapability]:checked, input[name=actorCapability]:not([type=radio])').value")
    check(chosen == "4", "score with errors: actor capability 4 kept", repr(chosen))
    field_error_checks(d, intent_label, ["intent"])
    field_error_checks(d, "likelihood low > best", ["likelihoodLow", "likelihoodBest"])
    fine = [f["name"] for f in d.execute_script(FIELD_JS, ["actorCapability", "opportunity", "likelihoodHigh", "impact.fatalities", "confidence", "rationale"])
            if not f.get("missing") and f["invalid"]]
    check(not fine, "score with errors: fields without a problem are not marked aria-invalid", f"marked: {fine}")
    visit(d, "scenario with score errors", "score-errors")
    if summary:
        d.execute_script("arguments[0].scrollIntoView()", summary[0])
        shot(d, "score-errors-scrolled")
    # the same at phone size
    login(p, ASSESSOR, phone=True)
    p.get(scenario_url)
    wait_loaded(p)
    fill_score(p, bad_intent, "0.3", "0.05", "0.2", "moderate", RATIONALE_WITH_ERROR)
    p.execute_script("arguments[0].noValidate = true", score_form(p))
    submit(p, score_form(p).find_element(By.CSS_SELECTOR, "button[type=submit]"))
    summary_in_view(p, "score with errors (phone)")
    visit(p, "scenario with score errors", "score-errors", phone=True)
    s = p.find_elements(By.CSS_SELECTOR, ".errors")
    if s:
        p.execute_script("arguments[0].scrollIntoView()", s[0])
        shot(p, "score-errors-scrolled", phone=True)
    # now a valid score
    score_validly(d, "assessor")
    visit(d, "scenario (assessor, scored)", "scenario-assessor-scored")

    phase = "3 focal point scores"
    login(d, FOCAL)
    d.get(scenario_url)
    wait_loaded(d)
    visit(d, "scenario (focal point, before scoring)", "scenario-focal")
    score_validly(d, "focal point")
    visit(d, "scenario (focal point, scored)", "scenario-focal-scored")

    phase = "4 facilitator closes and reveals round 1"
    login(d, FACILITATOR)
    d.get(assessment_url)
    wait_loaded(d)
    visit(d, "assessment overview (2 ratings)", "assessment-scored")
    # phone: the confirmation page, then cancel
    login(p, FACILITATOR, phone=True)
    p.get(assessment_url)
    wait_loaded(p)
    submit(p, button(p, "Close round 1"))
    visit(p, "close round 1? confirmation", "close-confirm", phone=True)
    follow(p, p.find_element(By.LINK_TEXT, "Cancel"))
    check(p.current_url.rstrip("/") == assessment_url and "round 1: open" in main_text(p).lower(),
          "Cancel on the close confirmation goes back and leaves round 1 open", f"at {p.current_url}")

    submit(d, button(d, "Close round 1…"))
    h1 = d.find_element(By.TAG_NAME, "h1").text.strip()
    check(h1 == "Close round 1?", "“Close round 1…” leads to a confirmation page with h1 “Close round 1?”", f"h1 {h1!r} at {d.current_url}")
    text = main_text(d)
    check("Nobody can score round 1 once it is closed" in text, "close confirmation says what will happen (no more scoring)", text[:300])
    check(SCENARIO_TITLE in text and "too few ratings" in text, "close confirmation lists the scenario with too few ratings", text[:400])
    visit(d, "close round 1? confirmation", "close-confirm")
    submit(d, button(d, "Yes, close round 1"))
    check(re.search(r"round 1: closed", main_text(d), re.I) and d.find_elements(By.CSS_SELECTOR, ".flash[role=status]"),
          "round 1 closed (notice shown, status “closed”)", main_text(d)[:300])
    visit(d, "assessment overview (round closed)", "assessment-closed")
    submit(d, button(d, "Reveal round 1…"))
    h1 = d.find_element(By.TAG_NAME, "h1").text.strip()
    check(h1 == "Reveal round 1?", "“Reveal round 1…” leads to a confirmation page with h1 “Reveal round 1?”", f"h1 {h1!r} at {d.current_url}")
    check("cannot be hidden again" in main_text(d), "reveal confirmation says what will happen (cannot be hidden again)", main_text(d)[:300])
    visit(d, "reveal round 1? confirmation", "reveal-confirm")
    submit(d, button(d, "Yes, reveal round 1"))
    check(re.search(r"round 1: revealed", main_text(d), re.I), "assessment page says round 1 is revealed", main_text(d)[:300])
    check(d.find_elements(By.CSS_SELECTOR, ".flash[role=status]"), "notice (.flash role=status) after the reveal")
    visit(d, "assessment overview (round revealed)", "assessment-revealed")
    d.get(scenario_url)
    wait_loaded(d)
    rows = [r.text for r in d.find_elements(By.CSS_SELECTOR, "main table tbody tr td:first-child")]
    labels = [r for r in rows if re.fullmatch(r"Assessor \d+", r.strip())]
    check(len(labels) == 2, "revealed scenario shows 2 anonymised “Assessor n” rows", f"first cells: {rows}")
    check(not any(n in d.page_source for n in ("assessor@demo", "focal@demo")), "revealed scenario names nobody")
    check("too few ratings" in main_text(d), "revealed scenario shows “too few ratings” for consensus (2 < 3)", main_text(d)[-400:])
    visit(d, "scenario (revealed)", "scenario-revealed")
    p.get(scenario_url)
    wait_loaded(p)
    visit(p, "scenario (revealed)", "scenario-revealed", phone=True)

    phase = "5 national risk register"
    d.get(assessment_url)
    wait_loaded(d)
    follow(d, d.find_element(By.LINK_TEXT, "National risk register"))
    check(d.find_element(By.TAG_NAME, "h1").text.strip() == "National risk register", "“National risk register” link opens the register", d.current_url)
    cells = [c.text for c in d.find_elements(By.CSS_SELECTOR, "main table tbody td")]
    check(any(SCENARIO_TITLE in c for c in cells), "register lists the scenario", f"{len(cells)} cells")
    visit(d, "national risk register", "register")
    p.get(d.current_url)
    wait_loaded(p)
    visit(p, "national risk register", "register", phone=True)

    # phone layout: does any page scroll sideways? (information, not a check)
    for url, name in [(assessment_url, "assessment"), (scenario_url, "scenario"), (d.current_url, "register")]:
        p.get(url)
        wait_loaded(p)
        w = p.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        print(f"info  phone {name}: page width {w[0]}px in a {w[1]}px viewport" + ("  ← scrolls sideways" if w[0] > w[1] else ""))
    phase = "done"
except Exception as e:  # the walk could not go on: say where, keep what was checked
    check(False, f"walk aborted in phase “{phase}”", f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}")
    for frame in traceback.extract_tb(e.__traceback__):  # where in this script
        if frame.filename == __file__:
            print(f"      at line {frame.lineno}: {frame.line}")
    for drv, tag in ((d, "desktop"), (p, "phone")):
        try:
            if drv:
                path = os.path.join(SHOTS, f"aborted-{tag}.png")
                drv.save_screenshot(path)
                print(f"      {tag} was at {drv.current_url} (screenshot {path})")
        except Exception:
            pass
finally:
    for drv in (d, p):
        try:
            drv and drv.quit()
        except Exception:
            pass

# ---- summary -------------------------------------------------------------------------------------------------------
failed = [r for r in results if not r[0]]
axe_bad = [a for a in axe_runs if a[1]]
print()
print(f"== summary ({time.time() - started:.0f} s, screenshots in {SHOTS})")
print(f"checks: {len(results) - len(failed)} passed, {len(failed)} failed")
for _, name, detail in failed:
    print(f"  FAIL {name}" + (f" — {detail}" if detail else ""))
print(f"axe-core run on {len(axe_runs)} pages: {len(axe_bad)} with serious/critical violations")
for page, bad, _ in axe_bad:
    for v in bad:
        print(f"  AXE {page}: {v[0]} [{v[1]}] ×{v[2]} e.g. {v[3]} — {v[4]}")
minor = sorted({o for _, _, others in axe_runs for o in others})
if minor:
    print(f"  minor/moderate rules seen (not failing): {', '.join(minor)}")
if phase != "done":
    sys.exit(2)
sys.exit(1 if failed or axe_bad else 0)
