"""`rag eval --calibrate`: the abstention threshold for a user's own questions.

Each answerable question is asked through the product's Session as `rag ask` asks it; the
support of its top hit (rag.answer.extract.support) is what the answerer compares with the
threshold. The calibrated threshold is the one at which the chosen share of the answerable
questions abstains (support under it: `threshold_at`); questions the documents cannot answer, when given, show
how often the product then abstains where it should.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np

from rag.config import Settings
from rag.errors import UsageError
from rag.evaluation.evalset import load_question_texts
from rag.evaluation.evaluate import ProgressFn, no_progress, target_settings
from rag.service import Session

DEFAULT_SHARE = 0.08  # the share the bundled model's threshold was calibrated at (docs/quality.md)


def supports(session: Session, questions: list[str], stage: str, progress: ProgressFn) -> np.ndarray:
    """The support of each question's top hit under the product's ranking (0 without hits)."""
    out = np.zeros(len(questions), dtype=np.float64)
    for i, text in enumerate(questions):
        if i % 100 == 0:
            progress(stage, i, len(questions))
        out[i] = session.answerer.support(session.rankings(text, ("hybrid",))["hybrid"])
    progress(stage, len(questions), len(questions))
    return out


def threshold_at(support: np.ndarray, share: float) -> float:
    """The shortest decimal at which round(share x n) of the n supports fall under it (fewer
    where supports tie at the boundary): above the k-th smallest support, at most the next."""
    ranked = np.sort(support)
    k = min(int(round(share * len(ranked))), len(ranked) - 1)
    if k == 0:
        return 0.0
    below, at = float(ranked[k - 1]), float(ranked[k])
    for digits in range(1, 9):
        threshold = math.floor(at * 10 ** digits) / 10 ** digits
        if threshold > below:
            return threshold
    return at


def abstention_rate(support: np.ndarray | None, threshold: float) -> float | None:
    """The share of questions whose support is under `threshold` (None without questions)."""
    if support is None or len(support) == 0:
        return None
    return round(float(np.mean(support < threshold)), 4)


def calibrate(settings: Settings, questions_path: Path, corpus: Path | None, *, index_name: str | None = None,
              unanswerable_path: Path | None = None, share: float = DEFAULT_SHARE, limit: int | None = None,
              progress: ProgressFn | None = None) -> dict[str, Any]:
    """The threshold at which `share` of the answerable questions of `questions_path` abstain,
    with the abstention rates at it and at the threshold in force, and the config line."""
    tick = progress or no_progress
    if not 0.0 < share < 1.0:
        raise UsageError(f"--abstain-share {share}: give a share between 0 and 1, e.g. {DEFAULT_SHARE}")
    answerable = load_question_texts(Path(questions_path), limit)
    unanswerable = load_question_texts(Path(unanswerable_path), limit) if unanswerable_path is not None else []
    needed = math.ceil(0.5 / share)  # round(share x n) >= 1: at least one answerable question may abstain
    if len(answerable) < needed:
        raise UsageError(f"{questions_path}: {len(answerable)} answerable question(s), too few to place a threshold "
                         f"at which {share:.1%} of them abstain (at least {needed} are needed)",
                         fix="add questions, or give a larger --abstain-share")
    with Session(target_settings(settings, corpus, index_name, tick)) as session:
        found = supports(session, answerable, "ask", tick)
        against = supports(session, unanswerable, "ask unanswerable", tick) if unanswerable else None
        in_force = session.answerer.threshold
    threshold = threshold_at(found, share)
    unanswerable_rate = abstention_rate(against, threshold)
    return {
        "questions": len(answerable), "unanswerable_questions": len(unanswerable), "abstain_share": share,
        "calibrated": {"threshold": threshold, "abstention_rate": abstention_rate(found, threshold),
                       "unanswerable_abstention_rate": unanswerable_rate},
        "in_force": {"threshold": in_force, "abstention_rate": abstention_rate(found, in_force),
                     "unanswerable_abstention_rate": abstention_rate(against, in_force)},
        "config": f"abstain_threshold = {threshold}",
        "note": ("no unanswerable question abstains at the calibrated threshold: the product would cite "
                 "something for every question the documents cannot answer"
                 if unanswerable_rate == 0.0 else ""),
    }


def format_calibration(report: dict[str, Any]) -> list[list[str]]:
    """Rows of the printed table: header, then the calibrated threshold and the one in force."""
    def rate(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    rows = [["threshold", "answerable abstain", "unanswerable abstain"]]
    for name in ("calibrated", "in_force"):
        r = report[name]
        rows.append([f"{name.replace('_', ' ')} {r['threshold']}", rate(r["abstention_rate"]),
                     rate(r["unanswerable_abstention_rate"])])
    return rows
