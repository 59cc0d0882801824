"""The `rag` command line: parse, call one library function, print (plain lines or --json).

Library errors (RagError) become one line on stderr and their exit code; heavy imports
happen inside commands so `rag --help` stays fast.
"""

from __future__ import annotations

import copy
import json
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

if TYPE_CHECKING:
    from rag.config import Settings
    from rag.index.build import BuildReport

app = typer.Typer(help="Cited answers from paragraph-numbered official documents, offline.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  rich_markup_mode=None)
index_app = typer.Typer(help="Build, rebuild and inspect the index.", no_args_is_help=True,
                        rich_markup_mode=None)
app.add_typer(index_app, name="index")


def _version(value: bool) -> None:
    if value:
        from rag import __version__

        typer.echo(f"rag {__version__}")
        raise typer.Exit()


@app.callback()
def _options(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                   help="Print rag's version and exit.")] = False) -> None:
    """Cited answers from paragraph-numbered official documents, offline."""

IndexDir = Annotated[Optional[Path], typer.Option("--index-dir", help="Folder of indexes (env RAG_INDEX_DIR).",
                                                  show_default=False)]
IndexName = Annotated[Optional[str], typer.Option("--index", help="Index name inside the folder (default: default).",
                                                  show_default=False)]
Model = Annotated[Optional[str], typer.Option("--model", help="Embedding model name or path (env RAG_MODEL).",
                                              show_default=False)]
Config = Annotated[Optional[Path], typer.Option("--config", help="TOML settings file (env RAG_CONFIG).",
                                                show_default=False)]
StoreUrl = Annotated[Optional[str], typer.Option(
    "--store", help="Read (and publish builds into) a PostgreSQL store instead of the index folder: "
                    "postgresql://USER@HOST:PORT/DATABASE (env RAG_STORE).", show_default=False)]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
Wait = Annotated[bool, typer.Option("--wait", help="Wait for another build's lock instead of stopping.")]
Symbol = Annotated[Optional[str], typer.Option(
    "--symbol", help="Only documents issued under this symbol; * stands for any characters (S/2025/*).")]
Body = Annotated[Optional[str], typer.Option(
    "--body", help="Only documents of this body: part of its name (security council) or GA, SC, ECOSOC, HRC.")]
Year = Annotated[Optional[str], typer.Option("--year", help="Only documents issued in this year or range (2024-2025).")]


def _filters(symbol: str | None, body: str | None, year: str | None) -> Any:
    """The document filters given (rag.search.filters.Filters.given), or None (without importing
    the search code when none is given); UsageError for one given empty ("--symbol ''")."""
    for option, value in (("--symbol", symbol), ("--body", body), ("--year", year)):
        if value is not None and not value.strip():
            from rag.errors import UsageError

            raise UsageError(f"{option} is empty: give a value or leave the option out")
    if not (symbol or body or year):
        return None
    from rag.search.filters import Filters

    return Filters.given(symbol, body, year)


_INDEX_PATHS: list[Path] = []  # the index the running command uses, for the Ctrl-C message


def _settings(index_dir: Path | None, index: str | None, model: str | None, config: Path | None,
              store: str | None = None) -> Settings:
    from rag.config import load_settings

    settings = load_settings(config_file=config, index_dir=index_dir, index_name=index, model=model, store=store)
    _INDEX_PATHS.append(settings.index_path)
    return settings


def _interrupted() -> str:
    """What Ctrl-C left: the previous index answering, or no index where there was none."""
    if _INDEX_PATHS and not (_INDEX_PATHS[-1] / "CURRENT").exists():
        return "interrupted; no index was written (there was none before)"
    return "interrupted; the previous index is unchanged"


def _err(message: str) -> None:
    from rag.errors import printable

    typer.echo(printable(f"error: {message}"), err=True)


def printable(text: str) -> str:
    """A line naming files, safe to print (rag.errors.printable)."""
    from rag.errors import printable as escape

    return escape(text)


@contextmanager
def _errors(as_json: bool = False) -> Iterator[None]:
    """Turn library errors into one line on stderr and the error's exit code; with --json, into
    `{"error", "type", "fix"}` on stdout (the same exit code)."""
    from rag.errors import RagError

    try:
        yield
    except RagError as exc:
        _fail(exc.message if as_json else str(exc), type(exc).__name__, exc.fix, as_json)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt as exc:
        _fail(_interrupted(), "Interrupted", None, as_json)
        raise typer.Exit(143 if isinstance(exc, _Terminated) else 130) from None


