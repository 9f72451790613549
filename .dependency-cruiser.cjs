// Architecture rules, checked by `npm run lint` (depcruise src test). All are errors.
//
// Bounded contexts: src/<ctx>/ for the names in CONTEXTS, each with domain/, application/,
// infrastructure/ and api/ layers, a <ctx>.module.ts (Nest wiring) and a public index.ts.
// Everything else under src/ (common/, config/, database/, health/, metrics/, cli/, main.ts,
// app.module.ts, app.factory.ts) is the shared kernel.
const CONTEXTS = 'assets|auth|budget|catalog|cross-checks|procurement|event-log|disclosure';
const CTX = `^src/(${CONTEXTS})/`;
const ANY_CTX_INDEX = `^src/(${CONTEXTS})/index[.]ts$`;
const ANY_CTX_MODULE = `^src/(${CONTEXTS})/[^/]+[.]module[.]ts$`;
// Tests: exempt from the context boundary (c), not from the domain's purity (a).
const TESTS = ['[.]spec[.]ts$', '/testing/'];
// The pure modules of common/ that a domain may use.
const DOMAIN_MAY_USE = '^src/common/(money|funding|errors|json|validation)/';
// Composition roots: they wire the contexts' Nest modules together.
const ROOTS = ['^src/main[.]ts$', '^src/app[.]module[.]ts$', '^src/app[.]factory[.]ts$', '^src/cli/'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // a. The domain is plain TypeScript: no framework, no database driver, no other layer.
    {
      name: 'domain-no-framework',
      severity: 'error',
      comment: 'domain/ must not import Nest, TypeORM or a database driver.',
      from: { path: '^src/(domain|.+/domain)/' },
      to: {
        path: [
          // resolved to node_modules/, or as written when unresolvable
          'node_modules/(@nestjs|typeorm|pg|@types/pg|@electric-sql/pglite)/',
          '^@nestjs/',
          '^(typeorm|pg|@electric-sql/pglite)($|/)',
        ],
      },
    },
    {
      name: 'domain-no-other-layer',
      severity: 'error',
      comment:
        "domain/ imports only its own context's domain, the pure common/ modules (money, funding, errors, json, " +
        "validation) and other contexts' public index.ts.",
      from: { path: '^src/([^/]+)/(domain|.+/domain)/', pathNot: TESTS },
      to: { path: '^src/', pathNot: ['^src/$1/(domain|.+/domain)/', DOMAIN_MAY_USE, ANY_CTX_INDEX] },
    },
    {
      name: 'domain-no-other-layer',
      severity: 'error',
      comment: 'domain/ tests: as domain/, and the common/testing/ helpers too.',
      from: { path: '^src/([^/]+)/(domain|.+/domain)/(.*[.]spec[.]ts|testing/.*|.*/testing/.*)$' },
      to: { path: '^src/', pathNot: ['^src/$1/(domain|.+/domain)/', DOMAIN_MAY_USE, '^src/common/testing/', ANY_CTX_INDEX] },
    },
    // b. Only api/ sits on top of application/ and infrastructure/.
    {
      name: 'no-import-of-api',
      severity: 'error',
      comment: 'application/ and infrastructure/ must not import api/ (of any context).',
      from: { path: '^src/[^/]+/(application|infrastructure)/' },
      to: { path: '^src/[^/]+/api/' },
    },
    // c. A context reaches another context only through its index.ts; Nest modules may import
    //    other contexts' modules (that is how contexts are wired).
    {
      name: 'context-via-index',
      severity: 'error',
      comment: "A context imports another context only through that context's src/<ctx>/index.ts.",
      from: { path: CTX, pathNot: [...TESTS, '[.]module[.]ts$'] },
      to: { path: CTX, pathNot: ['^src/$1/', ANY_CTX_INDEX] },
    },
    {
      name: 'context-via-index',
      severity: 'error',
      comment: "A context's module imports another context through its index.ts or its *.module.ts.",
      from: { path: `${CTX}.*[.]module[.]ts$`, pathNot: TESTS },
      to: { path: CTX, pathNot: ['^src/$1/', ANY_CTX_INDEX, ANY_CTX_MODULE] },
    },
    {
      name: 'kernel-via-index',
      severity: 'error',
      comment:
        'The shared kernel imports a context only through its index.ts; the composition roots (main.ts, app.module.ts, ' +
        'app.factory.ts, cli/) also through its *.module.ts.',
      from: { path: '^src/', pathNot: [CTX, ...TESTS] },
      to: { path: CTX, pathNot: [ANY_CTX_INDEX, ANY_CTX_MODULE] },
    },
    {
      name: 'kernel-via-index',
      severity: 'error',
      comment: 'The shared kernel (other than the composition roots) imports a context only through its index.ts.',
      from: { path: '^src/', pathNot: [CTX, ...TESTS, ...ROOTS] },
      to: { path: ANY_CTX_MODULE },
    },
    // d. No import cycles. A cycle that goes through a type-only import (`import type`) does not
    //    exist at run time, so it is not reported.
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'This module is part of an import cycle (type-only imports excluded).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/catalog/data/.*[.]json$'] },
    // See `import type` edges (as type-only), so rule a catches type imports from Nest/TypeORM too.
    tsPreCompilationDeps: true,
    // nodenext: `./x.js` in a .ts file resolves to ./x.ts (dependency-cruiser does that itself for TypeScript).
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
