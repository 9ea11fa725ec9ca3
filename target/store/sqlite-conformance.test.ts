import { describeStoreConformance } from './conformance/index.js';
import { SQLITE_SUBJECTS } from './sqlite-subjects.js';

for (const subject of SQLITE_SUBJECTS) describeStoreConformance(subject);
