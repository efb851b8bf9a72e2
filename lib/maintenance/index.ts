export * from './schema';
export * from './intervals';
export { silenceFor, type PostableSilence, type SilenceMatcher } from './silence';
export { maintenanceNote } from './note';
export { markOverlaps, periodsIn } from './mark';
