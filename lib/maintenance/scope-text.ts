import type { MaintenanceScope } from './schema';

// Kept apart from the schemas so the pages' browser code names a scope without loading zod.

/** `shop/catalog` or `shop (every service)`, for lists and reports. */
export function scopeText(scope: MaintenanceScope): string {
  return scope.service === undefined ? `${scope.namespace} (every service)` : `${scope.namespace}/${scope.service}`;
}
