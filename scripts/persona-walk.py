#!/usr/bin/env python3
"""A round end to end in headless Chromium against a running demo server (cttech serve --demo): a facilitator opens an
assessment, a refused scenario keeps its fields, adds an agency and the RACI; an assessor scores; the facilitator closes
and reveals; the focal point approves; the register and the snapshot open. Screenshots at desktop and phone sizes go to
SHOTS (default /tmp/cttech-shots). Needs Debian's chromium and chromium-driver and `pip install selenium`.
Usage: scripts/persona-walk.py [BASE_URL]"""
import os, re, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select
BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
SHOTS = os.environ.get("SHOTS", "/tmp/cttech-shots") + "/"
os.makedirs(SHOTS, exist_ok=True)
def browser(width, height):
    o = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={width},{height}"]: o.add_argument(a)
    if width < 500: o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
    return webdriver.Chrome(options=o)
log = []
def step(msg): log.append(msg); print(msg, flush=True)
def login(d, email):
    d.delete_all_cookies(); d.get(BASE + "/login")
    d.find_element(By.NAME, "email").send_keys(email)
    d.find_element(By.NAME, "password").send_keys("demo-password-2024")
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click(); time.sleep(1.0)
def shot(d, name):
    d.save_screenshot(SHOTS + name + ".png")
def body(d): return d.find_element(By.TAG_NAME, "body").text
def click_text(d, text):
    d.find_element(By.PARTIAL_LINK_TEXT, text).click(); time.sleep(1.0)

d = browser(1280, 900)
# Facilitator opens a new assessment and builds steps 1-3
login(d, "facilitator@demo.cttech.example"); step("facilitator logged in: " + d.title)
click_text(d, "Republic of Valdoria"); click_text(d, "Threat assessment")
shot(d, "01-assessments-desktop")
d.find_element(By.NAME, "title").send_keys(f"Walk {int(time.time())} — Valdoria 2027 (fictional)")
d.find_element(By.NAME, "period").send_keys("2027")
d.find_element(By.CSS_SELECTOR, "form[action$='/assessments'] button[type=submit]").click(); time.sleep(1.0)
assessment_url = d.current_url; step("created assessment at " + assessment_url)
shot(d, "02-overview-desktop")
# scenario with an error first (no technology) then fixed
d.find_element(By.NAME, "title").send_keys("Drone swarm over a stadium (fictional)")
d.find_element(By.NAME, "narrative").send_keys("A fictional group tests commercial drones near a stadium.")
Select(d.find_element(By.NAME, "actorType")).select_by_index(1)
d.find_element(By.CSS_SELECTOR, "form[action$='/scenarios'] button[type=submit]").click(); time.sleep(1.0)
step("scenario without technology: " + ("error shown" if "technology" in body(d).lower() and "attention" in body(d).lower() or "needs at least one technology" in body(d) else "NO ERROR SHOWN"))
shot(d, "03-scenario-error-desktop")
title_kept = d.find_element(By.NAME, "title").get_attribute("value")
step("title kept after error: " + repr(title_kept))
d.find_elements(By.CSS_SELECTOR, "input[name^='technology.']")[0].click(); time.sleep(1.0)
d.find_elements(By.CSS_SELECTOR, "input[name^='purpose.']")[0].click()
if not d.find_element(By.NAME, "narrative").get_attribute("value"):
    d.find_element(By.NAME, "narrative").send_keys("A fictional group tests commercial drones near a stadium.")
