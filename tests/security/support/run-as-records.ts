import { gql } from "./run-as-build.js";
import { type Session, arr, compareIds, idOf, ids, keep, name, obj, problem, same } from "./run-as-compare.js";
import { type Expect, canEdit, list, live, ownerOnly, readsNotes, refTo, retentionQueue, sees } from "./run-as-reference.js";
import { type Kind, type Rec, addDays } from "./run-as-world.js";

// Records one by one (the typed query by id and node(id:), which must agree)
// and every top-level list with its totalCount, for one user.

const FRAGMENTS: Record<Kind, [field: string, fragment: string]> = {
  Person: [
    "person",
    `fragment P on Person { id ...O email phone lawfulBasisNote retentionReviewOn affiliations { organisation { id } }
      alumniTies { university { id } } investorProfiles { id } interactions(first: 20) { totalCount nodes { id } } }`,
  ],
  Organisation: [
    "organisation",
    `fragment G on Organisation { id ...O parent { id } affiliations { person { id } } investorProfiles { id }
      interactions(first: 20) { totalCount nodes { id } } }`,
  ],
  Visit: ["visit", `fragment V on Visit { id ...O leadMember { id } participatingMembers { id } destinations { id } }`],
  Partnership: ["partnership", `fragment T on Partnership { id ...O parties { place { id } organisation { id } } }`],
  Interaction: [
    "interaction",
    `fragment R on Interaction { id ...O notes notesSensitive participants { id } organisations { id } visit { id }
      loggedBy { id email } internalAttendees { id email } }`,
  ],
  Opportunity: ["opportunity", `fragment B on Opportunity { id ...O organisation { id } person { id } }`],
  InvestorProfile: ["investorProfile", `fragment F on InvestorProfile { id ...O person { id } organisation { id } }`],
  FollowUp: [
    "followUp",
    `fragment W on FollowUp { id ...O assignee { id email } interaction { id } person { id } organisation { id }
      partnership { id } visit { id } opportunity { id } }`,
  ],
  Priority: ["priority", `fragment Z on Priority { id ...O }`],
};
const OWNED = `fragment O on Owned { visibility archivedAt canEdit ownerMember { id } }`;
const spread = (kind: Kind) => FRAGMENTS[kind][1].split(" ")[1]!;