def _fail(message: str, kind: str, fix: str | None, as_json: bool) -> None:
    if as_json:
        _print_json({"error": message, "type": kind, "fix": fix})
    else:
        _err(message)


def _print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a file name that is not UTF-8: JSON escapes, not a crash
            text = json.dumps(data, indent=2)
    typer.echo(text)


def _line(text: str = "", style: str | None = None) -> None:
    """One line of a command's output, verbatim; `style` (bold or dim) shows on a terminal only."""
    if style and text:
        typer.secho(text, **{style: True})
    else:
        typer.echo(text)


STAGES = {"parse": "Parsing files", "embed": "Embedding paragraphs", "sentences": "Embedding sentences past a paragraph's window",
          "texts": "Embedding paragraphs and sentences", "write": "Writing index", "ask": "Asking"}


class _ProgressLine:
    """A build's (or an evaluation's) progress on stderr: one line a stage, rewritten in place,
    `Embedding paragraphs 1200/9083 (14 s)`, at most ten times a second."""

    def __init__(self) -> None:
        self.stage: str | None = None
        self.started = self.shown = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.finish()
            self.stage, self.started = stage, now
        elif done < total and now - self.shown < 0.1:
            return
        self.shown = now
        typer.echo(f"\r{STAGES.get(stage, stage)} {done}/{max(total, 1)} ({now - self.started:.0f} s)",
                   err=True, nl=False)

    def finish(self) -> None:
        """End the current stage's line."""
        if self.stage is not None:
            typer.echo(err=True)
        self.stage = None


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress line on stderr (`enabled`: stderr is a terminal and the output is not --json)."""
    if not enabled:
        yield None
        return
    line = _ProgressLine()
    try:
        yield line
    finally:
        line.finish()


def _summary(report: BuildReport, as_json: bool) -> None:
    if as_json:
        _print_json(report.to_json())
        return
    if not report.changed:
        typer.echo(f"Index is up to date: {report.documents} document(s), {report.paragraphs} paragraph(s), "
                   f"nothing changed ({report.seconds:.2f} s).")
    else:
        repeats = report.paragraphs - report.embedded - report.reused  # a text two paragraphs share is embedded once
        typer.echo(f"Indexed {report.documents} document(s), {report.paragraphs} paragraph(s) in "
                   f"{report.seconds:.1f} s ({report.parsed} parsed, {report.unchanged} unchanged; "
                   f"{report.embedded} embedded, {report.reused} reused from cache"
                   + (f", {repeats} with the same text as another, embedded once" if repeats > 0 else "") + ").")
    for line in report.removed:
        typer.echo(printable(f"removed: {line}"))
    for line in report.replaced:
        typer.echo(printable(f"replaced: {line}"))
    for line in report.notices:
        typer.echo(printable(f"notice: {line}"))
    for s in report.skipped:
        typer.echo(printable(f"skipped (unsupported type): {s}"))
    for f in report.failed:
        _err(f"{f['error']}")


def _where(settings: Settings) -> str:
    """The index as messages name it: its folder, or the store (password hidden) and its name."""
    if settings.store:
        from rag.index.postgres.connect import redact

        return f"{redact(settings.store)}#{settings.index_name}"
    return str(settings.index_path)


def _ensure(settings: Settings, quiet: bool) -> None:
    from rag.service import ensure_index

    announce = (lambda msg: typer.echo(msg, err=True))
    with _progress(not quiet and sys.stderr.isatty()) as tick:
        report = ensure_index(settings, announce=announce, progress=tick)
    if report is not None:
        typer.echo(f"Indexed {report.documents} document(s), {report.paragraphs} paragraph(s) in "
                   f"{report.seconds:.1f} s.", err=True)


@app.command()
def ask(question: Annotated[str, typer.Argument(help="The question, in plain words.")],
        symbol: Symbol = None, body: Body = None, year: Year = None,
        digest: Annotated[bool, typer.Option(
            "--digest", help="Also list the supporting sentences of several paragraphs and documents, "
                             "grouped by document and ordered by date.")] = False,
        generate: Annotated[bool, typer.Option(
            "--generate", help="Also write an answer with the language model at RAG_LLM_URL (RAG_LLM_MODEL), "
                               "every sentence's citations checked against the paragraphs sent.")] = False,
        as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None, model: Model = None,
        config: Config = None, store: StoreUrl = None) -> None:
    """Answer a question with a verbatim quote and its citation (A/59/377, para. 49)."""
    with _errors(as_json):
        from rag.service import Session

        settings = _settings(index_dir, index, model, config, store)
        filters = _filters(symbol, body, year)
        _ensure(settings, as_json)
        streamed = _Streamed(enabled=generate and not as_json)
        with Session(settings, quick_start=True) as session:
            try:
                result = session.ask(question, filters=filters, digest=digest, generate=generate, on_text=streamed)
            finally:
                streamed.end()
        if as_json:
            _print_json(result.to_json())
        else:
            if result.note:
                typer.echo(f"Note: {result.note}.", err=True)
            if result.generated is not None:
                _print_checked(result.generated)
                _line()
            elif result.generation_error is not None and streamed.started:
                _line("(the generated text above stopped short and was not checked)", style="dim")
                _line()
            _print_answer(result)
        if result.generation_error is not None:  # the extractive answer stands; the exit code says the model failed
            if as_json:  # the JSON holds the error already: one JSON document on stdout
                raise typer.Exit(result.generation_error.exit_code)
            raise result.generation_error


# Control characters of a model's text (escape sequences could drive the terminal); newlines stay.
_MODEL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _Streamed:
    """Prints a generated answer's text as it streams in (when enabled)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.started = False

    def __call__(self, text: str) -> None:
        if self.enabled:
            if not self.started:
                _line("Generated answer (checked below):", style="bold")
                self.started = True
            typer.echo(_MODEL_CONTROLS.sub(lambda m: printable(m.group()), text), nl=False)

    def end(self) -> None:
        if self.started:
            typer.echo()
            _line()


