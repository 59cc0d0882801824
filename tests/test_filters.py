"""Document filters (--symbol with *, --body, --year) through the library and the CLI, on a tiny
index of documents whose mastheads name their body and date."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from rag.cli import app
from rag.errors import UsageError
from rag.search.filters import Filters
from rag.service import Session, build

runner = CliRunner()

DOCS = {  # symbol: (masthead body line, date of issue)
    "S/2025/10": ("Security Council", "7 March 2025"),
    "S/2024/20": ("Security Council", "2 May 2024"),
    "A/80/30": ("General Assembly", "17 July 2025"),
    "E/2023/40": ("Economic and Social Council", "16 May 2023"),
    # a functional commission's report: the Council's, and the Commission's printed under it
    "E/CN.6/2025/5": ("Economic and Social Council", "17 December 2024"),
}
SUBSIDIARY = {"E/CN.6/2025/5": "Commission on the Status of Women\n\nSixty-ninth session\n\n"}


def _document(symbol: str, body: str, date: str) -> str:
    return (f"United Nations {symbol}\n\n{body} Distr.: General\n\n{date}\n\nOriginal: English\n\n"
            + SUBSIDIARY.get(symbol, "") +
            "Report of the Secretary-General on water supply\n\n"
            + "\n\n".join(f"{i}. The Council considered water supply item {i} of {symbol} and noted "
                          f"progress on water cooperation among Member States." for i in range(1, 4)) + "\n")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for symbol, (body, date) in DOCS.items():
        (folder / (symbol.replace("/", "_") + ".txt")).write_text(_document(symbol, body, date), encoding="utf-8")
    return folder


@pytest.fixture
def session(fake_settings, corpus):
    build(fake_settings, [corpus])
    with Session(fake_settings) as s:
        yield s


def _symbols(hits) -> set[str]:
    return {h.symbol for h in hits}


def test_documents_and_their_paragraphs(session):
    docs = {d.symbol: d for d in session.index.documents()}
    assert docs["S/2025/10"].date == "2025-03-07" and docs["S/2025/10"].body == "Security Council"
    assert docs["E/2023/40"].title == "Report of the Secretary-General on water supply"
    owner = session.index.paragraph_documents()
    assert owner.shape == (session.index.size,) and owner.dtype == np.int32
    for d in docs.values():
        assert (owner == d.row).sum() == d.paragraphs == 3


@pytest.mark.parametrize("filters, expected", [
    (Filters(body="Security Council"), {"S/2025/10", "S/2024/20"}),
    (Filters(body="  security   council "), {"S/2025/10", "S/2024/20"}),
    (Filters(body="SC"), {"S/2025/10", "S/2024/20"}),
    (Filters(body="ecosoc"), {"E/2023/40", "E/CN.6/2025/5"}),
    (Filters(body="Commission on the Status of Women"), {"E/CN.6/2025/5"}),
    (Filters(body="CSW"), {"E/CN.6/2025/5"}),
    (Filters(year="2025"), {"S/2025/10", "A/80/30"}),
    (Filters(year="2023-2024"), {"S/2024/20", "E/2023/40", "E/CN.6/2025/5"}),
    (Filters(symbol=" s/2025/* "), {"S/2025/10"}),
    (Filters(symbol="a/80/30"), {"A/80/30"}),
    (Filters(body="Security Council", year="2024"), {"S/2024/20"}),
    (Filters(symbol="S/*", year="2025"), {"S/2025/10"}),
])
def test_filters_restrict_the_hits(session, filters, expected):
    assert _symbols(session.search("water supply cooperation", k=20, filters=filters)) == expected
    answer = session.ask("water supply cooperation", filters=filters)
    assert {c.symbol for c in answer.citations} <= expected


@pytest.mark.parametrize("filters, named", [
    (Filters(body="Trusteeship Council"), 'body "Trusteeship Council"'),
    (Filters(year="2019"), 'year "2019"'),
    (Filters(symbol="S/2024/*", year="2025"), 'symbol "S/2024/*", year "2025"'),
])
def test_a_filter_that_matches_no_document_is_an_error(session, filters, named):
    for call in (lambda: session.search("water", filters=filters), lambda: session.ask("water", filters=filters)):
        with pytest.raises(UsageError, match=re.escape("no indexed document matches " + named)):
            call()


@pytest.mark.parametrize("year", ["20x5", "25"])
def test_a_malformed_year_is_refused(year):
    with pytest.raises(UsageError, match="expected YYYY or YYYY-YYYY"):
        Filters(year=year)


def test_a_reversed_year_range_says_so():
    with pytest.raises(UsageError, match=r"'2025-2024': the range ends before it starts \(write 2024-2025\)"):
        Filters(year="2025-2024")


def test_filters_on_the_command_line(fake_env, corpus):
    import json

    assert runner.invoke(app, ["index", "build", str(corpus)]).exit_code == 0
    result = runner.invoke(app, ["search", "water supply", "--body", "SC", "--year", "2025", "--json", "-k", "9"])
    assert result.exit_code == 0, result.output
    assert {h["symbol"] for h in json.loads(result.stdout)["hits"]} == {"S/2025/10"}
    result = runner.invoke(app, ["ask", "water supply cooperation", "--symbol", "A/80/*", "--json"])
    assert result.exit_code == 0 and {c["symbol"] for c in json.loads(result.stdout)["citations"]} <= {"A/80/30"}
    for args, named in ((["--body", "Trusteeship"], 'body "Trusteeship"'), (["--year", "2030"], 'year "2030"'),
                        (["--year", "soon"], "year 'soon'"), (["--symbol", ""], "--symbol"),
                        (["--body", " "], "--body"), (["--year", ""], "--year")):
        for command in ("ask", "search"):
            result = runner.invoke(app, [command, "water", *args])
            lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
            assert result.exit_code == 2 and len(lines) == 1 and named in lines[0], result.output


@pytest.mark.parametrize("typed", ["s/2025/10", " S/2025/10 ", "S / 2025 / 10", "s/2025/*", "A/80/30-S/2025/10"])
def test_symbols_are_matched_as_a_user_types_them(session, typed):
    """Case, spaces and a joint symbol as printed (either of its parts) do not matter."""
    expected = {"S/2025/10", "A/80/30"} if "-" in typed else {"S/2025/10"}
    assert _symbols(session.search("water supply cooperation", k=20, filters=Filters(symbol=typed))) == expected


def test_an_unknown_symbol_is_not_found_with_suggestions(session):
    from rag.errors import NotFoundError

    with pytest.raises(NotFoundError, match=r"no indexed document has symbol 'S/2025/11'.*S/2025/10"):
        session.search("water", filters=Filters(symbol="S/2025/11"))


def test_show_accepts_symbols_and_numbers_as_typed_or_cited(session):
    for symbol, number in [("s/2025/10", "2"), ("S/2025/10 ", "para. 2"), ("S/2025/10", "paragraph 2"),
                           ("A/79/999-S/2025/10", "2"), ("S/2025/10", "para 2")]:
        assert session.show(symbol, number).citation == "S/2025/10, para. 2", (symbol, number)


def test_unknown_symbol_on_the_command_line_is_exit_3_with_json_error(fake_env, corpus):
    assert runner.invoke(app, ["index", "build", str(corpus)]).exit_code == 0
    result = runner.invoke(app, ["search", "water", "--symbol", "S/2025/11", "--json"])
    assert result.exit_code == 3
    error = json.loads(result.stdout)
    assert error["type"] == "NotFoundError" and "S/2025/10" in error["error"] and error["fix"]


def test_a_question_citing_an_indexed_symbol_asks_of_that_document(session):
    """"According to S/2024/20, ...": the question is asked of the document it cites, as with
    --symbol; a draft or document the index lacks ("A/C.2/79/L.51") leaves the search whole."""
    cited = "According to S/2024/20, what progress on water cooperation did the Council note?"
    assert _symbols(session.search(cited, k=20)) == {"S/2024/20"}
    answer = session.ask(cited)
    assert [c.symbol for c in answer.citations] in ([], ["S/2024/20"])
    assert answer.closest is None or answer.closest.symbol == "S/2024/20"
    assert len(_symbols(session.search("What did the amendment A/C.2/79/L.51 say on water supply cooperation?",
                                       k=20))) == len(DOCS)
    # a symbol filter given decides; other filters narrow the cited document's search
    assert _symbols(session.search(cited, k=20, filters=Filters(symbol="S/2025/10"))) == {"S/2025/10"}
    assert _symbols(session.search(cited, k=20, filters=Filters(body="SC"))) == {"S/2024/20"}
    # filters that exclude the cited document keep their own documents
    assert _symbols(session.search(cited, k=20, filters=Filters(body="GA"))) == {"A/80/30"}


def test_a_question_in_fullwidth_forms_or_with_terminal_codes_is_the_plain_question(session):
    """NFKC folds fullwidth letters and digits; a terminal's colour codes pasted with a question
    are dropped."""
    plain = "water supply cooperation in S/2025/10?"
    for typed in ("ｗａｔｅｒ ｓｕｐｐｌｙ ｃｏｏｐｅｒａｔｉｏｎ ｉｎ Ｓ/２０２５/１０？",
                  "\x1b[31mwater supply\x1b[0m cooperation in S/2025/10?"):
        assert [h.citation for h in session.search(typed, k=5)] == [h.citation for h in session.search(plain, k=5)]
        assert session.ask(typed).question == plain



def test_a_filter_given_twice_is_refused_not_half_applied(tmp_path):
    """click would keep the last `--symbol` silently; the command line refuses it, naming the
    option, before it reads any index."""
    import subprocess

    from tests.conftest import RAG, REPO, rag_env

    env = rag_env(RAG_INDEX_DIR=str(tmp_path / "none"))
    for args in (["--symbol", "S/2025/10", "--symbol", "S/2024/20"], ["--year", "2025", "--year=1997"]):
        result = subprocess.run([*RAG, "ask", "water supply", *args], env=env, cwd=REPO, capture_output=True,
                                text=True, timeout=60)
        assert result.returncode == 2 and result.stdout == ""
        assert result.stderr.startswith(f"error: {args[0]} given more than once") and len(result.stderr.splitlines()) == 1
        assert ("symbol pattern" in result.stderr) == (args[0] == "--symbol")  # the advice only where it applies
        js = subprocess.run([*RAG, "search", "water supply", *args, "--json"], env=env, cwd=REPO, capture_output=True,
                            text=True, timeout=60)
        assert js.returncode == 2 and json.loads(js.stdout)["type"] == "UsageError"


def test_an_abstention_under_filters_says_what_was_searched(session):
    """A question that the filtered documents do not answer says that only they were searched:
    the answer may be in a document the filters left out."""
    filters = Filters(year="2023")
    answer = session.ask("How many peacekeepers did UNDOF deploy on the Golan?", filters=filters)
    assert answer.abstained
    assert answer.answer.endswith('Only the documents with year "2023" were searched.'), answer.answer
    unfiltered = session.ask("How many peacekeepers did UNDOF deploy on the Golan?")
    assert unfiltered.abstained and "were searched" not in unfiltered.answer


def test_a_body_filter_takes_the_report_of_that_body() -> None:
    """A/80/42, "Report of the Disarmament Commission for 2025", is issued by the General Assembly:
    `--body "Disarmament Commission"` takes it; a body it merely mentions does not."""
    from rag.search.filters import _body_matches

    title = "Report of the Disarmament Commission for 2025"
    assert _body_matches("Disarmament Commission", "General Assembly", title)
    assert _body_matches("disarmament  commission", "General Assembly", title)
    assert not _body_matches("Commission on the Status of Women", "General Assembly", title)
    assert not _body_matches("Disarmament Commission", "General Assembly", "Activities of the Disarmament Commission")
    assert not _body_matches("Secretary", "Security Council", "Situation in Abyei Report of the Secretary-General")
    assert _body_matches("Special Committee (C-34)", "General Assembly", "Report of the Special Committee (C-34) 2025")


def test_a_body_filter_takes_part_of_the_reported_body_s_name_and_its_acronym() -> None:
    """A/80/38, "Report of the Committee on the Elimination of Discrimination against Women", and
    E/2025/70, "Report of the United Nations Group of Experts on Geographical Names": a new user's
    `--body "Elimination of Discrimination against Women"`, `--body "Group of Experts on
    Geographical Names"` and `--body CEDAW` found no document."""
    from rag.search.filters import _body_matches

    cedaw = "Report of the Committee on the Elimination of Discrimination against Women Eighty-eighth session"
    for wanted in ("Elimination of Discrimination against Women", "CEDAW", "cedaw",
                   "Committee on the Elimination of Discrimination against Women"):
        assert _body_matches(wanted, "General Assembly", cedaw), wanted
    experts = "Report of the United Nations Group of Experts on Geographical Names on its 2025 session"
    assert _body_matches("Group of Experts on Geographical Names", "Economic and Social Council", experts)
    assert not _body_matches("Women", "General Assembly", "Report of the Committee on the Rights of the Child")
    # an office reports on a place or a body it does not belong to; a title set in capitals is no name
    assert not _body_matches("Somalia", "Security Council", "Report of the Secretary-General on Somalia")
    assert not _body_matches("Peacebuilding Commission", "Security Council",
                             "Report of the Secretary-General on the Peacebuilding Commission")
    assert not _body_matches("Council", "General Assembly", "REPORT OF THE ECONOMIC AND SOCIAL COUNCIL Report of the "
                             "Special Political and Decolonization Committee")
    assert not _body_matches("Secretary", "Security Council", "Report of the Secretary-General on the Sudan")
    assert not _body_matches("Geographical Names", "General Assembly", "Report of the Secretary-General. The Group "
                             "of Experts on Geographical Names met in 2025")
