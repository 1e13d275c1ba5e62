/**
 * A workspace whose folder cannot be written opens read-only, and the app says so and why, under
 * the top bar, for as long as it is true. The folder is a real tmpfs remounted read-only (root can
 * write through chmod, not through a read-only mount); where mount is not allowed the test is
 * skipped and says why.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliIn, expect, openApp, screenshotDir, startServe, test } from './serve-fixture';

function sh(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}

test('a read-only workspace opens, shows its figures and says it is read-only', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'qm-e2e-ro-'));
  const mounted = sh('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', dir]);
  test.skip(!mounted, 'mount -t tmpfs is not allowed on this machine, so no read-only folder can be made');
  try {
    const workspace = join(dir, 'workspace.sqlite');
    const init = cliIn()(['init', workspace, '--demo', '--as-of', '2026-11-21']);
    expect(init.status, init.stderr).toBe(0);
    expect(sh('mount', ['-o', 'remount,ro', dir])).toBe(true);
    const { url, child } = await startServe(workspace);
    try {
      const errors = await openApp(page, url);
      const banner = page.getByRole('status').filter({ hasText: 'Read-only.' });
      await expect(banner).toBeVisible();
      await expect(banner).toContainText('changes are refused');
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.screenshot({ path: join(screenshotDir, 'storage-read-only.png') });
      expect(errors).toEqual([]);
    } finally {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
  } finally {
    sh('umount', [dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});
