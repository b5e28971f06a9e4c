// Loads and publishes the data the portal's tests read (support/data.mjs), once, before the tests run.
import { publishTestData } from './data.mjs';

try {
  await publishTestData();
  console.log('test data published: 2024 and 2025');
} catch (error) {
  console.error(`could not load the test data: ${error.message}`);
  process.exit(1);
}
