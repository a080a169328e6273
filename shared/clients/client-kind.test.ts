import { clientKind, fileDownloadAnswer, readsUiRiskVocabulary } from './client-kind';

describe('telling clients apart by what they send', () => {
  const ui = { Origin: 'https://chariot.example', 'Sec-Fetch-Mode': 'cors', Accept: 'application/json, text/plain, */*' };
  const sdk = { 'User-Agent': 'python-requests/2.32.3', Accept: '*/*' };

  test('a browser XHR (chariot-ui), an SDK (either era) and anything else', () => {
    expect(clientKind(ui)).toBe('browser');
    // Node's fetch (undici) sends Sec-Fetch-Mode: cors on every request, but never an Origin: only Origin decides.
    expect(clientKind({ 'sec-fetch-mode': 'cors' })).toBe('other');
    expect(clientKind(sdk)).toBe('sdk');
    expect(clientKind({ 'user-agent': 'curl/8.5.0' })).toBe('other');
    expect(clientKind({})).toBe('other');
  });

  test('file download: bytes for the browser, {url} for everyone else; UI risk vocabulary for the browser only', () => {
    expect([fileDownloadAnswer('browser'), fileDownloadAnswer('sdk'), fileDownloadAnswer('other')]).toEqual(['bytes', 'url', 'url']);
    expect([readsUiRiskVocabulary('browser'), readsUiRiskVocabulary('sdk')]).toEqual([true, false]);
  });
});
