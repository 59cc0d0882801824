"""The web page `rag serve` shows at `/`: one HTML file, its script and its style sheet (no CDN, no build step)."""
