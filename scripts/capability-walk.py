#!/usr/bin/env python3
"""Steps 7–8 in headless Chromium against a running demo server (cttech serve --demo), with axe-core on every page:

  1. The assessor opens a self-assessment of one area, adds evidence, answers the area with a mistake (evidence
     number 9 of 1): the form comes back with the message and what was chosen; then saves it and the grid shows the
     level reached.
  2. The facilitator enters a validated assessment of it, answers one criterion lower, and the comparison shows the
     criterion with both sides.
  3. The policy maker opens the demo baseline's targets and priorities (proposed from the register), sets a target
     below the level reached (refused by field), adds a roadmap item from a gap, and tries a prerequisite cycle
     (refused with the members named).
  4. The focal point tries to approve the demo's blockchain-analytics adoption: refused, the blocking checks named.
  5. The reviewer sees the adoption's review panel; the roadmap shows the critical path and the timeline; the
     framework page opens.
  6. The same pages at phone size.
Prints PASS/FAIL per check and one line per axe run; exits 1 on a failed check or a serious/critical axe violation.
Screenshots go to SHOTS (default /tmp/cttech-capability-shots). scripts/browser-round.sh installs what it needs and runs it.
Usage: scripts/capability-walk.py BASE_URL"""
import os, re, sys, time, traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from walk_common import Walk

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
w = Walk(BASE, os.environ.get("SHOTS", "/tmp/cttech-capability-shots"))
ASSESSOR, FACILITATOR, MAKER, REVIEWER, FOCAL = (f"{r}@demo.cttech.example" for r in ("assessor", "facilitator", "policy", "reviewer", "focal"))
STAMP = time.strftime("%H%M%S")
TITLE = f"Self-assessment F07 {STAMP}"


def state_path(d):
    d.get(w.base + "/home")
    w.loaded(d)
    d.find_element(By.PARTIAL_LINK_TEXT, "Republic of Valdoria").click()
    w.loaded(d)
    return re.search(r"/states/[0-9a-f-]{36}", d.current_url).group(0)


def open_details(d, inside):
    d.execute_script("arguments[0].closest('details').open = true", inside)


def answer_stages_1_and_2(d):
    """Every criterion of stages 1 and 2, generic and specific to the area, Fully implemented."""
    for select in d.find_elements(By.CSS_SELECTOR, "select[name^='answer.']"):
        if re.search(r"\.[12]\.[a-z]$", select.get_attribute("name")):
            Select(select).select_by_value("fully")


def no_required(d):
    d.execute_script("document.querySelectorAll('form [required]').forEach(e => e.removeAttribute('required'))")


