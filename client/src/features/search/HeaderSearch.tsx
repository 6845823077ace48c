import { type FormEvent, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/** The search box in the header; "/" anywhere (outside a field) moves focus to it. */
export function HeaderSearch() {
  const [params] = useSearchParams();
  // Only the search page's ?q belongs in this box: list pages use ?q for their own filters.
  const fromUrl = useLocation().pathname === "/search" ? (params.get("q") ?? "") : "";
  const [text, setText] = useState(fromUrl);
  const [shown, setShown] = useState(fromUrl);
  if (shown !== fromUrl) {
    // The address changed (another page, or a new search): show what it says.
    setShown(fromUrl);
    setText(fromUrl);
  }
  const ref = useRef<HTMLInputElement>(null);
  const navigate = useNavigate();

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      ref.current?.focus();
      ref.current?.select();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const q = text.trim();
    if (q) void navigate(`/search?q=${encodeURIComponent(q)}`);
  }

  return (
    <form className="header-search" role="search" onSubmit={onSubmit}>
      <label className="visually-hidden" htmlFor="global-search">
        Search Entente
      </label>
      <input
        ref={ref}
        id="global-search"
        className="header-search__input"
        type="search"
        placeholder="Search (press /)"
        aria-keyshortcuts="/"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoComplete="off"
      />
      <button type="submit" className="header-search__button">
        Search
      </button>
    </form>
  );
}
