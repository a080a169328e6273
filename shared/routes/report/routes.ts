import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

/** `GET /report/risk?name=<risk name>` (chariot-ui "Generate Now"). */
export const RiskReportQuery = z.object({ name: z.string().max(512).optional() });

/**
 * Exports and reports. `GET /risk/export` is real: the caller's risks as a CSV file in the tenant's files, named in
 * the answer (chariot-ui then downloads it with `GET /file`). The two generated reports need machinery this
 * deployment lacks (an LLM writing risk definitions, a PDF renderer) and answer 501 saying so.
 */
export default defineRouteGroup({
  name: 'report',
  service: 'operations',
  access: { table: 'readWrite', files: true },
  routes: {
    'GET /risk/export': {
      auth: 'jwt',
      summary: "Export the tenant's risks as CSV to exports/risks-<time>.csv; answers {file}",
      responses: { 200: z.object({ file: z.string().describe('The file name, for GET /file?name='), risks: z.number().describe('Rows exported') }) },
    },
    'GET /report/risk': {
      auth: 'jwt',
      summary: 'chariot-ui "Generate Now" risk definition: not available here (no definition writer)',
      query: RiskReportQuery,
      notAvailable: 'risk definition generation (an LLM writes definitions/<risk name>)',
      responses: {},
    },
    'POST /export/report': {
      auth: 'jwt',
      summary: 'praetorian-cli 2.x report export (PDF/ZIP): not available here (no report renderer)',
      body: z.looseObject({}),
      notAvailable: 'report export (a worker renders the PDF)',
      responses: {},
    },
  },
});
