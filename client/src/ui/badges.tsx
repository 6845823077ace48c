import type { Role, Visibility } from "../generated/graphql";
import { humanise } from "./format";

export function VisibilityBadge({ visibility, owner }: { visibility: Visibility; owner?: string | null }) {
  const label = visibility === "PRIVATE" ? "Private" : "Network";
  const title =
    visibility === "PRIVATE"
      ? `Only ${owner ?? "the owner member"} can see this record`
      : "Every member of the network can see this record";
  return (
    <span className={`badge badge--${visibility.toLowerCase()}`} title={title}>
      {label}
      <span className="visually-hidden">: {title}</span>
    </span>
  );
}

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge--role-${role.toLowerCase()}`}>{humanise(role)}</span>;
}

export function Tags({ values, label }: { values: readonly string[]; label: string }) {
  if (!values.length) return null;
  return (
    <ul className="tags" aria-label={label}>
      {values.map((v) => (
        <li key={v} className="tag">
          {v}
        </li>
      ))}
    </ul>
  );
}
