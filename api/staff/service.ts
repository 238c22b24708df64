import type { Db } from '../../db/client.ts';
import type { Config } from '../config.ts';
import { createAccounts } from './accounts.ts';
import { createApiKeys } from './api-keys.ts';
import type { Audit } from './audit.ts';
import { createAuditLog } from './audit-log.ts';
import { createAuth } from './auth.ts';
import { createCatalogAdmin } from './catalog-admin.ts';
import type { Sessions } from './sessions.ts';

type Deps = { db: Db; clock: () => Date; config: Pick<Config, 'REQUIRE_2FA' | 'OPEN311_API_KEY'>; sessions: Sessions; audit: Audit };

/** Staff accounts and security: signing in, accounts, admin of units and categories, API keys, the audit log. */
export function createStaffService({ db, clock, config, sessions, audit }: Deps) {
  const accounts = createAccounts({ db, clock, sessions, audit });
  return {
    accounts,
    auth: createAuth({ db, clock, sessions, audit, accounts, requireTwoFactorForAdmins: config.REQUIRE_2FA }),
    catalog: createCatalogAdmin({ db, audit }),
    auditLog: createAuditLog(db),
    apiKeys: createApiKeys({ db, clock, audit, configuredKey: config.OPEN311_API_KEY }),
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
