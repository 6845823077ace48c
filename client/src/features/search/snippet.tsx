import type { ReactNode } from "react";

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" };

/** Undoes the API's escaping (the five entities it produces) to plain text. */
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity);
}

/**
 * A search snippet as React elements: the API escapes every character and its
 * only markup is <mark>…</mark>. Only those become elements; everything else is
 * rendered as text, so nothing in a record can inject markup.
 */
export function Snippet({ html }: { html: string }): ReactNode {
  const parts: ReactNode[] = [];
  let marked = false;
  let key = 0;
  for (const piece of html.split(/(<\/?mark>)/)) {
    if (piece === "<mark>") marked = true;
    else if (piece === "</mark>") marked = false;
    else if (piece) parts.push(marked ? <mark key={key++}>{unescapeHtml(piece)}</mark> : unescapeHtml(piece));
  }
  return <>{parts}</>;
}
