import { useQuery } from "@apollo/client/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { useAuth } from "../../app/auth/AuthProvider";
import { SignInError } from "../../app/auth/session-tokens";
import { DemoSignInsDocument } from "../../generated/graphql";
import { ErrorSummary, type FieldProblem } from "../../ui/ErrorSummary";
import { TextField } from "../../ui/fields";
import { humanise } from "../../ui/format";
import { describeError } from "../../ui/errors";

interface FromState {
  from?: string;
}

export function SignInPage() {
  const { state, signIn } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);
  const from = (location.state as FromState | null)?.from ?? "/";
  const target = from.startsWith("/") && !from.startsWith("/sign-in") ? from : "/";

  useEffect(() => {
    document.title = `${problems.length ? "Error: " : ""}Sign in – Entente`;
  }, [problems]);

  if (state.status === "signedIn") return <Navigate to={target} replace />;

  const fieldError = (id: string) => problems.find((p) => p.field === id)?.message ?? null;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found: FieldProblem[] = [];
    if (!email.trim()) found.push({ field: "email", message: "Enter your email address" });
    if (!password) found.push({ field: "password", message: "Enter your password" });
    setProblems(found);
    if (found.length) return;
    setSubmitting(true);
    try {
      await signIn(email.trim(), password);
      navigate(target, { replace: true });
    } catch (err) {
      // A wrong email or password is one message (the server does not say which): link it to the email field.
      setProblems([
        err instanceof SignInError
          ? { field: err.field === "password" ? "password" : "email", message: err.message }
          : { field: null, message: describeError(err) },
      ]);
      setSubmitting(false);
    }
  }

  const reason = state.status === "signedOut" ? state.reason : null;

  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__inner">
          <span className="header__brand">
            <svg className="header__logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
              <circle cx="11" cy="16" r="6" fill="none" stroke="currentColor" strokeWidth="2.5" />
              <circle cx="21" cy="16" r="6" fill="none" stroke="#7fd1c7" strokeWidth="2.5" />
            </svg>
            Entente
          </span>
        </div>
      </header>
      <main id="main-content" className="main main--narrow" tabIndex={-1}>
        <div className="sign-in">
          <div className="sign-in__form">
            {reason && !problems.length ? (
              <div className="notice" role="status">
                {reason}
              </div>
            ) : null}
            <ErrorSummary problems={problems} />
            <h1 className="heading-xl">Sign in to Entente</h1>
            <p className="lead">One shared relationship network for sub-national diplomacy.</p>
            <form noValidate onSubmit={onSubmit}>
              <TextField
                id="email"
                label="Email address"
                type="email"
                autoComplete="username"
                spellCheck={false}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                error={fieldError("email")}
              />
              <TextField
                id="password"
                label="Password"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                error={fieldError("password")}
              />
              <button type="submit" className="button" ref={submitRef} disabled={submitting}>
                {submitting ? "Signing in…" : "Sign in"}
              </button>
            </form>
          </div>
          <DemoAccounts
            onPick={(account) => {
              setEmail(account.email);
              setPassword(account.password);
              setProblems([]);
              submitRef.current?.focus();
            }}
          />
        </div>
      </main>
    </>
  );
}

interface DemoAccount {
  email: string;
  password: string;
  role: string;
  memberName: string;
}

/** Listed only when the server runs demo data; a click fills the form. */
function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  const { data, error } = useQuery(DemoSignInsDocument);
  if (error) {
    return (
      <aside className="sign-in__demo" aria-labelledby="demo-title">
        <h2 id="demo-title" className="heading-m">
          Demo accounts
        </h2>
        <p className="error-message" role="alert">
          The demo accounts could not be loaded: {describeError(error)}
        </p>
      </aside>
    );
  }
  const accounts = data?.demoSignIns ?? [];
  if (!accounts.length) return null;
  const password = accounts[0]?.password;
  return (
    <aside className="sign-in__demo" aria-labelledby="demo-title">
      <h2 id="demo-title" className="heading-m">
        Demo accounts
      </h2>
      <p>
        This server runs demo data. Choose an account to fill in the form
        {password ? (
          <>
            {" "}
            (the password for all of them is <code>{password}</code>)
          </>
        ) : null}
        .
      </p>
      <ul className="demo-accounts">
        {accounts.map((a) => (
          <li key={a.email}>
            <button type="button" className="demo-account" onClick={() => onPick(a)}>
              <span className="demo-account__email">{a.email}</span>
              <span className="demo-account__meta">
                {humanise(a.role)} · {a.memberName}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
