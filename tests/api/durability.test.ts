// Mixed load (reports and staff accepting them) with SIGKILL at random moments: nothing acknowledged is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { durabilityRounds } from '../helpers/durability.ts';
import { freePort } from '../helpers/server-process.ts';

test('durability: SIGKILL during mixed load loses no acknowledged report or action', { timeout: 180_000 }, async () => {
  const dir = 'tests/.tmp/durability-mixed';
  rmSync(dir, { recursive: true, force: true });
  const rounds = Number(process.env.DURABILITY_ROUNDS ?? 3);
  const result = await durabilityRounds(rounds, await freePort(), dir);
  assert.deepEqual(result.problems, []);
  assert.ok(result.acked > 0 && result.accepted > 0, `${result.acked} reports, ${result.accepted} accepted`);
});
