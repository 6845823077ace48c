import { Random, hashString } from "../../seeds/generate/random.js";
import { Problem, arr, bool, checking, globalId, obj, str } from "./check.js";
import type { Fixtures } from "./fixtures.js";
import type { BenchRequest, Scenario } from "./types.js";

// W1: an envoy logs a meeting straight after it: 1–5 existing participants
// (people the envoy can see), some of their organisations, a place, sometimes
// a colleague who attended, and one or two follow-ups. Every request carries a
// fresh idempotency key, so every one creates an interaction.

/** The web client's mutation (client/src/features/interactions/interactions.graphql). */
export const LOG_CONTACT = `mutation LogContact($input: LogInteractionInput!) {
  logInteraction(input: $input) {
    created
    interaction {
      id
      subject
      occurredAt
      participants { id fullName }
      organisations { id name }
    }
    pendingMatches {
      field
      name
      people { score person { id fullName jobTitle } }
      organisations { score organisation { id name } }
    }
  }
}`;

const KINDS = [
  ["MEETING", "IN_PERSON"],
  ["MISSION_MEETING", "IN_PERSON"],
  ["CALL", "PHONE"],
  ["MEETING", "VIDEO"],
  ["ROUNDTABLE", "IN_PERSON"],
  ["SITE_VISIT", "IN_PERSON"],
] as const;
const TOPICS = ["supply chain", "site options", "research partnership", "export support", "investment pipeline", "skills exchange", "trade mission"];
const THEMES = ["hydrogen", "life sciences", "advanced manufacturing", "net zero", "digital and technology", "agri-food", "education"];

interface Expected {
  participants: number;
  organisations: number;
  followUps: number;
}

/** `keyPrefix` makes idempotency keys unique per run and per server (Entente and the floor write to the same database). */
export function logInteractionScenario(fixtures: Fixtures, keyPrefix: string): Scenario {
  const expected = new WeakMap<BenchRequest, Expected>();
  const now = Date.now();
  return {
    name: "logInteraction",
    workload: "W1",
    document: LOG_CONTACT,
    floorPath: "/floor/log-interaction",
    targets: { statements: 8, p95Ms: 30 },
    fingerprint: null,
    request(i) {
      const rng = Random.derive(hashString("bench:W1"), i);
      const v = fixtures.viewers[i % fixtures.viewers.length]!;
      const participants = rng.sample(v.people, 1 + rng.int(5));
      const organisations = [...new Set(participants.filter((p) => p.organisationId && rng.chance(0.6)).map((p) => p.organisationId!))];
      const [kind, channel] = rng.pick(KINDS);
      const topic = rng.pick(TOPICS);
      const followUps = Array.from({ length: rng.chance(0.2) ? 2 : 1 }, (_, k) => ({
        title: k === 0 ? `Send notes on ${topic}` : "Introduce to the university",
        dueOn: new Date(now + (7 + rng.int(21)) * 86_400_000).toISOString().slice(0, 10),
      }));
      const input: Record<string, unknown> = {
        idempotencyKey: `${keyPrefix}:${i}`,
        occurredAt: new Date(now - rng.int(72 * 60) * 60_000).toISOString(),
        kind,
        channel,
        subject: `${topic[0]!.toUpperCase()}${topic.slice(1)} (benchmark ${i})`,
        notes: `Discussed ${topic} and next steps. Agreed to follow up within a month.`,
        notesSensitive: rng.chance(0.2),
        outcome: rng.chance(0.5) ? `Interest in ${rng.pick(THEMES)}` : null,
        themes: rng.sample(THEMES, 1 + rng.int(2)),
        participants: participants.map((p) => ({ personId: globalId("Person", p.id) })),
        organisations: organisations.map((id) => ({ organisationId: globalId("Organisation", id) })),
        followUps,
      };
      if (rng.chance(0.7)) input.placeId = globalId("Place", rng.pick(fixtures.cities));
      if (v.colleagues.length && rng.chance(0.4)) input.internalAttendeeIds = [globalId("User", rng.pick(v.colleagues))];
      const request = { viewer: v.viewer, variables: { input } };
      expected.set(request, { participants: participants.length, organisations: organisations.length, followUps: followUps.length });
      return request;
    },
    check(data, request) {
      const want = expected.get(request)!;
      return checking(
        () => want.participants + want.organisations + want.followUps,
        () => {
          const payload = obj(data.logInteraction, "logInteraction");
          if (bool(payload.created, "logInteraction.created") !== true) throw new Problem("logInteraction.created is false for a new key");
          arr(payload.pendingMatches, "logInteraction.pendingMatches", { max: 0 });
          const interaction = obj(payload.interaction, "logInteraction.interaction");
          str(interaction.id, "interaction.id");
          str(interaction.subject, "interaction.subject");
          arr(interaction.participants, "interaction.participants", { min: want.participants, max: want.participants });
          arr(interaction.organisations, "interaction.organisations", { min: want.organisations, max: want.organisations });
        },
      );
    },
  };
}
