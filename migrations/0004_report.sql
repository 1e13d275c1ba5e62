CREATE TABLE `report_commentary` (
	`id` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `workspace` ADD `prepared_by` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `confidentiality` text DEFAULT 'Confidential. Prepared for the board of directors; not for distribution.' NOT NULL;