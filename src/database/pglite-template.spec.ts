import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialiseFolder, pgliteTemplate } from './pglite-template.js';

// The template and the folder are made by a child process (node -e); these check what it leaves.
describe('PGlite template cluster', () => {
  const root = mkdtempSync(join(tmpdir(), 'pglite-template-spec-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('unpacks an initialised cluster into a new folder and leaves no partial folder beside it', async () => {
    const folder = join(root, 'data');
    await initialiseFolder(folder);
    expect(readFileSync(join(folder, 'PG_VERSION'), 'utf8').trim()).toMatch(/^\d+$/);
    expect(readdirSync(folder)).toEqual(expect.arrayContaining(['base', 'global', 'pg_wal', 'postgresql.conf']));
    expect(readdirSync(root)).toEqual(['data']);
  });

  it('serves the template as a tarball', async () => {
    const tar = await pgliteTemplate();
    // A tar's first header names its first entry; ustar magic at offset 257.
    const header = new Uint8Array(await tar.slice(0, 512).arrayBuffer());
    expect(Buffer.from(header.subarray(257, 262)).toString('latin1')).toBe('ustar');
  });

  it('names the child process failure when the folder cannot be made', async () => {
    await expect(initialiseFolder(join(root, 'missing-parent', 'data'))).rejects.toThrow(/the PGlite initialiser exited \(1\)/);
    expect(readdirSync(root)).toEqual(['data']);
  });
});
