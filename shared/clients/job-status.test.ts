import { clientJobStatus, clientJobView } from './job-status';

describe('job status as the clients compare it', () => {
  test.each([
    ['JQ#2026-01-02T03:04:05Z', 'JQ'],
    ['JR#2026-01-02T03:04:05Z', 'JR'],
    ['JF#2026-01-02T03:04:05Z', 'JF'],
    ['JP#2026-01-02T03:04:05Z', 'JP'],
    ['JRA#2026-01-02T03:04:05Z', 'JR'],
    ['JQA#2026-01-02T03:04:05Z', 'JQ'],
    ['JP', 'JP'],
    ['XX#t', 'XX'],
  ])('%s → %s', (stored, code) => expect(clientJobStatus(stored)).toBe(code));

  test('the view keeps every other field', () => {
    const job = { key: '#job#a.com#a.com#nuclei', status: 'JQ#2026-01-02T03:04:05Z', updated: '2026-01-02T03:04:05Z' };
    expect(clientJobView(job)).toEqual({ ...job, status: 'JQ' });
    expect(job.status).toBe('JQ#2026-01-02T03:04:05Z');
  });
});
