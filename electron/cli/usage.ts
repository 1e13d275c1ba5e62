export const usage = `Usage: npm run cli -- <command> [options]

Commands:
  init <file.sqlite> [--demo [--as-of YYYY-MM-DD]] [--name NAME] [--currency USD] [--fiscal-start-month 1-12]
      Create a new workspace (empty, or the demo company with --demo). Refuses an existing file.
  export <file.sqlite> [--format json] [--out file.json]
      Write the workspace as JSON to --out, or to standard output.
  check <file.sqlite>
      Integrity and schema check: prints "ok: …" or the reason the file is refused.

Exit codes: 0 success, 1 input or workspace refused (nothing changed), 2 usage error.
`;
