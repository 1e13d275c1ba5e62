export const usage = `Usage: npm run cli -- <command> [options]

Commands:
  init <file.sqlite> [--demo [--as-of YYYY-MM-DD]] [--name NAME] [--currency USD] [--fiscal-start-month 1-12]
      Create a new workspace (empty, or the demo company with --demo). Refuses an existing file.
  export <file.sqlite> [--format json] [--out file.json]
      Write the workspace as JSON to --out, or to standard output.
  check <file.sqlite>
      Integrity and schema check: prints "ok: …" or the reason the file is refused.
  import <file.sqlite> <spreadsheet.xlsx|.csv> [--kind departments|accounts|people|budget|actuals]
         [--plan "FY2027 · Base"] [--department CODE] [--sheet NAME ...] [--map "Header=field,..."]
         [--decimal-comma] [--create-missing] [--dry-run] [--json]
      Import a spreadsheet: kind and columns are detected (or given); unknown department or account
      codes are refused unless --create-missing; any error refuses the whole file. A budget without
      --plan goes to the only draft plan for its fiscal year; a --plan that does not exist is created
      as draft. --dry-run shows what would change; --json prints a summary as JSON.
  templates <file.sqlite> --plan "FY2027 · Base" --out DIR [--department CODE ...] [--one-workbook]
      Write manager budget templates: one .xlsx per leaf department (a parent means its leaves), or
      one workbook with a sheet each. They re-import with no mapping. Refuses an existing file.

Exit codes: 0 success (or nothing to import), 1 input or workspace refused (nothing changed), 2 usage error.
`;
