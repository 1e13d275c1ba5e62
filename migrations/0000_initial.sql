CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`active` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "accounts_type" CHECK("accounts"."type" IN ('revenue', 'expense', 'capex'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_code` ON `accounts` (`code`);--> statement-breakpoint
CREATE TABLE `actuals` (
	`id` text PRIMARY KEY NOT NULL,
	`department_id` text NOT NULL,
	`account_id` text NOT NULL,
	`period` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`source` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `actuals_cell` ON `actuals` (`department_id`,`account_id`,`period`);--> statement-breakpoint
CREATE INDEX `actuals_rollup` ON `actuals` (`department_id`,`period`,`account_id`,`amount_minor`);--> statement-breakpoint
CREATE INDEX `actuals_account` ON `actuals` (`account_id`);--> statement-breakpoint
CREATE TABLE `audit_rows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`change_id` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`before` text,
	`after` text,
	FOREIGN KEY (`change_id`) REFERENCES `changes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_rows_change` ON `audit_rows` (`change_id`);--> statement-breakpoint
CREATE INDEX `audit_rows_row` ON `audit_rows` (`table_name`,`row_id`);--> statement-breakpoint
CREATE TABLE `budget_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`department_id` text NOT NULL,
	`account_id` text NOT NULL,
	`period` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`source` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `accounts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_lines_cell` ON `budget_lines` (`plan_id`,`department_id`,`account_id`,`period`);--> statement-breakpoint
CREATE INDEX `budget_lines_rollup` ON `budget_lines` (`plan_id`,`department_id`,`account_id`,`period`,`amount_minor`);--> statement-breakpoint
CREATE INDEX `budget_lines_account` ON `budget_lines` (`account_id`);--> statement-breakpoint
CREATE INDEX `budget_lines_department` ON `budget_lines` (`department_id`);--> statement-breakpoint
CREATE TABLE `changes` (
	`id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`label` text NOT NULL,
	`origin` text NOT NULL,
	`state` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `changes_seq` ON `changes` (`seq`);--> statement-breakpoint
CREATE INDEX `changes_state_seq` ON `changes` (`state`,`seq`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`parent_id` text,
	`manager` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_code` ON `departments` (`code`);--> statement-breakpoint
CREATE INDEX `departments_parent` ON `departments` (`parent_id`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`department_id` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`fte` real NOT NULL,
	`annual_salary_minor` integer,
	`start_date` text,
	`end_date` text,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "people_status" CHECK("people"."status" IN ('active', 'open'))
);
--> statement-breakpoint
CREATE INDEX `people_department` ON `people` (`department_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`fiscal_year` integer NOT NULL,
	`scenario` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "plans_status" CHECK("plans"."status" IN ('draft', 'approved', 'locked'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_name` ON `plans` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `plans_year_scenario` ON `plans` (`fiscal_year`,`scenario`);--> statement-breakpoint
CREATE TABLE `workspace` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`currency` text NOT NULL,
	`fiscal_year_start_month` integer NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "workspace_single_row" CHECK("workspace"."id" = 1),
	CONSTRAINT "workspace_fiscal_month" CHECK("workspace"."fiscal_year_start_month" BETWEEN 1 AND 12)
);
