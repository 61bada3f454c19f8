#!/usr/bin/env python3
"""Good practices between partner states (issue 13) in headless Chromium against a running demo server
(cttech serve --demo), with axe-core on every page visited:

  1. Valdoria's focal point opens Good practices from the state's navigation (received and shared, apart), reads
     Norvania's legislation and its question-and-answer thread, posts a comment, is refused a blank one (the form again,
     the message by the field), is refused TLP:RED to all partner states (the message by "Shared with", everything
     typed kept), is refused states ticked under "All partner states" (the message by "Shared with", nothing shared) and
     shares TLP:AMBER with Norvania by name, landing on the practice at #main. The form's regions name their partner
     states (the sharing state in none) and match the groups of tickable states; each list's marking banner is the
     highest marking it lists.
  2. Norvania's focal point sees the new practice and comments on it; Valdoria's withdrawn lesson is nowhere, not even
     by its address; the recipients line says how the practice reached Norvania and names no other recipient.
  3. Valdoria withdraws the new practice: without the confirming tick it is refused (400, the message by the tick, still
     shared); with it, back on the practice at #main, Norvania gets a 404 on its address and it is gone from the list.
  4. Valdoria's facilitator has no Good practices entry; the address answers 403.
  5. The list, the form, the refused form and a practice at phone size (390×844) as well.
Prints PASS/FAIL per check and one line per axe run; exits 1 on a failed check or a serious/critical axe violation,
2 if the walk stopped. Screenshots (the viewport, and the whole page as *-full.png) go to SHOTS (default
/tmp/practice-shots).
Adds practices and comments to the demo (a fresh title each run, so it runs again on the same server); changes no
password or role (walk_common's log-in only sets an account back to English). scripts/browser-round.sh runs it.
Usage: scripts/practice-walk.py BASE_URL"""
import os, re, sys, time, traceback

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from walk_common import Walk

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080"
w = Walk(BASE, os.environ.get("SHOTS", "/tmp/practice-shots"))
FOCAL, FACILITATOR = (f"{r}@demo.cttech.example" for r in ("focal", "facilitator"))
NRV_FOCAL = "focal@norvania.cttech.example"
STAMP = time.strftime("%H%M%S")
TITLE = f"Drone detection at land border crossings, walk {STAMP} (fictional)"
BODY = ("Valdoria placed passive radio-frequency sensors at three land border crossings (a fictional example).\n\n"
        "What worked: one shared picture for border guards and police. What did not: the sensors missed home-built drones.")
COMMENT = f"Thank you: does the register also cover drones bought abroad? (walk {STAMP})"
ANSWER = f"We could send our customs procedure to Norvania's aviation authority. (walk {STAMP})"
TLPS = ["TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED"]  # lowest to highest
NORVANIA = "//fieldset[@id='p-recipients']//label[normalize-space()='Kingdom of Norvania']/input"


def full(d, name, phone):
    """The whole page, beside walk_common's viewport screenshot, to judge the layout below the fold: the window made as
    tall as the page for one screenshot (a clip beyond the viewport misplaces scrolled boxes in phone emulation)."""
    width, height = d.execute_script("return [window.innerWidth, document.documentElement.scrollHeight]")
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 2 if phone else 1, "mobile": phone})
    try:
        d.save_screenshot(os.path.join(w.shots, f"{name}-full.png"))
    finally:
        if phone:
            d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
        else:
            d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def look(d, page, name, phone=False):
    """walk_common's visit (a screenshot, then axe-core), with the whole page too, taken first: axe scrolls boxes such
    as the tables' sideways-scrolling frames while it checks contrast."""
    w.loaded(d)
    full(d, f"{w.count + 1:02d}-{name}-{'phone' if phone else 'desktop'}", phone)
    w.visit(d, page, name, phone)


def status(d):
    """The HTTP status of the page shown (the last response of its navigation)."""
    return d.execute_script("var n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStatus : null")


def banner(d):
    return d.find_element(By.CSS_SELECTOR, "aside.tlp strong").text.strip()


def press(d, button):
    """Clicks a submit button as a person would (the browser's own checks apply) and waits for the next page."""
    old = d.find_element(By.TAG_NAME, "html")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(d, 30).until(lambda x: old.id != x.find_element(By.TAG_NAME, "html").id)
    w.loaded(d)