def _print_checked(generated: Any) -> None:
    """Each generated sentence with the citations that support it, or marked unsupported."""
    _line(f"Checked against the {len(generated.sent)} paragraphs sent to {generated.model}:", style="bold")
    for s in generated.sentences:
        if s.supported:
            _line(printable(f"  ✓ {s.text} [{'; '.join(s.citations)}]"))
        elif s.declines:
            _line(printable(f"  – {s.text} (the model says the paragraphs do not answer)"), style="dim")
        else:
            _line(printable(f"  ✗ unsupported: {s.text}"), style="dim")
        for r in s.removed:
            _line(printable(f"      removed {r['citation']}: {r['why']}"), style="dim")


def _print_answer(result: Any) -> None:
    """The extractive answer: the quote and its citation, then the digest or the whole paragraph."""
    if result.abstained:
        _line(result.answer)
        if result.closest is not None and result.closest.quote:  # for the reader to check; not cited
            _line(printable(f"  It reads: “{result.closest.quote}”"), style="dim")
        return
    top = result.citations[0]
    _line(f"“{top.quote}”")
    _line(f"— {top.citation}", style="bold")
    _line()
    if result.digest is not None:
        _print_digest(result.digest)
        return
    where = ", ".join(x for x in (f"p. {top.page}" if top.page else "", top.section) if x)
    _line(f"Source: {top.citation} ({where})", style="dim")
    _line(top.text)
    for f in top.footnotes:
        _line(f"  note {f.marker}" + (f": {f.text}" if f.text else ""), style="dim")


def _print_digest(groups: list[Any]) -> None:
    """The evidence digest: each document (symbol, date, title), then its quotes with citations."""
    count = sum(len(g.items) for g in groups)
    _line(f"Evidence: {count} paragraph(s) of {len(groups)} document(s)", style="bold")
    for g in groups:
        _line()
        _line(" · ".join(x for x in (g.symbol, g.date, g.title) if x), style="bold")
        for item in g.items:
            _line(f"  “{item.quote}”")
            _line(f"    — {item.citation}" + (f" (also {'; '.join(item.also)})" if item.also else ""), style="dim")


