#!/usr/bin/env python3
"""Steps 5–6 in headless Chromium against a running demo server (cttech serve --demo), with axe-core on every page:

  1. The policy maker opens the response register, adds a response with mistakes (a reduction of 150 %, low above
     best): the form comes back with the messages and what was typed; then adds it correctly and sends it for review.
  2. The reviewer answers the human-rights checks (H04 proportionality Not met) and the gender checks with a marker.
  3. The policy maker tries to approve: refused, with the blocking check named on the response's page.
  4. The focal point records an override with a justification, then approves.
  5. The register shows inherent beside residual risk; the trace, the options for the risk, the portfolio with a
     response ticked, the compliance dashboard and the national policy document open.
  6. The same pages at phone size.
Prints PASS/FAIL per check and one line per axe run; exits 1 on a failed check or a serious/critical axe violation.
Screenshots go to SHOTS (default /tmp/cttech-policy-shots). scripts/browser-round.sh installs what it needs and runs it.
Usage: scripts/policy-walk.py BASE_URL"""
import base64, os, re, sys, time, traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from walk_common import Walk

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
w = Walk(BASE, os.environ.get("SHOTS", "/tmp/cttech-policy-shots"))
MAKER, REVIEWER, FOCAL = (f"{r}@demo.cttech.example" for r in ("policy", "reviewer", "focal"))
STAMP = time.strftime("%H%M%S")
TITLE = f"Counter-drone detection at stadiums {STAMP} (fictional)"


def open_details(d, inside):
    d.execute_script("arguments[0].closest('details').open = true", inside)


def state_path(d):
    d.get(w.base + "/home")
    w.loaded(d)
    d.find_element(By.PARTIAL_LINK_TEXT, "Republic of Valdoria").click()
    w.loaded(d)
    return re.search(r"/states/[0-9a-f-]{36}", d.current_url).group(0)


