import type { consoleZh } from './console.zh.ts';

// console messages in English: the same keys as the Chinese file.
export const consoleEn: typeof consoleZh = {
  errors: {},
};
