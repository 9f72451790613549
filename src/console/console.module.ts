import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { ConsoleRedirectController } from './console-redirect.controller.js';

/** Where `npm run build:web` puts the console: `dist/web`, beside the compiled service. */
export const DEFAULT_CONSOLE_ROOT = fileURLToPath(new URL('../web', import.meta.url));

/** URL prefix of the web console (工作台). */
export const CONSOLE_PATH = '/app';

/**
 * The web console, served by the service itself (no second server, no CDN): the Vite build's
 * files under /app/, every other path below it answered with index.html so the console's
 * history-mode routes survive a reload, and / redirected to /app/. Hashed assets never change,
 * so they may be cached for good; index.html must be revalidated to pick up a new build.
 */
@Module({})
export class ConsoleModule {
  static forRoot(rootPath: string = DEFAULT_CONSOLE_ROOT): DynamicModule {
    // Without a build (a test run of the API alone) there is nothing to serve, and no route is added.
    if (!existsSync(join(rootPath, 'index.html'))) return { module: ConsoleModule, controllers: [ConsoleRedirectController] };
    return {
      module: ConsoleModule,
      imports: [
        ServeStaticModule.forRoot({
          rootPath,
          serveRoot: CONSOLE_PATH,
          // A missing script or stylesheet is a 404, not index.html served as if it were one.
          exclude: /^\/app\/assets\//,
          serveStaticOptions: {
            index: 'index.html',
            setHeaders: (res: { setHeader(name: string, value: string): void }, path: string) =>
              res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache'),
          },
        }),
      ],
      controllers: [ConsoleRedirectController],
    };
  }
}
