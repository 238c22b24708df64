import { parseArgs } from 'node:util';
import type { Services } from '../services.ts';
import { errorMessage, isAppError, localizeFields } from '../shared/errors.ts';
import type { Actor } from './audit-log.ts';

export const STAFF_USAGE = `usage: npm run staff -- <command> [options]
  create --username NAME --role admin|dispatcher|handler|viewer [--unit UNIT] [--name 显示名] [--password PW]
         prints a generated password unless --password is given
  reset-password --username NAME     prints a new generated password, unlocks, signs out everywhere
  deactivate --username NAME         the account can no longer sign in
  list                               every account with its role, unit and state`;

const CLI: Actor = { id: null, username: '(cli)' }; // parentheses: no real username can look like this

/** The staff CLI's commands, on given services (the tests run them in-process). Returns the exit code. */
export async function runStaffCommand(services: Services, argv: string[], out: (line: string) => void = console.log): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: { username: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    });
  } catch (e) {
    out(`${(e as Error).message}\n${STAFF_USAGE}`);
    return 2;
  }
  const { positionals: [command], values } = parsed;
  const { accounts } = services.staff;
  const find = () => {
    const row = values.username ? accounts.rowByUsername(values.username) : undefined;
    if (!row) out(values.username ? `no account named "${values.username}"` : `--username is required\n${STAFF_USAGE}`);
    return row;
  };
  try {
    switch (command) {
      case 'create': {
        const { account, password } = await accounts.create({
          username: values.username, role: values.role, unitId: values.unit, displayName: values.name ?? values.username, password: values.password,
        }, CLI);
        out(`created ${account.username} (${account.role}${account.unitId ? `, ${account.unitId}` : ''})`);
        if (password) out(`password: ${password}\n(shown once: hand it over safely; it can be changed under /staff/account)`);
        return 0;
      }
      case 'reset-password': {
        const row = find();
        if (!row) return 1;
        out(`new password for ${row.username}: ${await accounts.resetPassword(row.id, CLI)}`);
        return 0;
      }
      case 'deactivate': {
        const row = find();
        if (!row) return 1;
        accounts.setActive(row.id, false, CLI);
        out(`deactivated ${row.username}`);
        return 0;
      }
      case 'list': {
        for (const a of accounts.list()) {
          const state = [a.active ? 'active' : 'deactivated', a.locked ? 'locked' : '', a.totpEnabled ? '2fa' : ''].filter(Boolean).join(',');
          out([a.username.padEnd(16), a.role.padEnd(10), (a.unitId ?? '-').padEnd(12), state, a.displayName].join(' '));
        }
        return 0;
      }
      default:
        out(STAFF_USAGE);
        return 2;
    }
  } catch (e) {
    if (!isAppError(e)) throw e;
    const fields = Object.entries(localizeFields('en', e) ?? {}).map(([k, m]) => `  --${k === 'unitId' ? 'unit' : k === 'displayName' ? 'name' : k}: ${m}`);
    out([`error: ${errorMessage('en', e.code, e.vars)}`, ...fields].join('\n'));
    return 1;
  }
}
