export { generatePopulation, type PopulationOptions } from './population.js';
export { seedDatabase } from './seed-database.js';
export type { SeedOptions, SeedReport } from './types.js';
