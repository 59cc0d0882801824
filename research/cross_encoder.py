"""A cross-encoder re-ranker made from the bundled all-MiniLM-L6-v2, trained on the product's own
candidates, judged on UN questions about documents it never saw:

    python -m research.cross_encoder dump --index-dir DIR --index NAME --out UN.jsonl QUESTIONS...
    python -m research.cross_encoder dump --index-dir DIR --index eval-squad_v1-1_dev-HASH \
        --out SQUAD.jsonl --half 0 --limit 3000 ../shared/data/squad_v1.1_dev/questions.jsonl
    python -m research.cross_encoder train --out FOLDER --steps 1500 UN.jsonl:1 SQUAD.jsonl
    python -m research.cross_encoder sweep --model FOLDER UN.jsonl:0
    python -m research.cross_encoder dump --index-dir DIR --index NAME --out OOC.jsonl --unrelated OOC_QUESTIONS...
    python -m research.cross_encoder verify --model FOLDER UN.jsonl:0 OOC.jsonl

`dump` writes, per question, the product's best 20 hybrid hits (key, text), the gold keys, the
gold paragraph's text when it is not among them, and the half of the gold document
(research.splits.article_half). `train` puts a mean-pooled linear head on the bundled encoder
and trains every layer with a listwise loss: the gold paragraph against 5 of the other 20 hits,
2 questions a step (about 1.1 s a step on two cores). `sweep` re-ranks the best K hits by the
cross-encoder's z-score plus W times the z-score of the product's rank, and prints P@1 and gold
in the top 3 beside the product's order. `verify` reads the cross-encoder's score of the first hit
as an abstention signal: for thresholds that turn 1 / 3 / 5 / 10% of the answered questions cited
exactly into abstentions, how many wrong citations and answered out-of-corpus questions
(`dump --unrelated`) they would also turn. A file given as FILE:H keeps the questions of half H.
Needs torch and transformers. Not part of the product (docs/decisions.md, "Embedding and builds").
"""

from __future__ import annotations

import argparse
import json
import random
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from rag.search.fusion import zscore

GROUP = 6  # the gold paragraph and 5 candidates that are not
QUESTIONS_A_STEP = 2
MAX_TOKENS = 128


def dump(args: argparse.Namespace) -> None:
    from rag.config import load_settings
    from rag.evaluation.evalset import load_questions
    from rag.evaluation.evaluate import GoldKeys, _hit_key
    from rag.service import Session
    from research.splits import article_half

    settings = replace(load_settings(index_dir=args.index_dir), index_name=args.index)
    with Session(settings) as session, open(args.out, "w") as out:
        if args.unrelated:
            _dump_unrelated(session, args.questions, out)
            return
        gold_keys = GoldKeys(session)
        for path in args.questions:
            kept = 0
            for q in load_questions(path):
                half = article_half(gold_keys.owner(q.symbol) or q.symbol)
                if args.half is not None and half != args.half:
                    continue
                gold = gold_keys.of(q)
                search = session.rankings(q.question, ("hybrid",), k=20)["hybrid"]
                rows = [dict(key=_hit_key(h), text=h.text) for h in search.hits]
                gold_text = None if any(r["key"] in gold for r in rows) else _gold_text(session, q)
                out.write(json.dumps(dict(q=q.question, kind=q.kind, gold=sorted(gold), half=half, hits=rows,
                                          gold_text=gold_text,
                                          abstained=session.answer(search).abstained)) + "\n")
                kept += 1
                if args.limit and kept >= args.limit:
                    break


def _dump_unrelated(session: Any, paths: list[Path], out: Any) -> None:
    """Out-of-corpus questions: the first hit's text and whether the product abstains."""
    from rag.evaluation.evalset import load_unlabelled

    for path in paths:
        for q in load_unlabelled(path):
            search = session.rankings(q.question, ("hybrid",), k=20)["hybrid"]
            hits = [dict(key="", text=h.text) for h in search.hits[:1]]
            out.write(json.dumps(dict(q=q.question, kind=q.kind, gold=[], half=None, hits=hits,
                                      abstained=session.answer(search).abstained)) + "\n")