@app.command()
def search(query: Annotated[str, typer.Argument(help="Words or a question to search for.")],
           k: Annotated[int, typer.Option("-k", "--top", help="How many paragraphs to list.", min=1)] = 5,
           symbol: Symbol = None, body: Body = None, year: Year = None,
           mode: Annotated[str, typer.Option("--mode", help="hybrid, bm25 or dense.")] = "hybrid",
           as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None, model: Model = None,
           config: Config = None, store: StoreUrl = None) -> None:
    """List the best-matching paragraphs with their citations and scores."""
    with _errors(as_json):
        from rag.service import Session

        settings = _settings(index_dir, index, model, config, store)
        filters = _filters(symbol, body, year)
        _ensure(settings, as_json)
        with Session(settings, quick_start=True) as session:
            hits = session.search(query, k=k, mode=mode, filters=filters)
        if as_json:
            _print_json({"query": query, "hits": [h.to_json() for h in hits]})
            return
        if not hits:
            from rag.textutil import content_terms

            _line("No paragraph matches." if content_terms(query) else
                  "No paragraph matches: the query has only common words; add one that names what you look for.")
        for rank, h in enumerate(hits, 1):
            _line(f"{rank}. {h.citation}  (score {h.score:.3f}" + (f", p. {h.page})" if h.page else ")"), style="bold")
            _line(f"   {h.text[:300]}{'…' if len(h.text) > 300 else ''}")


@app.command()
def show(symbol: Annotated[str, typer.Argument(help="Document symbol, e.g. A/59/377.")],
         paragraph: Annotated[str, typer.Argument(
             help="Paragraph number as printed, e.g. 49; unnumbered text as cited, e.g. 'p. 3, ¶ 2'; "
                  "a paragraph of an embedded text as cited, e.g. 'para. 11, draft resolution, para. 8'; a table as cited, e.g. 'p. 11, table 3'.")],
         annex: Annotated[Optional[str], typer.Option(
             "--annex", help="The annex it is in, as cited: 'annex', 'annex II', 'part two' (default: the body first).")] = None,
         part: Annotated[Optional[str], typer.Option(
             "--part", help="The embedded text it is in, as cited: 'draft resolution', 'draft decision II' "
                            "(default: the document's own paragraph).")] = None,
         as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None, model: Model = None,
         config: Config = None, store: StoreUrl = None) -> None:
    """Print one paragraph with its page, section and footnotes."""
    with _errors(as_json):
        from rag.service import Session

        settings = _settings(index_dir, index, model, config, store)
        _ensure(settings, as_json)
        with Session(settings, with_model=False) as session:
            shown = session.show(symbol, paragraph, annex, part)
        if as_json:
            _print_json(shown.to_json())
            return
        _line(shown.citation, style="bold")
        where = " · ".join(x for x in (f"Page {shown.page}" if shown.page else "", shown.section) if x)
        if where:
            _line(where, style="dim")
        _line(shown.text)
        for f in shown.footnotes:
            _line(f"  note {f.marker}" + (f": {f.text}" if f.text else ""), style="dim")


