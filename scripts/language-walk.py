#!/usr/bin/env python3
"""The interface in Arabic (right to left) and Chinese, in headless Chromium against a running demo server
(cttech serve --demo), with axe-core on every page: a focal point and an assessor choose the language with the
switcher on the login page and in the header (no JavaScript needed), then open the partner states, the assessment,
the national risk register and the score form. Checks <html lang dir>, that the choice is kept on the account after
logging out and in again, that the register's charts and forms are in the language, and that no page keeps known
English words in its main content. Screenshots at desktop and phone sizes go to SHOTS (default /tmp/cttech-lang-shots).
Needs Debian's chromium and chromium-driver, selenium and axe-selenium-python (scripts/browser-round.sh installs them).
Usage: scripts/language-walk.py BASE_URL"""
import os, re, shutil, sys, time

import axe_selenium_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

BASE = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SHOTS = os.environ.get("SHOTS", "/tmp/cttech-lang-shots")
os.makedirs(SHOTS, exist_ok=True)
for old in os.listdir(SHOTS):
    if old.endswith(".png"):
        os.remove(os.path.join(SHOTS, old))
AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules/axe-core/axe.min.js")).read()
PASSWORD = "demo-password-2024"
# Words of the English interface that must not survive in the main content of a translated page. Names typed by users
# (the demo state "Republic of Valdoria", scenario titles) are English on purpose and are not in this list.
ENGLISH = ["Partner states", "Threat assessment", "National risk register", "Log in", "Scenarios", "Likelihood", "Impact",
           "Confidence", "Rationale", "Submit", "Evidence", "Overview", "Round", "Download"]
results, axe_runs, count = [], [], 0


def check(ok, name, detail=""):
    results.append((bool(ok), name))
    print(f"{'PASS' if ok else 'FAIL'}  {name}" + ("" if ok or not detail else f"  — {detail}"), flush=True)
    return ok


def browser(width, height):
    o = Options()
    if shutil.which("chromium"):
        o.binary_location = shutil.which("chromium")
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}",
              "--lang=en-US"]:
        o.add_argument(a)
    if width < 500:
        o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    driver = shutil.which("chromedriver")
    d = webdriver.Chrome(options=o, service=Service(driver) if driver else None)
    d.set_page_load_timeout(30)
    return d


def loaded(d):
    WebDriverWait(d, 15).until(lambda x: x.execute_script("return document.readyState") == "complete")


def axe(d, page):
    d.execute_script(AXE)
    res = d.execute_async_script(
        "var cb = arguments[arguments.length - 1];"
        "axe.run(document).then(function (r) { cb(r.violations.map(function (v) {"
        "  return [v.id, v.impact, v.nodes.length, v.nodes[0] ? v.nodes[0].target.join(' ') : '', v.help]; })); },"
        "  function (e) { cb([['axe-error', 'critical', 0, '', String(e)]]); });")
    bad = [v for v in res if v[1] in ("serious", "critical")]
    axe_runs.append((page, bad))
    print(f"{'axe ' if not bad else 'AXE '} {'PASS' if not bad else 'FAIL'}  {page}: {len(bad)} serious/critical"
          + ("" if not bad else " — " + "; ".join(f"{v[0]} ×{v[2]} e.g. {v[3]}: {v[4]}" for v in bad)), flush=True)


def visit(d, lang, name, phone=False):
    global count
    loaded(d)
    count += 1
    d.save_screenshot(os.path.join(SHOTS, f"{count:02d}-{lang}-{name}-{'phone' if phone else 'desktop'}.png"))
    axe(d, f"{name} ({lang}{', phone' if phone else ''})")
    html = d.find_element(By.TAG_NAME, "html")
    check(html.get_attribute("lang") == lang, f"{name} ({lang}): <html lang={lang}>", html.get_attribute("lang"))
    check(html.get_attribute("dir") == ("rtl" if lang == "ar" else "ltr"), f"{name} ({lang}): dir", html.get_attribute("dir"))
    main = d.find_element(By.TAG_NAME, "main").text
    left = [w for w in ENGLISH if re.search(r"\b" + re.escape(w) + r"\b", main)]
    check(not left, f"{name} ({lang}): no English interface words in the content", ", ".join(left))
    # Nothing wider than the viewport except the tables and charts that scroll on purpose.
    wide = d.execute_script(
        "return Array.from(document.querySelectorAll('main *')).filter(e => !e.closest('table, .chart, pre, svg')"
        " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 2).map(e => e.tagName).slice(0, 5)")
    check(not wide, f"{name} ({lang}{', phone' if phone else ''}): nothing overflows the page", str(wide))


