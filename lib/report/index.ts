import 'server-only';

export { buildReport } from './report';
export { reportResponse } from './http';
export { PeriodError, resolvePeriods, type ReportPeriods } from './period';
export { csvFilename, reportCsv } from './csv';
export { reportSchema, type Report } from './schema';
