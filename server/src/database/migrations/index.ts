import { InitialDirectory1795305600000 } from './1795305600000-InitialDirectory';

/** Migrations in order. New ones are appended here (explicit imports work from src/ and dist/ alike). */
export const MIGRATIONS = [InitialDirectory1795305600000];