def _gold_text(session: Any, q: Any) -> str | None:
    """The text of the question's first gold paragraph (`rag show`), None if the index has none."""
    from rag.errors import NotFoundError

    try:
        return session.show(q.symbol, q.gold[0], annex=q.annex or None).text
    except NotFoundError:
        return None


def _load(spec: str) -> list[dict[str, Any]]:
    path, sep, half = spec.rpartition(":")
    if not sep or half not in ("0", "1"):
        path, half = spec, ""
    rows = [json.loads(line) for line in open(path)]
    if half and any(r["half"] is None for r in rows):
        raise SystemExit(f"{path}: out-of-corpus questions have no half; give the file without :{half}")
    return [r for r in rows if not half or r["half"] == int(half)]


def _positive(row: dict[str, Any]) -> str | None:
    return next((h["text"] for h in row["hits"] if h["key"] in row["gold"]), row.get("gold_text"))


def _model_and_tokenizer(weights: Path | None) -> tuple[Any, Any]:
    import torch
    from transformers import AutoModel, AutoTokenizer

    from rag.embedding.embedders import bundled_model_path

    class CrossEncoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = AutoModel.from_pretrained(str(bundled_model_path()))
            self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)

        def forward(self, enc: Any) -> Any:
            hidden = self.bert(**enc).last_hidden_state
            mask = enc["attention_mask"].unsqueeze(-1).float()
            return self.head((hidden * mask).sum(1) / mask.sum(1)).squeeze(-1)

    torch.set_num_threads(2)
    model = CrossEncoder()
    if weights is not None:
        model.load_state_dict(torch.load(weights / "cross_encoder.pt"))
    return model, AutoTokenizer.from_pretrained(str(bundled_model_path()))


def train(args: argparse.Namespace) -> None:
    import torch

    torch.manual_seed(0)
    rng = random.Random(0)
    model, tok = _model_and_tokenizer(None)
    rows = [r for spec in args.files for r in _load(spec)
            if _positive(r) and any(h["key"] not in r["gold"] for h in r["hits"])]
    print(f"training questions {len(rows)}", flush=True)
    if len(rows) < QUESTIONS_A_STEP:
        raise SystemExit(f"need at least {QUESTIONS_A_STEP} questions with a gold paragraph and another hit")
    opt = torch.optim.AdamW([{"params": model.bert.parameters(), "lr": args.lr},
                             {"params": model.head.parameters(), "lr": 1e-3}], weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / 50) * max(0.05, 1 - s / args.steps))
    model.train()
    started, order, losses = time.time(), [], []
    for step in range(args.steps):
        if len(order) < QUESTIONS_A_STEP:
            order = list(range(len(rows)))
            rng.shuffle(order)
        questions, texts = [], []
        for _ in range(QUESTIONS_A_STEP):
            row = rows[order.pop()]
            others = [h["text"] for h in row["hits"] if h["key"] not in row["gold"]]
            others = rng.sample(others, min(len(others), GROUP - 1))
            others += others[-1:] * (GROUP - 1 - len(others))
            questions += [row["q"]] * GROUP
            texts += [_positive(row)] + others
        enc = tok(questions, texts, truncation="only_second", max_length=MAX_TOKENS, padding=True,
                  return_tensors="pt")
        scores = model(enc).view(QUESTIONS_A_STEP, GROUP)
        loss = torch.nn.functional.cross_entropy(scores, torch.zeros(QUESTIONS_A_STEP, dtype=torch.long))
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        losses.append(loss.item())
        if (step + 1) % 100 == 0:
            print(f"step {step + 1}: loss {np.mean(losses[-100:]):.3f}, {time.time() - started:.0f} s", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.out / "cross_encoder.pt")


