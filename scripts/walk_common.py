"""What the browser walks share (scripts/policy-walk.py): a headless Chromium at desktop or phone size, PASS/FAIL
checks, axe-core on every page visited (serious or critical violations fail), screenshots, logging in."""
import os, re, time

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium Manager: no telemetry
import axe_selenium_python
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

AXE = open(os.path.join(os.path.dirname(axe_selenium_python.__file__), "node_modules/axe-core/axe.min.js")).read()
PASSWORD = "demo-password-2024"


class Walk:
    def __init__(self, base, shots):
        self.base = base.rstrip("/")
        self.shots = shots
        os.makedirs(shots, exist_ok=True)
        for old in os.listdir(shots):
            if old.endswith(".png"):
                os.remove(os.path.join(shots, old))
        self.results, self.axe_runs, self.count = [], [], 0

    def check(self, ok, name, detail=""):
        self.results.append((bool(ok), name))
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + ("" if ok or not detail else f"  — {detail}"), flush=True)
        return ok

    def browser(self, width, height):
        o = Options()
        for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}"]:
            o.add_argument(a)
        if width < 500:
            o.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 2}})
        driver = "/usr/bin/chromedriver"
        d = webdriver.Chrome(options=o, service=Service(driver)) if os.path.exists(driver) else webdriver.Chrome(options=o)
        d.set_page_load_timeout(60)
        d.set_script_timeout(60)
        return d

    def loaded(self, d):
        WebDriverWait(d, 30).until(lambda x: x.execute_script("return document.readyState") == "complete")

    def axe(self, d, page):
        d.execute_script(AXE)
        res = d.execute_async_script(
            "var cb = arguments[arguments.length - 1];"
            "axe.run(document).then(function (r) { cb(r.violations.map(function (v) {"
            "  return [v.id, v.impact, v.nodes.length, v.nodes[0] ? v.nodes[0].target.join(' ') : '', v.help]; })); },"
            "  function (e) { cb([['axe-error', 'critical', 0, '', String(e)]]); });")
        bad = [v for v in res if v[1] in ("serious", "critical")]
        self.axe_runs.append((page, bad))
        detail = "; ".join(f"{v[0]} [{v[1]}] ×{v[2]} e.g. {v[3]}: {v[4]}" for v in bad)
        print(f"{'axe ' if not bad else 'AXE '} {'PASS' if not bad else 'FAIL'}  {page}: {len(bad)} serious/critical"
              + (f" — {detail}" if bad else ""), flush=True)

    def visit(self, d, page, name, phone=False):
        """A screenshot of the page as loaded, then axe-core on it."""
        self.loaded(d)
        self.count += 1
        d.save_screenshot(os.path.join(self.shots, f"{self.count:02d}-{name}-{'phone' if phone else 'desktop'}.png"))
        self.axe(d, page + (" (phone)" if phone else ""))

    def go(self, d, path, page, name, phone=False):
        d.get(self.base + path)
        self.visit(d, page, name, phone)

    def main_text(self, d):
        return re.sub(r"\s+", " ", d.find_element(By.TAG_NAME, "main").text)

    def login(self, d, email):
        d.delete_all_cookies()
        d.get(self.base + "/login")
        self.loaded(d)
        d.find_element(By.ID, "email").send_keys(email)
        d.find_element(By.ID, "password").send_keys(PASSWORD)
        d.find_element(By.ID, "email").find_element(By.XPATH, "./ancestor::form").submit()
        time.sleep(0.5)
        self.loaded(d)
        if not self.check("/login" not in d.current_url, f"{email.split('@')[0]} logs in", d.current_url):
            raise AssertionError(f"{email} could not log in")
        # The account may keep another language from an earlier walk (scripts/language-walk.py): back to English with
        # the header's switcher, as a person would.
        if d.execute_script("return document.documentElement.lang") != "en":
            from selenium.webdriver.support.ui import Select
            switcher = d.find_element(By.NAME, "language")
            Select(switcher).select_by_value("en")
            self.submit(d, switcher)

    def submit(self, d, element):
        """Submits the form of `element` (a control inside it) and waits for the next page."""
        form = element if element.tag_name == "form" else element.find_element(By.XPATH, "./ancestor::form")
        old = d.find_element(By.TAG_NAME, "html")
        form.submit()
        WebDriverWait(d, 30).until(lambda x: old.id != x.find_element(By.TAG_NAME, "html").id)
        self.loaded(d)

    def summary(self):
        failed = [n for ok, n in self.results if not ok]
        bad_axe = [p for p, bad in self.axe_runs if bad]
        print(f"\n{len(self.results) - len(failed)}/{len(self.results)} checks passed; axe: {len(self.axe_runs)} pages, "
              f"{len(bad_axe)} with serious or critical violations", flush=True)
        for n in failed:
            print("  failed:", n)
        for p in bad_axe:
            print("  axe:", p)
        return 0 if not failed and not bad_axe else 1
