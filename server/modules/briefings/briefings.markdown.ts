import type { CoordinationAlertKind } from "../../graphql/generated.js";
import { dateRange, displayName, longDate, ordinal } from "../coordination/sql.js";
import type { BriefingModel } from "./briefings.service.js";

// The briefing as Markdown, to read, print or paste. Everything that came from
// a record is escaped, so a subject or a note cannot inject links, images or HTML.

/** Escapes Markdown and HTML metacharacters, and folds line breaks for one-line contexts. */
export function md(text: string | null | undefined, oneLine = true): string {
  if (!text) return "";
  const escaped = text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/^(\s*)([#+=-]|\d+[.)])/gm, "$1\\$2");
  return oneLine ? escaped.replace(/\s*\r?\n\s*/g, " ") : escaped.replace(/\r?\n/g, "  \n");
}

const name = (r: { name: string; nameLatin?: string | null }) => md(displayName({ name: r.name, nameLatin: r.nameLatin ?? null }));
const list = (refs: { name: string; nameLatin?: string | null }[]) => refs.map(name).join(", ");
const words = (value: string) => value.toLowerCase().replace(/_/g, " ");
const capital = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
const WARNING: Record<CoordinationAlertKind, string> = {
  OVERLAPPING_TRAVEL: "Travelling at the same time",
  SHARED_CONTACT: "Shared contact",
  DORMANT_PARTNERSHIP: "Dormant partnership",
  ANNIVERSARY: "Anniversary",
  RENEWAL_DUE: "Renewal due",
  OVERDUE_FOLLOW_UP: "Overdue follow-up",
};
const cell = (text: string) => text.replace(/\r?\n/g, " ") || "—";

function gbp(value: number | null | undefined): string {
  if (value == null) return "";
  if (value >= 1_000_000) return `£${Number((value / 1_000_000).toFixed(1))}m`;
  if (value >= 1_000) return `£${Number((value / 1_000).toFixed(0))}k`;
  return `£${value}`;
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`), ""];
}

function section(title: string, body: string[], empty: string): string[] {
  return [`## ${title}`, "", ...(body.length ? body : [`_${empty}_`, ""])];
}

export function renderMarkdown(b: BriefingModel): string {
  const out: string[] = [`# Briefing: ${md(b.title)}`, ""];
  const v = b.visit;
  if (v) {
    out.push(`**${dateRange(v.startsOn, v.endsOn)}** · ${v.direction === "OUTBOUND" ? "Outbound mission" : "Inbound delegation"} · ${capital(words(v.status))}`, "");
    out.push(`- **Lead:** ${name(v.leadMember)}`);
    if (v.participatingMembers.length) out.push(`- **Taking part:** ${list(v.participatingMembers)}`);
  } else {
    out.push(`**${dateRange(b.from, b.to)}**`, "");
  }
  const destinations = b.destinations.map((d) => `${name(d.place)}${d.kind !== "COUNTRY" && d.country ? ` (${md(d.country)})` : ""}`);
  out.push(`- **Destinations:** ${destinations.join(", ") || "none given"}`);
  out.push(
    `- **Prepared:** ${longDate(new Date(b.generatedAt).toISOString())}, from the records shared with you; interactions since ${longDate(b.since)}.`,
    "",
    "> Contains personal data: keep it safe and destroy it after the trip.",
    "",
  );

  if (b.objectives) out.push(...section("Objectives", [md(b.objectives, false), ""], ""));
  out.push(...section("Points to take", b.pointsToTake.map((p) => `- ${md(p.text)}`).concat(b.pointsToTake.length ? [""] : []), "Nothing open."));
  out.push(...section("Coordination warnings", b.warnings.map((w) => `- **${WARNING[w.kind]}:** ${md(w.message)}`).concat(b.warnings.length ? [""] : []), "None."));

  const partnerships = b.partnerships.flatMap((p) => {
    const facts = [
      `${capital(words(p.kind))}, ${words(p.status)}`,
      p.signedOn ? `signed ${longDate(p.signedOn)}` : null,
      p.nextAnniversaryOn && p.anniversaryYears ? `${ordinal(p.anniversaryYears)} anniversary on ${longDate(p.nextAnniversaryOn)}` : null,
      p.renewalDueOn ? `renewal due ${longDate(p.renewalDueOn)}` : null,
    ].filter(Boolean);
    const uk = p.parties.filter((q) => q.side === "UK").map((q) => name(q.party));
    const intl = p.parties.filter((q) => q.side === "INTERNATIONAL").map((q) => name(q.party));
    return [
      `### ${md(p.name)}`,
      "",
      `${facts.join(" · ")}  `,
      `Parties: ${uk.length ? `UK: ${uk.join(", ")}` : ""}${uk.length && intl.length ? "; " : ""}${intl.length ? `international: ${intl.join(", ")}` : ""}  `,
      `Lead: ${p.leadMember ? name(p.leadMember) : name(p.ownerMember)} · last interaction: ${p.lastInteractionAt ? longDate(String(p.lastInteractionAt)) : "none you can see"} · ${p.recentInteractions} in 24 months`,
      ...(p.description ? ["", md(p.description, false)] : []),
      "",
    ];
  });
  out.push(...section("Partnerships", partnerships, "No partnerships there that you can see."));

  out.push(
    ...section(
      "Key organisations",
      b.organisations.length
        ? table(
            ["Organisation", "Kind", "Place", "Sectors", "Interactions (24 months)", "Last"],
            b.organisations.map((o) => [
              `${name(o)}${o.partner ? " (partner)" : ""}`,
              capital(words(o.kind)),
              o.place ? name(o.place) : "",
              md(o.sectors.join(", ")),
              String(o.recentInteractions),
              o.lastInteractionAt ? longDate(String(o.lastInteractionAt)) : "",
            ]),
          )
        : [],
      "No organisations there that you can see.",
    ),
  );

  const people = b.people.flatMap((p) => {
    const current = p.affiliations.filter((a) => a.current).map((a) => `${a.role ? `${md(a.role)}, ` : ""}${name(a.organisation)}`);
    const known = p.knownBy.map((k) => `${name(k.member)} (${k.interactions}, last ${longDate(String(k.lastMetAt))})`);
    return [
      `### ${name({ name: p.fullName, nameLatin: p.nameLatin })}${p.jobTitle ? ` — ${md(p.jobTitle)}` : ""}`,
      "",
      ...(p.bio ? [md(p.bio), ""] : []),
      ...(current.length ? [`- **Affiliations:** ${current.join("; ")}`] : []),
      ...(p.place ? [`- **Based in:** ${name(p.place)}`] : []),
      ...(p.languages.length ? [`- **Languages:** ${md(p.languages.join(", "))}`] : []),
      `- **Known by:** ${known.length ? known.join("; ") : "no meetings you can see"}`,
      `- **Contact held by:** ${name(p.ownerMember)}`,
      "",
    ];
  });
  out.push(...section("Key people", people, "No people there that you can see."));

  const interactions = b.interactions.flatMap((i) => {
    const day = longDate(String(i.occurredAt));
    const withWhom = [...i.organisations, ...i.participants];
    return [
      `- **${day}** · ${name(i.member)} · ${capital(words(i.kind))}${i.place ? ` · ${name(i.place)}` : ""}${i.onThisVisit ? " · on this visit" : ""}  `,
      // Two trailing spaces: a line break inside the list item.
      ...[
        `${md(i.subject)}${withWhom.length ? ` — with ${list(withWhom)}` : ""}`,
        ...(i.outcome ? [`Outcome: ${md(i.outcome)}`] : []),
        ...(i.notes ? [`Notes: ${md(i.notes)}`] : []),
      ].map((line, n, all) => `  ${line}${n < all.length - 1 ? "  " : ""}`),
    ];
  });
  const shown = b.interactionTotal > b.interactions.length ? ` (the latest ${b.interactions.length} of ${b.interactionTotal})` : "";
  out.push(...section(`Recent interactions${shown}`, interactions.length ? [...interactions, ""] : [], "No interactions there in the last 24 months that you can see."));

  out.push(
    ...section(
      "Open follow-ups",
      b.followUps.map(
        (f) =>
          `- ${f.overdue ? "**Overdue** " : ""}${md(f.title)} — ${name(f.ownerMember)}${f.assignee ? ` (${md(f.assignee)})` : ""}` +
          `${f.dueOn ? `, due ${longDate(f.dueOn)}` : ""}${f.about ? `; about ${name(f.about)}` : ""}`,
      ).concat(b.followUps.length ? [""] : []),
      "None open.",
    ),
  );
  out.push(
    ...section(
      "Opportunities",
      b.opportunities.length
        ? table(
            ["Opportunity", "Stage", "Sector", "Value", "Jobs", "Likelihood", "Lands", "Member"],
            b.opportunities.map((o) => [
              md(o.title),
              capital(words(o.stage)),
              md(o.sector),
              gbp(o.capitalValueGbp),
              o.jobs == null ? "" : String(o.jobs),
              o.likelihood == null ? "" : `${o.likelihood}%`,
              o.landOn ? longDate(o.landOn) : "",
              name(o.ownerMember),
            ]),
          )
        : [],
      "No open opportunities there that you can see.",
    ),
  );
  out.push(
    ...section(
      "Alumni there",
      b.alumni.length
        ? table(
            ["Name", "Role", "University", "Degree", "Place"],
            b.alumni.map((a) => [
              name(a.person),
              md(a.jobTitle),
              name(a.university),
              md([a.degree, a.subject, a.graduationYear].filter((x) => x != null && x !== "").join(", ")),
              a.place ? name(a.place) : "",
            ]),
          )
        : [],
      "No alumni there that you can see.",
    ),
  );
  out.push(
    ...section(
      "Investors there",
      b.investors.length
        ? table(
            ["Investor", "Type", "Sectors", "Ticket", "Place"],
            b.investors.map((i) => [
              name(i.subject),
              capital(words(i.investorType)),
              md(i.sectors.join(", ")),
              [gbp(i.ticketMinGbp), gbp(i.ticketMaxGbp)].filter(Boolean).join("–"),
              i.place ? name(i.place) : "",
            ]),
          )
        : [],
      "No investors there that you can see.",
    ),
  );
  out.push(
    ...section(
      "Priorities",
      b.priorities.map(
        (p) => `- **${md(p.name)}** (${words(p.scope)}, weight ${p.weight}; ${name(p.ownerMember)})${p.description ? ` — ${md(p.description)}` : ""}`,
      ).concat(b.priorities.length ? [""] : []),
      "No national or member priorities for this market.",
    ),
  );
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}
