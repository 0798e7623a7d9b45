/** The import's date readers live in shared/dateText.ts, so the forms' date field reads dates the same way. */
export { toDateRange, toDayOrMonth, toIsoDate, type DayOrMonth } from '../../../shared/dateText';
