export const usage = `Usage: npm run cli -- <command> [options]

Commands:
  init <file.sqlite> [--demo [--as-of YYYY-MM-DD]] [--name NAME] [--currency USD] [--fiscal-start-month 1-12]
      Create a new workspace (empty, or the demo company with --demo). Refuses an existing file.
  init <file.sqlite> --from export.json
      Restore a whole workspace from a JSON export (version 1 or 2) into a new file. The export is
      checked first; a problem is named and nothing is written.
  export <file.sqlite> [--format json] [--out file.json]
      Write the workspace as JSON to --out, or to standard output.
  export <file.sqlite> --format xlsx|csv --view budget|variance|imports [--plan "FY2026 · Base"]
         [--department CODE] [--from YYYY-MM] [--to YYYY-MM] [--out FILE]
      Write one table as a spreadsheet: the budget (every department × account, rolled up, by month),
      budget vs actual (--from/--to, default the plan start to the last month with actuals) or the
      import history. Without --plan, the plan the board pack would use; without --department, the
      whole company. --out is required for xlsx; csv goes to standard output without it. Refuses an
      existing file.
  report <file.sqlite> --out board.pdf [--period 2026-09|2026-Q3|FY2026] [--plan "FY2026 · Base"]
         [--sections summary,variance,trend,headcount,continuity,risks,sources] [--paper a4|letter] [--prepared-on YYYY-MM-DD] [--json]
      Write the board pack as a PDF. Defaults: the latest month with actuals, the approved plan of its
      fiscal year, every section, A4, prepared on the day of the workspace's last change (the same
      workspace gives the same bytes). Replaces an older pack at --out. --json prints pages, sections
      and timing.
  continuity <file.sqlite> --out plans.pdf [--process NAME | --tier 1-4] [--plan NAME] [--paper a4|letter|phone]
         [--as-of YYYY-MM-DD] [--json]
      Write the go-bag PDF: recovery plans with activation criteria, call tree and phone numbers, steps,
      dependencies and vendor contacts. Without --process/--tier/--plan, every plan. --paper phone
      prints a narrow page that reads on a phone. As at the day of the workspace's last change unless
      --as-of (the same workspace gives the same bytes). Replaces an older file at --out.
  check <file.sqlite>
      Integrity and schema check: prints "ok: …" or the reason the file is refused.
  import <file.sqlite> <spreadsheet.xlsx|.csv> [--kind departments|accounts|people|budget|actuals]
         [--plan "FY2027 · Base"] [--department CODE] [--sheet NAME ...] [--map "Header=field,..."]
         [--codes "Name=CODE,..."] [--codes-file FILE] [--spread even|last-year|profile:NAME]
         [--signs as-stored|credits-negative|expenses-negative] [--into-approved] [--account CODE]
         [--decimal-comma] [--create-missing] [--dry-run] [--json]
      Import a spreadsheet: kind and columns are detected (or given); departments and accounts are
      matched by code or by name, near misses are refused naming the --codes line that confirms them;
      unknown codes are refused unless --create-missing; any error refuses the whole file. A budget
      without --plan goes to the only draft plan for its fiscal year; a --plan that does not exist is
      created as draft; an approved plan needs --into-approved. Quarter or year columns (no months)
      are spread to months (--spread; default by last year's actuals, else evenly). Revenue or
      expenses written negative are refused until --signs names the convention. --dry-run shows
      what would change; --json prints a summary as JSON (with the column mapping, the matches,
      the spreads and the sign convention).
  templates <file.sqlite> --plan "FY2027 · Base" --out DIR [--department CODE ...] [--one-workbook]
      Write manager budget templates: one .xlsx per leaf department (a parent means its leaves), or
      one workbook with a sheet each. They re-import with no mapping. Refuses an existing file.

Exit codes: 0 success (or nothing to import), 1 input or workspace refused (nothing changed), 2 usage error,
3 workspace damaged, 4 read-only, 5 disk full, 6 busy (another Quartermaster is writing), 7 disk I/O error.
`;
