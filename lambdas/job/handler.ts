// Placeholder until the middy handler for the 'job' route group lands (issue 4).
export const handler = async () => ({ statusCode: 501, body: JSON.stringify({ error: 'not implemented' }) });