/** What one visible record must look like to this viewer. */
function checkRecord(s: Session, r: Rec, d: Record<string, unknown>): void {
  const { w, v } = s;
  const where = `${r.kind.charAt(0).toLowerCase()}${r.kind.slice(1)}(id) of ${r.key}`;
  same(s, `${where} id`, d.id, r.gid);
  same(s, `${where} visibility`, d.visibility, r.visibility);
  same(s, `${where} archived`, d.archivedAt !== null, r.archived);
  same(s, `${where} canEdit`, d.canEdit, canEdit(v, r));
  same(s, `${where} ownerMember`, idOf(d.ownerMember), w.members[r.owner]!.gid);
  const own = ownerOnly(v, r);
  const of = <T extends Rec>(list: T[], keep: (x: T) => boolean): Expect => new Map(list.filter(keep).map((x) => [x.gid, live(v, x)]));
  const userEmail = (where2: string, u: unknown, member: number) => {
    if (u) same(s, `${where} ${where2} email shown`, obj(u).email !== null, member === v.member);
  };
  switch (r.kind) {
    case "Person": {
      for (const field of ["email", "phone", "lawfulBasisNote", "retentionReviewOn"]) {
        same(s, `${where} ${field} shown`, d[field] !== null, own);
      }
      compareIds(s, `${where} affiliations`, arr(d.affiliations).map((a) => idOf(a.organisation)), of(r.affiliations, () => true));
      compareIds(s, `${where} alumniTies`, arr(d.alumniTies).map((t) => idOf(t.university)), of(r.ties, () => true));
      compareIds(s, `${where} investorProfiles`, ids(d.investorProfiles), of(w.profiles, (ip) => ip.person === r));
      const conn = obj(d.interactions);
      compareIds(s, `${where} interactions`, ids(conn.nodes), of(w.interactions, (i) => i.participants.includes(r)));
      same(s, `${where} interactions totalCount`, conn.totalCount, arr(conn.nodes).length);
      break;
    }
    case "Organisation": {
      same(s, `${where} parent`, idOf(d.parent), refTo(v, r.parent));
      compareIds(s, `${where} affiliations`, arr(d.affiliations).map((a) => idOf(a.person)), of(w.people, (p) => p.affiliations.includes(r)));
      compareIds(s, `${where} investorProfiles`, ids(d.investorProfiles), of(w.profiles, (ip) => ip.org === r));
      const conn = obj(d.interactions);
      compareIds(s, `${where} interactions`, ids(conn.nodes), of(w.interactions, (i) => i.orgs.includes(r)));
      same(s, `${where} interactions totalCount`, conn.totalCount, arr(conn.nodes).length);
      break;
    }
    case "Visit":
      same(s, `${where} leadMember`, idOf(d.leadMember), w.members[r.owner]!.gid);
      same(s, `${where} participatingMembers`, ids(d.participatingMembers).sort(), r.participants.map((m) => w.members[m]!.gid).sort());
      same(s, `${where} destinations`, ids(d.destinations), [w.city.gid]);
      break;
    case "Partnership": {
      const parties = arr(d.parties);
      same(s, `${where} place parties`, parties.map((p) => idOf(p.place)).filter(Boolean), [w.city.gid]);
      compareIds(s, `${where} organisation parties`, parties.map((p) => idOf(p.organisation)), of(r.orgParties.map((p) => p.org), () => true));
      break;
    }
    case "Interaction": {
      same(s, `${where} notes shown`, d.notes !== null, readsNotes(v, r));
      same(s, `${where} notesSensitive`, d.notesSensitive, r.sensitive);
      compareIds(s, `${where} participants`, ids(d.participants), of(r.participants, () => true));
      compareIds(s, `${where} organisations`, ids(d.organisations), of(r.orgs, () => true));
      same(s, `${where} visit`, idOf(d.visit), refTo(v, r.visit));
      const writer = w.members[r.owner]!.users[0]!;
      same(s, `${where} loggedBy`, idOf(d.loggedBy), writer.gid);
      userEmail("loggedBy", d.loggedBy, r.owner);
      const attendees = r.attendees.map((u) => w.members[r.owner]!.users[u]!.gid);
      same(s, `${where} internalAttendees`, ids(d.internalAttendees).sort(), attendees.sort());
      for (const u of arr(d.internalAttendees)) userEmail("internalAttendees", u, r.owner);
      break;
    }
    case "Opportunity":
      same(s, `${where} organisation`, idOf(d.organisation), refTo(v, r.org));
      same(s, `${where} person`, idOf(d.person), refTo(v, r.person));
      break;
    case "InvestorProfile":
      same(s, `${where} person`, idOf(d.person), refTo(v, r.person));
      same(s, `${where} organisation`, idOf(d.organisation), refTo(v, r.org));
      break;
    case "FollowUp": {
      const assignee = r.assignee === null ? null : w.members[r.owner]!.users[r.assignee]!.gid;
      same(s, `${where} assignee`, idOf(d.assignee), assignee);
      userEmail("assignee", d.assignee, r.owner);
      const fields: [string, Kind][] = [
        ["interaction", "Interaction"],
        ["person", "Person"],
        ["organisation", "Organisation"],
        ["partnership", "Partnership"],
        ["visit", "Visit"],
        ["opportunity", "Opportunity"],
      ];
      for (const [field, kind] of fields) same(s, `${where} ${field}`, idOf(d[field]), r.about?.kind === kind ? refTo(v, r.about) : null);
      break;
    }
    case "Priority":
      break;
  }
}

