import { Suspense, useEffect, useRef, useState } from "react";
import { NavLink, Outlet, useLocation } from "react-router";
import { HeaderSearch } from "../features/search/HeaderSearch";
import { Loading } from "../ui/states";
import { useAuth, useViewer } from "./auth/AuthProvider";

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

const NAV: NavItem[] = [
  { to: "/", label: "Home", end: true },
  { to: "/people", label: "People" },
  { to: "/organisations", label: "Organisations" },
  { to: "/partnerships", label: "Partnerships" },
  { to: "/places", label: "Places" },
  { to: "/visits", label: "Visits" },
  { to: "/priorities", label: "Priorities" },
  { to: "/alumni", label: "Alumni investors" },
  { to: "/log", label: "Log a contact" },
];

export function Layout() {
  const viewer = useViewer();
  const { signOut } = useAuth();
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const firstPath = useRef(location.pathname);

  // After a navigation (not the first load, not a filter change), move focus to
  // the new page's heading so keyboard and screen-reader users start there.
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = location.pathname;
    setMenuOpen(false);
    const heading = document.getElementById("page-heading");
    (heading ?? document.getElementById("main-content"))?.focus();
  }, [location.pathname]);

  const editing = viewer.role === "VIEWER" ? NAV : [...NAV, { to: "/import", label: "Import" }];
  const items =
    viewer.role === "ADMIN" ? [...editing, { to: "/admin/users", label: "Users" }, { to: "/admin/data", label: "Data protection" }] : editing;

  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          <NavLink to="/" className="header__brand" aria-label="Entente home">
            <svg className="header__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="11" cy="16" r="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
              <circle cx="21" cy="16" r="6" fill="none" stroke="#7fd1c7" strokeWidth="2.5" />
            </svg>
            Entente
          </NavLink>
          <HeaderSearch />
          <button
            type="button"
            className="header__menu-button"
            aria-expanded={menuOpen}
            aria-controls="primary-navigation"
            onClick={() => setMenuOpen((open) => !open)}
          >
            Menu
          </button>
          <nav
            id="primary-navigation"
            className={menuOpen ? "header__nav header__nav--open" : "header__nav"}
            aria-label="Main"
          >
            <ul className="header__nav-list">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end} className="header__nav-link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
            <div className="header__account">
              <span className="header__user">
                <span className="header__user-name">{viewer.name}</span>
                <span className="header__user-member">{viewer.member.shortName ?? viewer.member.name}</span>
              </span>
              <button
                type="button"
                className="header__sign-out"
                disabled={signingOut}
                onClick={() => {
                  setSigningOut(true);
                  // The session ends here whatever the server says; the sign-in page explains.
                  void signOut();
                }}
              >
                {signingOut ? "Signing out…" : "Sign out"}
              </button>
            </div>
          </nav>
        </div>
      </header>
      <main id="main-content" className="main" tabIndex={-1}>
        <Suspense fallback={<Loading label="Loading…" />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <p>
          Entente: one shared relationship network for sub-national diplomacy. Signed in as {viewer.email ?? viewer.name} (
          {viewer.role.toLowerCase()}), {viewer.member.name}.
        </p>
      </footer>
    </>
  );
}