def _counts(rows: list[dict[str, Any]], k: int | None, weight: float) -> tuple[int, int]:
    """P@1 and gold in the top 3 when the best k are re-ranked (k None: the product's order)."""
    first = top3 = 0
    for r in rows:
        n = len(r["keys"]) if k is None else min(k, len(r["keys"]))
        order = list(range(len(r["keys"])))
        if k is not None and n:
            rank = -np.arange(n, dtype=float)
            order = list(np.argsort(-(zscore(np.array(r["ce"][:n])) + weight * zscore(rank)),
                                    kind="stable")) + order[n:]
        first += bool(order) and r["keys"][order[0]] in r["gold"]
        top3 += any(r["keys"][i] in r["gold"] for i in order[:3])
    return first, top3


def sweep(args: argparse.Namespace) -> None:
    import torch

    model, tok = _model_and_tokenizer(args.model)
    model.eval()
    for spec in args.files:
        rows = []
        with torch.inference_mode():
            for r in _load(spec):
                hits = r["hits"][:10]
                enc = tok([r["q"]] * len(hits), [h["text"] for h in hits], truncation="only_second",
                          max_length=MAX_TOKENS, padding=True, return_tensors="pt") if hits else None
                rows.append(dict(gold=r["gold"], keys=[h["key"] for h in hits],
                                 ce=model(enc).tolist() if hits else []))
        print(f"{spec}: {len(rows)} questions; product order P@1, top 3 {_counts(rows, None, 0)}")
        for weight in (0.0, 0.25, 0.5, 1.0, 2.0):
            print(f"  rank weight {weight}: " + ", ".join(
                f"best {k} re-ranked {_counts(rows, k, weight)}" for k in (2, 3, 5, 10)))


def verify(args: argparse.Namespace) -> None:
    import torch

    model, tok = _model_and_tokenizer(args.model)
    model.eval()
    answered = [r for r in _load(args.questions) if not r["abstained"] and r["hits"]]
    unrelated = [r for r in _load(args.unrelated) if not r["abstained"] and r["hits"]]

    def first_hit_score(r: dict[str, Any]) -> float:
        with torch.inference_mode():
            enc = tok([r["q"]], [r["hits"][0]["text"]], truncation="only_second", max_length=MAX_TOKENS,
                      return_tensors="pt")
            return float(model(enc).item())

    exact = np.array([first_hit_score(r) for r in answered if r["hits"][0]["key"] in r["gold"]])
    wrong = np.array([first_hit_score(r) for r in answered if r["hits"][0]["key"] not in r["gold"]])
    other = np.array([first_hit_score(r) for r in unrelated])
    print(f"answered: {len(exact)} exact, {len(wrong)} wrong; out of corpus answered: {len(other)}")
    if not len(exact):
        raise SystemExit("no answered question cites its gold paragraph: no threshold to read")
    for share in (0.01, 0.03, 0.05, 0.10):
        t = float(np.quantile(exact, share))
        print(f"  {share:.0%} of exact citations abstain (score < {t:.2f}): wrong citations "
              f"{int((wrong < t).sum())}, out of corpus {int((other < t).sum())}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("questions", type=Path, nargs="+")
    d.add_argument("--index-dir", type=Path, required=True)
    d.add_argument("--index", required=True)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--half", type=int, choices=(0, 1))
    d.add_argument("--limit", type=int, help="at most this many questions of each file")
    d.add_argument("--unrelated", action="store_true", help="the files hold out-of-corpus questions")
    t = sub.add_parser("train")
    t.add_argument("files", nargs="+", help="dump files, FILE or FILE:HALF")
    t.add_argument("--out", type=Path, required=True)
    t.add_argument("--steps", type=int, default=1500)
    t.add_argument("--lr", type=float, default=4e-5)
    s = sub.add_parser("sweep")
    s.add_argument("files", nargs="+", help="dump files, FILE or FILE:HALF")
    s.add_argument("--model", type=Path, required=True, help="the folder `train` wrote")
    v = sub.add_parser("verify")
    v.add_argument("questions", help="a dump of answerable questions, FILE or FILE:HALF")
    v.add_argument("unrelated", help="a dump of out-of-corpus questions (`dump --unrelated`)")
    v.add_argument("--model", type=Path, required=True, help="the folder `train` wrote")
    args = ap.parse_args()
    {"dump": dump, "train": train, "sweep": sweep, "verify": verify}[args.command](args)


if __name__ == "__main__":
    main()
