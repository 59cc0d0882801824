"""Domain adaptation of the embedding model: on the indexed documents alone, or (supervised,
measured and not adopted) with question sets as well.

Fine-tunes the bundled all-MiniLM-L6-v2 on pairs made from the corpus itself (and, with the
`questions` task, from questions with gold paragraphs), with MultipleNegativesRankingLoss
(in-batch negatives, cosine x 20):

    ict       inverse cloze task: one sentence of a paragraph -> the rest of the paragraph
              (the sentence is left in with probability --keep)
    heading   the last level of a paragraph's section heading -> the paragraph (UN documents;
              a SQuAD corpus has none)

Batches are drawn from one document where it has enough pairs (`--batching doc`), so the
negatives are the document's other paragraphs, the within-document discrimination that most
UN misses lack; `--batching random` mixes documents. A heading appears once per batch (its
other paragraphs would be false negatives). The saved folder is a sentence-transformers model
that `rag index build --model FOLDER` and `rag eval --model FOLDER` take as they are.

    python -m research.domain_adapt --index-dir DIR --index unpdf --out DIR/model-ict
    python -m rag index build ../shared/data/un_corpus/pdf --index-dir DIR --index adapted --model DIR/model-ict
    python -m research.domain_adapt --corpus ../shared/data/squad_v1.1_dev/corpus.jsonl --out DIR/model-squad
    python -m research.domain_adapt eval QUESTIONS --index-dir DIR --index NAME --model DIR/model-ict ...

Supervised (not adopted; docs/decisions.md): question -> gold paragraph pairs added to inverse
cloze, trained on the documents of one half and measured on the other's:

    python -m research.domain_adapt --index-dir DIR --index unpdf --out DIR/model-h0 --tasks ict,questions \
        --questions QUESTIONS... --repeat 3 --max-steps 300 --threads 2 --half 0

    questions a question -> its gold paragraph (`--questions` files in rag eval's format; each
              pair seen `--repeat` times), batched with the ICT pairs of its document

`eval` runs `rag eval` with the adapted folder taking the bundled model's abstention threshold
and token-vector share, which the product keys by model name.

Prints the pair counts, the steps, the loss every 25 steps and the training time (on one
thread by default: it would run at index time on a user's machine) and writes them to
`adapt.json` in the model folder. Each task is batched on its own: a batch never holds an ICT
pair and a heading pair of one paragraph.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from rag.config import DEFAULT_MODEL
from rag.embedding.embedders import bundled_model_path
from rag.index.sentences import paragraph_sentences
from rag.index.store import DATABASE, connect_readonly, current_generation
from rag.models import TABLE
from research.splits import article_half

MIN_WORDS = 25  # a paragraph shorter than this gives no ICT pair (names, table rows, headings)
MIN_SENTENCE_WORDS = 5
MAX_HEADING_CHARS = 160  # longer "headings" are paragraphs the parser took for a heading
_NUMBERING = re.compile(r"^\s*(?:[IVXLC]+|[A-Z]|\d+)\.\s+")


@dataclass(frozen=True)
class Unit:
    """One paragraph of the corpus: its document, the last level of its heading, its text."""

    doc: str
    heading: str
    text: str


@dataclass(frozen=True)
class Pair:
    """An anchor text and the paragraph text it should retrieve, with the grouping keys."""

    doc: str
    anchor: str
    positive: str
    key: str  # pairs with one key never share a batch (one heading, one paragraph)


def units_from_index(index_dir: Path, name: str) -> list[Unit]:
    """The paragraphs of a built index (its live generation, read-only), tables left out."""
    conn = connect_readonly(current_generation(index_dir / name) / DATABASE)
    rows = conn.execute("SELECT d.symbol, p.section, p.text, p.part FROM paragraphs p "
                        "JOIN documents d ON d.id = p.doc_id ORDER BY p.id").fetchall()
    conn.close()
    return [Unit(r[0], _last_heading(r[1]), r[2]) for r in rows if r[3] != TABLE]


def units_from_corpus(path: Path) -> list[Unit]:
    """The paragraphs of a benchmark corpus.jsonl ({doc, para, text} rows); no headings."""
    with path.open(encoding="utf-8") as fh:
        return [Unit(str(r["doc"]), "", r["text"]) for r in map(json.loads, fh) if r.get("text")]


def question_pairs(index_dir: Path, name: str, files: list[Path], repeat: int) -> list[Pair]:
    """Supervised pairs: each question of `files` (rag eval's format) -> its gold paragraph's text,
    `repeat` times; keyed by paragraph as `ict_pairs` is, so one batch never holds a paragraph twice."""
    from rag.evaluation.evalset import load_questions

    conn = connect_readonly(current_generation(index_dir / name) / DATABASE)
    rows = conn.execute("SELECT p.id, d.symbol, p.annex, p.number, p.text, p.part FROM paragraphs p "
                        "JOIN documents d ON d.id = p.doc_id ORDER BY p.id").fetchall()
    owner = dict(conn.execute("SELECT s.symbol, d.symbol FROM symbols s JOIN documents d ON d.id = s.doc_id"))
    conn.close()
    kept = [r for r in rows if r[5] != TABLE]
    at = {(r[1], r[2].lower(), r[3]): (i, r[4]) for i, r in enumerate(kept) if not r[5]}
    pairs = []
    for f in files:
        for q in load_questions(f):
            symbol = owner.get(q.symbol, q.symbol)
            for g in q.gold[:1]:
                hit = at.get((symbol, q.annex.lower(), g))
                if hit:
                    pairs.extend(Pair(symbol, q.question, hit[1], f"p{hit[0]}") for _ in range(repeat))
    return pairs


def _last_heading(section: str) -> str:
    """"II. Context > A. Security" -> "Security"; "" for none or one too long to be a heading."""
    last = section.split(" > ")[-1].strip() if section else ""
    last = _NUMBERING.sub("", last).strip()
    return last if 3 <= len(last) <= MAX_HEADING_CHARS else ""


def ict_pairs(units: list[Unit], rng: random.Random, keep: float) -> list[Pair]:
    """One inverse-cloze pair per paragraph long enough: a random sentence -> the rest."""
    pairs = []
    for i, u in enumerate(units):
        if len(u.text.split()) < MIN_WORDS:
            continue
        sentences = paragraph_sentences(u.text)
        usable = [j for j, s in enumerate(sentences) if len(s.split()) >= MIN_SENTENCE_WORDS]
        if len(sentences) < 2 or not usable:
            continue
        j = rng.choice(usable)
        rest = sentences if rng.random() < keep else sentences[:j] + sentences[j + 1:]
        pairs.append(Pair(u.doc, sentences[j], " ".join(rest), f"p{i}"))
    return pairs


def heading_pairs(units: list[Unit]) -> list[Pair]:
    """Heading -> paragraph for every paragraph long enough under a usable heading."""
    return [Pair(u.doc, u.heading, u.text, f"h{u.doc}|{u.heading}") for u in units
            if u.heading and len(u.text.split()) >= MIN_WORDS]


def batches(pairs: list[Pair], size: int, rng: random.Random, by_document: bool) -> list[list[Pair]]:
    """Batches of `size` pairs with distinct keys: within one document where `by_document`
    (leftovers of each document pooled into mixed batches), else across documents."""
    groups: dict[str, list[Pair]] = defaultdict(list)
    for p in pairs:
        groups[p.doc if by_document else ""].append(p)
    out: list[list[Pair]] = []
    leftovers: list[Pair] = []
    for group in groups.values():
        rng.shuffle(group)
        full, rest = _fill(group, size)
        out.extend(full)
        leftovers.extend(rest)
    rng.shuffle(leftovers)
    full, rest = _fill(leftovers, size)
    out.extend(full)
    last = list({p.key: p for p in reversed(rest)}.values())  # one pair per key
    if len(last) >= 2:
        out.append(last)
    rng.shuffle(out)
    return out


def _fill(pairs: list[Pair], size: int) -> tuple[list[list[Pair]], list[Pair]]:
    """Batches of distinct keys, in greedy passes until a pass fills none; the rest comes back."""
    out: list[list[Pair]] = []
    remaining = pairs
    while True:
        current: list[Pair] = []
        keys: set[str] = set()
        spill: list[Pair] = []
        filled = 0
        for p in remaining:
            if p.key in keys:
                spill.append(p)
                continue
            current.append(p)
            keys.add(p.key)
            if len(current) == size:
                out.append(current)
                filled += 1
                current, keys = [], set()
        remaining = current + spill
        if not filled:
            return out, remaining


def train(batch_list: list[list[Pair]], out: Path, lr: float, max_len: int, threads: int,
          freeze: int = 0, scale: float = 20.0) -> dict:
    """One pass over the batches with MultipleNegativesRankingLoss; the model saved to `out`."""
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model = SentenceTransformer(str(bundled_model_path()), device="cpu")
    stock_len = model.max_seq_length
    model.max_seq_length = max_len
    _freeze(model, freeze)
    model.train()
    optim = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
    steps = len(batch_list)
    warmup = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / max(1, steps - warmup))))
    start, losses = time.perf_counter(), []
    for step, batch in enumerate(batch_list):
        a = _embed(model, [p.anchor for p in batch])
        b = _embed(model, [p.positive for p in batch])
        loss = torch.nn.functional.cross_entropy(scale * a @ b.T, torch.arange(len(batch)))
        optim.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optim.step()
        sched.step()
        losses.append(float(loss.detach()))
        if (step + 1) % 25 == 0 or step + 1 == steps:
            recent = losses[-50:]
            print(f"step {step + 1}/{steps}  loss {sum(recent) / len(recent):.3f}  "
                  f"{time.perf_counter() - start:.0f} s", flush=True)
    seconds = time.perf_counter() - start
    model.eval()
    model.max_seq_length = stock_len
    model.save(str(out))
    return {"steps": steps, "seconds": round(seconds, 1), "first_loss": round(sum(losses[:50]) / max(1, len(losses[:50])), 3),
            "last_loss": round(sum(losses[-50:]) / max(1, len(losses[-50:])), 3)}


def _freeze(model, layers: int) -> None:
    """Keep the word embeddings and the first `layers` transformer layers as they are (0: train all)."""
    if layers <= 0:
        return
    bert = model[0].auto_model
    for module in [bert.embeddings, *bert.encoder.layer[:layers]]:
        for param in module.parameters():
            param.requires_grad = False


def _embed(model, texts: list[str]):
    """Normalised sentence embeddings with gradients."""
    import torch

    features = model.preprocess(texts)
    emb = model(features)["sentence_embedding"]
    return torch.nn.functional.normalize(emb, dim=-1)


def answer_as_bundled(model: str, token_share: float | None = None) -> None:
    """Have the product answer with `model` (an adapted folder) as with the bundled model: its
    abstention threshold and token-vector share, or `token_share` (rag.answer.extract keys both by
    model name, and a model it does not know counts question terms only, which abstains on
    paraphrases)."""
    from rag.answer import extract

    extract.CALIBRATED_THRESHOLDS[model] = extract.CALIBRATED_THRESHOLDS[DEFAULT_MODEL]
    extract.TOKEN_SHARES[model] = extract.TOKEN_SHARES[DEFAULT_MODEL] if token_share is None else token_share


def eval_as_bundled(argv: list[str]) -> None:
    """`rag eval ARGS` with the `--model` folder answered as the bundled model (`answer_as_bundled`)."""
    from rag.cli import main as rag_main

    if "--model" not in argv:
        raise SystemExit("eval: pass the adapted model with --model FOLDER")
    answer_as_bundled(argv[argv.index("--model") + 1])
    sys.argv = ["rag", "eval", *argv]
    rag_main()


def main() -> None:
    if sys.argv[1:2] == ["eval"]:
        eval_as_bundled(sys.argv[2:])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--corpus", type=Path, help="corpus.jsonl of {doc, para, text} rows")
    src.add_argument("--index", help="name of a built index inside --index-dir")
    ap.add_argument("--index-dir", type=Path, default=Path("indexes"))
    ap.add_argument("--out", type=Path, required=True, help="folder to save the adapted model to")
    ap.add_argument("--tasks", default="ict", help="comma-separated: ict, heading (heading pairs added nothing on un_dev)")
    ap.add_argument("--batching", choices=("doc", "random"), default="doc")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--lr", type=float, default=3e-5)
    ap.add_argument("--max-len", type=int, default=96, help="tokens per text while training")
    ap.add_argument("--max-steps", type=int, default=200)
    ap.add_argument("--keep", type=float, default=0.1, help="ICT: share of pairs whose sentence stays in")
    ap.add_argument("--freeze", type=int, default=3, help="transformer layers kept frozen from the bottom")
    ap.add_argument("--threads", type=int, default=1, help="torch threads (one is faster than two on a loaded two-core machine)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--questions", type=Path, nargs="*", default=[],
                    help="supervised: question files whose gold paragraphs are in --index (task 'questions')")
    ap.add_argument("--repeat", type=int, default=3, help="times each question pair is seen")
    ap.add_argument("--half", type=int, choices=(0, 1),
                    help="train on the documents of this half only (research.splits.article_half), the rest held out")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    units = units_from_corpus(args.corpus) if args.corpus else units_from_index(args.index_dir, args.index)
    if args.half is not None:
        units = [u for u in units if article_half(u.doc) == args.half]
    tasks = set(args.tasks.split(","))
    # each task batched on its own: an ICT pair and a heading pair of one paragraph in one
    # batch would have the same positive
    ict = ict_pairs(units, rng, args.keep) if "ict" in tasks else []
    if "questions" in tasks:  # question pairs batched with the ICT pairs of their documents
        asked = question_pairs(args.index_dir, args.index, args.questions, args.repeat)
        if args.half is not None:
            asked = [p for p in asked if article_half(p.doc) == args.half]
        rng.shuffle(ict)
        ict = asked + ict[:max(0, args.max_steps * args.batch_size - len(asked))]
    task_pairs = [ict, heading_pairs(units) if "heading" in tasks else []]
    pairs = [p for group in task_pairs for p in group]
    batch_list = [b for group in task_pairs for b in batches(group, args.batch_size, rng, args.batching == "doc")]
    rng.shuffle(batch_list)
    batch_list = batch_list[:args.max_steps]
    print(f"{len(units)} paragraphs, {len(pairs)} pairs, {len(batch_list)} batches", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    report = train(batch_list, args.out, args.lr, args.max_len, args.threads, args.freeze)
    report.update(paragraphs=len(units), pairs=len(pairs), tasks=sorted(tasks), batching=args.batching,
                  lr=args.lr, batch_size=args.batch_size, max_len=args.max_len, freeze=args.freeze)
    (args.out / "adapt.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