d.find_element(By.CSS_SELECTOR, "form[action$='/scenarios'] button[type=submit]").click(); time.sleep(1.0)
scenario_url = d.current_url; step("scenario page: " + scenario_url)
shot(d, "04-scenario-desktop")
# institutions: agency + RACI
d.get(assessment_url + "/institutions")
d.find_element(By.NAME, "name").send_keys("National Police (fictional)")
Select(d.find_element(By.NAME, "kind")).select_by_index(1)
d.find_element(By.CSS_SELECTOR, "form[action$='/agencies'] button[type=submit]").click(); time.sleep(1.0)
time.sleep(0.5)
selects = d.find_elements(By.CSS_SELECTOR, "select[name^='raci.']")
step(f"RACI selects: {len(selects)}")
if selects:
    Select(selects[0]).select_by_value("A")
    d.find_element(By.CSS_SELECTOR, "form[action$='/raci'] button[type=submit]").click(); time.sleep(1.0)
step("RACI saved: " + ("yes" if "/institutions" in d.current_url else d.current_url))
shot(d, "05-institutions-desktop")
# horizon scan line
d.get(assessment_url + "/horizon-scan")
shot(d, "06-horizon-scan-desktop")
# assessor scores
login(d, "assessor@demo.cttech.example"); d.get(scenario_url)
def fill_score(dr):
    for name in ["intent", "actorCapability", "technologyAccessibility", "opportunity"]:
        e = dr.find_element(By.NAME, name); e.clear(); e.send_keys("4")
    for e in dr.find_elements(By.CSS_SELECTOR, "input[name^='impact.']"): e.clear(); e.send_keys("2")
    for n, v in [("likelihoodLow", "0.05"), ("likelihoodBest", "0.1"), ("likelihoodHigh", "0.2")]:
        e = dr.find_element(By.NAME, n); e.clear(); e.send_keys(v)
    Select(dr.find_element(By.NAME, "confidence")).select_by_value("high")
try:
    fill_score(d)
    d.find_element(By.CSS_SELECTOR, "form[action$='/scores'] button[type=submit]").click(); time.sleep(1.0)
    time.sleep(0.5)
    step("assessor scored: " + ("You" in body(d) and "yes" or "unclear") + " · score form still offered: " + str(bool(d.find_elements(By.CSS_SELECTOR, "form[action$='/scores']"))))
except Exception as e:
    step("assessor score form problem: " + repr(e)[:200])
shot(d, "07-scored-desktop")
# facilitator closes and reveals the round
login(d, "facilitator@demo.cttech.example"); d.get(assessment_url)
for label in ["Close", "Reveal"]:
    buttons = [b for b in d.find_elements(By.CSS_SELECTOR, "form[action$='/round'] button") if label.lower() in b.text.lower()]
    if buttons: buttons[0].click(); step(f"round: {label} clicked")
    else: step(f"round: no {label} button; buttons: {[b.text for b in d.find_elements(By.CSS_SELECTOR, 'form button')]}")
# submit for review
btn = [b for b in d.find_elements(By.CSS_SELECTOR, "form[action$='/status'] button") if "review" in b.text.lower()]
if btn: btn[0].click(); step("submitted for review")
# focal point approves
login(d, "focal@demo.cttech.example"); d.get(assessment_url)
btn = [b for b in d.find_elements(By.CSS_SELECTOR, "form[action$='/status'] button") if "approve" in b.text.lower()]
if btn: btn[0].click(); step("approved: " + ("Snapshot 1" in body(d) and "snapshot listed" or "no snapshot link"))
else: step("no approve button for focal point")
shot(d, "08-approved-desktop")
d.get(assessment_url + "/register"); shot(d, "09-register-desktop")
step("register page has table: " + str(len(d.find_elements(By.CSS_SELECTOR, "table"))))
d.get(assessment_url + "/snapshots/1"); shot(d, "10-snapshot-desktop"); step("snapshot page: " + d.title)
d.quit()
# phone sizes
p = browser(390, 844)
login(p, "assessor@demo.cttech.example")
for name, url in [("11-overview-phone", assessment_url), ("12-scenario-phone", scenario_url), ("13-register-phone", assessment_url + "/register")]:
    p.get(url); shot(p, name)
    width = p.execute_script("return document.documentElement.scrollWidth")
    step(f"{name}: page width {width}px")
p.quit()
