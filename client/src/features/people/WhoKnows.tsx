import { useQuery } from "@apollo/client/react";
import { type HealthSummaryFragment, WhoKnowsDocument, type WhoKnowsQuery } from "../../generated/graphql";
import { formatDate } from "../../ui/format";
import { Loading, QueryError } from "../../ui/states";
import "./records.css";

type Acquaintance = NonNullable<WhoKnowsQuery["whoKnows"]>[number];

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

/**
 * Who in the network has met the person: each member with its engagement, and
 * under it the users who logged or attended those meetings, all from the
 * interactions the viewer can see.
 */
export function WhoKnows({ personId, health, myMemberId }: { personId: string; health: HealthSummaryFragment; myMemberId: string }) {
  const { data, error, loading, refetch } = useQuery(WhoKnowsDocument, { variables: { personId } });
  const people = data?.whoKnows ?? [];
  const byMember = new Map<string, Acquaintance[]>();
  for (const a of people) byMember.set(a.member.id, [...(byMember.get(a.member.id) ?? []), a]);
  const mine = health.byMember.find((m) => m.member.id === myMemberId);

  return (
    <section aria-labelledby="who-knows-title" className="section">
      <h2 id="who-knows-title" className="heading-m">
        Who knows them
      </h2>
      <p className="hint">From the meetings, calls and events you can see. Ask them before you get in touch.</p>
      {health.byMember.length === 0 ? (
        <p className="muted">Nobody in the network has recorded meeting them, as far as you can see.</p>
      ) : (
        <>
          <p>
            {mine
              ? `Your member last met them on ${formatDate(mine.lastInteractionAt)}${mine.dormant ? ", more than a year ago" : ""}.`
              : "Your member has not met them yet."}
          </p>
          <ul className="plain-list">
            {health.byMember.map((m) => (
              <li key={m.member.id} className="plain-list__item">
                <strong>{m.member.name}</strong>
                <span className="muted">
                  {" "}
                  – met {times(m.interactions)}, last on {formatDate(m.lastInteractionAt)}
                  {m.dormant ? " (no contact for over a year)" : ""}
                </span>
                {byMember.get(m.member.id)?.length ? (
                  <ul className="acquaintances" aria-label={`People at ${m.member.shortName ?? m.member.name} who met them`}>
                    {byMember.get(m.member.id)!.map((a) => (
                      <li key={a.user.id}>
                        {a.user.name}
                        {a.user.jobTitle ? `, ${a.user.jobTitle}` : ""}
                        <span className="muted">
                          {" "}
                          – {times(a.interactions)}, last on {formatDate(a.lastMetAt)}
                        </span>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {loading ? <Loading label="Finding who met them…" /> : null}
      {error ? <QueryError what="The people who met them" error={error} retry={() => void refetch()} /> : null}
    </section>
  );
}