def button(d, text):
    return d.find_element(By.XPATH, f"//main//button[normalize-space()='{text}']")


def nav_links(d):
    return [a.text.strip() for a in d.find_elements(By.CSS_SELECTOR, "nav a")]


def open_state(d, name):
    """From the home page to the state's overview, then Good practices in the state's navigation."""
    d.get(w.base + "/home")
    w.loaded(d)
    d.find_element(By.PARTIAL_LINK_TEXT, name).click()
    w.loaded(d)
    state = d.current_url.rstrip("/")
    links = d.find_elements(By.LINK_TEXT, "Good practices")
    w.check(links, f"{name}: the state's navigation has Good practices")
    links[0].click()
    w.loaded(d)
    return state


def list_layout(d, who):
    """Both tables of the list: two columns (the title with its details underneath, the marking); the page's banner is
    the highest marking listed."""
    heads = [[th.text.strip() for th in t.find_elements(By.CSS_SELECTOR, "thead th")] for t in d.find_elements(By.CSS_SELECTOR, "main table")]
    w.check(len(heads) == 2 and all(h == ["Title", "Marking"] for h in heads), f"{who}: both tables have Title and Marking columns", str(heads))
    rows = d.find_elements(By.CSS_SELECTOR, "main table tbody tr")
    cells = [len(r.find_elements(By.TAG_NAME, "td")) for r in rows if r.find_elements(By.TAG_NAME, "a")]
    details = [r.find_element(By.CSS_SELECTOR, "td:first-child").text for r in rows if r.find_elements(By.TAG_NAME, "a")]
    w.check(cells and set(cells) == {2} and all("Shared on" in t and "\n" in t for t in details),
            f"{who}: each practice is one row, its details under the title", str(cells))
    listed = [b.text.strip() for b in d.find_elements(By.CSS_SELECTOR, "main table tbody td:nth-child(2) .badge")]
    highest = max(listed, key=lambda m: TLPS.index(m) if m in TLPS else -1) if listed else None
    w.check(len(listed) == len(cells) and banner(d) == highest, f"{who}: the banner is the highest marking listed",
            f"banner {banner(d)}, listed {listed}")


def section(d, heading):
    """The text of the table under the h2 `heading` on the list."""
    tables = d.find_elements(By.XPATH, f"//main//h2[normalize-space()='{heading}']/following-sibling::div[1]//table")
    return re.sub(r"\s+", " ", tables[0].text) if tables else ""


def share_form_values(d):
    return {
        "kind": Select(d.find_element(By.ID, "p-kind")).first_selected_option.text,
        "title": d.find_element(By.ID, "p-title").get_attribute("value"),
        "body": d.find_element(By.ID, "p-body").get_attribute("value").replace("\r\n", "\n"),
        "tlp": Select(d.find_element(By.ID, "p-tlp")).first_selected_option.get_attribute("value"),
        "scope": [r.get_attribute("value") for r in d.find_elements(By.CSS_SELECTOR, "input[name='scope']") if r.is_selected()],
    }


def fill_share_form(d, tlp, scope_id):
    Select(d.find_element(By.ID, "p-kind")).select_by_visible_text("Case")
    d.find_element(By.ID, "p-title").send_keys(TITLE)
    d.find_element(By.ID, "p-body").send_keys(BODY)
    Select(d.find_element(By.ID, "p-tlp")).select_by_value(tlp)
    d.find_element(By.ID, scope_id).click()


def scope_refused(d, what, words, tag):
    """The form again (400, not shared), the message `words` inside "Shared with", described by it and linked from the
    error summary."""
    w.check(status(d) == 400 and "/practices/new" not in d.current_url and not re.search(r"/practices/[0-9a-f-]{36}", d.current_url),
            f"{what} is not shared (400){tag}", f"{status(d)} {d.current_url}")
    errors = d.find_elements(By.CSS_SELECTOR, "#p-scope #p-scope-error")
    w.check(errors and words in errors[0].text, f"the refusal stands inside the Shared with field{tag}",
            errors[0].text if errors else "no #p-scope-error in the fieldset")
    w.check(d.find_element(By.ID, "p-scope").get_attribute("aria-describedby") == "p-scope-error",
            f"the Shared with field is described by its message{tag}")
    summary = d.find_elements(By.CSS_SELECTOR, "#errors a[href='#p-scope']")
    w.check(summary, f"the error summary links to the Shared with field{tag}")


