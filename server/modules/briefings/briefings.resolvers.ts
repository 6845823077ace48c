import type { Resolvers } from "../../graphql/generated.js";
import { idOf } from "../../graphql/global-id.js";
import { renderMarkdown } from "./briefings.markdown.js";
import * as briefings from "./briefings.service.js";

export const briefingsResolvers: Resolvers = {
  Query: {
    visitBriefing: (_, { visitId }, ctx) => {
      // A well-formed id of another type is simply no such visit.
      const id = idOf("Visit", visitId, "visitId");
      return id ? briefings.visitBriefing(ctx, id) : null;
    },
    placeBriefing: (_, { placeId, from, to }, ctx) => {
      const id = idOf("Place", placeId, "placeId");
      return id ? briefings.placeBriefing(ctx, id, from, to) : null;
    },
  },
  Briefing: {
    markdown: (b) => renderMarkdown(b),
  },
};