phase = "start"
try:
    d = w.browser(1280, 900)
    # 1. The policy maker designs a response.
    w.login(d, MAKER)
    state = state_path(d)
    w.visit(d, "state page (policy maker)", "state-policy-maker")
    w.check("Policy responses" in w.main_text(d), "the state page shows the policy responses")
    w.go(d, state + "/responses", "response register", "responses")
    w.check("Mandatory registration" in w.main_text(d) and "approval blocked" in w.main_text(d), "the register lists the demo responses, one blocked")
    d.find_element(By.LINK_TEXT, "Add a response").click()
    w.visit(d, "new response form", "response-new")
    d.find_element(By.ID, "r-title").send_keys(TITLE)
    Select(d.find_element(By.ID, "r-type")).select_by_value("R05")
    boxes = d.find_elements(By.CSS_SELECTOR, "input[id^='r-target-']")
    drone = next(b for b in boxes if "Drone attack" in b.find_element(By.XPATH, "./..").text)
    drone_id = drone.get_attribute("id")
    drone.click()
    Select(d.find_element(By.ID, "r-effect-1-factor")).select_by_value("opportunity")
    for field, value in (("low", "150"), ("best", "30"), ("high", "40")):
        d.find_element(By.ID, f"r-effect-1-{field}").send_keys(value)
    Select(d.find_element(By.ID, "r-effect-2-factor")).select_by_value("technology-accessibility")
    for field, value in (("low", "30"), ("best", "20"), ("high", "40")):
        d.find_element(By.ID, f"r-effect-2-{field}").send_keys(value)
    d.find_element(By.ID, "r-cost-low").send_keys("200000")
    d.find_element(By.ID, "r-cost-high").send_keys("300000")
    d.find_element(By.ID, "r-currency").send_keys("EUR")
    d.execute_script("document.querySelectorAll('form [required]').forEach(e => e.removeAttribute('required'))")
    w.submit(d, d.find_element(By.ID, "r-title"))
    w.visit(d, "new response refused", "response-refused")
    text = w.main_text(d)
    w.check("must be a percentage from 0 to 100" in text and "low must not exceed best" in text, "the refused form names both problems", text[:300])
    w.check(d.find_element(By.ID, "r-title").get_attribute("value") == TITLE, "the title typed is kept")
    w.check(d.find_element(By.ID, drone_id).is_selected(), "the target ticked is kept")
    w.check("percentage" in d.find_element(By.ID, "r-effect-1-error").text, "the problem is shown in its effect row")
    w.check(d.find_elements(By.CSS_SELECTOR, ".errors a[href='#r-effect-1-low']"), "the summary links to the effect's field")
    d.find_element(By.ID, "r-effect-1-low").clear()
    d.find_element(By.ID, "r-effect-1-low").send_keys("20")
    d.find_element(By.ID, "r-effect-2-low").clear()
    d.find_element(By.ID, "r-effect-2-low").send_keys("10")
    w.submit(d, d.find_element(By.ID, "r-title"))
    w.visit(d, "response page (new)", "response-created")
    response_url = d.current_url.split("#")[0]
    w.check(TITLE in w.main_text(d) and "The response is added" in d.find_element(By.TAG_NAME, "body").text, "the response is added")
    w.submit(d, d.find_element(By.XPATH, "//button[normalize-space()='Mark as drafted']"))
    w.submit(d, d.find_element(By.XPATH, "//button[normalize-space()='Send for review']"))
    w.check("Under review" in w.main_text(d), "the response is under review")
    phase = "review"

    # 2. The reviewer answers the checks.
    w.login(d, REVIEWER)
    d.get(response_url)
    w.visit(d, "response page (reviewer)", "response-reviewer")
    form = d.find_element(By.ID, "rv-human-rights-form")
    open_details(d, form)
    for code in ["H01", "H02", "H03", "H05", "H06", "H09", "H11"]:
        d.find_element(By.ID, f"rv-human-rights-{code}-met").click()
        d.find_element(By.ID, f"rv-human-rights-{code}-reasoning").send_keys(f"Fictional reasoning for {code}.")
    d.find_element(By.ID, "rv-human-rights-H04-not-met").click()
    d.find_element(By.ID, "rv-human-rights-H04-reasoning").send_keys("Detection covers all phones near the stadium: broader than needed.")
    w.submit(d, form)
    w.check("Your review is recorded" in d.find_element(By.TAG_NAME, "body").text, "the human-rights review is recorded")
    form = d.find_element(By.ID, "rv-gender-form")
    open_details(d, form)
    for code in ["G03", "G08", "G09"]:
        d.find_element(By.ID, f"rv-gender-{code}-met").click()
        d.find_element(By.ID, f"rv-gender-{code}-reasoning").send_keys(f"Fictional reasoning for {code}.")
    Select(d.find_element(By.ID, "rv-gender-G08-marker")).select_by_value("1")
    w.submit(d, form)
    w.visit(d, "response page after reviews", "response-reviewed")
    w.check("Not met" in w.main_text(d) and "blocks approval" in w.main_text(d), "H04 Not met blocks approval")
    phase = "approve"

    # 3. The policy maker cannot approve yet.
    w.login(d, MAKER)
    d.get(response_url)
    w.submit(d, d.find_element(By.XPATH, "//button[normalize-space()='Approve']"))
    w.visit(d, "approval refused", "approve-refused")
    w.check("Approval is refused" in w.main_text(d) and "H04" in w.main_text(d), "approval is refused, naming H04")

    # 4. The focal point overrides and approves.
    w.login(d, FOCAL)
    d.get(response_url)
    box = d.find_element(By.ID, "ov-justification")
    open_details(d, box)
    box.send_keys("Too short.")
    w.submit(d, box)
    w.visit(d, "override refused", "override-refused")
    w.check("at least a sentence" in w.main_text(d), "a short justification is refused")
    box = d.find_element(By.ID, "ov-justification")
    box.clear()
    box.send_keys("Detection is limited to drone control signals within 500 m, with logs deleted after 24 hours; reviewed in six months.")
    w.submit(d, box)
    w.check("override is recorded" in d.find_element(By.TAG_NAME, "body").text, "the override is recorded")
    w.submit(d, d.find_element(By.XPATH, "//button[normalize-space()='Approve']"))
    w.visit(d, "response approved", "response-approved")
    w.check("Approved" in w.main_text(d), "the response is approved")
    phase = "register"

    # 5. The register, the trace, the options, the portfolio, compliance and the document.
    d.get(w.base + state + "/assessments")
    w.loaded(d)
    d.find_element(By.PARTIAL_LINK_TEXT, "National assessment of terrorist use").click()
    w.loaded(d)
    assessment = re.search(r"/states/[0-9a-f-]{36}/assessments/[0-9a-f-]{36}", d.current_url).group(0)
    w.go(d, assessment + "/register", "register with residual risk", "register")
    w.check("Inherent and residual risk" in w.main_text(d), "the register shows inherent beside residual risk")
    row = d.find_element(By.XPATH, "//section[@id='register-residual']//tr[contains(., 'Drone attack')]")
    row.find_element(By.LINK_TEXT, "how").click()
    w.visit(d, "residual trace", "trace")
    w.check(TITLE in w.main_text(d) and "applied" in w.main_text(d), "the trace lists the new response's effects as applied")
    d.find_element(By.LINK_TEXT, "Options").click()
    w.visit(d, "options for the risk", "options")
    w.check("Which removes more?" in w.main_text(d) or "Risk removed" in w.main_text(d), "the options rank the candidates")
    w.go(d, assessment + "/portfolio", "portfolio", "portfolio")
    boxes = d.find_elements(By.CSS_SELECTOR, "input[id^='pf-']:not(#pf-budget)")
    for b in boxes[:2]:
        b.click()
    d.find_element(By.ID, "pf-budget").send_keys("500000")
    w.submit(d, d.find_element(By.ID, "pf-budget"))
    w.visit(d, "portfolio result", "portfolio-result")
    w.check("What changes" in w.main_text(d) and "Total residual risk with this portfolio" in w.main_text(d), "the portfolio shows the register change")
    w.go(d, state + "/compliance", "compliance dashboard", "compliance")
    w.check("Human-rights and gender compliance" in w.main_text(d) and "Detection is limited" in w.main_text(d),
            "the compliance dashboard lists the override")
    w.go(d, state + "/policy-document", "national policy document", "document")
    w.check(TITLE in w.main_text(d) and "Licensing of virtual-asset" in w.main_text(d), "the document lists the approved responses")
    # The print stylesheet: Chromium prints the document to PDF (what "Save as PDF" in a browser gives).
    pdf = base64.b64decode(d.print_page())
    with open(os.path.join(w.shots, "national-policy-document.pdf"), "wb") as f:
        f.write(pdf)
    w.check(pdf.startswith(b"%PDF") and len(pdf) > 5000, "the national policy document prints to PDF", f"{len(pdf)} bytes")
    d.quit()
    phase = "phone"

    # 6. Phone.
    p = w.browser(390, 844)
    w.login(p, MAKER)
    for path, page, name in [(state + "/responses", "response register", "responses"), (response_url[len(w.base):], "response page", "response"),
                             (assessment + "/register#register-residual", "register residual", "register"),
                             (assessment + "/portfolio", "portfolio", "portfolio"), (state + "/compliance", "compliance", "compliance")]:
        w.go(p, path, page, name, phone=True)
        wide = p.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        print(f"info  {page} (phone): {'scrolls sideways' if wide else 'fits the width'}", flush=True)
    p.quit()
    phase = "done"
except Exception:
    traceback.print_exc()
    print(f"the walk stopped during: {phase}", flush=True)

status = w.summary()
sys.exit(status if phase == "done" else 2)
