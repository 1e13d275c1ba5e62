CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`file_hash` text NOT NULL,
	`sheets` text NOT NULL,
	`plan_id` text,
	`department_ids` text NOT NULL,
	`rows_imported` integer NOT NULL,
	`cells_imported` integer NOT NULL,
	`origin` text NOT NULL,
	`change_id` text NOT NULL,
	`created_at` text NOT NULL,
	`undone_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`change_id`) REFERENCES `changes`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "import_batches_kind" CHECK("import_batches"."kind" IN ('departments', 'accounts', 'people', 'budget', 'actuals'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `import_batches_seq` ON `import_batches` (`seq`);--> statement-breakpoint
CREATE INDEX `import_batches_plan` ON `import_batches` (`plan_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`source_key` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `actuals` ADD `import_batch_id` text REFERENCES import_batches(id);--> statement-breakpoint
CREATE INDEX `actuals_import_batch` ON `actuals` (`import_batch_id`);--> statement-breakpoint
ALTER TABLE `budget_lines` ADD `import_batch_id` text REFERENCES import_batches(id);--> statement-breakpoint
CREATE INDEX `budget_lines_import_batch` ON `budget_lines` (`import_batch_id`);