def refused_red_to_all(d, phone=False):
    """TLP:RED to all partner states: refused, the message by "Shared with", everything typed kept."""
    tag = " (phone)" if phone else ""
    fill_share_form(d, "RED", "p-scope-all")
    press(d, button(d, "Share the practice"))
    look(d, "share form refused", "form-refused", phone)
    scope_refused(d, "RED to all partners", "TLP:RED", tag)
    kept = share_form_values(d)
    w.check(kept == {"kind": "Case", "title": TITLE, "body": BODY, "tlp": "RED", "scope": ["all"]},
            f"everything typed is kept{tag}", str(kept))
    w.check(banner(d) == "TLP:RED", f"the page's marking banner follows the chosen marking{tag}", banner(d))


def region_choice(d):
    """The Region select after "Shared with": only regions with partner states besides Valdoria, each naming them, the
    same states as the region's group of tickable states."""
    order = [e.get_attribute("id") for e in d.find_elements(By.CSS_SELECTOR, "#p-scope, #p-region, #p-recipients")]
    w.check(order == ["p-scope", "p-region", "p-recipients"], "Shared with, then Region, then the states to tick", str(order))
    w.check(len(d.find_elements(By.CSS_SELECTOR, "#p-scope input[type=radio]")) == 3
            and not d.find_elements(By.CSS_SELECTOR, "#p-scope input[type=checkbox]")
            and d.find_elements(By.CSS_SELECTOR, "#p-recipients input[type=checkbox][name^='recipient.']"),
            "the three choices in Shared with, the states in a fieldset of their own")
    options = {o.text.split(": ", 1)[0]: o.text.split(": ", 1)[1] if ": " in o.text else ""
               for o in Select(d.find_element(By.ID, "p-region")).options}
    groups = {g.find_element(By.TAG_NAME, "legend").text.strip(): ", ".join(l.text.strip() for l in g.find_elements(By.TAG_NAME, "label"))
              for g in d.find_elements(By.CSS_SELECTOR, "#p-recipients fieldset")}
    w.check(options and options == groups, "each region names its partner states, as ticked below",
            f"options {options} groups {groups}")
    w.check(options.get("Other") == "Kingdom of Norvania" and not any("Valdoria" in v for v in options.values()),
            "Valdoria's own region names Norvania only; Valdoria is in no region's list", str(options.get("Other")))


def refused_ticked_to_all(d):
    """Norvania ticked while "All partner states" is chosen, under TLP:GREEN: refused by "Shared with", ticks kept."""
    Select(d.find_element(By.ID, "p-tlp")).select_by_value("GREEN")
    d.find_element(By.ID, "p-scope-all").click()
    d.find_element(By.XPATH, NORVANIA).click()
    press(d, button(d, "Share the practice"))
    look(d, "share form refused (ticked states)", "form-ticked")
    scope_refused(d, "States ticked under All partner states", "you ticked partner states", "")
    kept = share_form_values(d)
    w.check(kept["tlp"] == "GREEN" and kept["scope"] == ["all"] and d.find_element(By.XPATH, NORVANIA).is_selected()
            and kept["title"] == TITLE, "the choice and the tick are kept", str(kept))
    w.check("TLP:RED" not in d.find_element(By.ID, "p-scope-error").text, "only the ticks are refused, not the marking")


