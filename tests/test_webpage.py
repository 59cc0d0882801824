"""The web page of `rag serve`, driven in a real browser (Debian's chromium through Playwright;
skipped where either is missing): ask the demo question, read the answer in context, filter by
a symbol, see an abstention, list the documents, on a desktop and a phone screen. Screenshots go
to RAG_TEST_ARTIFACTS (default: the test's temporary folder)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import DEMO_QUESTION
from tests.fake_llm import Script, fake_llm
from tests.test_server import _serving

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)")


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("RAG_TEST_ARTIFACTS") or tmp_path / "screens")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            yield b
        finally:
            b.close()


def _desktop_page(browser, base: str):
    """The page at `base` in a desktop-sized window, and the list its script errors go to."""
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/")
    return page, errors


def test_ask_read_in_context_filter_and_abstain(tmp_path, seed_dir, browser, artifacts):
    with _serving(tmp_path, seed_dir) as base:
        page, errors = _desktop_page(browser, base)
        # Keyboard only: the question box has the focus; Enter asks.
        page.keyboard.type(DEMO_QUESTION)
        page.keyboard.press("Enter")
        citation = page.locator("#answer-citation")
        citation.wait_for(timeout=30_000)
        assert citation.inner_text() == "A/59/377, para. 49"
        assert "IOM serves as secretariat" in page.locator("#answer mark").inner_text()
        assert "p. 15" in page.locator("#answer .where").inner_text()
        page.screenshot(path=str(artifacts / "answer.png"), full_page=True)

        page.locator("#answer button.context").click()
        page.locator("#answer .in-context.current").wait_for()
        shown = page.locator("#answer .in-context cite").all_inner_texts()
        assert shown == ["A/59/377, para. 47", "A/59/377, para. 48", "A/59/377, para. 49"]
        page.screenshot(path=str(artifacts / "context.png"), full_page=True)

        permalink = page.locator("#answer a.permalink").get_attribute("href")
        assert "q=" in permalink
        assert page.locator("#answer a.source").get_attribute("href").startswith("/source?symbol=A%2F59%2F377")

        # A symbol filter no document passes is said as such; one that passes answers.
        page.fill("#f-symbol", "S/2025/*")
        page.click("#ask-button")
        page.wait_for_function("document.querySelector('#status').className === 'error'")
        assert "S/2025/*" in page.locator("#status").inner_text()
        page.fill("#f-symbol", "a/59/*")
        page.click("#ask-button")
        page.wait_for_function("document.querySelector('#status').textContent.startsWith('Answered')")
        assert citation.inner_text() == "A/59/377, para. 49"

        page.fill("#f-symbol", "")
        page.fill("#question", "what is the boiling point of liquid nitrogen?")
        page.keyboard.press("Enter")
        page.locator("#answer.abstained").wait_for()
        assert "No paragraph supports an answer" in page.locator("#answer h3").inner_text()
        page.screenshot(path=str(artifacts / "abstained.png"), full_page=True)
        # a near miss names the closest paragraph and shows what it reads, for the reader to check
        page.fill("#question", "which forum does IOM serve as secretariat for at the sixtieth session?")
        page.keyboard.press("Enter")
        page.locator("#answer.abstained .closest-quote").wait_for()
        assert page.locator("#answer .closest-quote").inner_text().startswith("It reads: “")
        assert "sixtieth" in page.locator("#answer p.abstain").inner_text()

        # A permalink opened afresh asks again.
        page.goto(base + permalink)
        page.locator("#answer-citation").wait_for()
        assert page.locator("#answer-citation").inner_text() == "A/59/377, para. 49"
        assert errors == []


def test_document_list_and_phone_screen(tmp_path, seed_dir, browser, artifacts):
    with _serving(tmp_path, seed_dir) as base:
        page = browser.new_page(viewport={"width": 390, "height": 844}, is_mobile=True)
        page.goto(base + "/#documents")
        row = page.locator("#doc-table tbody tr")
        row.first.wait_for()
        assert row.first.locator("th").inner_text() == "A/59/377"
        assert row.first.locator("td.num").inner_text() == "3"
        title = "THE SITUATION OF DEMOCRACY AND HUMAN RIGHTS IN HAITI Report of the Secretary-General " * 3
        row.first.locator("td").first.evaluate("(cell, text) => { cell.textContent = text; }", title)
        lines = "el => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects().length; }"
        for cell in (row.first.locator("th"), row.first.locator("td.num"), row.first.locator("button"),
                     page.locator("#doc-table thead th").nth(3)):
            assert cell.evaluate(lines) == 1  # a long title does not squeeze them into a letter a line
        assert page.evaluate("(w => w.scrollWidth <= w.clientWidth)(document.querySelector('.table-wrap'))")
        page.fill("#doc-filter", "nothing like this")
        assert page.locator("#doc-table tbody tr:visible").count() == 0
        page.fill("#doc-filter", "a/59")
        row.first.locator("button").click()  # search in this document
        page.locator("#question").wait_for(state="visible")
        assert page.input_value("#f-symbol") == "A/59/377"
        page.fill("#question", DEMO_QUESTION)
        page.keyboard.press("Enter")
        page.locator("#answer-citation").wait_for()
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # no sideways scrolling
        page.screenshot(path=str(artifacts / "phone.png"), full_page=True)


def test_evidence_digest(tmp_path, seed_dir, browser, artifacts):
    with _serving(tmp_path, seed_dir) as base:
        page, errors = _desktop_page(browser, base)
        assert page.locator("#generate-option").is_hidden()  # no language model configured: no offer to write
        page.fill("#question", "what initiatives on migration are mentioned?")
        page.check("#f-digest")
        page.click("#ask-button")
        page.locator("#digest .digest-item").first.wait_for(timeout=30_000)
        assert page.locator("#digest h4").first.inner_text().startswith("A/59/377")
        assert "A/59/377, para. 49" in page.locator("#digest cite").all_inner_texts()
        assert page.locator("#others").is_hidden()  # the digest replaces the list of other matches
        assert "digest=1" in page.locator("#answer a.permalink").get_attribute("href")
        page.screenshot(path=str(artifacts / "digest.png"), full_page=True)
        page.goto(base + "/?q=what+is+the+boiling+point+of+liquid+nitrogen%3F&digest=1#ask")
        page.locator("#answer.abstained").wait_for()
        assert page.is_checked("#f-digest") and page.locator("#digest").is_hidden()
        assert errors == []


def test_written_answer_streams_with_its_sentences_checked(tmp_path, seed_dir, browser, artifacts):
    text = ("IOM serves as secretariat for the Berne Initiative [A/59/377, para. 49]. "
            "It was founded in 1999 [A/59/377, para. 49].")
    script = Script(text=text, piece=6)
    with fake_llm(script) as url, _serving(tmp_path, seed_dir, RAG_LLM_URL=url, RAG_LLM_MODEL="fake-model") as base:
        page, errors = _desktop_page(browser, base)
        page.locator("#generate-option").wait_for()  # offered: the server has a language model
        assert "fake-model" in page.locator("#generate-option").inner_text()
        page.fill("#question", DEMO_QUESTION)
        page.check("#f-generate")
        page.click("#ask-button")
        page.locator("#generated .sentence").first.wait_for(timeout=30_000)
        assert page.locator("#generated .sentence.supported").all_inner_texts() == [
            "IOM serves as secretariat for the Berne Initiative. [A/59/377, para. 49] "]
        unsupported = page.locator("#generated .sentence.unsupported")
        assert unsupported.count() == 1 and "1999" in unsupported.inner_text() and "[unsupported]" in unsupported.inner_text()
        assert page.locator("#answer-citation").inner_text() == "A/59/377, para. 49"  # the extractive answer too
        page.screenshot(path=str(artifacts / "generated.png"), full_page=True)
        script.mode = "broken"
        page.click("#ask-button")
        page.wait_for_function("document.querySelector('#status').className === 'error'")
        assert "No written answer" in page.locator("#generated-note").inner_text()
        assert page.locator("#answer-citation").inner_text() == "A/59/377, para. 49"
        assert errors == []
