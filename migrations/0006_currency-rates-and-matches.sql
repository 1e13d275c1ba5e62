CREATE TABLE `currency_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`currency` text NOT NULL,
	`period` text NOT NULL,
	`rate` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "currency_rates_currency" CHECK(length("currency_rates"."currency") = 3 AND "currency_rates"."currency" = upper("currency_rates"."currency")),
	CONSTRAINT "currency_rates_period" CHECK("currency_rates"."period" GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `currency_rates_currency_period` ON `currency_rates` (`currency`,`period`);--> statement-breakpoint
CREATE TABLE `import_entity_matches` (
	`source_key` text NOT NULL,
	`kind` text NOT NULL,
	`name_key` text NOT NULL,
	`target_code` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`source_key`, `kind`, `name_key`),
	CONSTRAINT "import_entity_matches_kind" CHECK("import_entity_matches"."kind" IN ('department', 'account', 'person'))
);
--> statement-breakpoint
CREATE TABLE `seasonality_profiles` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`weights` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seasonality_profiles_name` ON `seasonality_profiles` (`name`);--> statement-breakpoint
ALTER TABLE `actuals` ADD `note` text;--> statement-breakpoint
ALTER TABLE `budget_lines` ADD `note` text;--> statement-breakpoint
ALTER TABLE `workspace` ADD `locale` text DEFAULT 'en-GB' NOT NULL;