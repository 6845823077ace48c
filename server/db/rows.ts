import type * as t from "./tables/index.js";

// Row types, used as GraphQL codegen mappers: resolvers receive database rows.
export type MemberRow = typeof t.members.$inferSelect;
export type UserRow = typeof t.users.$inferSelect;
export type PlaceRow = typeof t.places.$inferSelect;
export type OrganisationRow = typeof t.organisations.$inferSelect;
export type PersonRow = typeof t.people.$inferSelect;
export type AffiliationRow = typeof t.affiliations.$inferSelect;
export type AlumniTieRow = typeof t.alumniTies.$inferSelect;
export type InvestorProfileRow = typeof t.investorProfiles.$inferSelect;
export type PartnershipRow = typeof t.partnerships.$inferSelect;
export type PartnershipPartyRow = typeof t.partnershipParties.$inferSelect;
export type VisitRow = typeof t.visits.$inferSelect;
export type InteractionRow = typeof t.interactions.$inferSelect;
export type FollowUpRow = typeof t.followUps.$inferSelect;
export type OpportunityRow = typeof t.opportunities.$inferSelect;
export type PriorityRow = typeof t.priorities.$inferSelect;
export type AuditEventRow = typeof t.auditEvents.$inferSelect;
