export * from './errors.js';
export * from './constants.js';
export * from './api/health.js';
export * from './api/directory.js';
export * from './api/auth.js';
export * from './api/journals.js';
export * from './api/tickets.js';
export * from './api/calendar.js';
