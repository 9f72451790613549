import { describe, expect, it } from '@jest/globals';
import type { LoggerService } from '@nestjs/common';
import { StartupQuietLogger } from './startup-logger.js';

function recording(): { logger: LoggerService; lines: Array<[string, unknown, unknown]> } {
  const lines: Array<[string, unknown, unknown]> = [];
  const at = (level: string) => (message: unknown, context?: unknown) => lines.push([level, message, context]);
  return { logger: { log: at('info'), error: at('error'), warn: at('warn'), debug: at('debug'), verbose: at('verbose') }, lines };
}

describe('start-up logging', () => {
  it("logs Nest's module and route mapping at debug, everything else as it was", () => {
    const { logger, lines } = recording();
    const quiet = new StartupQuietLogger(logger);
    quiet.log('Mapped {/purchases/:id, GET} route', 'RouterExplorer');
    quiet.log('PurchaseController {/}:', 'RoutesResolver');
    quiet.log('AppModule dependencies initialized', 'InstanceLoader');
    quiet.log('listening on http://localhost:3000 (database: pglite)', 'Main');
    quiet.warn('No API key exists', 'AdminKeyBootstrap');
    expect(lines).toEqual([
      ['debug', 'Mapped {/purchases/:id, GET} route', 'RouterExplorer'],
      ['debug', 'PurchaseController {/}:', 'RoutesResolver'],
      ['debug', 'AppModule dependencies initialized', 'InstanceLoader'],
      ['info', 'listening on http://localhost:3000 (database: pglite)', 'Main'],
      ['warn', 'No API key exists', 'AdminKeyBootstrap'],
    ]);
  });
});
