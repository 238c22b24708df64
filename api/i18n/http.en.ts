import type { httpZh } from './http.zh.ts';

export const httpEn: typeof httpZh = {
  errors: {
    method_not_allowed: 'This request method is not supported.',
    invalid_path: 'The address of this request is not valid.',
    too_many_tries: 'Too many attempts. Please try again in 10 minutes; if you lost your code, call the 12345 hotline.',
    storage_unavailable: 'Photos cannot be saved right now. Please try again later, or send the report without photos.',
  },
};