@app.command()
def serve(host: Annotated[str, typer.Option("--host", help="Address to listen on (loopback by default).")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", help="Port to listen on.")] = 8000,
          token: Annotated[Optional[str], typer.Option(
              "--token", envvar="RAG_TOKEN", show_default=False,
              help="Require `Authorization: Bearer TOKEN` on every API call (env RAG_TOKEN).")] = None,
          insecure: Annotated[bool, typer.Option(
              "--insecure", help="Allow a non-loopback --host without --token.")] = False,
          index_dir: IndexDir = None, index: IndexName = None, model: Model = None, config: Config = None, store: StoreUrl = None) -> None:
    """Serve the web page (/) and the JSON HTTP API (ask, search, show, documents, status; docs at /docs)."""
    with _errors():
        from rag.server import bound_port, check_exposure, listen
        from rag.server import serve as run_server

        settings = _settings(index_dir, index, model, config, store)
        check_exposure(host, token, insecure)
        _ensure(settings, False)  # no index (and no demo to build): exit 4 now, not 503s later
        sock = listen(host, port)
        where = f"[{host}]" if ":" in host else host
        typer.echo(printable(f"Serving {settings.index_path} on http://{where}:{bound_port(sock)} (Ctrl-C stops)"),
                   err=True)
        run_server(settings, sock, token=token, insecure=insecure)


@app.command()
def inspect(file: Annotated[Path, typer.Argument(help="A PDF, DOCX, HTML, TXT or MD file.")],
            as_json: Json = False) -> None:
    """Print what a file parses into: symbol, headings, paragraph numbers with pages, footnotes."""
    with _errors(as_json):
        from rag.ingest.inspect import format_inspection, inspect_file

        data = inspect_file(file)
        if as_json:
            _print_json(data)
            return
        for line in format_inspection(data):
            typer.echo(printable(line))


@index_app.command("build")
def index_build(paths: Annotated[list[Path], typer.Argument(help="Files or folders to index (.pdf, .docx, .html, .txt, .md).")],
                keep_missing: Annotated[bool, typer.Option(
                    "--keep-missing", help="Keep documents whose files are gone from the sources.")] = False,
                ray: Annotated[Optional[str], typer.Option(
                    "--ray", envvar="RAG_RAY_ADDRESS", show_default=False,
                    help="Parse and embed on the Ray cluster at this address (HOST:PORT, ray://HOST:PORT, auto), "
                         "or on one started here with `local` (env RAG_RAY_ADDRESS; needs `pip install -e \".[ray]\"`).")] = None,
                wait: Wait = False, as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None,
                model: Model = None, config: Config = None, store: StoreUrl = None) -> None:
    """Index files and folders incrementally; the previous index answers until the new one is complete."""
    with _errors(as_json):
        from rag.service import build

        settings = _settings(index_dir, index, model, config, store)
        with _progress(not as_json and sys.stderr.isatty()) as tick:
            report = build(settings, paths, wait=wait, keep_missing=keep_missing, progress=tick, ray=ray)
        _summary(report, as_json)
        if report.failed:
            raise typer.Exit(1)


@index_app.command("rebuild")
def index_rebuild(no_cache: Annotated[bool, typer.Option(
                      "--no-cache", help="Re-embed every paragraph instead of reusing cached vectors.")] = False,
                  wait: Wait = False, as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None,
                  model: Model = None, config: Config = None, store: StoreUrl = None) -> None:
    """Re-read every recorded source (optionally with another --model); cached vectors are reused."""
    with _errors(as_json):
        from rag.service import rebuild

        settings = _settings(index_dir, index, model, config, store)
        with _progress(not as_json and sys.stderr.isatty()) as tick:
            report = rebuild(settings, wait=wait, use_cache=not no_cache, progress=tick)
        _summary(report, as_json)
        if report.failed:
            raise typer.Exit(1)


@index_app.command("recover")
def index_recover(wait: Wait = False, as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None,
                  model: Model = None, config: Config = None, store: StoreUrl = None) -> None:
    """Point CURRENT at the newest generation that verifies (after CURRENT was lost or damaged)."""
    with _errors(as_json):
        from rag.service import recover

        result = recover(_settings(index_dir, index, model, config, store), wait=wait)
        if as_json:
            _print_json(result.to_json())
            return
        for line in result.passed_over:
            typer.echo(printable(f"passed over: {line}"))
        verb = "now points at" if result.changed else "already points at"
        typer.echo(f"CURRENT {verb} {result.generation}, which verifies.")


@index_app.command("rm")
def index_rm(target: Annotated[str, typer.Argument(help="Document symbol (A/59/377) or file/folder path.")],
             wait: Wait = False, as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None,
             model: Model = None, config: Config = None, store: StoreUrl = None) -> None:
    """Remove a document from the index (later builds skip its file until it is built by name)."""
    with _errors(as_json):
        from rag.service import remove

        report = remove(_settings(index_dir, index, model, config, store), target, wait=wait)
        _summary(report, as_json)


@index_app.command("verify")
def index_verify(as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None, model: Model = None,
                 config: Config = None, store: StoreUrl = None) -> None:
    """Check the manifest against the FAISS vectors, SQLite rows and stored checksums."""
    with _errors(as_json):
        from rag.service import verify

        settings = _settings(index_dir, index, model, config, store)
        problems = verify(settings)
        where = _where(settings)
        if as_json:
            _print_json({"index": where, "ok": not problems, "problems": problems})
        elif problems:
            for line in problems:
                _err(line)
        else:
            typer.echo(printable(f"{where}: ok (manifest, vectors, rows and checksums agree)"))
        if problems:
            raise typer.Exit(1)


@index_app.command("status")
def index_status(documents: Annotated[bool, typer.Option(
                     "--documents", help="Also list every document: symbol, date, paragraphs, title.")] = False,
                 as_json: Json = False, index_dir: IndexDir = None, index: IndexName = None, model: Model = None,
                 config: Config = None, store: StoreUrl = None) -> None:
    """Show the live index: model, format version, counts, sources, build time (and its documents)."""
    with _errors(as_json):
        from rag.service import document_list, status

        settings = _settings(index_dir, index, model, config, store)
        data = status(settings)
        listed = document_list(settings) if documents else None
        if as_json:
            _print_json({**data, "document_list": [d.to_json() for d in listed]} if listed is not None else data)
            return
        _status_lines(data)
        if listed:
            _line()
            width = max(len("symbol"), *(len(printable(d.symbol)) for d in listed))
            _line(f"{'symbol'.ljust(width)}  {'date':10}  {'paragraphs':>10}  title")
            for d in listed:
                _line(f"{printable(d.symbol).ljust(width)}  {d.date or '-':10}  {d.paragraphs:>10}  {printable(d.title[:80])}")


def _status_lines(data: dict[str, Any]) -> None:
    """The plain-text lines of `rag index status`."""
    _line(printable(f"Index       {data['index']} ({data['generation']})"))
    _line(f"Model       {data['model']} ({data['dim']} dimensions)")
    from rag.index.vectors import describe

    _line(f"Format      version {data['format_version']}")
    _line(f"Vectors     {describe(data.get('vectors') or {'kind': data.get('vector_index', '?')})}")
    embedding = data.get("embedding") or {}
    if embedding:
        query = (embedding.get("query_encoder") or {}).get("kind", "?")
        _line(f"Embedding   indexed with {embedding.get('backend', '?')}, queries with {query}")
    sentences = f", {data['sentences']} sentence vectors" if data.get("sentences") is not None else ""
    _line(f"Contents    {data['documents']} document(s), {data['paragraphs']} paragraph(s){sentences}")
    if data.get("sentence_search"):
        _line(f"Sentences   searched with {describe(data['sentence_search'])}; scores from the exact rows")
    elif data.get("sentences"):
        _line("Sentences   scanned exactly (flat rows)")
    tokens = data.get("token_vectors")
    if tokens:
        _line(f"Tokens      {tokens['tokens']} token vectors ({tokens['dim']} dimensions, int8) "
                  "re-score the best candidates")
    _line(f"Built       {data['built_at']} in {data['build_seconds']} s")
    if data.get("postgres"):
        _line(printable(f"Store       PostgreSQL schema {data.get('schema', '?')}: {_pg_tables(data['postgres'])}"))
    for s in data.get("sources", []):
        _line(printable(f"Source      {s}"))
    for f in data.get("failed", []):
        _line(printable(f"Failed      {f['error']}"))


def _pg_tables(info: dict[str, Any]) -> str:
    """How the store searches its vector tables: "paragraphs exact, sentences HNSW (...)"."""
    parts = []
    for name, table in (("paragraphs", info.get("vectors") or {}), ("sentences", info.get("sentences"))):
        if table is None:
            continue
        hnsw = table.get("kind") == "hnsw"
        parts.append(f"{name} " + (f"HNSW (ef_search {table['ef_search']}, recall@10 {table['recall_at_10']:.3f})"
                                   if hnsw else "scanned exactly"))
    return ", ".join(parts)


def _table(rows: list[list[str]]) -> None:
    """Rows as aligned columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        typer.echo("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip())


def _calibration_options(calibrate: bool, within_doc: bool, unanswerable: bool, plot: Path | None,
                         share: float | None) -> None:
    """UsageError for options that do not go together with or without --calibrate."""
    from rag.errors import UsageError

    if calibrate and (within_doc or unanswerable or plot is not None):
        raise UsageError("--calibrate asks answerable questions of the whole index, as `rag ask` does; "
                         "give unanswerable ones with --unanswerable-set (--within-doc, --unanswerable and "
                         "--plot go with scoring)")
    if not calibrate and share is not None:
        raise UsageError("--abstain-share goes with --calibrate")
    if unanswerable and plot is not None:
        raise UsageError("--plot draws answerable questions' figures; it cannot go with --unanswerable")


@app.command("eval")
def eval_(questions: Annotated[Path, typer.Argument(help="Questions file (JSON lines): {question, doc|symbol, para|paras}, "
                                                     "and optionally annex, kind, answer (a span of the gold paragraph) "
                                                     "or answers (gold answer strings).")],
          corpus: Annotated[Optional[Path], typer.Option("--corpus", help="corpus.jsonl of {doc, para, text} rows, or a "
                                                         "folder of documents (indexed once, then reused).",
                                                         show_default=False)] = None,
          within_doc: Annotated[bool, typer.Option("--within-doc", help="Search only each question's own document.")] = False,
          limit: Annotated[Optional[int], typer.Option("--limit", help="Use only the first N questions.", min=1,
                                                       show_default=False)] = None,
          unanswerable: Annotated[bool, typer.Option("--unanswerable", help="The corpus does not answer these "
                                                     "questions: measure only how often the product abstains.")] = False,
          calibrate: Annotated[bool, typer.Option("--calibrate", help="Instead of scoring, find the abstention "
                                                  "threshold for these answerable questions and print its config "
                                                  "line.")] = False,
          share: Annotated[Optional[float], typer.Option("--abstain-share", help="With --calibrate: the share of the "
                                                         "answerable questions that may abstain (default 0.08).",
                                                         show_default=False)] = None,
          unanswerable_set: Annotated[Optional[Path], typer.Option("--unanswerable-set", help="Questions the "
                                                                   "documents do not answer (JSON lines with a "
                                                                   "question, and a kind), to show how often they "
                                                                   "abstain.", show_default=False)] = None,
          plot: Annotated[Optional[Path], typer.Option("--plot", help="Draw the accuracy/abstention trade-off as the "
                                                       "threshold moves into this PNG (needs matplotlib).",
                                                       show_default=False)] = None,
          as_json: Json = False, index_dir: IndexDir = None,
          index: Annotated[Optional[str], typer.Option("--index", help="Ask an index already built (instead of "
                                                       "--corpus).", show_default=False)] = None,
          model: Model = None, config: Config = None, store: StoreUrl = None) -> None:
    """Score retrieval (P@1, R@5, R@10, MRR@10, nDCG@10), quotes and abstention on a questions file,
    with exact citations and abstentions by question kind where questions carry a kind or an answer
    (or with --unanswerable-set, --plot); or calibrate the abstention threshold on it (--calibrate)."""
    with _errors(as_json):
        _calibration_options(calibrate, within_doc, unanswerable, plot, share)
        if plot is not None:
            from rag.evaluation.plot import check_plot

            check_plot(plot)
        settings = _settings(index_dir, None, model, config, store)
        target = f"corpus {corpus}" if corpus is not None else f"index {index}"
        with _progress(not as_json and sys.stderr.isatty()) as tick:
            if calibrate:
                from rag.evaluation.calibrate import DEFAULT_SHARE, calibrate as run_calibration

                report = run_calibration(settings, questions, corpus, index_name=index, unanswerable_path=unanswerable_set,
                                         share=DEFAULT_SHARE if share is None else share, limit=limit, progress=tick)
            else:
                from rag.evaluation.evaluate import evaluate

                report = evaluate(settings, questions, corpus, within_doc=within_doc, limit=limit,
                                  unanswerable=unanswerable, index_name=index, unanswerable_path=unanswerable_set,
                                  answers=True if plot is not None else None, progress=tick)
        if plot is not None:
            from rag.evaluation.plot import plot_tradeoff

            plot_tradeoff(report["answers"], plot, title=f"{Path(questions).name}, {target}")
            typer.echo(printable(f"Trade-off picture written to {plot}"), err=True)
        if as_json:
            _print_json(report)
        elif calibrate:
            _print_calibration(report, target)
        else:
            _print_scores(report, target, within_doc)


def _print_scores(report: dict[str, Any], target: str, within_doc: bool) -> None:
    from rag.evaluation.evaluate import format_table

    typer.echo(f"{report['system']['questions']} questions, {target}"
               + (", within each question's document" if within_doc else ""))
    _table(format_table(report))
    if "answers" in report:
        from rag.evaluation.answers import format_answers, format_out_of_corpus

        typer.echo(f"\nAnswers (system), threshold {report['answers']['threshold']:g} in force:")
        _table(format_answers(report["answers"]))
        if report["answers"]["out_of_corpus"]:
            typer.echo()
            _table(format_out_of_corpus(report["answers"]))


def _print_calibration(report: dict[str, Any], target: str) -> None:
    from rag.evaluation.calibrate import format_calibration

    against = report["unanswerable_questions"]
    typer.echo(f"{report['questions']} answerable questions" + (f", {against} unanswerable" if against else "")
               + f", {target}; {report['abstain_share']:.1%} of the answerable ones may abstain")
    _table(format_calibration(report))
    if report.get("note"):
        typer.echo(f"Note: {report['note']}.")
    typer.echo("Put this line in the config file (--config or RAG_CONFIG):")
    typer.echo(report["config"])


def _only(name: str | None) -> typer.Typer:
    """`app` reduced to the top-level command `name` when there is one by that name: typer turns
    every command's signature into click parameters at each start (~0.02 s for all of them,
    a tenth of that for one). A no-op callback keeps it a group, so usage lines, help and
    errors read as the full app's."""
    from typer.main import get_command_name

    chosen = [c for c in app.registered_commands
              if name is not None and name == (c.name or get_command_name(c.callback.__name__))]
    if not chosen:
        return app
    only = copy.copy(app)
    only.registered_commands = chosen
    only.registered_groups = []
    only.registered_callback = typer.models.TyperInfo(callback=lambda: None)
    return only


