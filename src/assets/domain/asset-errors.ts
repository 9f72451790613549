import { ConflictError, NotFoundError } from '../../common/errors/domain-error.js';

export function assetNotFound(assetId: string, field?: string): NotFoundError {
  return new NotFoundError('ASSET.NOT_FOUND', `Asset ${assetId} does not exist`, field, { assetId });
}

export function assetDisposed(assetId: string, disposedOn: string, verb: string): ConflictError {
  return new ConflictError('ASSET.DISPOSED', `Asset ${assetId} was disposed of on ${disposedOn}; cannot ${verb} it`, undefined, {
    assetId,
    disposedOn,
  });
}
