import type { AppConfig } from '../../config/app-config.js';

/** The channel on which a changed key (revoked, its secret or roles replaced) is announced, one per schema. */
export const apiKeyChannel = (config: Pick<AppConfig, 'DB_SCHEMA'>) => `register_api_keys_${config.DB_SCHEMA ?? 'public'}`.slice(0, 63);
