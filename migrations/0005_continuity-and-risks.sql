CREATE TABLE `assets` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`recovery_hours` real,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "assets_kind" CHECK("assets"."kind" IN ('system', 'site'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assets_kind_name` ON `assets` (`kind`,`name`);--> statement-breakpoint
CREATE TABLE `call_tree_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`person_id` text NOT NULL,
	`parent_entry_id` text,
	`alternate_person_id` text,
	`position` integer NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `continuity_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`parent_entry_id`) REFERENCES `call_tree_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`alternate_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `call_tree_plan` ON `call_tree_entries` (`plan_id`);--> statement-breakpoint
CREATE INDEX `call_tree_person` ON `call_tree_entries` (`person_id`);--> statement-breakpoint
CREATE INDEX `call_tree_alternate` ON `call_tree_entries` (`alternate_person_id`);--> statement-breakpoint
CREATE INDEX `call_tree_parent` ON `call_tree_entries` (`parent_entry_id`);--> statement-breakpoint
CREATE TABLE `continuity_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`process_id` text,
	`scenario` text,
	`activation_criteria` text DEFAULT '' NOT NULL,
	`workarounds` text DEFAULT '' NOT NULL,
	`reviewed_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "continuity_plans_scope" CHECK("continuity_plans"."process_id" IS NOT NULL OR "continuity_plans"."scenario" IS NOT NULL)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `continuity_plans_name` ON `continuity_plans` (`name`);--> statement-breakpoint
CREATE INDEX `continuity_plans_process` ON `continuity_plans` (`process_id`);--> statement-breakpoint
CREATE TABLE `dependencies` (
	`id` text PRIMARY KEY NOT NULL,
	`process_id` text NOT NULL,
	`kind` text NOT NULL,
	`person_id` text,
	`depends_on_process_id` text,
	`asset_id` text,
	`vendor_id` text,
	`recovery_hours` real,
	`notes` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`depends_on_process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asset_id`) REFERENCES `assets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "dependencies_target" CHECK(("dependencies"."kind" = 'person' AND "dependencies"."person_id" IS NOT NULL AND "dependencies"."depends_on_process_id" IS NULL AND "dependencies"."asset_id" IS NULL AND "dependencies"."vendor_id" IS NULL)
        OR ("dependencies"."kind" = 'process' AND "dependencies"."depends_on_process_id" IS NOT NULL AND "dependencies"."person_id" IS NULL AND "dependencies"."asset_id" IS NULL AND "dependencies"."vendor_id" IS NULL)
        OR ("dependencies"."kind" IN ('system', 'site') AND "dependencies"."asset_id" IS NOT NULL AND "dependencies"."person_id" IS NULL AND "dependencies"."depends_on_process_id" IS NULL AND "dependencies"."vendor_id" IS NULL)
        OR ("dependencies"."kind" = 'vendor' AND "dependencies"."vendor_id" IS NOT NULL AND "dependencies"."person_id" IS NULL AND "dependencies"."depends_on_process_id" IS NULL AND "dependencies"."asset_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `dependencies_process` ON `dependencies` (`process_id`);--> statement-breakpoint
CREATE INDEX `dependencies_person` ON `dependencies` (`person_id`);--> statement-breakpoint
CREATE INDEX `dependencies_vendor` ON `dependencies` (`vendor_id`);--> statement-breakpoint
CREATE INDEX `dependencies_asset` ON `dependencies` (`asset_id`);--> statement-breakpoint
CREATE INDEX `dependencies_on_process` ON `dependencies` (`depends_on_process_id`);--> statement-breakpoint
CREATE TABLE `exercise_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`exercise_id` text NOT NULL,
	`action` text NOT NULL,
	`owner_person_id` text,
	`due_on` text,
	`done` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`exercise_id`) REFERENCES `exercises`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `exercise_actions_exercise` ON `exercise_actions` (`exercise_id`);--> statement-breakpoint
CREATE INDEX `exercise_actions_owner` ON `exercise_actions` (`owner_person_id`);--> statement-breakpoint
CREATE TABLE `exercises` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`kind` text NOT NULL,
	`held_on` text NOT NULL,
	`participants` text DEFAULT '' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`findings` text DEFAULT '' NOT NULL,
	`next_due` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `continuity_plans`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "exercises_kind" CHECK("exercises"."kind" IN ('tabletop', 'walkthrough', 'full'))
);
--> statement-breakpoint
CREATE INDEX `exercises_plan` ON `exercises` (`plan_id`);--> statement-breakpoint
CREATE TABLE `plan_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`position` integer NOT NULL,
	`action` text NOT NULL,
	`owner_person_id` text NOT NULL,
	`within_hours` real,
	FOREIGN KEY (`plan_id`) REFERENCES `continuity_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_steps_plan` ON `plan_steps` (`plan_id`,`position`);--> statement-breakpoint
CREATE INDEX `plan_steps_owner` ON `plan_steps` (`owner_person_id`);--> statement-breakpoint
CREATE TABLE `process_impacts` (
	`id` text PRIMARY KEY NOT NULL,
	`process_id` text NOT NULL,
	`horizon_hours` integer NOT NULL,
	`financial` integer,
	`customer` integer,
	`regulatory` integer,
	`reputational` integer,
	`safety` integer,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "process_impacts_horizon" CHECK("process_impacts"."horizon_hours" IN (4, 24, 72, 168, 336)),
	CONSTRAINT "process_impacts_ratings" CHECK(coalesce("process_impacts"."financial", 1) BETWEEN 1 AND 5 AND coalesce("process_impacts"."customer", 1) BETWEEN 1 AND 5 AND coalesce("process_impacts"."regulatory", 1) BETWEEN 1 AND 5 AND coalesce("process_impacts"."reputational", 1) BETWEEN 1 AND 5 AND coalesce("process_impacts"."safety", 1) BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `process_impacts_cell` ON `process_impacts` (`process_id`,`horizon_hours`);--> statement-breakpoint
CREATE TABLE `processes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`owner_department_id` text,
	`owner_person_id` text,
	`tier` integer NOT NULL,
	`rto_hours` real,
	`rto_reason` text,
	`rpo_hours` real,
	`mtpd_hours` real,
	`cost_per_day_minor` integer,
	`peak_months` text DEFAULT '[]' NOT NULL,
	`review_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "processes_tier" CHECK("processes"."tier" BETWEEN 1 AND 4),
	CONSTRAINT "processes_rpo" CHECK("processes"."rpo_hours" IS NULL OR "processes"."rpo_hours" >= 0),
	CONSTRAINT "processes_rto" CHECK("processes"."rto_hours" IS NULL OR "processes"."rto_hours" > 0),
	CONSTRAINT "processes_rto_mtpd" CHECK("processes"."rto_hours" IS NULL OR "processes"."mtpd_hours" IS NULL OR "processes"."rto_hours" <= "processes"."mtpd_hours")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `processes_name` ON `processes` (`name`);--> statement-breakpoint
CREATE TABLE `risk_links` (
	`id` text PRIMARY KEY NOT NULL,
	`risk_id` text NOT NULL,
	`process_id` text,
	`vendor_id` text,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vendor_id`) REFERENCES `vendors`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risk_links_target" CHECK(("risk_links"."process_id" IS NULL) <> ("risk_links"."vendor_id" IS NULL))
);
--> statement-breakpoint
CREATE INDEX `risk_links_risk` ON `risk_links` (`risk_id`);--> statement-breakpoint
CREATE INDEX `risk_links_process` ON `risk_links` (`process_id`);--> statement-breakpoint
CREATE INDEX `risk_links_vendor` ON `risk_links` (`vendor_id`);--> statement-breakpoint
CREATE TABLE `risk_mitigations` (
	`id` text PRIMARY KEY NOT NULL,
	`risk_id` text NOT NULL,
	`action` text NOT NULL,
	`status` text NOT NULL,
	`owner_person_id` text,
	`due_on` text,
	FOREIGN KEY (`risk_id`) REFERENCES `risks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risk_mitigations_status" CHECK("risk_mitigations"."status" IN ('planned', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE INDEX `risk_mitigations_risk` ON `risk_mitigations` (`risk_id`);--> statement-breakpoint
CREATE INDEX `risk_mitigations_owner` ON `risk_mitigations` (`owner_person_id`);--> statement-breakpoint
CREATE TABLE `risks` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`category` text NOT NULL,
	`owner_person_id` text,
	`inherent_likelihood` integer NOT NULL,
	`inherent_impact` integer NOT NULL,
	`residual_likelihood` integer NOT NULL,
	`residual_impact` integer NOT NULL,
	`review_date` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "risks_category" CHECK("risks"."category" IN ('operational', 'financial', 'compliance', 'people', 'supplier', 'technology', 'safety')),
	CONSTRAINT "risks_scores" CHECK("risks"."inherent_likelihood" BETWEEN 1 AND 5 AND "risks"."inherent_impact" BETWEEN 1 AND 5 AND "risks"."residual_likelihood" BETWEEN 1 AND 5 AND "risks"."residual_impact" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX `risks_owner` ON `risks` (`owner_person_id`);--> statement-breakpoint
CREATE TABLE `vendors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`service` text NOT NULL,
	`contact_name` text,
	`phone` text,
	`email` text,
	`contract_end` text,
	`annual_spend_minor` integer,
	`recovery_hours` real,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vendors_name` ON `vendors` (`name`);--> statement-breakpoint
ALTER TABLE `people` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `workspace` ADD `impact_tolerance` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `risk_appetite` integer DEFAULT 12 NOT NULL;