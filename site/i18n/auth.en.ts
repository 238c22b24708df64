import type { authZh } from './auth.zh.ts';

// auth messages in English: the same keys as the Chinese file.
export const authEn: typeof authZh = {
  errors: {},
};
