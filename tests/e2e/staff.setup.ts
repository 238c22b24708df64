// Signs the shared demo accounts in once per run and keeps each session (cookie) and landing page for staffPage().
import { test as setup } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SHARED_SIGN_INS, signIn, signInFile } from './staff.ts';

setup('the demo staff sign in once for the whole run', async ({ browser }) => {
  for (const username of SHARED_SIGN_INS) {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await signIn(page, username);
    const file = signInFile(username);
    mkdirSync(dirname(file), { recursive: true });
    const state = await context.storageState();
    writeFileSync(file, JSON.stringify({ ...state, landing: new URL(page.url()).pathname }));
    await context.close();
  }
});
