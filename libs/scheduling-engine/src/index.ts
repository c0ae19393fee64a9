export * from './time/interval';
export * from './time/weekly-availability';
export * from './slots/find-common-slots';
export * from './recurrence/cadence';
export * from './recurrence/series-plan';
export * from './recurrence/expand-series';
export * from './icalendar/meeting-calendar';
export * from './icalendar/busy-calendar';
