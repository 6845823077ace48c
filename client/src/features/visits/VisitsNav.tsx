import { Link } from "react-router";
import { useViewer } from "../../app/auth/AuthProvider";

/** The list/calendar switch shared by both visit views, and "Plan a visit" for those who can write. */
export function VisitsNav({ current }: { current: "list" | "calendar" }) {
  const viewer = useViewer();
  return (
    <div className="visits-nav">
      <nav aria-label="Visits view" className="view-toggle">
        <Link to="/visits" className="view-toggle__link" aria-current={current === "list" ? "page" : undefined}>
          List
        </Link>
        <Link to="/visits/calendar" className="view-toggle__link" aria-current={current === "calendar" ? "page" : undefined}>
          Calendar
        </Link>
      </nav>
      {viewer.role !== "VIEWER" ? (
        <Link to="/visits/new" className="button">
          Plan a visit
        </Link>
      ) : null}
    </div>
  );
}
