import { describe, expect, it, jest } from '@jest/globals';
import type { ArgumentsHost } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error.js';
import { ErrorFilter } from './error.filter.js';

function host(headersSent: boolean) {
  const res = {
    headersSent,
    statusCode: 200,
    status: jest.fn(function (this: { statusCode: number }, code: number) {
      this.statusCode = code;
      return this;
    }),
    json: jest.fn(),
    setHeader: jest.fn(),
    destroy: jest.fn(),
  };
  const req = { headers: {} };
  const context = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  return { res, context };
}

describe('ErrorFilter', () => {
  it('answers an error as { statusCode, code, message, field }', () => {
    const { res, context } = host(false);
    new ErrorFilter().catch(new NotFoundError('PURCHASE.NOT_FOUND', 'No such purchase'), context);
    expect(res.status).toHaveBeenCalledWith(404);
    expect(res.json).toHaveBeenCalledWith(expect.objectContaining({ statusCode: 404, code: 'PURCHASE.NOT_FOUND' }));
    expect(res.destroy).not.toHaveBeenCalled();
  });

  it('cuts the connection of an answer already under way (a streamed feed page) instead of appending an error to it', () => {
    const { res, context } = host(true);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    new ErrorFilter().catch(new Error('Connection terminated unexpectedly'), context);
    expect(res.destroy).toHaveBeenCalledTimes(1);
    expect(res.status).not.toHaveBeenCalled();
    expect(res.json).not.toHaveBeenCalled();
    expect(logged).toHaveBeenCalledWith(expect.stringContaining('answer cut off'));
    logged.mockRestore();
  });
});
