import type { Resolvers } from "../../graphql/generated.js";
import { existingIdOf, idOf, toGlobalId } from "../../graphql/global-id.js";
import * as savedSearches from "./saved-searches.service.js";
import * as searchService from "./search.service.js";

export const searchResolvers: Resolvers = {
  Query: {
    search: (_, { query, kinds, first, after }, ctx) => searchService.search(ctx, { query, kinds }, { first, after }),
    savedSearches: (_, __, ctx) => savedSearches.list(ctx),
    savedSearch: (_, { id }, ctx) => {
      const sid = idOf("SavedSearch", id);
      return sid ? savedSearches.get(ctx, sid) : null;
    },
  },
  Mutation: {
    createSavedSearch: (_, { input }, ctx) => savedSearches.create(ctx, input),
    deleteSavedSearch: (_, { id }, ctx) => savedSearches.remove(ctx, existingIdOf("SavedSearch", id)),
  },
  SavedSearch: {
    search: (s) => (s.kind === "SEARCH" ? savedSearches.parseSearchParams(s.filter, "filter") : null),
    alumni: (s) => (s.kind === "ALUMNI" ? s.filter : null),
    people: (s) => (s.kind === "PEOPLE" ? s.filter : null),
    searchResults: (s, { first, after }, ctx) => savedSearches.searchResults(ctx, s, { first, after }),
    alumniResults: (s, { first, after }, ctx) => savedSearches.alumniResults(ctx, s, { first, after }),
    peopleResults: (s, { first, after }, ctx) => savedSearches.peopleResults(ctx, s, { first, after }),
    csvPath: (s) => `/exports/saved-searches/${toGlobalId("SavedSearch", s.id)}.csv`,
  },
};
