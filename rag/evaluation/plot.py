"""`rag eval --plot`: the accuracy/abstention trade-off of the answers report as a PNG.

matplotlib (the optional extra `plot`) is imported only here, with the Agg backend (no display).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rag.errors import UsageError

# The curves: the trade-off point's key, the legend's label ({n}: the answerable questions,
# {m}: the unanswerable ones), the line's colour, style and width.
CURVES = (
    ("exact_answered", "answered, citing the gold paragraph (share of {n} answerable)", "tab:green", "-", 2.2),
    ("false_abstentions", "abstained, gold in the top 3 (share of {n} answerable)", "tab:orange", "-", 2.2),
    ("abstained", "abstained (share of {n} answerable)", "tab:gray", "-", 1.2),
    ("unanswerable_abstained", "abstained (share of {m} out-of-corpus)", "tab:blue", "--", 2.2),
)


def check_plot(path: Path) -> None:
    """UsageError when the picture could not be drawn: matplotlib missing or no folder to hold
    it (checked before the questions are asked)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        raise UsageError("--plot needs matplotlib: install matplotlib (`pip install matplotlib`, "
                         "or the extra: `pip install 'rag[plot]'`)") from None
    if not Path(path).parent.is_dir():
        raise UsageError(f"--plot {path}: no folder {Path(path).parent} to write the picture in")


def _x_limit(points: list[dict[str, Any]], threshold: float) -> float:
    """Where the picture ends: the first threshold at which every answerable question abstains
    (or the last), and at least a little past the threshold in force."""
    end = next((p["threshold"] for p in points if p["answered"] == 0.0), points[-1]["threshold"])
    return max(end, threshold * 1.25)


def plot_tradeoff(report: dict[str, Any], path: Path, title: str = "") -> None:
    """Draw the answers report's trade-off (rag.evaluation.answers.tradeoff) into the PNG `path`:
    each curve against the threshold, and a vertical line at the threshold in force."""
    check_plot(path)
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    points, threshold = report["tradeoff"], report["threshold"]
    points = [{**p, "abstained": round(1.0 - p["answered"], 4)} for p in points]
    counts = {"n": report["by_kind"]["all"]["questions"],
              "m": (report["out_of_corpus"] or {}).get("all", {}).get("questions", 0)}
    xs = [p["threshold"] for p in points]
    fig, ax = plt.subplots(figsize=(9, 6.5), dpi=120)
    try:
        for key, label, colour, style, width in CURVES:
            ys = [p[key] for p in points]
            if all(y is None for y in ys):
                continue
            at = next(p[key] for p in points if p["threshold"] == threshold)
            ax.plot(xs, ys, style, color=colour, linewidth=width,
                    label=f"{label.format(**counts)}: {at:.2f} in force")
        ax.axvline(threshold, color="black", linestyle=":", linewidth=1.5)
        ax.annotate(f"threshold in force {threshold:g}", (threshold, 1.0), xytext=(4, 0), textcoords="offset points",
                    fontsize=9)
        ax.set_xlim(0, _x_limit(points, threshold))
        ax.set_ylim(0, 1.05)
        ax.set_xlabel("abstention threshold (an answer abstains when its top paragraph's support is under it)")
        ax.set_ylabel("share of questions")
        ax.set_title(title or "Accuracy and abstention as the threshold moves")
        ax.grid(True, alpha=0.3)
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, fontsize=8.5, frameon=False)
        fig.tight_layout()
        try:
            fig.savefig(path, format="png")
        except OSError as exc:
            raise UsageError(f"--plot {path}: cannot write the picture ({exc.strerror or exc})") from exc
    finally:
        plt.close(fig)