/** Every record of the world by id and through node(id:), members' users, and the city. */
export async function checkById(s: Session): Promise<void> {
  const { w, v } = s;
  const records = w.records;
  for (let start = 0; start === 0 || start < records.length; start += 12) {
    const chunk = records.slice(start, start + 12);
    const kinds = new Set(chunk.map((r) => r.kind));
    const fields = chunk.map(
      (r, i) =>
        `r${i}: ${FRAGMENTS[r.kind][0]}(id: "${r.gid}") { ...${spread(r.kind)} } n${i}: node(id: "${r.gid}") { __typename ...${spread(r.kind)} }`,
    );
    if (start === 0) {
      fields.push(`c: place(id: "${w.city.gid}") { id }`);
      w.members.forEach((m, i) => fields.push(`m${i}: member(id: "${m.gid}") { id users(first: 10) { totalCount nodes { id email } } }`));
    }
    const fragments = chunk.length ? [OWNED, ...[...kinds].map((k) => FRAGMENTS[k][1])] : [];
    const query = `query { ${fields.join(" ")} } ${fragments.join(" ")}`;
    const data = keep(s, `records by id [${chunk.map((r) => r.key).join(",")}]`, await gql(s.url, query, {}, v.user.token));
    if (!data) continue;
    chunk.forEach((r, i) => {
      const typed = data[`r${i}`] as Record<string, unknown> | null;
      const node = data[`n${i}`] as Record<string, unknown> | null;
      if (!sees(v, r)) {
        if (typed !== null) problem(s, `${FRAGMENTS[r.kind][0]}(id)`, `returned ${name(w, r.gid)}, which must not be visible`);
        if (node !== null) problem(s, "node(id)", `returned ${name(w, r.gid)}, which must not be visible`);
        return;
      }
      if (!typed) return problem(s, `${FRAGMENTS[r.kind][0]}(id)`, `returned null for ${name(w, r.gid)}`);
      checkRecord(s, r, typed);
      const { __typename, ...viaNode } = node ?? {};
      same(s, `node(id) __typename of ${r.key}`, __typename, r.kind);
      same(s, `node(id) of ${r.key} (as the typed query)`, viaNode, typed);
    });
    if (start === 0) {
      same(s, "place(id) of the city", idOf(data.c), w.city.gid);
      w.members.forEach((m, i) => {
        const users = arr(obj(obj(data[`m${i}`]).users).nodes);
        same(s, `member(id) of ${m.key} users`, users.map(idOf).sort(), m.users.map((u) => u.gid).sort());
        for (const u of users) same(s, `member(id) of ${m.key} user email shown`, u.email !== null, i === v.member);
      });
    }
  }
}

const LISTS: [field: string, kind: Kind][] = [
  ["people", "Person"],
  ["organisations", "Organisation"],
  ["visits", "Visit"],
  ["partnerships", "Partnership"],
  ["interactions", "Interaction"],
  ["opportunities", "Opportunity"],
  ["investorProfiles", "InvestorProfile"],
  ["followUps", "FollowUp"],
  ["priorities", "Priority"],
];
const PAGE = `totalCount pageInfo { hasNextPage endCursor } nodes { id }`;

/** Every page of one connection: the ids, and totalCount (which must be the number of ids). */
async function allPages(s: Session, where: string, field: string, args: string, first: Record<string, unknown>): Promise<string[]> {
  const out = ids(first.nodes) as string[];
  let page = first;
  for (let n = 0; obj(page.pageInfo).hasNextPage && n < 50; n++) {
    const after = JSON.stringify(obj(page.pageInfo).endCursor);
    const data = keep(s, `${where} (next page)`, await gql(s.url, `query { l: ${field}(${args}, after: ${after}) { ${PAGE} } }`, {}, s.v.user.token));
    page = obj(data?.l);
    out.push(...(ids(page.nodes) as string[]));
  }
  same(s, `${where} totalCount (against the ids listed)`, first.totalCount, out.length);
  return out;
}

