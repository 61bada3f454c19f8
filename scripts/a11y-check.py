#!/usr/bin/env python3
"""Runs axe-core in headless Chromium over the main pages of a running demo server (cttech serve --demo), signed in as
the focal point, and exits 1 on any serious or critical violation.
Needs: Debian's chromium and chromium-driver, and `pip install selenium axe-selenium-python` (which carries axe.min.js).
Usage: scripts/a11y-check.py [BASE_URL]   (default http://127.0.0.1:8080)"""
import os, re, sys
import axe_selenium_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.common.by import By
AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules/axe-core/axe.min.js")).read()
BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
failures = 0
o = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]: o.add_argument(a)
d = webdriver.Chrome(options=o)
def axe(name):
    d.execute_script(AXE)
    res = d.execute_async_script("var cb = arguments[arguments.length-1]; axe.run().then(r => cb(r.violations.map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])));")
    global failures
    bad = [v for v in res if v[1] in ("serious", "critical")]
    failures += len(bad)
    print(f"{name}: {len(bad)} serious/critical {bad}  (others: {[v[0] for v in res if v not in bad]})")
d.get(BASE + "/login"); axe("login")
d.find_element(By.NAME, "email").send_keys("focal@demo.cttech.example"); d.find_element(By.NAME, "password").send_keys("demo-password-2024")
d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
axe("home")
state = re.search(r'href="(/states/[^"/]+)"', d.page_source).group(1)
d.get(BASE + state); axe("state")
d.get(BASE + state + "/assessments"); axe("assessments")
a = re.search(r'href="(/states/[^"/]+/assessments/[^"/]+)"', d.page_source).group(1)
for path, name in [("", "overview"), ("/institutions", "institutions"), ("/horizon-scan", "horizon scan"), ("/register", "register"), ("/other-risks", "other risks"), ("/compare", "compare"), ("/snapshots/1", "snapshot")]:
    d.get(BASE + a + path); axe(name)
d.get(BASE + a); s = re.search(r'href="(/states/[^"/]+/assessments/[^"/]+/scenarios/[^"/]+)"', d.page_source).group(1)
d.get(BASE + s); axe("scenario")
d.get(BASE + "/account"); axe("account")
d.get(BASE + "/reference"); axe("reference")
d.quit()
sys.exit(1 if failures else 0)
