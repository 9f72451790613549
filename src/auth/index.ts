// The auth context's public surface: what the service's start-up needs.
export { AdminKeyBootstrap } from './application/admin-key-bootstrap.js';