phase = "start"
try:
    d = w.browser(1280, 900)
    # 1. The assessor.
    w.login(d, ASSESSOR)
    state = state_path(d)
    w.go(d, state + "/capability", "capability assessments", "capability")
    w.check("Baseline 2025" in w.main_text(d) and "Validated" in w.main_text(d), "the demo's assessments are listed")
    d.find_element(By.LINK_TEXT, "Open a self-assessment").click()
    w.visit(d, "open a self-assessment", "capability-new")
    d.find_element(By.ID, "c-title").send_keys(TITLE)
    for box in d.find_elements(By.CSS_SELECTOR, "input[id^='c-area-']"):
        if box.is_selected() != (box.get_attribute("id") == "c-area-F07"):
            box.click()
    w.submit(d, d.find_element(By.ID, "c-title"))
    w.visit(d, "new assessment", "capability-opened")
    mine = d.current_url
    w.check(TITLE in w.main_text(d) and "F07" in w.main_text(d), "the assessment opens with its grid")
    open_details(d, d.find_element(By.ID, "e-summary"))
    d.find_element(By.ID, "e-summary").send_keys("Counter-drone unit charter signed by the minister")
    d.find_element(By.ID, "e-source").send_keys("Ministry of the Interior")
    Select(d.find_element(By.ID, "e-rel")).select_by_value("A")
    Select(d.find_element(By.ID, "e-cred")).select_by_value("2")
    w.submit(d, d.find_element(By.ID, "e-summary"))
    w.check("Counter-drone unit charter" in w.main_text(d), "the evidence is listed")
    d.find_element(By.LINK_TEXT, "F07").click()
    w.visit(d, "answer an area", "area")
    answer_stages_1_and_2(d)
    d.find_element(By.ID, "cr-E1-1-a-evidence").send_keys("9")
    w.submit(d, d.find_element(By.ID, "cr-E1-1-a"))
    w.visit(d, "area refused", "area-refused")
    w.check("there is no evidence number 9" in w.main_text(d), "the refused form names the evidence number")
    w.check(Select(d.find_element(By.ID, "cr-E1-1-a")).first_selected_option.get_attribute("value") == "fully", "the answers chosen are kept")
    d.find_element(By.ID, "cr-E1-1-a-evidence").clear()
    d.find_element(By.ID, "cr-E1-1-a-evidence").send_keys("1")
    w.submit(d, d.find_element(By.ID, "cr-E1-1-a"))
    w.visit(d, "grid after answers", "grid")
    cells = [c.text for c in d.find_elements(By.CSS_SELECTOR, "table.grid tbody td[class^='lvl-']")]
    w.check(cells and all(c.startswith("2") for c in cells), "every enabler of F07 reaches stage 2", str(cells))
    d.quit()
    phase = "facilitator"

    # 2. The facilitator validates.
    d = w.browser(1280, 900)
    w.login(d, FACILITATOR)
    d.get(w.base + state + "/capability/new?kind=validated")
    w.visit(d, "enter a validated assessment", "validated-new")
    d.find_element(By.ID, "c-title").send_keys(f"Validation {STAMP}")
    Select(d.find_element(By.ID, "c-validates")).select_by_visible_text(next(
        o.text for o in Select(d.find_element(By.ID, "c-validates")).options if TITLE in o.text))
    w.submit(d, d.find_element(By.ID, "c-title"))
    validated = d.current_url
    d.find_element(By.LINK_TEXT, "F07").click()
    w.visit(d, "validated area", "validated-area")
    w.check("Self-assessed: Fully implemented" in w.main_text(d), "the self-assessed answers are shown beside each criterion")
    answer_stages_1_and_2(d)
    Select(d.find_element(By.ID, "cr-E5-2-a")).select_by_value("partially")
    d.find_element(By.ID, "cr-E5-2-a-note").send_keys("The detection radar is ordered, not delivered")
    w.submit(d, d.find_element(By.ID, "cr-E5-2-a"))
    d.find_element(By.PARTIAL_LINK_TEXT, "Compare with the self-assessment").click()
    w.visit(d, "self against validated", "compare")
    w.check("E5.2.a" in w.main_text(d) and "Partially implemented" in w.main_text(d) and "Fully implemented" in w.main_text(d),
            "the comparison shows the criterion with both sides")
    d.quit()
    phase = "policy maker"

    # 3. The policy maker: targets, priorities and the roadmap.
    d = w.browser(1280, 900)
    w.login(d, MAKER)
    w.go(d, state + "/capability", "capability (policy maker)", "capability-maker")
    d.find_element(By.LINK_TEXT, "Baseline 2025 — counter-terrorism police").click()
    d.find_element(By.LINK_TEXT, "Targets and priorities").click()
    w.visit(d, "targets and priorities", "plan")
    text = w.main_text(d)
    w.check("From the register of" in text and "proposed from the register" in text, "targets are proposed from the register")
    w.check(d.find_elements(By.CSS_SELECTOR, "figure.chart svg"), "the gaps chart is drawn beside its table")
    select = d.find_element(By.ID, "tg-F10-E7")
    open_details(d, select)
    d.execute_script("var o = document.createElement('option'); o.value = '1'; arguments[0].appendChild(o); arguments[0].value = '1';", select)
    w.submit(d, select)
    w.visit(d, "target refused", "plan-refused")
    w.check("below the level already reached" in w.main_text(d), "a target below the level is refused by field")
    d.find_element(By.LINK_TEXT, "Add to roadmap").click()
    w.visit(d, "roadmap item from a gap", "roadmap-new")
    w.check(d.find_element(By.ID, "rm-title").get_attribute("value").startswith("Raise"), "the form is filled from the gap")
    w.submit(d, d.find_element(By.ID, "rm-title"))
    w.visit(d, "new roadmap item", "roadmap-item")
    first = d.current_url
    d.get(w.base + state + "/roadmap/new")
    d.find_element(By.ID, "rm-title").send_keys(f"Second step {STAMP}")
    box = next(b for b in d.find_elements(By.CSS_SELECTOR, "input[id^='rm-pre-']") if "Raise" in b.find_element(By.XPATH, "./..").text)
    box.click()
    w.submit(d, d.find_element(By.ID, "rm-title"))
    d.get(first)
    d.find_element(By.LINK_TEXT, "Change the item").click()
    box = next(b for b in d.find_elements(By.CSS_SELECTOR, "input[id^='rm-pre-']") if f"Second step {STAMP}" in b.find_element(By.XPATH, "./..").text)
    box.click()
    w.submit(d, box)
    w.visit(d, "prerequisite cycle refused", "cycle")
    w.check("would make a cycle" in w.main_text(d) and f"Second step {STAMP}" in w.main_text(d), "the cycle is refused with its members named")
    w.go(d, state + "/roadmap", "roadmap", "roadmap")
    w.check("Critical path:" in w.main_text(d) and d.find_elements(By.CSS_SELECTOR, "figure.chart svg rect"), "the roadmap shows the critical path and the timeline")
    d.quit()
    phase = "focal point"

    # 4. The focal point cannot approve the adoption yet.
    d = w.browser(1280, 900)
    w.login(d, FOCAL)
    d.get(w.base + state + "/roadmap")
    d.find_element(By.PARTIAL_LINK_TEXT, "Adopt a blockchain-analytics tool").click()
    adoption = d.current_url
    w.visit(d, "adoption", "adoption")
    w.check("Readiness to adopt" in w.main_text(d) and "Not ready" in w.main_text(d), "the readiness profile is shown")
    d.find_element(By.XPATH, "//button[normalize-space()='Approve']").click()
    w.loaded(d)
    w.visit(d, "approval refused", "approval-refused")
    w.check("cannot be approved" in w.main_text(d) and "H13" in w.main_text(d), "approval is refused with the blocking checks named")
    d.quit()
    phase = "reviewer"

    # 5. The reviewer and the framework.
    d = w.browser(1280, 900)
    w.login(d, REVIEWER)
    d.get(adoption)
    w.visit(d, "adoption (reviewer)", "adoption-reviewer")
    w.check(d.find_elements(By.ID, "rv-gender-form"), "the reviewer may answer the gender checks")
    w.go(d, "/reference/frameworks/ctt-capability-2024.1", "framework", "framework")
    w.check("F05.E5" in w.main_text(d), "the framework lists its criteria")
    d.quit()
    phase = "phone"

    # 6. Phone.
    p = w.browser(390, 844)
    w.login(p, MAKER)
    for path, page, name in [(state + "/capability", "capability", "capability"), (mine[len(w.base):], "grid", "grid"),
                             (state + "/roadmap", "roadmap", "roadmap"), (adoption[len(w.base):], "adoption", "adoption")]:
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
