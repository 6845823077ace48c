import { Problem, arr, checking, globalId, num, obj, str } from "./check.js";
import type { Fixtures } from "./fixtures.js";
import { type Scenario, fromPool, pool } from "./types.js";

// W4: a person's profile as one request: the record, where they are, who
// holds it, their affiliations, and the 50 newest entries of their timeline
// (interactions, follow-ups, visits, changes) with the total. People are
// sampled half by activity (someone met often is looked up often) and half
// uniformly among those with any interaction.

export const PERSON_PROFILE = `query PersonProfile($id: ID!) {
  person(id: $id) {
    id fullName nameLatin jobTitle languages sectors bio email phone visibility canEdit version
    place { id name nameLatin kind countryCode }
    ownerMember { id name shortName }
    affiliations { id role startedOn endedOn current organisation { id name kind } }
    timeline(first: 50) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        kind
        at
        interaction { id occurredAt kind subject outcome }
        followUp { id title dueOn status }
        visit { id title startsOn endsOn }
        change { action fields }
      }
    }
  }
}`;

const MEMBER_OF_KIND: Record<string, string> = { INTERACTION: "interaction", FOLLOW_UP: "followUp", VISIT: "visit", CHANGE: "change" };

export function personScenario(fixtures: Fixtures): Scenario {
  const requests = pool(
    fixtures,
    fixtures.persons.map((id) => ({ id: globalId("Person", id) })),
  );
  return {
    name: "person + timeline",
    workload: "W4",
    document: PERSON_PROFILE,
    floorPath: "/floor/person",
    targets: { statements: 6, p95Ms: 30 },
    pool: requests,
    request: fromPool,
    check(data) {
      let n = 0;
      return checking(
        () => n,
        () => {
          const p = obj(data.person, "person");
          str(p.fullName, "person.fullName");
          str(obj(p.ownerMember, "person.ownerMember").name, "person.ownerMember.name");
          const affiliations = arr(p.affiliations, "person.affiliations");
          affiliations.forEach((a, k) => str(obj(a.organisation, `affiliations.${k}.organisation`).name, `affiliations.${k}.organisation.name`));
          const t = obj(p.timeline, "person.timeline");
          const nodes = arr(t.nodes, "person.timeline.nodes", { min: 1, max: 50 });
          num(t.totalCount, "person.timeline.totalCount", { min: nodes.length });
          n = nodes.length + affiliations.length;
          nodes.forEach((node, k) => {
            const member = MEMBER_OF_KIND[node.kind as string];
            if (!member) throw new Problem(`timeline.nodes.${k}.kind is ${String(node.kind)}`);
            obj(node[member], `timeline.nodes.${k}.${member}`);
            for (const other of Object.values(MEMBER_OF_KIND)) {
              if (other !== member && node[other] !== null) throw new Problem(`timeline.nodes.${k}.${other} is set on a ${String(node.kind)}`);
            }
          });
          const times = nodes.map((x) => Date.parse(String(x.at)));
          for (let k = 1; k < times.length; k++) {
            if (times[k]! > times[k - 1]!) throw new Problem("person.timeline is not newest first");
          }
        },
      );
    },
    fingerprint(data) {
      const p = data.person as {
        id: string;
        email: string | null;
        affiliations: { id: string }[];
        timeline: { totalCount: number; nodes: { kind: string; at: string }[] };
      };
      return {
        id: p.id,
        email: p.email,
        affiliations: p.affiliations.map((a) => a.id).sort(),
        total: p.timeline.totalCount,
        timeline: p.timeline.nodes.map((x) => `${x.kind}@${x.at}`),
      };
    },
  };
}
