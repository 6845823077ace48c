CREATE TYPE "public"."import_entity" AS ENUM('PEOPLE', 'ORGANISATIONS', 'INTERACTIONS');--> statement-breakpoint
CREATE TYPE "public"."import_format" AS ENUM('CSV', 'XLSX');--> statement-breakpoint
CREATE TYPE "public"."import_row_status" AS ENUM('CREATED', 'UPDATED', 'UNCHANGED', 'DUPLICATE', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('UPLOADING', 'UPLOADED', 'RUNNING', 'DRY_RUN_COMPLETE', 'COMPLETE', 'FAILED');--> statement-breakpoint
CREATE TABLE "import_file_chunks" (
	"job_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "import_file_chunks_job_id_seq_pk" PRIMARY KEY("job_id","seq")
);
--> statement-breakpoint
CREATE TABLE "import_job_rows" (
	"job_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"status" "import_row_status" NOT NULL,
	"record_id" uuid,
	"matched_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"matched_row" integer,
	"changed_fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"problems" jsonb,
	CONSTRAINT "import_job_rows_job_id_row_number_pk" PRIMARY KEY("job_id","row_number")
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"entity" "import_entity" NOT NULL,
	"format" "import_format" NOT NULL,
	"file_name" text NOT NULL,
	"byte_size" bigint DEFAULT 0 NOT NULL,
	"status" "import_status" DEFAULT 'UPLOADING' NOT NULL,
	"columns" jsonb,
	"mapping" jsonb,
	"options" jsonb,
	"dry_run" boolean DEFAULT false NOT NULL,
	"file_available" boolean DEFAULT true NOT NULL,
	"rows_processed" integer DEFAULT 0 NOT NULL,
	"bytes_processed" bigint DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"duplicates" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"warnings" integer DEFAULT 0 NOT NULL,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid NOT NULL,
	"entity" "import_entity" NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "interactions" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "import_file_chunks" ADD CONSTRAINT "import_file_chunks_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_job_rows" ADD CONSTRAINT "import_job_rows_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "import_job_rows_status_idx" ON "import_job_rows" USING btree ("job_id","status","row_number");--> statement-breakpoint
CREATE INDEX "import_job_rows_record_idx" ON "import_job_rows" USING btree ("record_id");--> statement-breakpoint
CREATE INDEX "import_jobs_member_idx" ON "import_jobs" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "import_mappings_name_key" ON "import_mappings" USING btree ("member_id","entity","name");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_external_id_key" ON "interactions" USING btree ("owner_member_id","external_id");