DROP INDEX `actuals_rollup`;--> statement-breakpoint
DROP INDEX `budget_lines_rollup`;