def switch(d, lang):
    Select(d.find_element(By.ID, "language-choice")).select_by_value(lang)
    d.find_element(By.CSS_SELECTOR, "form.language button[type=submit]").click()
    loaded(d)


def login(d, email, lang=None):
    d.delete_all_cookies()
    d.get(BASE + "/login")
    loaded(d)
    if lang:
        switch(d, lang)
        check("/login" in d.current_url, f"the switcher before login comes back to the login page ({lang})", d.current_url)
    d.find_element(By.ID, "email").send_keys(email)
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    d.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    try:
        WebDriverWait(d, 10).until(lambda x: "/login" not in x.current_url)
    except Exception:
        pass
    loaded(d)
    url = d.current_url
    check("/login" not in url, f"{email} logs in", url)


def follow_first(d, pattern):
    links = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "main a[href]")]
    target = next((h for h in links if re.search(pattern, h or "")), None)
    if not check(target, f"a link to {pattern}", str(links[:8])):
        raise AssertionError(pattern)
    d.get(target)
    loaded(d)
    return target


def walk(lang, phone=False):
    d = browser(390, 844) if phone else browser(1280, 900)
    try:
        # The focal point chooses the language on the login page, then works in it.
        login(d, "focal@demo.cttech.example", lang)
        visit(d, lang, "home", phone)
        state = follow_first(d, r"/states/[0-9a-f-]+$")
        visit(d, lang, "state", phone)
        d.get(state + "/assessments")  # the state's navigation (step 1-4) leads here
        visit(d, lang, "assessments", phone)
        assessment = follow_first(d, r"/assessments/[0-9a-f-]+$")
        visit(d, lang, "assessment", phone)
        d.get(assessment + "/register")
        visit(d, lang, "register", phone)
        charts = d.find_elements(By.CSS_SELECTOR, "main figure img, main svg")
        check(charts, f"register ({lang}): charts shown")
        if not phone:
            # The choice is kept on the account: log out, log in without touching the switcher.
            d.find_element(By.CSS_SELECTOR, "header form[action='/logout'] button").click()
            loaded(d)
            d.delete_all_cookies()
            login(d, "focal@demo.cttech.example")
            check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == lang, f"{lang} kept on the account after logging in again")
            # An assessor's score form, in a form that has not been filled.
            login(d, "assessor@demo.cttech.example")
            switch(d, lang)
            state = follow_first(d, r"/states/[0-9a-f-]+$")
            d.get(state + "/assessments")
            follow_first(d, r"/assessments/[0-9a-f-]+$")
            scenario = follow_first(d, r"/scenarios/[0-9a-f-]+$")
            visit(d, lang, "scenario-and-score-form", phone)
            # A refused form comes back in the language, with messages beside the fields.
            forms = d.find_elements(By.CSS_SELECTOR, "main form[action$='/scores']")
            if forms:
                forms[0].find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                loaded(d)
                visit(d, lang, "score-form-refused", phone)
                summary = d.find_elements(By.ID, "errors")
                check(summary and summary[0].text.strip(), f"refused score form ({lang}): summary shown")
            else:
                check(True, f"scenario {scenario} has no open score form for the assessor (round state of the demo)")
    finally:
        d.quit()


started = time.time()
for lang in ["ar", "zh"]:
    walk(lang)
    walk(lang, phone=True)
failed = [name for ok, name in results if not ok]
serious = [page for page, bad in axe_runs if bad]
print(f"== language walk: {len(results) - len(failed)}/{len(results)} checks passed, axe serious/critical on {len(serious)} of "
      f"{len(axe_runs)} pages, {time.time() - started:.0f} s, screenshots in {SHOTS}")
sys.exit(1 if failed or serious else 0)
