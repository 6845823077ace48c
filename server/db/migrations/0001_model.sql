CREATE TYPE "public"."visibility" AS ENUM('PRIVATE', 'NETWORK');--> statement-breakpoint
CREATE TYPE "public"."member_kind" AS ENUM('COMBINED_AUTHORITY', 'COUNCIL', 'UNIVERSITY', 'GOVERNMENT_UNIT', 'GROWTH_AGENCY', 'NETWORK_UNIT', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('ADMIN', 'EDITOR', 'VIEWER');--> statement-breakpoint
CREATE TYPE "public"."place_kind" AS ENUM('COUNTRY', 'REGION', 'CITY');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('CITY_GOVERNMENT', 'REGIONAL_GOVERNMENT', 'NATIONAL_GOVERNMENT', 'DIPLOMATIC_POST', 'UNIVERSITY', 'COMPANY', 'INVESTOR', 'TRADE_BODY', 'NGO', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."lawful_basis" AS ENUM('LEGITIMATE_INTERESTS', 'CONSENT', 'PUBLIC_TASK', 'CONTRACT');--> statement-breakpoint
CREATE TYPE "public"."investor_type" AS ENUM('ANGEL', 'VENTURE_CAPITAL', 'PRIVATE_EQUITY', 'CORPORATE', 'SOVEREIGN_WEALTH', 'FAMILY_OFFICE', 'INSTITUTIONAL', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."partnership_kind" AS ENUM('SISTER_CITY', 'PARTNER_CITY', 'FRIENDSHIP', 'MOU', 'RESEARCH_COLLABORATION', 'TRADE_AGREEMENT', 'INVESTMENT_AGREEMENT');--> statement-breakpoint
CREATE TYPE "public"."partnership_status" AS ENUM('PROPOSED', 'ACTIVE', 'DORMANT', 'ENDED');--> statement-breakpoint
CREATE TYPE "public"."party_side" AS ENUM('UK', 'INTERNATIONAL');--> statement-breakpoint
CREATE TYPE "public"."visit_direction" AS ENUM('OUTBOUND', 'INBOUND');--> statement-breakpoint
CREATE TYPE "public"."visit_status" AS ENUM('PLANNED', 'CONFIRMED', 'COMPLETED', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."interaction_channel" AS ENUM('IN_PERSON', 'VIDEO', 'PHONE', 'EMAIL', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."interaction_kind" AS ENUM('MEETING', 'CALL', 'EMAIL', 'EVENT', 'MISSION_MEETING', 'INWARD_DELEGATION', 'MOU_SIGNING', 'ROUNDTABLE', 'SITE_VISIT');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('OPEN', 'DONE', 'CANCELLED');--> statement-breakpoint
CREATE TYPE "public"."opportunity_stage" AS ENUM('PROSPECT', 'ACTIVE', 'VERIFY_WIN', 'WON', 'LOST');--> statement-breakpoint
CREATE TYPE "public"."priority_scope" AS ENUM('NATIONAL', 'MEMBER');--> statement-breakpoint
CREATE TABLE "members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"kind" "member_kind" NOT NULL,
	"website" text,
	"retention_months" integer DEFAULT 24 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"family_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" "citext" NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"member_id" uuid NOT NULL,
	"role" "role" DEFAULT 'VIEWER' NOT NULL,
	"job_title" text,
	"disabled_at" timestamp with time zone,
	"last_login_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "places" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "place_kind" NOT NULL,
	"name" text NOT NULL,
	"name_latin" text,
	"country_code" char(2) NOT NULL,
	"parent_id" uuid,
	"latitude" double precision,
	"longitude" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"name" text NOT NULL,
	"name_latin" text,
	"kind" "organisation_kind" NOT NULL,
	"place_id" uuid,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"website" text,
	"description" text,
	"parent_id" uuid,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "affiliations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text,
	"started_on" date,
	"ended_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alumni_ties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"university_id" uuid NOT NULL,
	"degree" text,
	"subject" text,
	"graduation_year" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"full_name" text NOT NULL,
	"name_latin" text,
	"job_title" text,
	"place_id" uuid,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"bio" text,
	"email" "citext",
	"phone" text,
	"lawful_basis" "lawful_basis" DEFAULT 'LEGITIMATE_INTERESTS' NOT NULL,
	"lawful_basis_note" text,
	"consent_at" timestamp with time zone,
	"retention_review_on" date,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investor_profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"person_id" uuid,
	"organisation_id" uuid,
	"investor_type" "investor_type" NOT NULL,
	"sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"ticket_min_gbp" bigint,
	"ticket_max_gbp" bigint,
	"stages" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investor_profiles_one_subject" CHECK (num_nonnulls("investor_profiles"."person_id", "investor_profiles"."organisation_id") = 1),
	CONSTRAINT "investor_profiles_ticket_range" CHECK ("investor_profiles"."ticket_min_gbp" is null or "investor_profiles"."ticket_max_gbp" is null or "investor_profiles"."ticket_min_gbp" <= "investor_profiles"."ticket_max_gbp")
);
--> statement-breakpoint
CREATE TABLE "partnership_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"partnership_id" uuid NOT NULL,
	"side" "party_side" NOT NULL,
	"place_id" uuid,
	"organisation_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnership_parties_one_party" CHECK (num_nonnulls("partnership_parties"."place_id", "partnership_parties"."organisation_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"name" text NOT NULL,
	"kind" "partnership_kind" NOT NULL,
	"status" "partnership_status" DEFAULT 'ACTIVE' NOT NULL,
	"signed_on" date,
	"renewal_due_on" date,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"lead_member_id" uuid,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visit_destinations" (
	"visit_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "visit_destinations_visit_id_place_id_pk" PRIMARY KEY("visit_id","place_id")
);
--> statement-breakpoint
CREATE TABLE "visit_members" (
	"visit_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "visit_members_visit_id_member_id_pk" PRIMARY KEY("visit_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"title" text NOT NULL,
	"direction" "visit_direction" NOT NULL,
	"status" "visit_status" DEFAULT 'PLANNED' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"lead_member_id" uuid NOT NULL,
	"objectives" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "visits_dates_order" CHECK ("visits"."starts_on" <= "visits"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "interaction_organisations" (
	"interaction_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "interaction_organisations_interaction_id_organisation_id_pk" PRIMARY KEY("interaction_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "interaction_people" (
	"interaction_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "interaction_people_interaction_id_person_id_pk" PRIMARY KEY("interaction_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "interaction_users" (
	"interaction_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "interaction_users_interaction_id_user_id_pk" PRIMARY KEY("interaction_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"kind" "interaction_kind" NOT NULL,
	"channel" "interaction_channel" DEFAULT 'IN_PERSON' NOT NULL,
	"subject" text NOT NULL,
	"notes" text,
	"notes_sensitive" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"place_id" uuid,
	"visit_id" uuid,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"idempotency_key" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"title" text NOT NULL,
	"due_on" date,
	"assignee_id" uuid,
	"status" "follow_up_status" DEFAULT 'OPEN' NOT NULL,
	"completed_at" timestamp with time zone,
	"interaction_id" uuid,
	"person_id" uuid,
	"organisation_id" uuid,
	"partnership_id" uuid,
	"visit_id" uuid,
	"opportunity_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"title" text NOT NULL,
	"organisation_id" uuid,
	"person_id" uuid,
	"sector" text,
	"stage" "opportunity_stage" DEFAULT 'PROSPECT' NOT NULL,
	"capital_value_gbp" bigint,
	"jobs" integer,
	"likelihood" integer,
	"land_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "opportunities_likelihood_range" CHECK ("opportunities"."likelihood" is null or "opportunities"."likelihood" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "priorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_member_id" uuid NOT NULL,
	"visibility" "visibility" DEFAULT 'NETWORK' NOT NULL,
	"created_by_id" uuid,
	"name" text NOT NULL,
	"scope" "priority_scope" NOT NULL,
	"country_code" char(2),
	"sector" text,
	"weight" integer DEFAULT 1 NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "priorities_market_or_sector" CHECK (num_nonnulls("priorities"."country_code", "priorities"."sector") >= 1),
	CONSTRAINT "priorities_weight_range" CHECK ("priorities"."weight" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"member_id" uuid,
	"action" text NOT NULL,
	"record_type" text NOT NULL,
	"record_id" uuid,
	"changes" jsonb,
	"request_id" text
);
--> statement-breakpoint
ALTER TABLE "refresh_tokens" ADD CONSTRAINT "refresh_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "places" ADD CONSTRAINT "places_parent_id_places_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "affiliations" ADD CONSTRAINT "affiliations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_ties" ADD CONSTRAINT "alumni_ties_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alumni_ties" ADD CONSTRAINT "alumni_ties_university_id_organisations_id_fk" FOREIGN KEY ("university_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investor_profiles" ADD CONSTRAINT "investor_profiles_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_parties" ADD CONSTRAINT "partnership_parties_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_parties" ADD CONSTRAINT "partnership_parties_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnership_parties" ADD CONSTRAINT "partnership_parties_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_lead_member_id_members_id_fk" FOREIGN KEY ("lead_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_destinations" ADD CONSTRAINT "visit_destinations_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_destinations" ADD CONSTRAINT "visit_destinations_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_members" ADD CONSTRAINT "visit_members_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visit_members" ADD CONSTRAINT "visit_members_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_lead_member_id_members_id_fk" FOREIGN KEY ("lead_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_organisations" ADD CONSTRAINT "interaction_organisations_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_organisations" ADD CONSTRAINT "interaction_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_people" ADD CONSTRAINT "interaction_people_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_people" ADD CONSTRAINT "interaction_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_users" ADD CONSTRAINT "interaction_users_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interaction_users" ADD CONSTRAINT "interaction_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_partnership_id_partnerships_id_fk" FOREIGN KEY ("partnership_id") REFERENCES "public"."partnerships"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_visit_id_visits_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."visits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_owner_member_id_members_id_fk" FOREIGN KEY ("owner_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "priorities" ADD CONSTRAINT "priorities_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "members_name_key" ON "members" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "refresh_tokens_hash_key" ON "refresh_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "refresh_tokens_family_idx" ON "refresh_tokens" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "refresh_tokens_user_idx" ON "refresh_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "users_member_idx" ON "users" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "places_country_idx" ON "places" USING btree ("country_code","kind");--> statement-breakpoint
CREATE INDEX "places_parent_idx" ON "places" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "places_name_trgm_idx" ON "places" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organisations_owner_idx" ON "organisations" USING btree ("owner_member_id","visibility");--> statement-breakpoint
CREATE INDEX "organisations_place_idx" ON "organisations" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "organisations_parent_idx" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organisations_sectors_idx" ON "organisations" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "organisations_name_trgm_idx" ON "organisations" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_external_id_key" ON "organisations" USING btree ("owner_member_id","external_id");--> statement-breakpoint
CREATE INDEX "affiliations_person_idx" ON "affiliations" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "affiliations_organisation_idx" ON "affiliations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "alumni_ties_person_idx" ON "alumni_ties" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "alumni_ties_university_idx" ON "alumni_ties" USING btree ("university_id","graduation_year");--> statement-breakpoint
CREATE INDEX "people_owner_idx" ON "people" USING btree ("owner_member_id","visibility");--> statement-breakpoint
CREATE INDEX "people_place_idx" ON "people" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "people_sectors_idx" ON "people" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "people_email_idx" ON "people" USING btree ("email");--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin (lower("full_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_retention_idx" ON "people" USING btree ("owner_member_id","retention_review_on");--> statement-breakpoint
CREATE UNIQUE INDEX "people_external_id_key" ON "people" USING btree ("owner_member_id","external_id");--> statement-breakpoint
CREATE INDEX "investor_profiles_person_idx" ON "investor_profiles" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "investor_profiles_organisation_idx" ON "investor_profiles" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "investor_profiles_sectors_idx" ON "investor_profiles" USING gin ("sectors");--> statement-breakpoint
CREATE INDEX "partnership_parties_partnership_idx" ON "partnership_parties" USING btree ("partnership_id");--> statement-breakpoint
CREATE INDEX "partnership_parties_place_idx" ON "partnership_parties" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "partnership_parties_organisation_idx" ON "partnership_parties" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "partnerships_owner_idx" ON "partnerships" USING btree ("owner_member_id","visibility");--> statement-breakpoint
CREATE INDEX "partnerships_lead_idx" ON "partnerships" USING btree ("lead_member_id");--> statement-breakpoint
CREATE INDEX "partnerships_renewal_idx" ON "partnerships" USING btree ("renewal_due_on");--> statement-breakpoint
CREATE INDEX "visit_destinations_place_idx" ON "visit_destinations" USING btree ("place_id");--> statement-breakpoint
CREATE INDEX "visit_members_member_idx" ON "visit_members" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "visits_owner_idx" ON "visits" USING btree ("owner_member_id","visibility");--> statement-breakpoint
CREATE INDEX "visits_dates_idx" ON "visits" USING btree ("starts_on","ends_on");--> statement-breakpoint
CREATE INDEX "visits_lead_idx" ON "visits" USING btree ("lead_member_id");--> statement-breakpoint
CREATE INDEX "interaction_organisations_organisation_idx" ON "interaction_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "interaction_people_person_idx" ON "interaction_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "interaction_users_user_idx" ON "interaction_users" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "interactions_owner_idx" ON "interactions" USING btree ("owner_member_id","visibility","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_occurred_idx" ON "interactions" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_place_idx" ON "interactions" USING btree ("place_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_visit_idx" ON "interactions" USING btree ("visit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_idempotency_key" ON "interactions" USING btree ("owner_member_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "follow_ups_owner_idx" ON "follow_ups" USING btree ("owner_member_id","status","due_on");--> statement-breakpoint
CREATE INDEX "follow_ups_assignee_idx" ON "follow_ups" USING btree ("assignee_id","status","due_on");--> statement-breakpoint
CREATE INDEX "follow_ups_interaction_idx" ON "follow_ups" USING btree ("interaction_id");--> statement-breakpoint
CREATE INDEX "follow_ups_person_idx" ON "follow_ups" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "follow_ups_organisation_idx" ON "follow_ups" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "opportunities_owner_idx" ON "opportunities" USING btree ("owner_member_id","visibility");--> statement-breakpoint
CREATE INDEX "opportunities_organisation_idx" ON "opportunities" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "opportunities_person_idx" ON "opportunities" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "priorities_owner_idx" ON "priorities" USING btree ("owner_member_id","visibility");--> statement-breakpoint
CREATE INDEX "priorities_country_idx" ON "priorities" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "audit_events_record_idx" ON "audit_events" USING btree ("record_type","record_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_user_idx" ON "audit_events" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "audit_events_member_idx" ON "audit_events" USING btree ("member_id","at");