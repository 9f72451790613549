import type { Duplex } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module.js';
import { AmountWarningsInterceptor } from './common/http/amount-warnings.js';
import { completeDocument } from './common/http/openapi-completion.js';
import { ErrorFilter } from './common/http/error.filter.js';
import { InputSafetyPipe } from './common/http/input-safety.pipe.js';
import { StartupQuietLogger } from './common/http/startup-logger.js';
import { createValidationPipe } from './common/http/validation.js';
import type { AppConfig } from './config/app-config.js';

/**
 * Requests Node's HTTP parser refuses (malformed header bytes, a raw UTF-8 URL) never reach
 * Express; Node's default answer is a bare 400. They get the API's error shape instead.
 */
function answerClientErrorsInShape(app: NestExpressApplication): void {
  const server = app.getHttpServer();
  server.on('clientError', (err: Error & { code?: string }, socket: Duplex) => {
    if (!socket.writable || (err.code === 'ECONNRESET' && socket.destroyed)) return socket.destroy();
    const tooLarge = err.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? 431 : 400;
    const body = JSON.stringify({
      statusCode: status,
      code: tooLarge ? 'HTTP.REQUEST_HEADER_FIELDS_TOO_LARGE' : 'HTTP.BAD_REQUEST',
      message: tooLarge
        ? 'Request headers are too large'
        : 'Malformed HTTP request: the URL and headers must be ASCII; percent-encode other characters (curl -G --data-urlencode)',
      field: null,
    });
    socket.end(
      `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

/** The application as `main.ts` serves it and the e2e suites test it: one assembly, no drift. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new StartupQuietLogger(app.get(Logger)));
  if (config.TRUST_PROXY > 0) app.set('trust proxy', config.TRUST_PROXY);
  // Not `upgrade-insecure-requests`: on an intranet the service is often reached over plain HTTP,
  // where that directive would send Swagger UI's own scripts to an https:// that is not there.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  app.useBodyParser('json', { limit: '1mb' });
  // POST /disclosures takes the document text as text/plain (a published budget is far below 10 MB).
  app.useBodyParser('text', { type: 'text/plain', limit: '10mb' });
  app.useGlobalPipes(new InputSafetyPipe(), createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalInterceptors(new AmountWarningsInterceptor());
  if (options.shutdownHooks !== false) app.enableShutdownHooks();
  answerClientErrorsInShape(app);

  const document = completeDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Procurement and asset register')
        .setDescription(
          '政府采购预算 and 固定资产 register of budget units, with an event log. Money is in 元 as decimal strings with ' +
            'at most 2 decimals. Errors are `{ statusCode, code, message, field? }`. Writes accept an ' +
            '`Idempotency-Key` header: a retry with the same key returns the first answer and writes nothing. ' +
            'Every route except /health and /docs needs `Authorization: Bearer <API key or token>`.',
        )
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (par_…) or a JWT of the identity provider' })
        .addSecurityRequirements('bearer')
        .setVersion('0.1.0')
        .build(),
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
