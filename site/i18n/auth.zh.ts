// auth messages (简体中文). Error codes go in `errors`; they join the shared error catalog.
export const authZh = {
  errors: {} as Record<string, string>,
};