# Commands that answer questions: numpy's BLAS gets one thread there. Its products are small
# (a few hundred rows); a second thread only spun: at 100k paragraphs a warm question cost
# 8.4 ms of CPU for 4.1 ms of wall time, and 4.4 ms of CPU with one thread, at the same wall time.
QUESTION_COMMANDS = ("ask", "search", "show", "serve", "eval")


# Commands that only print what they read: an output pipe closed early (`rag show ... | head -1`)
# ends them quietly, as it ends any Unix filter (exit 141, SIGPIPE), not with click's exit 1.
READING_COMMANDS = ("ask", "search", "show", "inspect", "eval", "--version")


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C's KeyboardInterrupt is, so that the same clean-up runs."""


def _terminated(signum: int, frame: Any) -> None:
    """SIGTERM (`kill`, a service manager stopping the command) ends a command as Ctrl-C does: a
    build leaves the index as it was and removes its scratch files, and says so; the exit code is
    SIGTERM's (143), not Ctrl-C's (130)."""
    raise _Terminated


def main() -> None:
    command = sys.argv[1] if len(sys.argv) > 1 else None
    if command in QUESTION_COMMANDS:
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # read when numpy loads, which is later
    reading = command in READING_COMMANDS or (command == "index" and sys.argv[2:3] in (["status"], ["verify"]))
    if reading and hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, _terminated)
    sys.exit(_run(_only(command), sys.argv[1:]))