/** Every list of owned records, with and without archived ones; an admin's retention queue. */
export async function checkLists(s: Session): Promise<void> {
  const { w, v } = s;
  const variants = LISTS.flatMap(([field, kind]) => [
    { field, kind, archived: false, args: "first: 100" },
    { field, kind, archived: true, args: "first: 100, filter: { includeArchived: true }" },
  ]);
  const admin = v.user.role === "ADMIN";
  const fields = variants.map((x, i) => `l${i}: ${x.field}(${x.args}) { ${PAGE} }`);
  if (admin) fields.push(`q: retentionQueue(dueBy: "2999-12-31", first: 100) { ${PAGE} }`);
  fields.push(`cal: visitCalendar(from: "${addDays(w.today, -30)}", to: "${addDays(w.today, 90)}") { id }`);
  const data = keep(s, "lists", await gql(s.url, `query { ${fields.join(" ")} }`, {}, v.user.token));
  if (!data) return;
  for (const [i, x] of variants.entries()) {
    const where = `${x.field}${x.archived ? "(includeArchived)" : ""}`;
    const got = await allPages(s, where, x.field, x.args, obj(data[`l${i}`]));
    compareIds(s, where, got, list(w, v, x.kind, x.archived));
  }
  // Every world visit overlaps the calendar's window.
  compareIds(s, "visitCalendar", ids(data.cal), new Map(w.visits.map((vi) => [vi.gid, live(v, vi)])));
  if (admin) {
    const args = `dueBy: "2999-12-31", first: 100`;
    compareIds(s, "retentionQueue", await allPages(s, "retentionQueue", "retentionQueue", args, obj(data.q)), retentionQueue(w, v));
  }
}

/** Lists filtered by another record: a record the viewer cannot see matches nothing, as if it did not exist. */
export async function checkFilteredLists(s: Session): Promise<void> {
  const { w, v } = s;
  const probes = [
    ...w.people.map((p) => ({
      field: `interactions(first: 20, filter: { personId: "${p.gid}" })`,
      where: `interactions(personId ${p.key})`,
      expected: list(w, v, "Interaction", false),
      keep: (r: Rec) => r.kind === "Interaction" && r.participants.includes(p) && sees(v, p),
    })),
    ...w.orgs.flatMap((o) => [
      {
        field: `interactions(first: 20, filter: { organisationId: "${o.gid}" })`,
        where: `interactions(organisationId ${o.key})`,
        expected: list(w, v, "Interaction", false),
        keep: (r: Rec) => r.kind === "Interaction" && r.orgs.includes(o) && sees(v, o),
      },
      {
        field: `people(first: 20, filter: { organisationId: "${o.gid}" })`,
        where: `people(organisationId ${o.key})`,
        expected: list(w, v, "Person", false),
        keep: (r: Rec) => r.kind === "Person" && r.affiliations.includes(o) && sees(v, o),
      },
    ]),
    ...w.visits.map((vi) => ({
      field: `interactions(first: 20, filter: { visitId: "${vi.gid}" })`,
      where: `interactions(visitId ${vi.key})`,
      expected: list(w, v, "Interaction", false),
      keep: (r: Rec) => r.kind === "Interaction" && r.visit === vi && sees(v, vi),
    })),
  ];
  if (!probes.length) return;
  const data = keep(s, "filtered lists", await gql(s.url, `query { ${probes.map((p, i) => `f${i}: ${p.field} { ${PAGE} }`).join(" ")} }`, {}, v.user.token));
  if (!data) return;
  probes.forEach((p, i) => {
    const conn = obj(data[`f${i}`]);
    same(s, `${p.where} is one page`, obj(conn.pageInfo).hasNextPage, false);
    same(s, `${p.where} totalCount (against the ids listed)`, conn.totalCount, arr(conn.nodes).length);
    const expected = new Map([...p.expected].map(([g, t]) => [g, p.keep(w.records.find((r) => r.gid === g)!) ? t : (0 as const)]));
    compareIds(s, p.where, ids(conn.nodes), expected);
  });
}
