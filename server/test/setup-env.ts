// Quiet, deterministic environment for every database test file.
process.env.TZ = 'UTC';
process.env.NODE_ENV = 'test';
