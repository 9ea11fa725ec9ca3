import type { Faker, FakerOptions, Randomizer } from '@faker-js/faker';
import { faker as fakerEn } from '@faker-js/faker/locale/en';

// The package root loads every locale (~300 ms per worker thread); the `en` entry loads only
// English and exports just an instance, so its class is reached through the instance.
const FakerClass = fakerEn.constructor as new (options: FakerOptions) => Faker;

/**
 * A new Faker (locale en) drawing from `randomizer`, so seeding it is seeding `randomizer`.
 * Construction costs about 0.2 ms: callers create one per VU, lazily.
 */
export function createFaker(randomizer: Randomizer): Faker {
  return new FakerClass({ locale: fakerEn.rawDefinitions, randomizer });
}
