// The published data the researchers' page is tested on, loaded through the API as focal points and staff would:
// the sample returns of Mexico, Brazil and Haiti for 2025, Jamaica's small 2025 return (whose count of child victims,
// 3, disclosure control suppresses), and returns of the same states for 2024, so that two years are published.
import { api, adminKey, contentTypes, issueKey, jsonReturn, sample, submit } from './api.mjs';

export const suppressedState = 'JAM';

const returns2024 = [
  { country: 'MEX', victims: 48, population: 40_100_000, prosecuted: 60, convicted: 21, palermo: 'RATIFIED' },
  { country: 'BRA', victims: 95, population: 54_000_000, prosecuted: 110, convicted: 38, palermo: 'RATIFIED' },
  { country: 'HTI', victims: 14, population: 4_300_000, prosecuted: 12, convicted: 4, palermo: 'SIGNED' },
  { country: 'JAM', victims: 7, population: 640_000, prosecuted: 9, convicted: 5, palermo: 'RATIFIED' },
];

/** Loads the returns and publishes the 2024 and 2025 snapshots; returns the keys issued, by state. */
export async function publishTestData() {
  const keys = {};
  for (const country of ['MEX', 'BRA', 'HTI', 'JAM']) keys[country] = (await issueKey(country)).key;

  const verdicts = await Promise.all([
    submit(keys.MEX, { country: 'MEX', year: 2025, fileName: 'mexico-2025-es.xlsx', bytes: sample('mexico-2025-es.xlsx'), contentType: contentTypes.xlsx }),
    submit(keys.BRA, { country: 'BRA', year: 2025, fileName: 'brasil-2025-pt.csv', bytes: sample('brasil-2025-pt.csv'), contentType: contentTypes.csv }),
    submit(keys.HTI, { country: 'HTI', year: 2025, fileName: 'haiti-2025-fr.xlsx', bytes: sample('haiti-2025-fr.xlsx'), contentType: contentTypes.xlsx }),
    submit(keys.JAM, {
      country: 'JAM', year: 2025, contentType: contentTypes.json, fileName: 'jamaica-2025.json',
      bytes: jsonReturn({ country: 'JAM', year: 2025, victims: 3, population: 650_000, prosecuted: 8, convicted: 3 }),
    }),
    ...returns2024.map(r => submit(keys[r.country], { country: r.country, year: 2024, contentType: contentTypes.json, fileName: `${r.country.toLowerCase()}-2024.json`, bytes: jsonReturn({ ...r, year: 2024 }) })),
  ]);
  const notAccepted = verdicts.filter(v => v.status !== 'accepted');
  if (notAccepted.length > 0) throw new Error(`returns not accepted: ${JSON.stringify(notAccepted.map(v => [v.id, v.status, v.errors]))}`);

  for (const year of [2024, 2025]) {
    const published = await api('POST', `snapshots/${year}`, { key: adminKey });
    if (published.status !== 201) throw new Error(`publishing ${year}: ${published.status} ${JSON.stringify(published.body)}`);
  }
  return keys;
}
