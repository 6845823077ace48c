import { MARK_END, MARK_START } from "./search.repository.js";

// Snippets reach clients as HTML: every character of the record's text is
// escaped, and the only markup is <mark>…</mark> around matched words.

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** Lower case without accents, for comparing words the way the database folds them. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase();
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[x.length]![y.length]!;
}

/** Whether a word of the text is what a (typo-tolerant or substring) query term found. */
function wordMatches(word: string, terms: string[]): boolean {
  const w = fold(word);
  return terms.some((term) => {
    const t = fold(term);
    const length = [...t].length;
    if (length < 3) return false;
    if (w.includes(t)) return true;
    const allowed = length >= 8 ? 2 : length >= 4 ? 1 : 0;
    return allowed > 0 && Math.abs([...w].length - length) <= allowed && editDistance(w, t) <= allowed;
  });
}

/**
 * The snippet as HTML. Words the full-text search matched arrive marked by the
 * database; a hit found only by typo tolerance or substring has its closest
 * words marked here instead.
 */
export function snippetHtml(raw: string | null, terms: string[]): string {
  if (!raw) return "";
  if (raw.includes(MARK_START)) {
    return escapeHtml(raw).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
  }
  return raw
    .split(/([\p{L}\p{M}\p{N}]+)/u)
    .map((part, i) => (i % 2 === 1 && wordMatches(part, terms) ? `<mark>${escapeHtml(part)}</mark>` : escapeHtml(part)))
    .join("");
}

/** The snippet as plain text (CSV exports): the marks removed, nothing escaped. */
export function snippetText(raw: string | null): string {
  return (raw ?? "").replaceAll(MARK_START, "").replaceAll(MARK_END, "");
}
