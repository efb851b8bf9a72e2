import 'server-only';

export { AlertmanagerError, expireSilence, postSilence } from './client';
export { createMaintenanceWindow, deleteMaintenanceWindow, retrySilence } from './maintenance';
