import { faker } from '@faker-js/faker/locale/en';
import type { Random } from './random.js';

/** The display names, bios and post texts of a seeded population. */
export interface TextGenerator {
  /** "First Last". */
  displayName(): string;
  /** A short profile line ("foodie, engineer", "coffee enthusiast 🎉"). */
  bio(): string;
  /** A sentence of 3 to 18 words, sometimes with an emoji; well under 500 characters. */
  postText(): string;
}

const words = faker.definitions.word;
const person = faker.definitions.person;
const firstNames = [
  ...(person.first_name.generic ?? []),
  ...(person.first_name.female ?? []),
  ...(person.first_name.male ?? []),
];
const lastNames = person.last_name.generic ?? [];
const vocabulary = [...words.adjective, ...words.noun, ...words.verb, ...words.adverb];
const emoji = Object.values(faker.definitions.internet.emoji).flat();
// Lists faker's bio patterns use but its types do not declare.
const bioParts = stringList(person.bio_part, 'person.bio_part');
const bioSupporters = stringList(person.bio_supporter, 'person.bio_supporter');

/**
 * Text drawn with `random` from faker's English word lists. faker's own generators cost about
 * 10 µs per name (measured: 1.9 s for 200,000 `person.fullName()`), too slow for a million
 * users in the seeding budget; picking from the same lists with our PRNG costs well under 1 µs
 * and stays deterministic for a given seed.
 */
export function createTextGenerator(random: Random): TextGenerator {
  const pick = (list: readonly string[]): string => list[random.int(list.length)]!;
  const maybeEmoji = (): string => (random.int(4) === 0 ? ` ${pick(emoji)}` : '');
  return {
    displayName: () => `${pick(firstNames)} ${pick(lastNames)}`,
    bio() {
      if (random.int(3) === 0) {
        return `${pick(words.noun)} ${pick(bioSupporters)}${maybeEmoji()}`;
      }
      const parts = Array.from({ length: 1 + random.int(3) }, () => pick(bioParts));
      return `${parts.join(', ')}${maybeEmoji()}`;
    },
    postText() {
      const first = pick(vocabulary);
      let sentence = first.charAt(0).toUpperCase() + first.slice(1);
      for (let words = 2 + random.int(16); words > 0; words--) sentence += ` ${pick(vocabulary)}`;
      return `${sentence}.${maybeEmoji()}`;
    },
  };
}

function stringList(value: unknown, name: string): readonly string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new Error(`faker's English locale has no string list ${name}`);
  }
  return value;
}
