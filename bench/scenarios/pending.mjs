// Figures whose features or scenarios have not landed on this branch: reported as null with the
// reason, never invented. When a scenario lands, its module goes into index.mjs and its keys
// leave this list.
export const PENDING = {
  postgres: {},
  pglite: {},
};

export const meta = {
  databases: ['postgres'],
  targets: {},
};
