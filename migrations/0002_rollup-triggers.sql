-- Rollups that cannot drift from the lines.
--
-- department_ancestors is the closure of the department tree, self included at depth 0.
-- budget_rollup and actual_rollup hold, for every STRICT ancestor of the department a line is on,
-- the sum and the number of lines of that ancestor's subtree per cell. A department's figures are
-- then its own lines plus its rollup rows: a few thousand rows however large the plan is.
--
-- Only the triggers below write these tables, so every path that writes departments, budget lines
-- or actuals (services, undo and redo, the demo builder, imports, raw fixture inserts) keeps them
-- exact. A rollup row exists exactly while at least one line feeds it (line_count > 0), so a cell
-- whose lines add up to 0 still reads 0, and a cell without lines reads as empty, as a plain
-- aggregate over the lines would.
--
-- WITHOUT ROWID keeps each table one B-tree in key order: a department's rows are one range.
-- drizzle cannot declare WITHOUT ROWID, so these tables are not in schema.ts (see the note there).
CREATE TABLE `department_ancestors` (
	`ancestor_id` text NOT NULL,
	`descendant_id` text NOT NULL,
	`depth` integer NOT NULL,
	PRIMARY KEY (`ancestor_id`, `descendant_id`)
) STRICT, WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `department_ancestors_descendant` ON `department_ancestors` (`descendant_id`, `depth`);
--> statement-breakpoint
-- Keyed by department first: a grid reads one (department, plan) range, and a department move
-- corrects whole departments' ranges.
CREATE TABLE `budget_rollup` (
	`department_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`account_id` text NOT NULL,
	`period` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`line_count` integer NOT NULL,
	PRIMARY KEY (`department_id`, `plan_id`, `account_id`, `period`)
) STRICT, WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `actual_rollup` (
	`department_id` text NOT NULL,
	`account_id` text NOT NULL,
	`period` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`line_count` integer NOT NULL,
	PRIMARY KEY (`department_id`, `account_id`, `period`)
) STRICT, WITHOUT ROWID;
--> statement-breakpoint
-- Backfill from the rows a workspace already holds. The depth bound only stops a damaged file with
-- a parent_id cycle from looping: its duplicate keys then fail the upgrade, which leaves the file as it was.
INSERT INTO `department_ancestors` (`ancestor_id`, `descendant_id`, `depth`)
WITH RECURSIVE closure(ancestor_id, descendant_id, depth) AS (
	SELECT id, id, 0 FROM departments
	UNION ALL
	SELECT c.ancestor_id, d.id, c.depth + 1 FROM closure c JOIN departments d ON d.parent_id = c.descendant_id
	WHERE c.depth < 1000
)
SELECT ancestor_id, descendant_id, depth FROM closure;
--> statement-breakpoint
INSERT INTO `budget_rollup` (`department_id`, `plan_id`, `account_id`, `period`, `amount_minor`, `line_count`)
SELECT a.ancestor_id, l.plan_id, l.account_id, l.period, sum(l.amount_minor), count(*)
FROM budget_lines l JOIN department_ancestors a ON a.descendant_id = l.department_id AND a.depth > 0
GROUP BY a.ancestor_id, l.plan_id, l.account_id, l.period;
--> statement-breakpoint
INSERT INTO `actual_rollup` (`department_id`, `account_id`, `period`, `amount_minor`, `line_count`)
SELECT a.ancestor_id, x.account_id, x.period, sum(x.amount_minor), count(*)
FROM actuals x JOIN department_ancestors a ON a.descendant_id = x.department_id AND a.depth > 0
GROUP BY a.ancestor_id, x.account_id, x.period;
--> statement-breakpoint
-- A new department has no lines yet (foreign keys see to that), so it only needs its links. It
-- can have children already: one INSERT of many rows checks foreign keys only at its end, so a
-- child may come before its parent. Those children's subtrees are linked to the new department
-- and its ancestors here.
CREATE TRIGGER `departments_closure_insert` AFTER INSERT ON `departments` BEGIN
	INSERT INTO department_ancestors (ancestor_id, descendant_id, depth)
	SELECT NEW.id, NEW.id, 0
	UNION ALL
	SELECT ancestor_id, NEW.id, depth + 1 FROM department_ancestors WHERE descendant_id = NEW.parent_id;
	INSERT INTO department_ancestors (ancestor_id, descendant_id, depth)
	SELECT up.ancestor_id, down.descendant_id, up.depth + 1 + down.depth
	FROM departments c
	JOIN department_ancestors down ON down.ancestor_id = c.id
	JOIN department_ancestors up ON up.descendant_id = NEW.id
	WHERE c.parent_id = NEW.id AND c.id IS NOT NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `departments_closure_delete` AFTER DELETE ON `departments` BEGIN
	DELETE FROM department_ancestors WHERE descendant_id = OLD.id OR ancestor_id = OLD.id;
	DELETE FROM budget_rollup WHERE department_id = OLD.id;
	DELETE FROM actual_rollup WHERE department_id = OLD.id;
END;
--> statement-breakpoint
-- The closure and the rollups are keyed by department id; ids are UUIDs that never change.
CREATE TRIGGER `departments_id_fixed` BEFORE UPDATE OF `id` ON `departments` WHEN NEW.id IS NOT OLD.id BEGIN
	SELECT RAISE(ABORT, 'a department id cannot change');
END;
--> statement-breakpoint
-- A move. The moved department's strict ancestors were the old parent and its ancestors, and
-- become the new parent and its ancestors; the moved subtree's totals (its own rollup rows plus
-- its own lines) leave the first set and join the second. Ancestors in both sets (above the
-- lowest common one) keep their figures and are not touched, so a move between neighbouring
-- teams costs little however big the top of the tree is.
-- Neither parent lies inside the moved subtree, so their links are exactly the ones the re-link
-- leaves alone: the corrections read the same ancestors before and after it, and the order of
-- the steps below cannot change the result. The moved department's own rollup rows do not change
-- either, since it is never its own strict ancestor.
-- The re-link drops the links from the old parent's ancestors to every node of the subtree and
-- adds links from the new parent's ancestors. A move under its own subtree would duplicate
-- closure keys, so it fails instead of making a cycle.
CREATE TRIGGER `departments_closure_move` AFTER UPDATE OF `parent_id` ON `departments`
WHEN NEW.parent_id IS NOT OLD.parent_id BEGIN
	DELETE FROM department_ancestors
	WHERE descendant_id IN (SELECT descendant_id FROM department_ancestors WHERE ancestor_id = NEW.id)
		AND ancestor_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.parent_id);
	INSERT INTO department_ancestors (ancestor_id, descendant_id, depth)
	SELECT p.ancestor_id, s.descendant_id, p.depth + s.depth + 1
	FROM department_ancestors p, department_ancestors s
	WHERE p.descendant_id = NEW.parent_id AND s.ancestor_id = NEW.id;

	-- CROSS JOIN keeps the subtree's totals in the outer loop, worked out once.
	INSERT INTO budget_rollup (department_id, plan_id, account_id, period, amount_minor, line_count)
	SELECT a.ancestor_id, t.plan_id, t.account_id, t.period, -t.amount, -t.lines
	FROM (SELECT plan_id, account_id, period, sum(amount) AS amount, sum(lines) AS lines FROM (
			SELECT plan_id, account_id, period, amount_minor AS amount, line_count AS lines FROM budget_rollup WHERE department_id = NEW.id
			UNION ALL
			SELECT plan_id, account_id, period, amount_minor, 1 FROM budget_lines WHERE department_id = NEW.id
		) GROUP BY plan_id, account_id, period) t
	CROSS JOIN department_ancestors a
	WHERE a.descendant_id = OLD.parent_id
		AND a.ancestor_id NOT IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = NEW.parent_id)
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + excluded.line_count;
	DELETE FROM budget_rollup WHERE line_count = 0
		AND department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.parent_id
			AND ancestor_id NOT IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = NEW.parent_id));
	INSERT INTO budget_rollup (department_id, plan_id, account_id, period, amount_minor, line_count)
	SELECT a.ancestor_id, t.plan_id, t.account_id, t.period, t.amount, t.lines
	FROM (SELECT plan_id, account_id, period, sum(amount) AS amount, sum(lines) AS lines FROM (
			SELECT plan_id, account_id, period, amount_minor AS amount, line_count AS lines FROM budget_rollup WHERE department_id = NEW.id
			UNION ALL
			SELECT plan_id, account_id, period, amount_minor, 1 FROM budget_lines WHERE department_id = NEW.id
		) GROUP BY plan_id, account_id, period) t
	CROSS JOIN department_ancestors a
	WHERE a.descendant_id = NEW.parent_id
		AND a.ancestor_id NOT IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.parent_id)
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + excluded.line_count;
	INSERT INTO actual_rollup (department_id, account_id, period, amount_minor, line_count)
	SELECT a.ancestor_id, t.account_id, t.period, -t.amount, -t.lines
	FROM (SELECT account_id, period, sum(amount) AS amount, sum(lines) AS lines FROM (
			SELECT account_id, period, amount_minor AS amount, line_count AS lines FROM actual_rollup WHERE department_id = NEW.id
			UNION ALL
			SELECT account_id, period, amount_minor, 1 FROM actuals WHERE department_id = NEW.id
		) GROUP BY account_id, period) t
	CROSS JOIN department_ancestors a
	WHERE a.descendant_id = OLD.parent_id
		AND a.ancestor_id NOT IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = NEW.parent_id)
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + excluded.line_count;
	DELETE FROM actual_rollup WHERE line_count = 0
		AND department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.parent_id
			AND ancestor_id NOT IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = NEW.parent_id));
	INSERT INTO actual_rollup (department_id, account_id, period, amount_minor, line_count)
	SELECT a.ancestor_id, t.account_id, t.period, t.amount, t.lines
	FROM (SELECT account_id, period, sum(amount) AS amount, sum(lines) AS lines FROM (
			SELECT account_id, period, amount_minor AS amount, line_count AS lines FROM actual_rollup WHERE department_id = NEW.id
			UNION ALL
			SELECT account_id, period, amount_minor, 1 FROM actuals WHERE department_id = NEW.id
		) GROUP BY account_id, period) t
	CROSS JOIN department_ancestors a
	WHERE a.descendant_id = NEW.parent_id
		AND a.ancestor_id NOT IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.parent_id)
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + excluded.line_count;
END;
--> statement-breakpoint
CREATE TRIGGER `budget_lines_rollup_insert` AFTER INSERT ON `budget_lines` BEGIN
	INSERT INTO budget_rollup (department_id, plan_id, account_id, period, amount_minor, line_count)
	SELECT ancestor_id, NEW.plan_id, NEW.account_id, NEW.period, NEW.amount_minor, 1
	FROM department_ancestors WHERE descendant_id = NEW.department_id AND depth > 0
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `budget_lines_rollup_delete` AFTER DELETE ON `budget_lines` BEGIN
	UPDATE budget_rollup SET amount_minor = amount_minor - OLD.amount_minor, line_count = line_count - 1
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND plan_id = OLD.plan_id AND account_id = OLD.account_id AND period = OLD.period;
	DELETE FROM budget_rollup
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND plan_id = OLD.plan_id AND account_id = OLD.account_id AND period = OLD.period AND line_count = 0;
END;
--> statement-breakpoint
-- The common edit: a new amount in the same cell.
CREATE TRIGGER `budget_lines_rollup_amount` AFTER UPDATE OF `amount_minor` ON `budget_lines`
WHEN NEW.amount_minor IS NOT OLD.amount_minor
	AND NEW.plan_id IS OLD.plan_id AND NEW.department_id IS OLD.department_id
	AND NEW.account_id IS OLD.account_id AND NEW.period IS OLD.period BEGIN
	UPDATE budget_rollup SET amount_minor = amount_minor + (NEW.amount_minor - OLD.amount_minor)
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = NEW.department_id AND depth > 0)
		AND plan_id = NEW.plan_id AND account_id = NEW.account_id AND period = NEW.period;
END;
--> statement-breakpoint
-- A line moved to another cell: out of the old cell's ancestors, into the new one's.
CREATE TRIGGER `budget_lines_rollup_move` AFTER UPDATE OF `plan_id`, `department_id`, `account_id`, `period` ON `budget_lines`
WHEN NEW.plan_id IS NOT OLD.plan_id OR NEW.department_id IS NOT OLD.department_id
	OR NEW.account_id IS NOT OLD.account_id OR NEW.period IS NOT OLD.period BEGIN
	UPDATE budget_rollup SET amount_minor = amount_minor - OLD.amount_minor, line_count = line_count - 1
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND plan_id = OLD.plan_id AND account_id = OLD.account_id AND period = OLD.period;
	DELETE FROM budget_rollup
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND plan_id = OLD.plan_id AND account_id = OLD.account_id AND period = OLD.period AND line_count = 0;
	INSERT INTO budget_rollup (department_id, plan_id, account_id, period, amount_minor, line_count)
	SELECT ancestor_id, NEW.plan_id, NEW.account_id, NEW.period, NEW.amount_minor, 1
	FROM department_ancestors WHERE descendant_id = NEW.department_id AND depth > 0
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `actuals_rollup_insert` AFTER INSERT ON `actuals` BEGIN
	INSERT INTO actual_rollup (department_id, account_id, period, amount_minor, line_count)
	SELECT ancestor_id, NEW.account_id, NEW.period, NEW.amount_minor, 1
	FROM department_ancestors WHERE descendant_id = NEW.department_id AND depth > 0
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `actuals_rollup_delete` AFTER DELETE ON `actuals` BEGIN
	UPDATE actual_rollup SET amount_minor = amount_minor - OLD.amount_minor, line_count = line_count - 1
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND account_id = OLD.account_id AND period = OLD.period;
	DELETE FROM actual_rollup
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND account_id = OLD.account_id AND period = OLD.period AND line_count = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `actuals_rollup_amount` AFTER UPDATE OF `amount_minor` ON `actuals`
WHEN NEW.amount_minor IS NOT OLD.amount_minor
	AND NEW.department_id IS OLD.department_id AND NEW.account_id IS OLD.account_id AND NEW.period IS OLD.period BEGIN
	UPDATE actual_rollup SET amount_minor = amount_minor + (NEW.amount_minor - OLD.amount_minor)
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = NEW.department_id AND depth > 0)
		AND account_id = NEW.account_id AND period = NEW.period;
END;
--> statement-breakpoint
CREATE TRIGGER `actuals_rollup_move` AFTER UPDATE OF `department_id`, `account_id`, `period` ON `actuals`
WHEN NEW.department_id IS NOT OLD.department_id OR NEW.account_id IS NOT OLD.account_id OR NEW.period IS NOT OLD.period BEGIN
	UPDATE actual_rollup SET amount_minor = amount_minor - OLD.amount_minor, line_count = line_count - 1
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND account_id = OLD.account_id AND period = OLD.period;
	DELETE FROM actual_rollup
	WHERE department_id IN (SELECT ancestor_id FROM department_ancestors WHERE descendant_id = OLD.department_id AND depth > 0)
		AND account_id = OLD.account_id AND period = OLD.period AND line_count = 0;
	INSERT INTO actual_rollup (department_id, account_id, period, amount_minor, line_count)
	SELECT ancestor_id, NEW.account_id, NEW.period, NEW.amount_minor, 1
	FROM department_ancestors WHERE descendant_id = NEW.department_id AND depth > 0
	ON CONFLICT DO UPDATE SET amount_minor = amount_minor + excluded.amount_minor, line_count = line_count + 1;
END;