# Options that take one value, where a second would silently replace the first.
ONCE_OPTIONS = ("--symbol", "--body", "--year", "--index", "--index-dir", "--model", "--config", "--mode", "--store",
                "--port", "--host")


def _run(chosen: typer.Typer, args: list[str]) -> int:
    """Run the command line `args`; a bad option or argument is one line on stderr naming it, or
    with --json the error document on stdout, and exit code 2 (click's own is three lines)."""
    try:  # typer vendors click from 0.23 on; before, it runs the installed click
        from typer._click import exceptions as clicks
    except ImportError:
        from click import exceptions as clicks
    options = args[:args.index("--")] if "--" in args else args  # what follows "--" is an argument
    repeated = next((o for o in ONCE_OPTIONS if sum(a == o or a.startswith(o + "=") for a in options) > 1), None)
    if repeated is not None:  # click keeps the last silently
        return _usage_error(options, f"{repeated} given more than once",
                            f"give {repeated} once" + (" (a symbol pattern with * matches several documents)"
                                                       if repeated == "--symbol" else ""), 2)
    try:
        code = typer.main.get_command(chosen).main(args=args, prog_name="rag", standalone_mode=False)
    except getattr(clicks, "NoArgsIsHelpError", ()) as exc:  # click 8.2 on
        exc.show()  # `rag` or a group alone: its help
        return exc.exit_code
    except clicks.ClickException as exc:
        command = exc.ctx.command_path if getattr(exc, "ctx", None) is not None else "rag"
        return _usage_error(options, exc.format_message().rstrip("."), f"see `{command} --help`", exc.exit_code)
    except typer.Abort:
        _err("aborted")
        return 1
    return code if isinstance(code, int) else 0


def _usage_error(options: list[str], message: str, fix: str, code: int) -> int:
    """A bad command line: with --json among `options` the error document on stdout, else one
    line on stderr; returns the exit code."""
    if "--json" in options:
        _print_json({"error": message, "type": "UsageError", "fix": fix})
    else:
        _err(f"{message} ({fix})")
    return code


if __name__ == "__main__":
    main()
