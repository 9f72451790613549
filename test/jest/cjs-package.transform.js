// Jest (30, on Node < 24.9) cannot `require()` an ES module, so a CommonJS package that requires
// the ESM-only Nest 12 packages (e.g. @nestjs/throttler, which Node itself loads fine through
// require(esm)) fails to load in the test runner. This transformer turns such a package into one
// ES module: its own CommonJS files, unchanged, run in function scopes with a local `require`
// that hands out the package's other files and, for anything outside the package, the ES module
// namespaces imported at the top — the same instances the application uses. Tests so run the
// package's published code; only the module wrapper differs from production.
//
// Used through a stub `.mjs` file (Jest treats .mjs as ESM) mapped in jest.config.js; the stub's
// first line names the package: `// cjs-package: @nestjs/throttler`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const requireFromHere = createRequire(import.meta.url);

function resolveRelative(from, spec) {
  const base = join(dirname(from), spec);
  for (const candidate of [base, `${base}.js`, join(base, 'index.js')]) {
    if (existsSync(candidate) && candidate.endsWith('.js')) return candidate;
  }
  throw new Error(`cjs-package: cannot resolve ${spec} from ${from}`);
}

function bundle(pkg) {
  const entry = requireFromHere.resolve(pkg);
  const files = new Map(); // absolute path → { code, resolved: { spec → absolute path } }
  const externals = new Set();
  const visit = (file) => {
    if (files.has(file)) return;
    const code = readFileSync(file, 'utf8');
    const resolved = {};
    files.set(file, { code, resolved });
    for (const [, spec] of code.matchAll(/require\("([^"]+)"\)/g)) {
      if (spec.startsWith('.')) {
        resolved[spec] = resolveRelative(file, spec);
        visit(resolved[spec]);
      } else externals.add(spec);
    }
  };
  visit(entry);

  // The entry's export names: its own `exports.X =` / defineProperty, and those of `export *` files.
  const names = new Set();
  const collect = (file) => {
    const { code, resolved } = files.get(file);
    for (const [, name] of code.matchAll(/exports\.([A-Za-z_$][\w$]*) =/g)) names.add(name);
    for (const [, name] of code.matchAll(/Object\.defineProperty\(exports, "([A-Za-z_$][\w$]*)"/g)) names.add(name);
    for (const [, spec] of code.matchAll(/__exportStar\(require\("([^"]+)"\), exports\)/g)) collect(resolved[spec]);
  };
  collect(entry);
  names.delete('__esModule');
  if (names.size === 0) throw new Error(`cjs-package: found no exports in ${pkg}`);

  const ext = [...externals];
  const out = [];
  ext.forEach((spec, i) => out.push(`import * as __ext${i} from ${JSON.stringify(spec)};`));
  out.push(`const __external = { ${ext.map((spec, i) => `${JSON.stringify(spec)}: __ext${i}`).join(', ')} };`);
  out.push('const __factories = {};', 'const __resolved = {};', 'const __cache = {};');
  for (const [file, { code, resolved }] of files) {
    out.push(`__resolved[${JSON.stringify(file)}] = ${JSON.stringify(resolved)};`);
    out.push(`__factories[${JSON.stringify(file)}] = function (module, exports, require) {\n${code}\n};`);
  }
  out.push(`
function __load(file) {
  if (!__cache[file]) {
    const module = { exports: {} };
    __cache[file] = module;
    const require = (spec) => {
      if (spec in __external) return __external[spec];
      const target = __resolved[file][spec];
      if (!target) throw new Error('cjs-package: unexpected require(' + spec + ') in ' + file);
      return __load(target);
    };
    __factories[file].call(module.exports, module, module.exports, require);
  }
  return __cache[file].exports;
}
const __entry = __load(${JSON.stringify(entry)});
export const { ${[...names].join(', ')} } = __entry;
export default __entry;`);
  return out.join('\n');
}

export default {
  process(source, path) {
    const pkg = /^\/\/ cjs-package: (\S+)/.exec(source)?.[1];
    if (!pkg) throw new Error(`cjs-package: ${path} does not name a package on its first line`);
    return { code: bundle(pkg) };
  },
  getCacheKey(source) {
    const pkg = /^\/\/ cjs-package: (\S+)/.exec(source)?.[1] ?? '';
    const version = JSON.parse(readFileSync(requireFromHere.resolve(`${pkg}/package.json`), 'utf8')).version;
    return `cjs-package:1:${pkg}@${version}`;
  },
};
