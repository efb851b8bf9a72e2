export * from './schema';
export * from './intervals';
export { scopeText } from './scope-text';
export { silenceFor, type PostableSilence, type SilenceMatcher } from './silence';
export { maintenanceNote } from './note';
export { markOverlaps, periodsIn } from './mark';
