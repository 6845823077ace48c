import { Problem, arr, checking, globalId, num, obj, str } from "./check.js";
import type { Fixtures } from "./fixtures.js";
import { type Scenario, fromPool } from "./types.js";

// W3: a mayoral team opens the briefing pack for a visit, with the web
// client's whole query. Three kinds of visit: "busy" ones go to the cities where
// the network is most active; "country" ones to a whole country (it covers every
// place in it: the largest packs there are); "quiet" ones to places with little
// or nothing recorded. Viewers vary; the visits are NETWORK so every viewer may
// read them.

const REF = "id name nameLatin";

/** The web client's query (client/src/features/visits/visits.graphql), with the Ref fragment inlined. */
export const VISIT_BRIEFING = `query VisitBriefing($visitId: ID!) {
  visitBriefing(visitId: $visitId) {
    title from to since generatedAt objectives interactionTotal
    visit { id title direction status startsOn endsOn leadMember { ${REF} } participatingMembers { ${REF} } }
    destinations { kind countryCode country place { ${REF} } }
    pointsToTake { text source date }
    warnings { key severity message date }
    priorities { id name scope countryCode sector weight description ownerMember { ${REF} } }
    partnerships {
      id name kind status signedOn renewalDueOn nextAnniversaryOn anniversaryYears themes description
      lastInteractionAt recentInteractions ownerMember { ${REF} } parties { side party { ${REF} } }
    }
    organisations {
      id name nameLatin kind sectors website description partner recentInteractions lastInteractionAt
      place { ${REF} } ownerMember { ${REF} }
    }
    people {
      id fullName nameLatin jobTitle bio languages sectors lastMetAt place { ${REF} }
      affiliations { role current organisation { ${REF} } }
      knownBy { interactions lastMetAt member { ${REF} } }
    }
    interactions {
      id occurredAt kind channel subject notes outcome onThisVisit
      place { ${REF} } member { ${REF} } participants { ${REF} } organisations { ${REF} }
    }
    followUps { id title dueOn overdue assignee ownerMember { ${REF} } about { ${REF} } }
    opportunities {
      id title stage sector capitalValueGbp jobs likelihood landOn
      ownerMember { ${REF} } organisation { ${REF} } person { ${REF} }
    }
    alumni { jobTitle degree subject graduationYear person { ${REF} } university { ${REF} } place { ${REF} } }
    investors { id investorType sectors ticketMinGbp ticketMaxGbp subject { ${REF} } place { ${REF} } }
  }
}`;

/** Each list and its cap (schema/briefings.graphql). */
const CAPS: Record<string, number> = {
  partnerships: 50,
  organisations: 30,
  people: 30,
  interactions: 100,
  followUps: 50,
  opportunities: 50,
  alumni: 50,
  investors: 50,
};
const LISTS = [...Object.keys(CAPS), "priorities", "warnings", "pointsToTake", "destinations"];

export function briefingScenario(fixtures: Fixtures, kind: "busy" | "country" | "quiet"): Scenario {
  const ids = fixtures.visits[kind];
  const requests = ids.map((id, i) => ({
    viewer: fixtures.viewers[(i * 7) % fixtures.viewers.length]!.viewer,
    variables: { visitId: globalId("Visit", id) },
  }));
  return {
    name: `visitBriefing (${kind})`,
    workload: "W3",
    document: VISIT_BRIEFING,
    floorPath: "/floor/visit-briefing",
    targets: { statements: 15, p95Ms: 150 },
    pool: requests,
    request: fromPool,
    check(data) {
      let n = 0;
      return checking(
        () => n,
        () => {
          const b = obj(data.visitBriefing, "visitBriefing");
          str(b.title, "visitBriefing.title");
          arr(b.destinations, "visitBriefing.destinations", { min: 1 });
          for (const list of LISTS) {
            const items = arr(b[list], `visitBriefing.${list}`, { max: CAPS[list] });
            n += items.length;
          }
          const interactions = arr(b.interactions, "visitBriefing.interactions");
          num(b.interactionTotal, "visitBriefing.interactionTotal", { min: interactions.length });
          if (kind !== "quiet") {
            arr(b.interactions, "visitBriefing.interactions (busy)", { min: 1 });
            arr(b.people, "visitBriefing.people (busy)", { min: 1 });
            arr(b.organisations, "visitBriefing.organisations (busy)", { min: 1 });
          }
          interactions.forEach((x, k) => {
            str(x.subject, `interactions.${k}.subject`);
            str(obj(x.member, `interactions.${k}.member`).name, `interactions.${k}.member.name`);
          });
          const times = interactions.map((x) => String(x.occurredAt));
          for (let k = 1; k < times.length; k++) {
            if (Date.parse(times[k]!) > Date.parse(times[k - 1]!)) throw new Problem("visitBriefing.interactions are not newest first");
          }
        },
      );
    },
    fingerprint(data) {
      const b = data.visitBriefing as Record<string, unknown>;
      const idsOf = (list: string, key = "id") => (b[list] as Record<string, unknown>[]).map((x) => x[key]);
      return {
        title: b.title,
        interactionTotal: b.interactionTotal,
        partnerships: idsOf("partnerships"),
        organisations: idsOf("organisations"),
        people: idsOf("people"),
        interactions: idsOf("interactions"),
        followUps: idsOf("followUps"),
        opportunities: idsOf("opportunities"),
        alumni: (b.alumni as { person: { id: string } }[]).map((a) => a.person.id),
        investors: idsOf("investors"),
        priorities: idsOf("priorities"),
        warnings: idsOf("warnings", "key"),
        points: idsOf("pointsToTake", "text"),
      };
    },
  };
}
