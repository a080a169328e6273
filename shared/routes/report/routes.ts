import * as z from 'zod';
import { defineRouteGroup } from '../../routing/route-group';

/** `GET /report/risk?name=<risk name>` (chariot-ui "Generate Now"). */
export const RiskReportQuery = z.object({ name: z.string().max(512).optional() });

/** `reports.export` (sdk/entities/reports.py `build_export_body`), documented (nothing in it is acted on). */
const ExportReportRequest = z.looseObject({
  config: z.looseObject({ title: z.string().optional(), client_name: z.string().optional(), report_date: z.string().optional() }).optional(),
  status_filter: z.array(z.string()).optional(),
  risk_keys: z.array(z.string()).optional(),
  customer_email: z.string().optional(),
  export_format: z.string().optional(),
  group_by: z.string().optional(),
  shared_output: z.boolean().optional(),
});

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
      body: ExportReportRequest,
      notAvailable: 'report export (a worker renders the PDF)',
      responses: {},
    },
  },
});