phase = "start"
try:
    # 1. Valdoria's focal point, at desktop size.
    d = w.browser(1280, 900)
    w.login(d, FOCAL)
    phase = "list"
    vld = open_state(d, "Republic of Valdoria")
    w.check(d.current_url == vld + "/practices", "the entry leads to the state's practices", d.current_url)
    look(d, "practices list", "list")
    list_layout(d, "Valdoria")
    received, own = section(d, "Shared with your state"), section(d, "Shared by your state")
    w.check("Registering unmanned aircraft" in received and "Kingdom of Norvania" in received and "TLP:AMBER" in received,
            "Norvania's legislation is under Shared with your state")
    w.check("Shared with your state by name" in received, "the received list says how it reached Valdoria")
    w.check("crypto-asset tracing" in own and "Shared with all partner states" in own and "TLP:GREEN" in own,
            "Valdoria's success story is under Shared by your state")
    w.check("tabletop exercise" in own and "Withdrawn on" in own, "Valdoria's withdrawn lesson is kept, marked withdrawn")
    lesson = d.find_element(By.PARTIAL_LINK_TEXT, "tabletop exercise").get_attribute("href")
    lesson_id = lesson.rstrip("/").rsplit("/", 1)[1]

    phase = "thread"
    d.find_element(By.PARTIAL_LINK_TEXT, "Registering unmanned aircraft").click()
    look(d, "received practice", "legislation")
    text = w.main_text(d)
    legislation = d.current_url
    w.check("From: Kingdom of Norvania" in text and "Shared with your state by name" in text, "the practice says who shared it and how")
    w.check("Read and pass on under its marking" in text, "the marking's meaning is spelled out")
    w.check("Who may read the register" in text and "local authorities ask through the police" in text,
            "Valdoria's question and Norvania's answer are in the thread")
    w.check("sharing state" in text, "the answer is marked as the sharing state's")
    w.check(not d.find_elements(By.XPATH, "//main//button[normalize-space()='Withdraw']"), "Valdoria cannot withdraw Norvania's practice")

    phase = "comment"
    Select(d.find_element(By.ID, "c-kind")).select_by_visible_text("Question")
    d.find_element(By.ID, "c-body").send_keys(COMMENT)
    press(d, button(d, "Post"))
    w.check("Your comment is posted." in d.page_source, "the comment is posted")
    w.check(d.current_url.split("#")[0] == legislation, "back on the practice", d.current_url)
    text = w.main_text(d)
    w.check(COMMENT in text, "the comment is in the thread")
    w.check(text.index(COMMENT) > text.index("local authorities ask through the police"), "the new comment comes last")

    phase = "blank comment"
    box = d.find_element(By.ID, "c-body")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
    button(d, "Post").click()
    time.sleep(0.3)
    w.check(d.execute_script("return arguments[0].validity.valueMissing", box) and d.current_url.split("#")[0] == legislation,
            "an empty comment is stopped by the browser (required)")
    box.send_keys("   ")
    press(d, button(d, "Post"))
    look(d, "comment refused", "comment-refused")
    err = d.find_elements(By.ID, "c-body-error")
    w.check(err and err[0].text.strip(), "a blank comment is refused with the message by the field", err[0].text if err else "no #c-body-error")
    w.check(err and d.find_element(By.ID, "c-body").get_attribute("aria-invalid") == "true"
            and d.find_element(By.ID, "c-body").get_attribute("aria-describedby") == "c-body-error",
            "the text field is marked invalid and described by its message")
    w.check(err and err[0].location["y"] > d.find_element(By.ID, "c-body").location["y"], "the message sits right under the field")
    w.check(d.find_elements(By.ID, "c-kind") and d.find_elements(By.ID, "errors"), "the form is shown again with an error summary")
    w.check(w.main_text(d).count(COMMENT) == 1, "the blank comment added nothing")

    phase = "share"
    d.find_element(By.PARTIAL_LINK_TEXT, "Good practices").click()
    w.loaded(d)
    d.find_element(By.LINK_TEXT, "Share a good practice").click()
    look(d, "share form", "form")
    w.check(d.find_element(By.ID, "p-scope-states").is_selected(), "the form starts at chosen states")
    w.check("Only these states will see the practice" in w.main_text(d), "the form says who will see it")
    region_choice(d)
    refused_red_to_all(d)
    phase = "ticked states"
    refused_ticked_to_all(d)
    phase = "share"
    Select(d.find_element(By.ID, "p-tlp")).select_by_value("AMBER")
    d.find_element(By.ID, "p-scope-states").click()
    press(d, button(d, "Share the practice"))
    m = re.search(r"/practices/([0-9a-f-]{36})(#.*)?$", d.current_url)
    w.check(m, "sharing lands on the practice", d.current_url)
    # The form posts to …/practices#errors; the redirect carries a fragment of its own (RFC 9110 §10.2.2), #main.
    w.check(m and m.group(2) == "#main", "the address bar shows the practice's own address, at #main", d.current_url)
    look(d, "shared practice", "shared")
    practice = d.current_url.split("#")[0]
    practice_id = m.group(1) if m else ""
    text = w.main_text(d)
    w.check("The practice is shared." in d.page_source, "the practice is shared")
    w.check(TITLE in text and "TLP:AMBER" in text and "Shared with: Kingdom of Norvania" in text,
            "the practice shows its marking and its one recipient")
    w.check(button(d, "Withdraw"), "the sharing state may withdraw it")
    d.get(vld + "/practices")
    w.loaded(d)
    w.check(section(d, "Shared by your state").count(TITLE) == 1, "the new practice is listed once as shared by Valdoria (the refused ones not)")
    list_layout(d, "Valdoria, after sharing")

    # 5. The same pages at phone size, before Norvania reads it.
    phase = "phone (Valdoria)"
    p = w.browser(390, 844)
    w.login(p, FOCAL)
    p.get(vld + "/practices")
    look(p, "practices list", "list", phone=True)
    p.get(legislation)
    look(p, "received practice", "legislation", phone=True)
    p.find_element(By.ID, "c-body").send_keys(" ")
    press(p, button(p, "Post"))
    look(p, "comment refused", "comment-refused", phone=True)
    w.check(p.find_elements(By.ID, "c-body-error"), "a blank comment is refused (phone)")
    p.get(vld + "/practices/new")
    look(p, "share form", "form", phone=True)
    overflow = p.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    w.check(overflow <= 0, "the form does not scroll sideways on a phone", f"{overflow}px too wide")
    refused_red_to_all(p, phone=True)
    p.get(practice)
    look(p, "shared practice", "shared", phone=True)
    p.quit()

    # 2. Norvania's focal point.
    phase = "Norvania"
    n = w.browser(1280, 900)
    w.login(n, NRV_FOCAL)
    nrv = open_state(n, "Kingdom of Norvania")
    look(n, "practices list (Norvania)", "nrv-list")
    list_layout(n, "Norvania")
    received = section(n, "Shared with your state")
    w.check(TITLE in received and "Republic of Valdoria" in received, "Norvania sees the new practice, from Valdoria")
    w.check("crypto-asset tracing" in received, "Norvania sees Valdoria's success story (all partners)")
    w.check("tabletop exercise" not in n.page_source, "Norvania does not see Valdoria's withdrawn lesson")
    n.get(f"{nrv}/practices/{lesson_id}")
    w.loaded(n)
    w.check("Status 404" in w.main_text(n), "the withdrawn lesson's address is a 404 for Norvania", w.main_text(n)[:80])
    n.get(f"{nrv}/practices")
    w.loaded(n)
    n.find_element(By.PARTIAL_LINK_TEXT, TITLE).click()
    look(n, "received practice (Norvania)", "nrv-practice")
    nrv_practice = n.current_url
    w.check(nrv_practice.endswith(practice_id), "Norvania opens it at its own state's address", nrv_practice)
    text = w.main_text(n)
    reach = n.find_element(By.CSS_SELECTOR, "main p.small").text
    w.check(reach == "Shared with your state by name", "the recipients line says how it reached Norvania", reach)
    w.check("Shared with:" not in text and "Kingdom of Norvania" not in text.split("Comments and questions")[0],
            "no list of recipients is shown to a recipient")
    w.check(not n.find_elements(By.XPATH, "//main//button[normalize-space()='Withdraw']"), "Norvania cannot withdraw it")
    n.find_element(By.ID, "c-body").send_keys(ANSWER)
    press(n, button(n, "Post"))
    w.check("Your comment is posted." in n.page_source and ANSWER in w.main_text(n), "Norvania comments on it")

    p = w.browser(390, 844)
    w.login(p, NRV_FOCAL)
    p.get(nrv_practice)
    look(p, "received practice (Norvania)", "nrv-practice", phone=True)

    # 3. Valdoria withdraws it.
    phase = "withdraw"
    d.get(practice)
    w.loaded(d)
    w.check(ANSWER in w.main_text(d), "Valdoria reads Norvania's comment")
    tick = d.find_element(By.ID, "w-confirm")
    w.check("I understand that" in tick.find_element(By.XPATH, "./ancestor::label").text and not tick.is_selected(),
            "the withdrawal asks for a tick, not ticked")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", tick)
    button(d, "Withdraw").click()
    time.sleep(0.3)
    w.check(d.execute_script("return arguments[0].validity.valueMissing", tick) and d.current_url == practice,
            "withdrawing without the tick is stopped by the browser (required)", d.current_url)
    d.execute_script("arguments[0].removeAttribute('required')", tick)
    press(d, button(d, "Withdraw"))
    look(d, "withdrawal refused", "withdraw-refused")
    err = d.find_elements(By.ID, "w-confirm-error")
    tick = d.find_element(By.ID, "w-confirm")
    w.check(status(d) == 400 and err and err[0].text.strip(), "without the tick the withdrawal is refused (400) with a message",
            f"{status(d)} {err[0].text if err else 'no #w-confirm-error'}")
    w.check(err and tick.get_attribute("aria-invalid") == "true" and tick.get_attribute("aria-describedby") == "w-confirm-error"
            and 0 < tick.location["y"] - err[0].location["y"] < 120, "the message sits by the tick, which it describes")
    w.check("Withdrawn on" not in w.main_text(d) and "The practice is withdrawn." not in d.page_source and d.find_elements(By.ID, "c-body"),
            "the practice is not withdrawn")
    n.get(nrv_practice)
    w.loaded(n)
    w.check(TITLE in w.main_text(n), "Norvania still reads it")
    tick.click()
    press(d, button(d, "Withdraw"))
    w.check(d.current_url == practice + "#main", "withdrawing lands on the practice, at #main", d.current_url)
    look(d, "withdrawn practice", "withdrawn")
    text = w.main_text(d)
    w.check("The practice is withdrawn." in d.page_source and "Withdrawn on" in text, "the practice is withdrawn and says so")
    w.check(not d.find_elements(By.ID, "w-confirm"), "no withdrawal form is left")
    w.check(not d.find_elements(By.ID, "c-body"), "a withdrawn practice takes no more comments")
    n.get(nrv_practice)
    look(n, "withdrawn practice (Norvania)", "nrv-404")
    w.check("Status 404" in w.main_text(n) and TITLE not in n.page_source, "Norvania gets a 404 on its address", w.main_text(n)[:80])
    p.get(nrv_practice)
    look(p, "withdrawn practice (Norvania)", "nrv-404", phone=True)
    p.quit()
    n.get(nrv + "/practices")
    w.loaded(n)
    w.check(TITLE not in n.page_source, "it is gone from Norvania's list")
    n.quit()
    d.quit()

    # 4. Valdoria's facilitator.
    phase = "facilitator"
    for width, height, phone in [(1280, 900, False), (390, 844, True)]:
        f = w.browser(width, height)
        w.login(f, FACILITATOR)
        f.get(vld)
        look(f, "state overview (facilitator)", "facilitator-state", phone)
        tag = " (phone)" if phone else ""
        w.check(nav_links(f) and "Good practices" not in nav_links(f), f"the facilitator has no Good practices entry{tag}", str(nav_links(f)))
        f.get(vld + "/practices")
        look(f, "practices (facilitator)", "facilitator-403", phone)
        w.check("Status 403" in w.main_text(f) and "Registering unmanned" not in f.page_source,
                f"the facilitator gets a 403 on the address{tag}", w.main_text(f)[:80])
        f.get(legislation)
        w.loaded(f)
        w.check("Status 403" in w.main_text(f) and "Registering unmanned" not in f.page_source,
                f"and on a practice's address{tag}", w.main_text(f)[:80])
        f.quit()
    phase = "done"
except Exception:
    traceback.print_exc()
    print(f"the walk stopped during: {phase}", flush=True)

status = w.summary()
sys.exit(status if phase == "done" else 2)
